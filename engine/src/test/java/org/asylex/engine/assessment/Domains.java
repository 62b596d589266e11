package org.asylex.engine.assessment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.asylex.engine.policy.FactDefinition;
import org.asylex.engine.time.PartialDate;

/**
 * Finite domains of the neutral pack's facts, chosen so that every outcome the rules can give is
 * reached: regions inside and outside the listed ones, birth dates around the ages 18 and 27, and
 * assessment dates on and around every validity boundary.
 */
final class Domains {
  private Domains() {}

  /** Assessment dates: before, on and after the pause window's and the change date's edges. */
  static final List<LocalDate> DATES =
      List.of(
          LocalDate.of(2022, 6, 28),
          LocalDate.of(2022, 6, 29),
          LocalDate.of(2023, 1, 10),
          LocalDate.of(2023, 6, 7),
          LocalDate.of(2023, 6, 8),
          LocalDate.of(2023, 6, 15),
          LocalDate.of(2023, 6, 28),
          LocalDate.of(2023, 6, 29),
          LocalDate.of(2023, 9, 1));

  /** Birth dates as given: exact, to the month and to the year, around the ages 18 and 27. */
  static final List<String> BORN =
      List.of(
          "2005-06-15",
          "2005-06-16",
          "2004-06-29",
          "2005",
          "2005-06",
          "2004",
          "1996-06-15",
          "1996-06-16",
          "1996",
          "1996-06",
          "2004-02-29",
          "1980",
          "2010-03");

  static final List<String> REGIONS = List.of("XX-AA", "XX-BB", "XX-CC");

  /** Every value a fact can be given here (born as parsed partial dates). */
  static List<Object> values(FactDefinition f) {
    return switch (f.type()) {
      case BOOLEAN -> List.of(true, false);
      case ENUM -> List.copyOf(f.values());
      case REGION -> List.copyOf(REGIONS);
      case COUNTRY -> List.of("XX");
      case PARTIAL_DATE ->
          BORN.stream().map(s -> (Object) PartialDate.parse(s).orElseThrow()).toList();
      case DATE -> throw new IllegalArgumentException("the neutral pack has no date fact");
    };
  }

  /**
   * The values that stand for every completion of an unknown or imprecise fact on {@code asOf}: for
   * an absent date, exact birth dates at ages that lie on either side of 18 and 27; for a date
   * known to the month or year, its first and last possible day (age is monotone in the birth date,
   * and a range of at most a year spans at most two ages); a region inside and one outside the
   * listed ones.
   */
  static List<Object> completions(FactDefinition f, Object current, LocalDate asOf) {
    switch (f.type()) {
      case PARTIAL_DATE:
        if (current instanceof PartialDate p) {
          LocalDate latest = p.latest().isAfter(asOf) ? asOf : p.latest();
          return List.of(PartialDate.of(p.earliest()), PartialDate.of(latest));
        }
        var dates = new ArrayList<Object>();
        for (int years : new int[] {10, 17, 18, 26, 27, 40}) {
          dates.add(PartialDate.of(asOf.minusYears(years)));
        }
        return dates;
      case REGION:
        return List.of("XX-AA", "XX-CC");
      default:
        return values(f);
    }
  }

  /** Whether a fact's value leaves it open for the oracle: absent, or a date not to the day. */
  static boolean open(Object value) {
    return value == null
        || (value instanceof PartialDate p && p.precision() != PartialDate.Precision.DAY);
  }

  /** A random case: each fact absent with probability {@code absent}, else a random value. */
  static CaseFacts random(Random random, double absent) {
    var b = CaseFacts.builder(NeutralPack.PACK.facts());
    for (FactDefinition f : NeutralPack.PACK.facts().facts()) {
      if (random.nextDouble() >= absent) {
        List<Object> values = values(f);
        b.set(f.name(), values.get(random.nextInt(values.size())));
      }
    }
    return b.build();
  }
}
