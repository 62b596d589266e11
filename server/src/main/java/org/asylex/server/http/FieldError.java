package org.asylex.server.http;

import java.util.Objects;

/**
 * One thing wrong with a request, where it is: a JSON pointer into the body ({@code
 * /facts/arrivalDate}) or the name of a query parameter or header. Never the value that was sent:
 * it may be personal data.
 *
 * @param pointer a JSON pointer into the body ("" for the whole body), or null
 * @param parameter a query parameter, path parameter or header name, or null
 * @param code a stable machine-readable code, e.g. {@code unknown-fact}
 * @param detail a sentence for a person
 *     <p>A pointer or parameter name longer than {@value #MAX_ECHO} characters (it echoes a key the
 *     client chose) is cut there and ends in "…"; so is a detail longer than {@value #MAX_DETAIL}.
 */
public record FieldError(String pointer, String parameter, String code, String detail) {
  /** The longest pointer or parameter name echoed in full. */
  public static final int MAX_ECHO = 120;

  /** The longest detail given in full. */
  public static final int MAX_DETAIL = 400;

  public FieldError {
    if ((pointer == null) == (parameter == null)) {
      throw new IllegalArgumentException("a field error names either a pointer or a parameter");
    }
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(detail, "detail");
    pointer = cut(pointer, MAX_ECHO);
    parameter = cut(parameter, MAX_ECHO);
    detail = cut(detail, MAX_DETAIL);
  }

  /** {@code text} cut to {@code max} characters and "…", never inside a surrogate pair. */
  static String cut(String text, int max) {
    if (text == null || text.length() <= max) {
      return text;
    }
    int end = Character.isLowSurrogate(text.charAt(max)) ? max - 1 : max;
    return text.substring(0, end) + "…";
  }

  public static FieldError at(String pointer, String code, String detail) {
    return new FieldError(pointer, null, code, detail);
  }

  public static FieldError parameter(String name, String code, String detail) {
    return new FieldError(null, name, code, detail);
  }
}
