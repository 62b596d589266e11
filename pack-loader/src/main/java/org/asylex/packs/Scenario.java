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

  /** The expected finding of one element; groups and missing facts are checked when given. */
  public record Expected(
      Outcome outcome,
      Optional<Set<String>> groups,
      Optional<Set<String>> missing,
      SourcePosition origin) {}

  /** A scenario file: its scenarios, and the problems that kept others from being read. */
  public record File(String path, List<Scenario> scenarios) {
    public File {
      scenarios = List.copyOf(scenarios);
    }
  }
}
