package org.asylex.engine.assessment;

import java.time.LocalDate;
import org.asylex.engine.time.PartialDate;

/**
 * The state of assessing one case on the fast path ({@link ConditionProgram}): the fact values, the
 * date (also as packed year-month-day for ages) and the unknown-fact masks the program hands back.
 * Made for one call and not shared.
 */
final class Frame {
  final Object[] facts;
  final LocalDate asOf;

  /** The date as {@code year * 512 + month * 32 + day}: dates compare as these ints do. */
  final int asOfPacked;

  /**
   * Set by {@link ConditionProgram#eval}: the unknown facts reached through unknown sub-conditions
   * of the node just evaluated (docs/engine.md §3.6); 0 when its value is known.
   */
  long mask;

  /** Per condition of the element being decided, its {@link #mask}: scratch of the plans. */
  final long[] conditionMasks;

  Frame(Object[] facts, LocalDate asOf, int conditions) {
    this.facts = facts;
    this.asOf = asOf;
    this.asOfPacked = pack(asOf.getYear(), asOf.getMonthValue(), asOf.getDayOfMonth());
    this.conditionMasks = new long[conditions];
  }

  static int pack(int year, int month, int day) {
    return year * 512 + month * 32 + day;
  }

  /** Whole years from {@code birth} to {@code date} (both packed), as Evaluation.years counts. */
  static int years(int birth, int date) {
    int years = (date >> 9) - (birth >> 9);
    return (date & 511) < (birth & 511) ? years - 1 : years;
  }

  /** The youngest age the date-of-birth fact value allows on the date. */
  int minAge(Object value) {
    int latest;
    if (value instanceof LocalDate d) {
      latest = pack(d.getYear(), d.getMonthValue(), d.getDayOfMonth());
    } else {
      PartialDate p = (PartialDate) value;
      int month = p.month() == 0 ? 12 : p.month();
      int day = p.day() == 0 ? lengthOfMonth(p.year(), month) : p.day();
      latest = pack(p.year(), month, day);
      // the dates after the assessment date are not possible birth dates
      if (latest > asOfPacked) {
        latest = asOfPacked;
      }
    }
    return Math.max(0, years(latest, asOfPacked));
  }

  /** The oldest age the date-of-birth fact value allows on the date. */
  int maxAge(Object value) {
    int earliest;
    if (value instanceof LocalDate d) {
      earliest = pack(d.getYear(), d.getMonthValue(), d.getDayOfMonth());
    } else {
      PartialDate p = (PartialDate) value;
      earliest = pack(p.year(), p.month() == 0 ? 1 : p.month(), p.day() == 0 ? 1 : p.day());
    }
    return Math.max(0, years(earliest, asOfPacked));
  }

  private static int lengthOfMonth(int year, int month) {
    return switch (month) {
      case 2 -> java.time.Year.isLeap(year) ? 29 : 28;
      case 4, 6, 9, 11 -> 30;
      default -> 31;
    };
  }
}
