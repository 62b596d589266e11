package org.asylex.server.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.asylex.engine.policy.Assumption;
import org.asylex.engine.policy.AssumptionValues;
import org.asylex.engine.policy.PolicyPack;
import org.asylex.engine.text.NearestName;

/**
 * Checks a request's assumption values against a pack before anything is compiled, one problem per
 * id, so each can be named by its pointer or parameter.
 */
final class AssumptionChecks {
  private AssumptionChecks() {}

  /** One assumption value that does not fit the pack. */
  record Problem(String id, String code, String detail) {}

  static List<Problem> check(PolicyPack pack, Map<String, String> values) {
    var problems = new ArrayList<Problem>();
    List<String> ids = pack.assumptions().stream().map(Assumption::id).toList();
    values.forEach(
        (id, value) -> {
          Optional<Assumption> assumption = pack.assumption(id);
          if (assumption.isEmpty()) {
            problems.add(
                new Problem(
                    id,
                    "unknown-assumption",
                    "pack "
                        + pack.id()
                        + " has no such assumption"
                        + NearestName.didYouMean(id, ids)));
          } else if (AssumptionValues.parse(assumption.get().type(), value).isEmpty()) {
            problems.add(
                new Problem(
                    id,
                    "bad-assumption-value",
                    "assumption "
                        + id
                        + " takes "
                        + AssumptionValues.expected(assumption.get().type())));
          }
        });
    return problems;
  }
}
