package org.asylex.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Times.parse, read by hand, against the formatter it replaces for the stored text form. */
class TimesParseTest {
  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  @Test
  void readsWhatTheFormatterReads() {
    var random = new Random(12);
    for (int i = 0; i < 20_000; i++) {
      // 0001-01-01 to 9999-12-31, to the microsecond.
      long seconds = -62_135_596_800L + (long) (random.nextDouble() * 315_537_897_599L);
      Instant at = Instant.ofEpochSecond(seconds, random.nextInt(1_000_000) * 1_000L);
      String text = FORMAT.format(at);
      assertThat(Times.parse(text)).as(text).isEqualTo(FORMAT.parse(text, Instant::from));
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
        expected = FORMAT.parse(other, Instant::from);
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
}
