package org.asylex.engine.time;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A date known to the day, the month or only the year: asylum files often lack the day or month of
 * birth, and the letter dates the moratorium's extension only to "december 2022".
 *
 * @param month 1-12, or 0 when only the year is known
 * @param day 1-31, or 0 when the day is not known
 */
public record PartialDate(int year, int month, int day) implements Comparable<PartialDate> {
  private static final Pattern FORMAT = Pattern.compile("(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?");

  /** How precisely a partial date is known. */
  public enum Precision {
    YEAR,
    MONTH,
    DAY
  }

  public PartialDate {
    if (year < 1 || year > 9999) {
      throw new DateTimeException("year " + year + " is out of range 0001-9999");
    }
    if (month < 0 || month > 12) {
      throw new DateTimeException("month " + month + " is out of range 01-12");
    }
    if (month == 0 && day != 0) {
      throw new DateTimeException("a day needs a month");
    }
    if (day != 0) {
      LocalDate.of(year, month, day); // rejects 2023-02-30
    }
  }

  public static PartialDate of(LocalDate date) {
    return new PartialDate(date.getYear(), date.getMonthValue(), date.getDayOfMonth());
  }

  /**
   * Parses {@code YYYY-MM-DD}, {@code YYYY-MM} or {@code YYYY}.
   *
   * @return empty when the text has another shape or names a date that does not exist
   */
  public static Optional<PartialDate> parse(String text) {
    var m = FORMAT.matcher(text);
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      int year = Integer.parseInt(m.group(1));
      int month = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
      int day = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
      if ((m.group(2) != null && month == 0) || (m.group(3) != null && day == 0)) {
        return Optional.empty(); // 0 stands for "not known", which the text says by leaving it out
      }
      return Optional.of(new PartialDate(year, month, day));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  public Precision precision() {
    if (month == 0) {
      return Precision.YEAR;
    }
    return day == 0 ? Precision.MONTH : Precision.DAY;
  }

  /** The first day this partial date can stand for. */
  public LocalDate earliest() {
    return LocalDate.of(year, month == 0 ? 1 : month, day == 0 ? 1 : day);
  }

  /** The last day this partial date can stand for. */
  public LocalDate latest() {
    if (month == 0) {
      return LocalDate.of(year, 12, 31);
    }
    return day == 0 ? YearMonth.of(year, month).atEndOfMonth() : LocalDate.of(year, month, day);
  }

  public Optional<LocalDate> exact() {
    return precision() == Precision.DAY ? Optional.of(earliest()) : Optional.empty();
  }

  @Override
  public int compareTo(PartialDate other) {
    int c = earliest().compareTo(other.earliest());
    return c != 0 ? c : Integer.compare(precision().ordinal(), other.precision().ordinal());
  }

  @Override
  public String toString() {
    return switch (precision()) {
      case YEAR -> String.format("%04d", year);
      case MONTH -> String.format("%04d-%02d", year, month);
      case DAY -> String.format("%04d-%02d-%02d", year, month, day);
    };
  }
}
