package org.asylex.app.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.asylex.app.AssumptionProblem;
import org.asylex.engine.policy.Assumption;
import org.asylex.engine.policy.AssumptionValues;
import org.asylex.engine.policy.PolicyPack;
import org.asylex.engine.text.NearestName;

/**
 * Checks assumption values against a pack before anything is compiled, one problem per id, so each
 * can be named by its pointer, parameter or option.
 */
public final class AssumptionChecks {
  private AssumptionChecks() {}

  public static List<AssumptionProblem> check(PolicyPack pack, Map<String, String> values) {
    var problems = new ArrayList<AssumptionProblem>();
    List<String> ids = pack.assumptions().stream().map(Assumption::id).toList();
    new java.util.TreeMap<>(values)
        .forEach(
            (id, value) -> {
              Optional<Assumption> assumption = pack.assumption(id);
              if (assumption.isEmpty()) {
                problems.add(
                    new AssumptionProblem(
                        id,
                        "unknown-assumption",
                        "unknown assumption '"
                            + id
                            + "' in pack "
                            + pack.id()
                            + NearestName.didYouMean(id, ids)));
              } else if (!assumption.get().overridable()) {
                if (!assumption.get().defaultValue().equals(value)) {
                  problems.add(
                      new AssumptionProblem(
                          id,
                          "not-overridable",
                          AssumptionValues.notOverridable(assumption.get())));
                }
              } else if (AssumptionValues.parse(assumption.get(), value).isEmpty()) {
                problems.add(
                    new AssumptionProblem(
                        id,
                        "bad-assumption-value",
                        "assumption '"
                            + id
                            + "' takes "
                            + AssumptionValues.expected(assumption.get())));
              }
            });
    return problems;
  }
}
