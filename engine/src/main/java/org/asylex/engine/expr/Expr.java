package org.asylex.engine.expr;

import java.util.List;

/**
 * A parsed condition. Every node knows its span [start, end) in the condition's text, so that a
 * problem can be shown under the exact words, and a trace can show each sub-condition.
 */
public sealed interface Expr {
  int start();

  int end();

  /**
   * Calls the case of {@code visitor} for this kind of condition. Every walker over conditions (the
   * type checker, the compiler) is a {@link Visitor}, so a new kind of condition that one of them
   * forgets does not compile.
   */
  <R> R accept(Visitor<R> visitor);

  /** One case per kind of condition. */
  interface Visitor<R> {
    R name(Name name);

    R assumption(AssumptionRef assumption);

    R assessmentDate(AssessmentDate date);

    R literal(Literal literal);

    R not(Not not);

    R and(And and);

    R or(Or or);

    R compare(Compare compare);

    R in(In in);

    R call(Call call);
  }

  /** A fact or a named definition; which one is decided when the pack is checked. */
  record Name(String name, int start, int end) implements Expr {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.name(this);
    }
  }

  /** {@code @id}: the value of an assumption. */
  record AssumptionRef(String id, int start, int end) implements Expr {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.assumption(this);
    }
  }

  /** {@code assessmentDate}: the date the case is assessed on. */
  record AssessmentDate(int start, int end) implements Expr {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.assessmentDate(this);
    }
  }

  /** A literal: true, false, a whole number, a date or a quoted text. */
  record Literal(Value value, int start, int end) implements Expr {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.literal(this);
    }
  }

  /** {@code not operand}. */
  record Not(Expr operand, int start, int end) implements Expr {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.not(this);
    }
  }

  /** {@code a and b and ...}. */
  record And(List<Expr> operands, int start, int end) implements Expr {
    public And {
      operands = List.copyOf(operands);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.and(this);
    }
  }

  /** {@code a or b or ...}. */
  record Or(List<Expr> operands, int start, int end) implements Expr {
    public Or {
      operands = List.copyOf(operands);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.or(this);
    }
  }

  /** {@code left op right}. */
  record Compare(CompareOp op, Expr left, Expr right, int start, int end) implements Expr {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.compare(this);
    }
  }

  /** {@code value in [a, b, ...]}. */
  record In(Expr value, List<Literal> options, int start, int end) implements Expr {
    public In {
      options = List.copyOf(options);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.in(this);
    }
  }

  /** {@code function(arguments)}; the functions a pack may call are those of {@link Function}. */
  record Call(String function, List<Expr> arguments, int start, int end) implements Expr {
    public Call {
      arguments = List.copyOf(arguments);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.call(this);
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
