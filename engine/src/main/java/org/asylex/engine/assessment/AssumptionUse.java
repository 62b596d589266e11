package org.asylex.engine.assessment;

import org.asylex.engine.policy.Assumption;

/** An assumption a finding rests on, with the value it was given. */
public record AssumptionUse(
    String id,
    Assumption.Kind kind,
    Assumption.Type type,
    String value,
    String defaultValue,
    boolean overridden) {}
