package org.asylex.engine.assessment;

/** The one wording of input errors, with or without the value that was given. */
final class InputErrorText {
  private InputErrorText() {}

  static String render(InputError e, boolean withValue) {
    String fact = e.fact().orElse("the fact");
    String expected = e.expected().orElse("");
    String given = e.given().orElse("");
    String suggestion = e.suggestion().map(s -> "; did you mean '" + s + "'?").orElse("");
    return switch (e.kind()) {
      case MISSING_COUNTRY -> fact + " is required" + (expected.isEmpty() ? "" : ": " + expected);
      case NO_PACK ->
          (withValue
                  ? "there is no policy pack for country '" + given + "'"
                  : "there is no policy pack for this country")
              + " (packs: "
              + expected
              + ")";
      case WRONG_PACK ->
          withValue
              ? "the case comes from " + given + ", but " + expected
              : "the case's country is not the country of the pack (" + expected + ")";
      case INVALID_PACK ->
          (withValue ? "the policy pack for " + given : "the policy pack for this country")
              + " is invalid; 'asylex policy validate' lists its errors";
      case UNKNOWN_FACT -> "unknown fact '" + fact + "'" + suggestion;
      case WRONG_TYPE, BAD_DATE ->
          fact + " must be " + expected + (withValue ? ", not " + given : "");
      // Without the value, no suggestion either: the nearest value hints at the one given.
      case UNKNOWN_VALUE ->
          withValue
              ? "'" + given + "' is not a value of " + fact + " (" + expected + ")" + suggestion
              : "not a value of " + fact + " (" + expected + ")";
      case NO_SUCH_DATE ->
          withValue ? "the date " + given + " does not exist" : "the date does not exist";
      case DATE_AFTER_ASSESSMENT ->
          fact + (withValue ? " " + given : "") + " lies after the assessment date " + expected;
      case DATE_IN_FUTURE ->
          fact
              + (withValue ? " " + given : "")
              + " lies in the future (after today, "
              + expected
              + ")";
      case MALFORMED_JSON, DUPLICATE_KEY, NOT_AN_OBJECT, TOO_LARGE, EMPTY, UNREADABLE ->
          withValue ? given : document(e.kind());
    };
  }

  /** A document problem without its place and detail, which may quote the document. */
  private static String document(InputError.Kind kind) {
    return switch (kind) {
      case DUPLICATE_KEY -> "a key appears twice in one object";
      case NOT_AN_OBJECT -> "the case must be one JSON object";
      case TOO_LARGE -> "the document is too large";
      case EMPTY -> "the document is empty";
      case UNREADABLE -> "the document cannot be read";
      default -> "malformed JSON";
    };
  }
}
