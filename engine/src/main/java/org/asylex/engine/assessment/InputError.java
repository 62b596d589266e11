package org.asylex.engine.assessment;

import java.util.Objects;
import java.util.Optional;

/**
 * A problem with case input, as data: where (the JSON pointer of the field, RFC 6901), what kind,
 * which fact, what was expected, what was given (a description of the value; personal data) and the
 * nearest valid name. Nothing is evaluated while an input has errors. {@link #message} words it
 * with the value given, {@link #messageWithoutValue} without it: one wording for every front end,
 * so that a value never has to be cut out of a sentence afterwards.
 *
 * @param given how the value given reads in a message (e.g. {@code the number 1}); it is personal
 *     data of a case, so only {@link #message} shows it
 * @param suggestion the nearest valid fact name or value, when one is close
 */
public record InputError(
    String pointer,
    Kind kind,
    Optional<String> fact,
    Optional<String> expected,
    Optional<String> given,
    Optional<String> suggestion) {

  /** The kinds of input error; {@link #id()} is the code in every JSON form. */
  public enum Kind {
    MISSING_COUNTRY("missing-country"),
    NO_PACK("no-pack"),
    WRONG_PACK("wrong-pack"),
    INVALID_PACK("invalid-pack"),
    UNKNOWN_FACT("unknown-fact"),
    WRONG_TYPE("wrong-type"),
    UNKNOWN_VALUE("unknown-value"),
    BAD_DATE("bad-date"),
    NO_SUCH_DATE("bad-date"),
    DATE_AFTER_ASSESSMENT("date-after-assessment"),
    DATE_IN_FUTURE("date-after-assessment"),
    MALFORMED_JSON("malformed-json"),
    DUPLICATE_KEY("duplicate-key"),
    NOT_AN_OBJECT("not-an-object"),
    TOO_LARGE("too-large"),
    EMPTY("empty"),
    UNREADABLE("unreadable");

    private final String id;

    Kind(String id) {
      this.id = id;
    }

    /** The stable code, e.g. {@code wrong-type}. */
    public String id() {
      return id;
    }

    /** The kind of a problem with a JSON document, by its code. */
    public static Optional<Kind> ofDocument(String code) {
      for (Kind k : new Kind[] {MALFORMED_JSON, DUPLICATE_KEY, NOT_AN_OBJECT, TOO_LARGE, EMPTY}) {
        if (k.id.equals(code)) {
          return Optional.of(k);
        }
      }
      return code.equals(UNREADABLE.id) ? Optional.of(UNREADABLE) : Optional.empty();
    }
  }

  public InputError {
    Objects.requireNonNull(pointer, "pointer");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(fact, "fact");
    Objects.requireNonNull(expected, "expected");
    Objects.requireNonNull(given, "given");
    Objects.requireNonNull(suggestion, "suggestion");
  }

  /** An error of {@code kind} at {@code pointer}, about {@code fact}. */
  static InputError of(String pointer, Kind kind, String fact, String expected, String given) {
    return new InputError(
        pointer,
        kind,
        Optional.ofNullable(fact),
        Optional.ofNullable(expected),
        Optional.ofNullable(given),
        Optional.empty());
  }

  /**
   * A problem with the JSON document as a whole (pointer ""), such as malformed JSON.
   *
   * @param where the place and the problem, e.g. {@code line 3, column 12: malformed JSON}
   */
  public static InputError ofDocument(Kind kind, String where) {
    return of("", kind, null, null, where);
  }

  /** A fact name the pack does not know, at {@code prefix/name}. */
  public static InputError unknownFact(String prefix, String name) {
    return of(prefix + "/" + CaseInput.escape(name), Kind.UNKNOWN_FACT, name, null, null);
  }

  /** The pack for the case's country cannot be used: it has errors. */
  public static InputError invalidPack(String pointer, String country) {
    return of(pointer, Kind.INVALID_PACK, COUNTRY, null, country);
  }

  InputError withSuggestion(Optional<String> nearest) {
    return new InputError(pointer, kind, fact, expected, given, nearest);
  }

  /** The stable code of the error, e.g. {@code wrong-type}. */
  public String code() {
    return kind.id();
  }

  /** The message, with the value given: for the person who gave it. */
  public String message() {
    return InputErrorText.render(this, true);
  }

  /**
   * The message without the value given, for messages that may be seen by others or logged: fact
   * names, expected types and allowed values stay.
   */
  public String messageWithoutValue() {
    return InputErrorText.render(this, false);
  }

  @Override
  public String toString() {
    return (pointer.isEmpty() ? "(the case)" : pointer) + ": " + message();
  }

  private static final String COUNTRY = CaseInput.COUNTRY_FACT;
}
