package org.asylex.engine.assessment;

import java.util.List;
import java.util.Optional;
import org.asylex.engine.policy.AssumptionValues;
import org.asylex.engine.policy.Overlaps;
import org.asylex.engine.policy.PolicyPack;
import org.asylex.engine.policy.Rule;
import org.asylex.engine.policy.Validity;

/**
 * Checks, when a policy is compiled, that the assumption values keep it free of conflicts: no two
 * rules decide one thing (or give different outcomes) on the same day, and no two versions of a
 * rule overlap. The pack check proves this for the defaults; an override can move a boundary.
 */
final class PolicyConflicts {
  private PolicyConflicts() {}

  /**
   * @throws PolicyConflictException naming the first conflict and both rules' positions
   */
  static void check(PolicyPack pack, AssumptionValues values) {
    List<Overlaps.Conflict> conflicts =
        Overlaps.conflicts(pack, v -> Optional.of(v.resolve(values)));
    if (!conflicts.isEmpty()) {
      Overlaps.Conflict c = conflicts.get(0);
      throw new PolicyConflictException(
          c.first().id(),
          c.firstVersion().origin().at(),
          c.second().id(),
          c.secondVersion().origin().at(),
          c.message());
    }
    for (Rule r : pack.rules()) {
      versions(r, values);
    }
  }

  private static void versions(Rule r, AssumptionValues values) {
    List<Rule.Version> versions = r.versions();
    for (int i = 0; i < versions.size(); i++) {
      for (int j = i + 1; j < versions.size(); j++) {
        Validity.Interval a = versions.get(i).validity().resolve(values);
        Validity.Interval b = versions.get(j).validity().resolve(values);
        if (a.intersection(b).isPresent()) {
          throw new PolicyConflictException(
              r.id(),
              versions.get(i).validity().origin().at(),
              r.id(),
              versions.get(j).validity().origin().at(),
              "versions "
                  + (i + 1)
                  + " "
                  + a
                  + " and "
                  + (j + 1)
                  + " "
                  + b
                  + " of rule '"
                  + r.id()
                  + "' overlap under these assumption values");
        }
      }
    }
  }
}
