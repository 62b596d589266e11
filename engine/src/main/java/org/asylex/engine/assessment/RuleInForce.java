package org.asylex.engine.assessment;

import org.asylex.engine.policy.Validity;

/**
 * A rule version in force on the assessment date: which wording applied.
 *
 * @param fromAssumption the assumption the start of the validity rests on, if any
 * @param toAssumption the assumption the end of the validity rests on, if any
 */
public record RuleInForce(
    String ruleId,
    int version,
    int versions,
    Validity.Interval validity,
    java.util.Optional<String> fromAssumption,
    java.util.Optional<String> toAssumption) {}
