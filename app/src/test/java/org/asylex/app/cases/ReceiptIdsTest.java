package org.asylex.app.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Receipt ids (ADR 0029): version 7 UUIDs, ordered by the receipt's time, never repeated. */
class ReceiptIdsTest {
  private static final Instant AT = Instant.parse("2026-12-05T16:00:00.123456Z");

  @Test
  void anIdIsAVersion7UuidWhoseFirst48BitsAreTheReceiptsMillisecond() {
    UUID id = UUID.fromString(Receipts.assessmentId(AT));

    assertThat(id.version()).isEqualTo(7);
    assertThat(id.variant()).isEqualTo(2);
    assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(AT.toEpochMilli());
  }

  @Test
  void idsOfLaterReceiptsSortAfterEarlierOnesAndNoneRepeats() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      ids.add(Receipts.assessmentId(AT.plusMillis(i / 10))); // ten receipts per millisecond
    }

    assertThat(ids).doesNotHaveDuplicates();
    for (int i = 10; i < ids.size(); i += 10) {
      assertThat(ids.get(i))
          .as("the first id of a later millisecond")
          .isGreaterThan(ids.get(i - 1));
    }
  }
}
