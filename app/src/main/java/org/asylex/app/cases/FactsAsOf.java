package org.asylex.app.cases;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;
import org.asylex.app.Refusal;
import org.asylex.app.Refused;
import org.asylex.app.Today;

/**
 * The time whose recorded facts a stored case is assessed on ({@code case assess --facts-as-of},
 * the API's {@code factsAsOf}), read once for every front end: an instant written ISO-8601 with its
 * offset ({@code 2023-06-20T12:00:00+02:00}, {@code 2023-06-20T10:00:00Z}), or a date {@code
 * YYYY-MM-DD} meaning the end of that day in the Netherlands, so that everything recorded on that
 * day counts (docs/adr/0020-facts-as-of.md).
 */
public final class FactsAsOf {
  /** The field's name in a request and in refusals. */
  public static final String FIELD = "factsAsOf";

  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  private FactsAsOf() {}

  /**
   * Reads {@code text} as given for {@code name}.
   *
   * @throws Refused {@link Refusal.InvalidValue} naming {@code name}, for text that is neither form
   *     or a date or time that does not exist
   */
  public static Instant parse(String name, String text) {
    String t = text.strip();
    try {
      if (DATE.matcher(t).matches()) {
        return endOfDay(LocalDate.parse(t));
      }
      return OffsetDateTime.parse(t, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeException e) {
      throw new Refused(
          new Refusal.InvalidValue(
              name,
              "bad-time",
              "'"
                  + shown(t)
                  + "' is not a time: give an instant with its offset"
                  + " (2023-06-20T12:00:00+02:00) or a date (2023-06-20: the end of that day in the"
                  + " Netherlands) that exists"));
    }
  }

  /** The last instant of {@code date} in the Netherlands, to the store's microsecond. */
  public static Instant endOfDay(LocalDate date) {
    return date.plusDays(1).atStartOfDay(Today.NETHERLANDS).toInstant().minus(1, ChronoUnit.MICROS);
  }

  /** Refused: {@code at} lies after {@code now}, so the facts of then are not recorded yet. */
  static Refused inFuture(Instant at, Instant now) {
    return new Refused(
        new Refusal.InvalidValue(
            FIELD,
            "in-future",
            at
                + " lies in the future (it is now "
                + now
                + "): the facts of then are not recorded"));
  }

  /** Refused: case {@code caseId} was created at {@code created}, after {@code at}. */
  static Refused beforeCase(String caseId, Instant created, Instant at) {
    return new Refused(
        new Refusal.InvalidValue(
            FIELD,
            "before-case",
            "case " + caseId + " did not exist yet at " + at + ": it was created at " + created));
  }

  /** At most 40 characters of what was given, for a message. */
  private static String shown(String text) {
    return text.length() <= 40 ? text : text.substring(0, 40) + "…";
  }
}
