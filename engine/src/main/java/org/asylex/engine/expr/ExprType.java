package org.asylex.engine.expr;

/** The types a sub-expression can have. */
public enum ExprType {
  /** true, false or, when facts are missing, unknown. */
  CONDITION("a condition (true/false)"),
  NUMBER("a whole number"),
  DATE("a date"),
  /** A date fact that may be known only to the month or year; only age() reads it. */
  PARTIAL_DATE("a date that may be partial"),
  TEXT("a text");

  private final String description;

  ExprType(String description) {
    this.description = description;
  }

  public String description() {
    return description;
  }
}
