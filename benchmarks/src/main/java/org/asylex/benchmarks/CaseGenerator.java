package org.asylex.benchmarks;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.asylex.engine.assessment.CaseFacts;
import org.asylex.engine.policy.FactSchema;
import org.asylex.engine.time.PartialDate;

/**
 * Generates RU cases deterministically from a seed: every fact but {@code countryOfOrigin} is
 * present with a fixed probability (70% by default) and takes a random value from its domain; each
 * case comes with an assessment date. The dates lean towards the places where outcomes turn: the
 * moratorium's start and end, the in-force date of E4-E8, and the 18th and 27th birthdays (29
 * February included). The values are synthetic: no real person's data.
 */
public final class CaseGenerator {
  /** One case and the date it is assessed on. */
  public record GeneratedCase(CaseFacts facts, LocalDate asOf) {}

  public static final LocalDate FIRST_DATE = LocalDate.of(2022, 1, 1);
  public static final LocalDate LAST_DATE = LocalDate.of(2024, 12, 31);
  public static final LocalDate EARLIEST_BIRTH = LocalDate.of(1950, 1, 1);

  static final LocalDate[] TURNING_DATES = {
    LocalDate.of(2022, 6, 29), LocalDate.of(2023, 6, 8), LocalDate.of(2023, 6, 29)
  };

  static final String[] REGIONS = {
    "RU-CE", "RU-IN", "RU-DA", "RU-MOW", "RU-SPE", "RU-KDA", "RU-TA", "RU-BA", "RU-SVE", "RU-NIZ"
  };
  static final String[] MILITARY_STATUSES = {"conscript", "reservist", "contractSoldier", "none"};
  static final String[] GENDERS = {"female", "male", "x"};
  static final String[] BOOLEAN_FACTS = {
    "refusesMilitaryService",
    "desertion",
    "fearsMobilisation",
    "politicalActivist",
    "humanRightsActivist",
    "activeInJournalism",
    "criticisesAuthorities",
    "criticismSignificant",
    "lawyerInPoliticallySensitiveCases",
    "ngoWorkerSeenAsCritical",
    "lgbti",
    "fearsDomesticOrSexualViolence",
    "concreteIndicationsSettleElsewhere"
  };

  /**
   * The RU pack's boolean facts, in the order the generator draws them (the DMN model's inputs).
   */
  public static List<String> booleanFacts() {
    return List.of(BOOLEAN_FACTS);
  }

  /** Births on 29 February with an 18th or 27th birthday inside the assessment range. */
  private static final int[][] LEAP_BIRTHDAYS = {{2004, 18}, {1996, 27}};

  private static final long FIRST_DAY = FIRST_DATE.toEpochDay();
  private static final long LAST_DAY = LAST_DATE.toEpochDay();

  private final FactSchema schema;
  private final double presence;

  public CaseGenerator(FactSchema schema) {
    this(schema, 0.7);
  }

  public CaseGenerator(FactSchema schema, double presence) {
    this.schema = schema;
    this.presence = presence;
  }

  /** {@code n} cases from {@code seed}: the same seed gives the same cases. */
  public List<GeneratedCase> generate(long seed, int n) {
    var random = new SplittableRandom(seed);
    var cases = new ArrayList<GeneratedCase>(n);
    for (int i = 0; i < n; i++) {
      cases.add(next(random));
    }
    return cases;
  }

  private GeneratedCase next(SplittableRandom r) {
    CaseFacts.Builder b = CaseFacts.builder(schema).set("countryOfOrigin", "RU");
    LocalDate asOf;
    LocalDate birth;
    double mode = r.nextDouble();
    if (mode < 0.15) {
      // an 18th or 27th birthday, the day before or the day after
      if (r.nextInt(5) == 0) {
        int[] leap = LEAP_BIRTHDAYS[r.nextInt(LEAP_BIRTHDAYS.length)];
        birth = LocalDate.of(leap[0], 2, 29);
        asOf = LocalDate.of(leap[0] + leap[1], 2, 26).plusDays(r.nextInt(5)); // 26 Feb - 2 Mar
      } else {
        asOf = uniformDate(r);
        birth = asOf.minusYears(r.nextBoolean() ? 18 : 27).plusDays(r.nextInt(3) - 1);
      }
    } else {
      asOf = mode < 0.45 ? nearTurningDate(r) : uniformDate(r);
      birth = r.nextBoolean() ? between(r, EARLIEST_BIRTH, asOf) : ofAge(r, asOf);
    }
    if (present(r)) {
      b.set("dateOfBirth", partial(r, birth));
    }
    if (present(r)) {
      b.set("gender", pick(r, GENDERS));
    }
    if (present(r)) {
      b.set("regionOfOrigin", pick(r, REGIONS));
    }
    if (present(r)) {
      b.set("militaryStatus", pick(r, MILITARY_STATUSES));
    }
    for (String name : BOOLEAN_FACTS) {
      if (present(r)) {
        b.set(name, r.nextBoolean());
      }
    }
    return new GeneratedCase(b.build(), asOf);
  }

  private boolean present(SplittableRandom r) {
    return r.nextDouble() < presence;
  }

  private static LocalDate uniformDate(SplittableRandom r) {
    return LocalDate.ofEpochDay(r.nextLong(FIRST_DAY, LAST_DAY + 1));
  }

  /** A turning date, or up to three days either side of it. */
  private static LocalDate nearTurningDate(SplittableRandom r) {
    LocalDate d = TURNING_DATES[r.nextInt(TURNING_DATES.length)];
    return r.nextInt(3) == 0 ? d : d.plusDays(r.nextInt(7) - 3);
  }

  private static LocalDate between(SplittableRandom r, LocalDate from, LocalDate to) {
    return LocalDate.ofEpochDay(r.nextLong(from.toEpochDay(), to.toEpochDay() + 1));
  }

  /** A birth date making the applicant 15 to 30 on {@code asOf}: around the moratorium's ages. */
  private static LocalDate ofAge(SplittableRandom r, LocalDate asOf) {
    return between(r, asOf.minusYears(31).plusDays(1), asOf.minusYears(15));
  }

  /** The full date (60%), only its month (20%) or only its year (20%). */
  private static PartialDate partial(SplittableRandom r, LocalDate d) {
    int p = r.nextInt(5);
    if (p == 0) {
      return new PartialDate(d.getYear(), 0, 0);
    }
    if (p == 1) {
      return new PartialDate(d.getYear(), d.getMonthValue(), 0);
    }
    return PartialDate.of(d);
  }

  private static String pick(SplittableRandom r, String[] values) {
    return values[r.nextInt(values.length)];
  }
}
