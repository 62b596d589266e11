package org.asylex.json;

import org.asylex.engine.assessment.InputError;

/**
 * A case document that is not a usable JSON object: malformed JSON, a duplicate key, another top
 * level than an object, or too large. It names the source and, where the JSON itself is at fault,
 * the line and column (1-based; 0 when the problem is the document as a whole).
 */
public final class JsonInputException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String sourceName;
  private final String code;
  private final int line;
  private final int column;
  private final String problem;

  JsonInputException(String sourceName, String code, int line, int column, String problem) {
    super(format(sourceName, line, column, problem));
    this.sourceName = sourceName;
    this.code = code;
    this.line = line;
    this.column = column;
    this.problem = problem;
  }

  private static String format(String sourceName, int line, int column, String problem) {
    if (line <= 0) {
      return sourceName + ": " + problem;
    }
    return sourceName + ":" + line + ":" + column + ": " + problem;
  }

  /** The name the caller gave the document: a file name, {@code <stdin>}, a request. */
  public String sourceName() {
    return sourceName;
  }

  /**
   * What went wrong, as a stable code: {@code malformed-json}, {@code duplicate-key}, {@code
   * not-an-object}, {@code too-large}, {@code empty}, {@code unreadable}.
   */
  public String code() {
    return code;
  }

  /** 1-based line, or 0 when the problem is not at one place. */
  public int line() {
    return line;
  }

  /** 1-based column, or 0 when the problem is not at one place. */
  public int column() {
    return column;
  }

  /** The problem without the location. */
  public String problem() {
    return problem;
  }

  /** The same problem as an input error of the whole document (pointer ""), for the JSON form. */
  public InputError toInputError() {
    String where = line > 0 ? "line " + line + ", column " + column + ": " : "";
    return InputError.ofDocument(
        InputError.Kind.ofDocument(code).orElse(InputError.Kind.MALFORMED_JSON), where + problem);
  }
}
