package org.asylex.packs;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.asylex.engine.diagnostic.SourcePosition;
import org.asylex.engine.policy.Outcome;

/**
 * A case, a date and the findings the policy must give for it: a test written as data that a lawyer
 * can read and extend (docs/scenarios.md).
 *
 * @param facts the case facts as a case file gives them (texts, booleans, numbers, nulls)
 * @param expect the expected finding per element; elements not named are not checked
 */
public record Scenario(
    String name,
    SourcePosition origin,
    LocalDate asOf,
    Map<String, String> assume,
    Map<String, Object> facts,
    Map<String, Expected> expect) {

  public Scenario {
    assume = Map.copyOf(assume);
    facts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(facts));
    expect = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(expect));
  }

  /**
   * The expected finding of one element; groups and missing facts are checked when given.
   *
   * @param restsOn assumptions the finding must name among those it rests on
   * @param notRestsOn assumptions the finding must not name
   */
  public record Expected(
      Outcome outcome,
      Optional<Set<String>> groups,
      Optional<Set<String>> missing,
      Set<String> restsOn,
      Set<String> notRestsOn,
      SourcePosition origin) {
    public Expected {
      restsOn = Set.copyOf(restsOn);
      notRestsOn = Set.copyOf(notRestsOn);
    }

    /** An expectation of outcome, groups and missing facts only. */
    public Expected(
        Outcome outcome,
        Optional<Set<String>> groups,
        Optional<Set<String>> missing,
        SourcePosition origin) {
      this(outcome, groups, missing, Set.of(), Set.of(), origin);
    }
  }

  /** A scenario file: its scenarios, and the problems that kept others from being read. */
  public record File(String path, List<Scenario> scenarios) {
    public File {
      scenarios = List.copyOf(scenarios);
    }
  }
}
