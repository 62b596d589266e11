package org.asylex.engine.assessment;

import static org.assertj.core.api.Assertions.tuple;

import org.assertj.core.groups.Tuple;
import org.asylex.engine.policy.Assumption;
import org.asylex.engine.policy.Validity;

/** The parts of finding records that tests compare, as tuples. */
final class Views {
  private Views() {}

  static Tuple inForce(RuleInForce r) {
    return tuple(r.ruleId(), r.version(), r.versions(), r.validity());
  }

  static Tuple inForce(String ruleId, int version, int versions, Validity.Interval validity) {
    return tuple(ruleId, version, versions, validity);
  }

  static Tuple use(AssumptionUse u) {
    return tuple(u.id(), u.kind(), u.value(), u.defaultValue(), u.overridden());
  }

  static Tuple use(String id, String value, String defaultValue, boolean overridden) {
    return tuple(id, Assumption.Kind.ASSUMPTION, value, defaultValue, overridden);
  }
}
