package org.asylex.engine.assessment;

import java.time.LocalDate;
import org.asylex.engine.time.PartialDate;

/** The state of assessing one case: its facts, the date, and each node's value. Not shared. */
final class Evaluation implements Node.Ages {
  final Object[] facts;
  final LocalDate asOf;
  final byte[] values;
  private final int[] minAge;
  private final int[] maxAge;

  Evaluation(Object[] facts, LocalDate asOf, int nodes) {
    this.facts = facts;
    this.asOf = asOf;
    this.values = new byte[nodes];
    this.minAge = new int[facts.length];
    this.maxAge = new int[facts.length];
  }

  /** Which facts' age ranges are computed, by bit; a pack has at most 64 facts. */
  private long agesKnown;

  @Override
  public int minAge(int fact) {
    ages(fact);
    return minAge[fact];
  }

  @Override
  public int maxAge(int fact) {
    ages(fact);
    return maxAge[fact];
  }

  private void ages(int fact) {
    if ((agesKnown & (1L << fact)) != 0) {
      return;
    }
    Object value = facts[fact];
    LocalDate earliest;
    LocalDate latest;
    if (value instanceof LocalDate d) {
      earliest = d;
      latest = d;
    } else {
      // the dates after the assessment date are not possible birth dates
      PartialDate p = (PartialDate) value;
      earliest = p.earliest();
      latest = p.latest().isAfter(asOf) ? asOf : p.latest();
    }
    minAge[fact] = Math.max(0, years(latest, asOf));
    maxAge[fact] = Math.max(0, years(earliest, asOf));
    agesKnown |= 1L << fact;
  }

  /**
   * Whole years from a birth date to a later date, as {@code Period.between(birth,
   * date).getYears()} counts them (a 29 February birthday completes a year on 1 March), without
   * creating a Period.
   */
  static int years(LocalDate birth, LocalDate date) {
    int years = date.getYear() - birth.getYear();
    if (date.getMonthValue() < birth.getMonthValue()
        || (date.getMonthValue() == birth.getMonthValue()
            && date.getDayOfMonth() < birth.getDayOfMonth())) {
      years--;
    }
    return years;
  }
}
