package org.asylex.engine.source;

/**
 * Where a quote was found in a document.
 *
 * <p>{@code start} (inclusive) and {@code end} (exclusive) are UTF-16 char offsets into the
 * document. {@code line} and {@code column} are the 1-based position of the first matched char;
 * {@code endLine} and {@code endColumn} are the 1-based position of the last matched char
 * (inclusive). Columns count UTF-16 chars from the start of the line, starting at 1.
 */
public record TextSpan(int start, int end, int line, int column, int endLine, int endColumn) {

  public TextSpan {
    if (start < 0 || end <= start) {
      throw new IllegalArgumentException("a span needs 0 <= start < end: " + start + ", " + end);
    }
    if (line < 1 || column < 1 || endLine < line || endColumn < 1) {
      throw new IllegalArgumentException("lines and columns are 1-based and ordered");
    }
  }
}
