package org.asylex.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The hand-written {@link Times#format} and {@link Times#parse} against the formatter they stand in
 * for, in the stored text form: the same text for any instant, the same instant read back, and the
 * formatter's own answer (or refusal) for any other text.
 */
class TimesTest {
  private static final DateTimeFormatter REFERENCE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  @Test
  void formatGivesTheFormattersTextForAnyInstant() {
    var random = new SplittableRandom(20261205);
    long min = Instant.parse("0001-01-01T00:00:00Z").getEpochSecond();
    long max = Instant.parse("+12000-01-01T00:00:00Z").getEpochSecond();
    for (int i = 0; i < 200_000; i++) {
      Instant at = Instant.ofEpochSecond(random.nextLong(min, max), random.nextInt(1_000_000_000));
      assertThat(Times.format(at)).as("%s", at).isEqualTo(reference(at));
    }
    for (String edge :
        new String[] {
          "1970-01-01T00:00:00Z",
          "1969-12-31T23:59:59.999999999Z",
          "2000-02-29T23:59:59.999999Z",
          "2026-03-01T09:15:00.000001Z",
          "9999-12-31T23:59:59.999999999Z",
          "+10000-01-01T00:00:00Z"
        }) {
      Instant at = Instant.parse(edge);
      assertThat(Times.format(at)).as(edge).isEqualTo(reference(at));
    }
    assertThat(Times.format(Instant.parse("2026-03-01T09:15:00.1234567Z")))
        .isEqualTo("2026-03-01T09:15:00.123456Z");
  }

  @Test
  void parseReadsWhatTheFormatterReads() {
    var random = new SplittableRandom(12);
    long min = Instant.parse("0001-01-01T00:00:00Z").getEpochSecond();
    long max = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
    for (int i = 0; i < 20_000; i++) {
      Instant at =
          Instant.ofEpochSecond(random.nextLong(min, max), random.nextInt(1_000_000) * 1_000L);
      String text = REFERENCE.format(at);
      assertThat(Times.parse(text)).as(text).isEqualTo(REFERENCE.parse(text, Instant::from));
    }
    assertThat(Times.parse("2024-02-29T23:59:59.999999Z"))
        .isEqualTo(Instant.parse("2024-02-29T23:59:59.999999Z"));
  }

  @Test
  void otherTextsAreTheFormattersToReadOrRefuse() {
    for (String other :
        new String[] {
          "2023-02-29T00:00:00.000000Z", // the formatter (smart) reads 28 February
          "2023-04-31T00:00:00.000000Z",
          "2023-13-01T00:00:00.000000Z",
          "2023-01-01T24:00:00.000000Z",
          "2023-01-01T00:60:00.000000Z",
          "2023-01-01T00:00:00.00000aZ",
          "2023-01-01 00:00:00.000000Z",
          "2023-01-01T00:00:00Z"
        }) {
      Object expected;
      try {
        expected = REFERENCE.parse(other, Instant::from);
      } catch (RuntimeException e) {
        expected = e.getClass();
      }
      Object actual;
      try {
        actual = Times.parse(other);
      } catch (RuntimeException e) {
        actual = e.getClass();
      }
      assertThat(actual).as(other).isEqualTo(expected);
    }
  }

  private static String reference(Instant at) {
    return REFERENCE.format(at.truncatedTo(ChronoUnit.MICROS));
  }
}
