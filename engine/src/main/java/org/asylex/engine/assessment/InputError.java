package org.asylex.engine.assessment;

/**
 * A problem with case input, named by the JSON pointer of the field (RFC 6901) and with what was
 * expected. Nothing is evaluated while an input has errors.
 */
public record InputError(String pointer, String code, String message) {
  @Override
  public String toString() {
    return (pointer.isEmpty() ? "(the case)" : pointer) + ": " + message;
  }
}
