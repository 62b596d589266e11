package org.asylex.app.cases;

import java.util.List;

/**
 * The id and reference of an import line: text of at most 200 characters, no control characters.
 */
final class ImportLineText {
  private ImportLineText() {}

  static String text(
      Object value, String pointer, String what, boolean required, List<String> errors) {
    if (value == null) {
      if (required) {
        errors.add(pointer + ": " + what + " is missing");
      }
      return null;
    }
    if (!(value instanceof String s)) {
      errors.add(pointer + ": " + what + " must be text");
      return null;
    }
    if (s.isBlank()) {
      errors.add(pointer + ": " + what + " must not be empty");
    } else if (s.length() > 200) {
      errors.add(pointer + ": " + what + " is longer than 200 characters");
    } else if (s.chars().anyMatch(Character::isISOControl)) {
      errors.add(pointer + ": " + what + " must not contain control characters");
    } else {
      return s;
    }
    return null;
  }
}
