package org.asylex.engine.policy;

import java.util.Objects;
import org.asylex.engine.expr.Expr;

/** A condition as written in the pack, parsed, and mapped back to the file it came from. */
public record Condition(String text, Expr expr, PositionMap positions) {
  public Condition {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(expr, "expr");
    Objects.requireNonNull(positions, "positions");
  }
}
