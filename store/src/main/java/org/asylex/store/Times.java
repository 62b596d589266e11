package org.asylex.store;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * The one text form of a stored time: UTC, always six fraction digits ({@code
 * 2026-03-01T09:15:00.000000Z}), so texts sort as times do. PostgreSQL keeps microseconds, so every
 * time is cut to the microsecond before it is stored or hashed.
 */
final class Times {
  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  private Times() {}

  static Instant micros(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MICROS);
  }

  static String format(Instant instant) {
    long seconds = instant.getEpochSecond();
    if (seconds < 0 || seconds >= YEAR_10000) {
      return FORMAT.format(micros(instant));
    }
    // Written by hand (every audit event formats its time twice: hashed and stored); the same text
    // as FORMAT gives for the years 1970 to 9999 (TimesTest compares them).
    long days = Math.floorDiv(seconds, 86_400);
    int second = (int) (seconds - days * 86_400);
    java.time.LocalDate date = java.time.LocalDate.ofEpochDay(days);
    char[] c = new char[27];
    digits(c, 0, date.getYear(), 4);
    c[4] = '-';
    digits(c, 5, date.getMonthValue(), 2);
    c[7] = '-';
    digits(c, 8, date.getDayOfMonth(), 2);
    c[10] = 'T';
    digits(c, 11, second / 3600, 2);
    c[13] = ':';
    digits(c, 14, second / 60 % 60, 2);
    c[16] = ':';
    digits(c, 17, second % 60, 2);
    c[19] = '.';
    digits(c, 20, instant.getNano() / 1_000, 6);
    c[26] = 'Z';
    return new String(c);
  }

  /** 10000-01-01T00:00:00Z in seconds: from there on the year has more than four digits. */
  private static final long YEAR_10000 = 253_402_300_800L;

  private static void digits(char[] c, int at, int value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      c[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }

  static Instant parse(String text) {
    Instant fast = parsed(text);
    return fast != null ? fast : FORMAT.parse(text, Instant::from);
  }

  /**
   * The text form read by hand (every case read for a caseload's assessment has two times): the
   * same instant as {@link #FORMAT} gives, or null for anything but four-digit years and valid
   * fields, which {@link #FORMAT} then reads (or refuses as it always has).
   */
  private static Instant parsed(String t) {
    if (t.length() != 27
        || t.charAt(4) != '-'
        || t.charAt(7) != '-'
        || t.charAt(10) != 'T'
        || t.charAt(13) != ':'
        || t.charAt(16) != ':'
        || t.charAt(19) != '.'
        || t.charAt(26) != 'Z') {
      return null;
    }
    int year = number(t, 0, 4);
    int month = number(t, 5, 2);
    int day = number(t, 8, 2);
    int hour = number(t, 11, 2);
    int minute = number(t, 14, 2);
    int second = number(t, 17, 2);
    int micros = number(t, 20, 6);
    if (year < 0
        || month < 1
        || month > 12
        || day < 1
        || day > java.time.YearMonth.of(year, month).lengthOfMonth()
        || hour < 0
        || hour > 23
        || minute < 0
        || minute > 59
        || second < 0
        || second > 59
        || micros < 0) {
      return null;
    }
    long days = java.time.LocalDate.of(year, month, day).toEpochDay();
    return Instant.ofEpochSecond(
        days * 86_400 + hour * 3_600L + minute * 60L + second, micros * 1_000L);
  }

  /** The decimal number of {@code width} ASCII digits at {@code at}; -1 for anything else. */
  private static int number(String t, int at, int width) {
    int n = 0;
    for (int i = at; i < at + width; i++) {
      char c = t.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      n = n * 10 + (c - '0');
    }
    return n;
  }
}
