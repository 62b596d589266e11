package org.asylex.engine.diagnostic;

/**
 * A place in a pack file: the file as the user named it, 1-based line and column. Column 0 means
 * the whole line; line 0 means the whole file.
 */
public record SourcePosition(String file, int line, int column) {

  public static SourcePosition ofFile(String file) {
    return new SourcePosition(file, 0, 0);
  }

  public SourcePosition {
    if (file == null || file.isEmpty()) {
      throw new IllegalArgumentException("a position needs a file");
    }
    if (line < 0 || column < 0) {
      throw new IllegalArgumentException("line and column are 1-based, or 0 for unknown");
    }
  }

  @Override
  public String toString() {
    if (line == 0) {
      return file;
    }
    return column == 0 ? file + ":" + line : file + ":" + line + ":" + column;
  }
}
