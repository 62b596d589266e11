package org.asylex.engine.assessment;

import java.time.LocalDate;
import java.util.Optional;
import org.asylex.engine.policy.AssumptionValues;
import org.asylex.engine.policy.DateRef;
import org.asylex.engine.policy.Rule;

/** A rule (or exception) compiled: its versions, of which at most one is in force on a date. */
final class RulePlan {
  final Rule rule;
  private final VersionPlan[] versions;

  RulePlan(Rule rule, ConditionCompiler compiler, AssumptionValues values) {
    this.rule = rule;
    this.versions = new VersionPlan[rule.versions().size()];
    for (int i = 0; i < versions.length; i++) {
      versions[i] = new VersionPlan(rule.versions().get(i), i + 1, compiler, values);
    }
  }

  String id() {
    return rule.id();
  }

  VersionPlan[] versions() {
    return versions.clone();
  }

  /** The version in force on {@code date}, or null when none is. */
  VersionPlan active(LocalDate date) {
    for (VersionPlan v : versions) {
      if (v.contains(date)) {
        return v;
      }
    }
    return null;
  }

  /** The version in force on epoch day {@code day}, or null when none is. */
  VersionPlan active(long day) {
    for (VersionPlan v : versions) {
      if (v.contains(day)) {
        return v;
      }
    }
    return null;
  }

  /** Which version of this rule was in force, for the finding. */
  RuleInForce inForce(VersionPlan v) {
    return new RuleInForce(
        rule.id(),
        v.number,
        versions.length,
        v.interval,
        assumptionOf(v.version.validity().from()),
        assumptionOf(v.version.validity().to()));
  }

  private static Optional<String> assumptionOf(Optional<DateRef> ref) {
    return ref.filter(DateRef.FromAssumption.class::isInstance)
        .map(r -> ((DateRef.FromAssumption) r).assumptionId());
  }
}
