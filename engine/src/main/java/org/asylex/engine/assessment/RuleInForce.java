package org.asylex.engine.assessment;

import org.asylex.engine.policy.Validity;

/** A rule version in force on the assessment date: which wording applied. */
public record RuleInForce(String ruleId, int version, int versions, Validity.Interval validity) {}
