package org.asylex.app;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * "Today" for every use case: the date in the Netherlands, where the decision is taken, from one
 * injected clock, so that a test (or a front end) can fix the date.
 */
public final class Today {
  /** The zone of the decision date. */
  public static final ZoneId NETHERLANDS = ZoneId.of("Europe/Amsterdam");

  private final Clock clock;

  public Today(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Today from the system clock. */
  public static Today system() {
    return new Today(Clock.system(NETHERLANDS));
  }

  /** The date today in the Netherlands. */
  public LocalDate date() {
    return LocalDate.now(clock.withZone(NETHERLANDS));
  }

  /** The clock, for stamping times. */
  public Clock clock() {
    return clock;
  }
}
