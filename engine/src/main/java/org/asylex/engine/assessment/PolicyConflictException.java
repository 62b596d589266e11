package org.asylex.engine.assessment;

/**
 * Two rules decide the same element (or group) on the same date and neither is an exception to the
 * other: the engine refuses to pick one. Raised when assumption values move a validity boundary so
 * that rules which did not overlap in the pack now do.
 */
public final class PolicyConflictException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String firstRule;
  private final String secondRule;

  public PolicyConflictException(String firstRule, String secondRule, String message) {
    super(message);
    this.firstRule = firstRule;
    this.secondRule = secondRule;
  }

  public String firstRule() {
    return firstRule;
  }

  public String secondRule() {
    return secondRule;
  }
}
