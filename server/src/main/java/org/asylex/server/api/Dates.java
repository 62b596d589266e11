package org.asylex.server.api;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** The dates the API reckons with. */
final class Dates {
  /** The assessment date is a date in the Netherlands, where the decision is taken. */
  static final ZoneId DECISION_ZONE = ZoneId.of("Europe/Amsterdam");

  private Dates() {}

  /** Today in the Netherlands, by the server's clock. */
  static LocalDate today(Clock clock) {
    return LocalDate.now(clock.withZone(DECISION_ZONE));
  }
}
