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
 */
public record FieldError(String pointer, String parameter, String code, String detail) {
  public FieldError {
    if ((pointer == null) == (parameter == null)) {
      throw new IllegalArgumentException("a field error names either a pointer or a parameter");
    }
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(detail, "detail");
  }

  public static FieldError at(String pointer, String code, String detail) {
    return new FieldError(pointer, null, code, detail);
  }

  public static FieldError parameter(String name, String code, String detail) {
    return new FieldError(null, name, code, detail);
  }
}
