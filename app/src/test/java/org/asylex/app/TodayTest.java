package org.asylex.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TodayTest {
  @Test
  void todayIsTheDateInTheNetherlandsWhateverTheClocksZone() {
    // 23:30 UTC on 28 June 2023 is already 29 June in Amsterdam: the moratorium has lapsed there.
    var today = new Today(Clock.fixed(Instant.parse("2023-06-28T23:30:00Z"), ZoneOffset.UTC));

    assertThat(today.date()).isEqualTo(LocalDate.of(2023, 6, 29));
  }
}
