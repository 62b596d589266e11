package org.asylex.store;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that starts at a fixed time and moves one millisecond and a microsecond per reading. */
final class TestClock extends Clock {
  static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

  private final AtomicLong micros = new AtomicLong(START.getEpochSecond() * 1_000_000L);

  @Override
  public Instant instant() {
    long m = micros.getAndAdd(1_001);
    return Instant.ofEpochSecond(m / 1_000_000L, (m % 1_000_000L) * 1_000L);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
