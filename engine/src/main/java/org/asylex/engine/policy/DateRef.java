package org.asylex.engine.policy;

import java.time.LocalDate;

/** A validity boundary: a fixed date, or the value of a date assumption. */
public sealed interface DateRef {

  /** A date the source gives. */
  record Fixed(LocalDate date) implements DateRef {
    @Override
    public String toString() {
      return date.toString();
    }
  }

  /** A date the source does not give, taken from an assumption. */
  record FromAssumption(String assumptionId) implements DateRef {
    @Override
    public String toString() {
      return "@" + assumptionId;
    }
  }
}
