package org.asylex.engine.assessment;

/**
 * One element's rules and exceptions as they stand for one case on one date: which version of each
 * is in force and what its condition is worth. The input of the element's {@link ElementDecision};
 * made for one case and not shared.
 */
final class ElementState {
  /** The version of each rule in force on the date, by rule index; null when none is. */
  final VersionPlan[] rules;

  /** The version of each exception in force on the date, by exception index; null when none is. */
  final VersionPlan[] exceptions;

  /**
   * The Kleene value ({@link Tri#F}, {@link Tri#T}, {@link Tri#U}) of each rule's condition; a rule
   * not in force holds for nobody, so its value is false.
   */
  final byte[] ruleValues;

  /** The value of each exception's condition; false when the exception is not in force. */
  final byte[] exceptionValues;

  /** The value of every sub-condition of the case, by node id: for missing facts and the trace. */
  final byte[] nodeValues;

  /** Whether any (non-exception) rule of the element is in force on the date. */
  boolean inForce;

  ElementState(int rules, int exceptions, byte[] nodeValues) {
    this.rules = new VersionPlan[rules];
    this.exceptions = new VersionPlan[exceptions];
    this.ruleValues = new byte[rules];
    this.exceptionValues = new byte[exceptions];
    this.nodeValues = nodeValues;
  }

  /** Whether rule {@code rule} is in force and its condition is not certainly false. */
  boolean notAbsent(int rule) {
    return rules[rule] != null && ruleValues[rule] != Tri.F;
  }
}
