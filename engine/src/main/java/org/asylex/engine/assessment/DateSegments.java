package org.asylex.engine.assessment;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The validity boundaries of every rule version of a policy, as sorted distinct days: they cut the
 * timeline into segments on which the same versions are in force. Segment {@code s} holds the days
 * on or after {@code s} boundaries and before the next. Immutable.
 */
final class DateSegments {
  private final long[] boundaries;

  /** The same boundaries as packed dates ({@link CaseFacts#pack}); null when one does not pack. */
  private final int[] packed;

  DateSegments(List<ElementPlan> plans) {
    var days = new TreeSet<Long>();
    for (ElementPlan p : plans) {
      for (RulePlan r : p.rules) {
        add(r, days);
      }
      for (RulePlan r : p.exceptions) {
        add(r, days);
      }
    }
    this.boundaries = days.stream().mapToLong(Long::longValue).toArray();
    this.packed = packed(boundaries);
  }

  private static void add(RulePlan r, Set<Long> into) {
    for (VersionPlan v : r.versions()) {
      if (v.fromDay() != Long.MIN_VALUE) {
        into.add(v.fromDay());
      }
      if (v.toDay() != Long.MAX_VALUE) {
        into.add(v.toDay());
      }
    }
  }

  private static int[] packed(long[] days) {
    int[] packed = new int[days.length];
    for (int i = 0; i < days.length; i++) {
      LocalDate d = LocalDate.ofEpochDay(days[i]);
      if (!CaseFacts.packs(d.getYear())) {
        return null; // beyond what a packed date holds: the epoch-day search serves
      }
      packed[i] = CaseFacts.pack(d.getYear(), d.getMonthValue(), d.getDayOfMonth());
    }
    return packed;
  }

  int count() {
    return boundaries.length + 1;
  }

  /** A day of segment {@code s}: its first (the day before the first boundary for the first). */
  long day(int s) {
    return s == 0 ? (boundaries.length == 0 ? 0 : boundaries[0] - 1) : boundaries[s - 1];
  }

  /**
   * The segment of the frame's date: counted without branches over the packed boundaries (a
   * caseload's dates come in no order, so a search's branches would mostly guess wrong).
   */
  int of(Frame f) {
    if (f.unpacked || packed == null) {
      return of(f.asOf);
    }
    int day = f.asOfPacked;
    int s = 0;
    for (int b : packed) {
      s += day >= b ? 1 : 0;
    }
    return s;
  }

  /** The segment of the date: the number of boundaries on or before it. */
  int of(LocalDate asOf) {
    int i = Arrays.binarySearch(boundaries, asOf.toEpochDay());
    return i >= 0 ? i + 1 : -i - 1;
  }
}
