package org.asylex.engine.expr;

import java.util.List;

/**
 * A parsed condition. Every node knows its span [start, end) in the condition's text, so that a
 * problem can be shown under the exact words, and a trace can show each sub-condition.
 */
public sealed interface Expr {
  int start();

  int end();

  /** A fact or a named definition; which one is decided when the pack is checked. */
  record Name(String name, int start, int end) implements Expr {}

  /** {@code @id}: the value of an assumption. */
  record AssumptionRef(String id, int start, int end) implements Expr {}

  /** {@code assessmentDate}: the date the case is assessed on. */
  record AssessmentDate(int start, int end) implements Expr {}

  /** A literal: true, false, a whole number, a date or a quoted text. */
  record Literal(Value value, int start, int end) implements Expr {}

  /** {@code not operand}. */
  record Not(Expr operand, int start, int end) implements Expr {}

  /** {@code a and b and ...}. */
  record And(List<Expr> operands, int start, int end) implements Expr {
    public And {
      operands = List.copyOf(operands);
    }
  }

  /** {@code a or b or ...}. */
  record Or(List<Expr> operands, int start, int end) implements Expr {
    public Or {
      operands = List.copyOf(operands);
    }
  }

  /** {@code left op right}. */
  record Compare(CompareOp op, Expr left, Expr right, int start, int end) implements Expr {}

  /** {@code value in [a, b, ...]}. */
  record In(Expr value, List<Literal> options, int start, int end) implements Expr {
    public In {
      options = List.copyOf(options);
    }
  }

  /** {@code function(arguments)}; the only function is {@code age}. */
  record Call(String function, List<Expr> arguments, int start, int end) implements Expr {
    public Call {
      arguments = List.copyOf(arguments);
    }
  }

  /** Comparison operators. */
  enum CompareOp {
    EQ("="),
    NE("!="),
    LT("<"),
    LE("<="),
    GT(">"),
    GE(">=");

    private final String symbol;

    CompareOp(String symbol) {
      this.symbol = symbol;
    }

    public String symbol() {
      return symbol;
    }

    public boolean isOrdering() {
      return this != EQ && this != NE;
    }
  }
}
