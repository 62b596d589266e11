package org.asylex.engine.expr;

/**
 * The only exception the parser throws: what was expected, and where in the condition's text (a
 * character offset and length), so the loader can point at file, line and column.
 */
public final class ExpressionSyntaxError extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int offset;
  private final int length;

  public ExpressionSyntaxError(String message, int offset, int length) {
    super(message);
    this.offset = offset;
    this.length = Math.max(1, length);
  }

  public int offset() {
    return offset;
  }

  public int length() {
    return length;
  }
}
