package org.asylex.server.api;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.asylex.engine.text.Language;
import org.asylex.server.http.ApiProblem;
import org.asylex.server.http.FieldError;

/**
 * The top-level fields of a JSON request body, read with their types, every problem collected with
 * its JSON pointer. Problems never repeat the value that was sent.
 */
final class BodyFields {
  private final Map<String, Object> body;
  private final List<FieldError> errors = new ArrayList<>();

  /** Reads {@code body}; a key not in {@code allowed} is an error. */
  BodyFields(Map<String, Object> body, Set<String> allowed) {
    this.body = body;
    String unknown =
        "unknown field; allowed: " + String.join(", ", allowed.stream().sorted().toList());
    for (String key : body.keySet()) {
      if (!allowed.contains(key)) {
        errors.add(FieldError.at("/" + pointerEscape(key), "unknown-field", unknown));
      }
    }
  }

  List<FieldError> errors() {
    return errors;
  }

  void add(FieldError error) {
    errors.add(error);
  }

  void addAll(List<FieldError> more) {
    errors.addAll(more);
  }

  /** Whether no error has been found so far. */
  boolean valid() {
    return errors.isEmpty();
  }

  /** Throws a 422 {@code invalid-input} problem with every error found so far, if any. */
  void throwIfInvalid() {
    if (!errors.isEmpty()) {
      throw ApiProblem.invalidRequest(errors);
    }
  }

  private boolean absent(String name, boolean required, String what) {
    if (body.get(name) != null) {
      return false;
    }
    if (required) {
      errors.add(FieldError.at("/" + name, "required", what + " is required"));
    }
    return true;
  }

  /** A date written YYYY-MM-DD. */
  Optional<LocalDate> date(String name, boolean required) {
    if (absent(name, required, name)) {
      return Optional.empty();
    }
    Object value = body.get(name);
    if (!(value instanceof String s) || !s.matches("\\d{4}-\\d{2}-\\d{2}")) {
      errors.add(
          FieldError.at("/" + name, "bad-date", name + " must be a date written YYYY-MM-DD"));
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(s));
    } catch (DateTimeException e) {
      errors.add(FieldError.at("/" + name, "bad-date", name + " is not a date that exists"));
      return Optional.empty();
    }
  }

  /** A JSON object, its keys in the order given. */
  Optional<Map<String, Object>> object(String name, boolean required) {
    if (absent(name, required, name)) {
      return Optional.empty();
    }
    if (body.get(name) instanceof Map<?, ?> map) {
      var copy = new LinkedHashMap<String, Object>();
      map.forEach((k, v) -> copy.put((String) k, v));
      return Optional.of(copy);
    }
    errors.add(FieldError.at("/" + name, "wrong-type", name + " must be a JSON object"));
    return Optional.empty();
  }

  /** A boolean; {@code otherwise} when absent. */
  boolean bool(String name, boolean otherwise) {
    Object value = body.get(name);
    if (value == null) {
      return otherwise;
    }
    if (value instanceof Boolean b) {
      return b;
    }
    errors.add(FieldError.at("/" + name, "wrong-type", name + " must be true or false"));
    return otherwise;
  }

  /** {@code "en"} or {@code "nl"}. */
  Optional<Language> language(String name) {
    if (absent(name, false, name)) {
      return Optional.empty();
    }
    Optional<Language> language =
        body.get(name) instanceof String s ? Language.fromCode(s) : Optional.empty();
    if (language.isEmpty()) {
      errors.add(FieldError.at("/" + name, "unknown-value", name + " must be \"en\" or \"nl\""));
    }
    return language;
  }

  /**
   * Text of at most {@code max} characters, not blank, without control characters (line breaks and
   * tabs allowed with {@code multiline}).
   */
  Optional<String> text(String name, int max, boolean multiline) {
    if (absent(name, false, name)) {
      return Optional.empty();
    }
    String pointer = "/" + name;
    if (!(body.get(name) instanceof String s)) {
      errors.add(FieldError.at(pointer, "wrong-type", name + " must be text"));
      return Optional.empty();
    }
    if (s.isBlank()) {
      errors.add(FieldError.at(pointer, "empty", name + " must not be empty; leave it out"));
    } else if (s.length() > max) {
      errors.add(
          FieldError.at(pointer, "too-long", name + " is longer than " + max + " characters"));
    } else if (s.chars()
        .anyMatch(c -> Character.isISOControl(c) && !(multiline && (c == '\n' || c == '\t')))) {
      errors.add(
          FieldError.at(
              pointer, "control-characters", name + " must not contain control characters"));
    } else {
      return Optional.of(s);
    }
    return Optional.empty();
  }

  /**
   * Assumption values by id, each a string or a boolean (read as its text), as the engine takes
   * them; whether each id and value fits a pack is checked later, with the pack.
   */
  Map<String, String> assumptions(String name) {
    Optional<Map<String, Object>> map = object(name, false);
    var values = new LinkedHashMap<String, String>();
    map.ifPresent(
        m ->
            m.forEach(
                (id, value) -> {
                  if (value instanceof String s) {
                    values.put(id, s);
                  } else if (value instanceof Boolean b) {
                    values.put(id, b.toString());
                  } else {
                    errors.add(
                        FieldError.at(
                            "/" + name + "/" + pointerEscape(id),
                            "wrong-type",
                            "an assumption value is text (a date YYYY-MM-DD) or true or false"));
                  }
                }));
    return values;
  }

  /** Escapes a key for a JSON pointer (RFC 6901). */
  static String pointerEscape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }
}
