package org.asylex.packs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.asylex.engine.assessment.Assessment;
import org.asylex.engine.assessment.CaseInput;
import org.asylex.engine.assessment.CompiledPolicy;
import org.asylex.engine.assessment.Finding;
import org.asylex.engine.assessment.InputError;
import org.asylex.engine.assessment.RuleTrace;
import org.asylex.engine.assessment.TraceNode;
import org.asylex.engine.policy.AssumptionValues;
import org.asylex.engine.policy.PolicyPack;

/**
 * Runs scenarios against a pack: validates the facts as any case input, assesses with the
 * scenario's assumption values, and compares each expected finding. A failure names the element,
 * what was expected, what came out, and the evaluation trace.
 */
public final class ScenarioRunner {
  private final PolicyPack pack;
  private final Map<Map<String, String>, CompiledPolicy> compiled = new HashMap<>();

  public ScenarioRunner(PolicyPack pack) {
    this.pack = pack;
  }

  /** The result of one scenario: empty problems when it passes. */
  public record Result(Scenario scenario, List<String> problems, Optional<Assessment> assessment) {
    public Result {
      problems = List.copyOf(problems);
    }

    public boolean passed() {
      return problems.isEmpty();
    }

    /** A failure report: where the scenario is, each problem, then the traces. */
    public String report() {
      var out = new StringBuilder();
      out.append(scenario.origin())
          .append(": scenario '")
          .append(scenario.name())
          .append("' as of ")
          .append(scenario.asOf());
      problems.forEach(p -> out.append("\n  ").append(p));
      assessment.ifPresent(
          a -> {
            for (String element : scenario.expect().keySet()) {
              a.finding(element)
                  .ifPresent(
                      f -> {
                        out.append("\n  trace of ").append(element).append(':');
                        if (f.trace().isEmpty()) {
                          out.append(" no rule in force");
                        }
                        for (RuleTrace t : f.trace()) {
                          out.append("\n    rule ")
                              .append(t.ruleId())
                              .append(" v")
                              .append(t.version())
                              .append(" = ")
                              .append(t.value().id());
                          if (t.lifted() != org.asylex.engine.assessment.Tri.FALSE) {
                            out.append(" (lifted: ").append(t.lifted().id()).append(')');
                          }
                          trace(t.condition(), "      ", out);
                        }
                      });
            }
          });
      return out.toString();
    }

    private static void trace(TraceNode n, String indent, StringBuilder out) {
      out.append('\n')
          .append(indent)
          .append('[')
          .append(n.value().id())
          .append("] ")
          .append(n.text());
      n.children().forEach(c -> trace(c, indent + "  ", out));
    }
  }

  public Result run(Scenario s) {
    var problems = new ArrayList<String>();
    CompiledPolicy policy;
    try {
      policy =
          compiled.computeIfAbsent(
              s.assume(),
              a -> CompiledPolicy.compile(pack, AssumptionValues.withOverrides(pack, a)));
    } catch (RuntimeException e) {
      problems.add("assumptions: " + e.getMessage());
      return new Result(s, problems, Optional.empty());
    }
    CaseInput.Validated input = CaseInput.validate(pack, s.facts(), s.asOf(), "/facts");
    if (!input.isValid()) {
      for (InputError e : input.errors()) {
        problems.add("input " + e);
      }
      return new Result(s, problems, Optional.empty());
    }
    Assessment a = policy.assess(input.facts().get(), s.asOf(), true);
    for (var entry : s.expect().entrySet()) {
      String element = entry.getKey();
      Scenario.Expected expected = entry.getValue();
      Optional<Finding> found = a.finding(element);
      if (found.isEmpty()) {
        problems.add(
            expected.origin()
                + ": unknown element '"
                + element
                + "' (pack elements: "
                + String.join(", ", policy.elements())
                + ")");
        continue;
      }
      Finding f = found.get();
      boolean outcomeOk = f.outcome() == expected.outcome();
      boolean groupsOk = expected.groups().map(g -> g.equals(Set.copyOf(f.groups()))).orElse(true);
      boolean missingOk =
          expected.missing().map(m -> m.equals(Set.copyOf(f.missingFacts()))).orElse(true);
      restsOn(expected, f).ifPresent(problems::add);
      if (!(outcomeOk && groupsOk && missingOk)) {
        problems.add(
            expected.origin()
                + ": "
                + element
                + ": expected "
                + describe(
                    expected.outcome().id(),
                    expected.groups().orElse(null),
                    expected.missing().orElse(null))
                + " but was "
                + describe(f.outcome().id(), Set.copyOf(f.groups()), Set.copyOf(f.missingFacts())));
      }
    }
    return new Result(s, problems, Optional.of(a));
  }

  /** What is wrong with the assumptions the finding rests on, if anything. */
  private static Optional<String> restsOn(Scenario.Expected expected, Finding f) {
    Set<String> named = new TreeSet<>();
    f.assumptions().forEach(a -> named.add(a.id()));
    Set<String> absent = new TreeSet<>(expected.restsOn());
    absent.removeAll(named);
    Set<String> unwanted = new TreeSet<>(expected.notRestsOn());
    unwanted.retainAll(named);
    if (absent.isEmpty() && unwanted.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        expected.origin()
            + ": "
            + f.element()
            + ": expected to rest on "
            + new TreeSet<>(expected.restsOn())
            + " and not on "
            + new TreeSet<>(expected.notRestsOn())
            + ", but it rests on "
            + named);
  }

  private static String describe(String outcome, Set<String> groups, Set<String> missing) {
    var out = new StringBuilder(outcome);
    if (groups != null) {
      out.append(" groups ").append(new TreeSet<>(groups));
    }
    if (missing != null) {
      out.append(" missing ").append(new TreeSet<>(missing));
    }
    return out.toString();
  }
}
