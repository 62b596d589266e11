package org.asylex.engine.expr;

import java.time.LocalDate;
import java.util.Objects;

/** A literal value in a condition, or the value of an assumption. */
public sealed interface Value {
  ExprType type();

  /** A truth value. */
  record Bool(boolean value) implements Value {
    @Override
    public ExprType type() {
      return ExprType.CONDITION;
    }

    @Override
    public String toString() {
      return Boolean.toString(value);
    }
  }

  /** A whole number, such as an age. */
  record Number(int value) implements Value {
    @Override
    public ExprType type() {
      return ExprType.NUMBER;
    }

    @Override
    public String toString() {
      return Integer.toString(value);
    }
  }

  /** A calendar date. */
  record Date(LocalDate value) implements Value {
    public Date {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public ExprType type() {
      return ExprType.DATE;
    }

    @Override
    public String toString() {
      return value.toString();
    }
  }

  /** A text: an enumeration value or a code. */
  record Text(String value) implements Value {
    public Text {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public ExprType type() {
      return ExprType.TEXT;
    }

    @Override
    public String toString() {
      return "'" + value + "'";
    }
  }
}
