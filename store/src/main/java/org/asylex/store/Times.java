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
    return FORMAT.format(micros(instant));
  }

  static Instant parse(String text) {
    return FORMAT.parse(text, Instant::from);
  }
}
