package org.asylex.engine.assessment;

import java.util.Objects;
import org.asylex.engine.diagnostic.SourcePosition;

/**
 * Two rules decide the same element (or group) on the same date, or give different outcomes for one
 * element on the same date, and neither is an exception to the other: the engine refuses to pick
 * one. Raised when a policy is compiled under assumption values that move a validity boundary so
 * that rules (or versions of one rule) which did not overlap in the pack now do. It names both
 * rules and where each stands in the pack; its message says both.
 */
public final class PolicyConflictException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String firstRule;
  private final String secondRule;
  private final SourcePosition firstPosition;
  private final SourcePosition secondPosition;

  /**
   * @param problem what conflicts, naming both rules; the message adds where each rule stands
   */
  public PolicyConflictException(
      String firstRule,
      SourcePosition firstPosition,
      String secondRule,
      SourcePosition secondPosition,
      String problem) {
    super(
        problem
            + " (rule '"
            + firstRule
            + "' at "
            + firstPosition
            + ", rule '"
            + secondRule
            + "' at "
            + secondPosition
            + ")");
    this.firstRule = Objects.requireNonNull(firstRule, "firstRule");
    this.secondRule = Objects.requireNonNull(secondRule, "secondRule");
    this.firstPosition = Objects.requireNonNull(firstPosition, "firstPosition");
    this.secondPosition = Objects.requireNonNull(secondPosition, "secondPosition");
  }

  public String firstRule() {
    return firstRule;
  }

  public String secondRule() {
    return secondRule;
  }

  /** Where the first rule's conflicting version (or validity) stands in the pack. */
  public SourcePosition firstPosition() {
    return firstPosition;
  }

  /** Where the second rule's conflicting version (or validity) stands in the pack. */
  public SourcePosition secondPosition() {
    return secondPosition;
  }
}
