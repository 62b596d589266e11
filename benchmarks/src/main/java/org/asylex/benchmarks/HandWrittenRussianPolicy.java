package org.asylex.benchmarks;

import java.time.LocalDate;
import java.util.List;
import org.asylex.engine.assessment.CaseFacts;
import org.asylex.engine.policy.FactSchema;
import org.asylex.engine.time.PartialDate;

/**
 * The six element definitions of docs/domain.md §4 ("Element definitions (normative)" and "Further
 * precision") coded by hand for speed, as the baseline the engine is measured against: in-force
 * date C (default 2023-06-08), moratorium window [2022-06-29, 2023-06-29), age 27 excluded, the
 * default readings {@code conscript-reading = liable} (the moratorium group's military status is
 * conscript or none) and {@code criticism-clause-scope = journalism-only} (only a person active in
 * journalism must criticise; before C significantly). It computes the outcomes and the missing
 * facts (a bit mask over the pack's fact indices, as {@link
 * org.asylex.engine.assessment.Outcomes#missingMask} gives them), and the groups.
 *
 * <p>Kleene values are coded F = 0 &lt; U = 1 &lt; T = 2, so {@code and} is {@code min}, {@code or}
 * is {@code max} and {@code not x} is {@code 2 - x}. A case is encoded once (see {@link #word}) as
 * one int of sixteen two-bit Kleene values, the earliest and latest possible birth date and the
 * assessment date, dates packed as {@code yyyymmdd} ints so that whole years of age are {@code
 * (date - birth) / 10000}. The policy reads nothing else from a case: of {@code militaryStatus}
 * only whether it is {@code conscript}, {@code none} or another status (the slot's fourth code, 3,
 * stands for {@code none}: false for "conscript", true for the moratorium's group), of {@code
 * gender} only whether it is {@code female}, of {@code regionOfOrigin} only whether it is Chechnya,
 * Ingushetia or Dagestan.
 *
 * <p>Immutable and allocation-free on the hot path; not a product class.
 */
public final class HandWrittenRussianPolicy {
  /** Element ids, in the order of the outcome codes this class returns. */
  public static final List<String> ELEMENTS =
      List.of(
          "decision-moratorium",
          "risk-group",
          "internal-protection-alternative",
          "departure-moratorium",
          "conscription-assessment",
          "mobilisation-assessment");

  public static final int DECISION_MORATORIUM = 0;
  public static final int RISK_GROUP = 1;
  public static final int INTERNAL_PROTECTION = 2;
  public static final int DEPARTURE_MORATORIUM = 3;
  public static final int CONSCRIPTION = 4;
  public static final int MOBILISATION = 5;

  /** Outcome codes: the ordinals of {@link org.asylex.engine.policy.Outcome}. */
  public static final int APPLIES = 0;

  public static final int DOES_NOT_APPLY = 1;
  public static final int INDIVIDUAL_ASSESSMENT = 2;
  public static final int UNDETERMINED = 3;

  /** Risk groups that certainly hold, as bits. */
  public static final int CRITICS = 1;

  public static final int LAWYERS = 2;
  public static final int NGO_WORKERS = 4;

  /** Internal-protection grounds (and the exception) as bits. */
  public static final int WOMEN_NORTH_CAUCASUS = 1;

  public static final int LGBTI = 2;
  public static final int SETTLE_ELSEWHERE = 4;

  static final int F = 0;
  static final int U = 1;
  static final int T = 2;

  // the sixteen two-bit Kleene values of a case word, by slot
  static final int S_CONSCRIPT = 0;
  static final int S_REFUSES = 1;
  static final int S_DESERTION = 2;
  static final int S_FEARS_MOBILISATION = 3;
  static final int S_POLITICAL = 4;
  static final int S_HUMAN_RIGHTS = 5;
  static final int S_JOURNALISM = 6;
  static final int S_CRITICISES = 7;
  static final int S_SIGNIFICANT = 8;
  static final int S_LAWYER = 9;
  static final int S_NGO = 10;
  static final int S_LGBTI = 11;
  static final int S_FEARS_VIOLENCE = 12;
  static final int S_SETTLE_ELSEWHERE = 13;
  static final int S_FEMALE = 14;
  static final int S_NORTH_CAUCASUS = 15;

  /** The fact behind each slot. */
  static final String[] SLOT_FACTS = {
    "militaryStatus",
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
    "concreteIndicationsSettleElsewhere",
    "gender",
    "regionOfOrigin"
  };

  private static final int MORATORIUM_FROM = 2022_06_29;
  private static final int MORATORIUM_TO = 2023_06_29; // exclusive

  private final int inForce;

  // the schema index of each slot's fact, and of dateOfBirth
  private final int[] index = new int[SLOT_FACTS.length];
  private final int dateOfBirthIndex;

  // missing-fact bits
  private final long mMilitary;
  private final long mRefuses;
  private final long mDesertion;
  private final long mFearsMobilisation;
  private final long mPolitical;
  private final long mHumanRights;
  private final long mJournalism;
  private final long mCriticises;
  private final long mSignificant;
  private final long mLawyer;
  private final long mNgo;
  private final long mLgbti;
  private final long mFearsViolence;
  private final long mSettle;
  private final long mGender;
  private final long mRegion;
  private final long mDateOfBirth;

  /** For the pack's fact schema (for the bit of each fact) and in-force date C. */
  public HandWrittenRussianPolicy(FactSchema schema, LocalDate inForceDate) {
    this.inForce = pack(inForceDate);
    for (int s = 0; s < SLOT_FACTS.length; s++) {
      index[s] = indexOf(schema, SLOT_FACTS[s]);
    }
    this.dateOfBirthIndex = indexOf(schema, "dateOfBirth");
    mMilitary = 1L << index[S_CONSCRIPT];
    mRefuses = 1L << index[S_REFUSES];
    mDesertion = 1L << index[S_DESERTION];
    mFearsMobilisation = 1L << index[S_FEARS_MOBILISATION];
    mPolitical = 1L << index[S_POLITICAL];
    mHumanRights = 1L << index[S_HUMAN_RIGHTS];
    mJournalism = 1L << index[S_JOURNALISM];
    mCriticises = 1L << index[S_CRITICISES];
    mSignificant = 1L << index[S_SIGNIFICANT];
    mLawyer = 1L << index[S_LAWYER];
    mNgo = 1L << index[S_NGO];
    mLgbti = 1L << index[S_LGBTI];
    mFearsViolence = 1L << index[S_FEARS_VIOLENCE];
    mSettle = 1L << index[S_SETTLE_ELSEWHERE];
    mGender = 1L << index[S_FEMALE];
    mRegion = 1L << index[S_NORTH_CAUCASUS];
    mDateOfBirth = 1L << dateOfBirthIndex;
  }

  private static int indexOf(FactSchema schema, String name) {
    var facts = schema.facts();
    for (int i = 0; i < facts.size(); i++) {
      if (facts.get(i).name().equals(name)) {
        return i;
      }
    }
    throw new IllegalArgumentException("the schema has no fact '" + name + "'");
  }

  // ---- the policy ------------------------------------------------------------------------------

  /**
   * The outcomes of the six elements, two bits each (element {@code e} at bits {@code 2e}); the
   * missing facts of element {@code e} go to {@code missing[e]}. Written without branches: with
   * random cases every data-dependent branch would be mispredicted half the time.
   *
   * @param w the case word ({@link #word})
   * @param birthEarliest the earliest possible birth date as yyyymmdd, 0 when absent
   * @param birthLatest the latest possible birth date as yyyymmdd
   * @param asOf the assessment date as yyyymmdd
   */
  public int evaluate(int w, int birthEarliest, int birthLatest, int asOf, long[] missing) {
    int status = w & 3;
    // code 3 (none): not a conscript, but in the moratorium's group under the reading 'liable'
    int none = status & (status >>> 1);
    int conscript = status & ~(none * 3);
    int moratoriumStatus = status - none;
    int refuses = (w >>> (2 * S_REFUSES)) & 3;
    int desertion = (w >>> (2 * S_DESERTION)) & 3;
    int refusesOrDeserts = Math.max(refuses, desertion);

    // E1: decision and departure moratorium (identical conditions), only inside the window
    int inWindow = asOf >= MORATORIUM_FROM && asOf < MORATORIUM_TO ? T : F;
    int age = ageFrom18To27(birthEarliest, birthLatest, asOf);
    int moratorium =
        Math.min(Math.min(inWindow, moratoriumStatus), Math.min(refusesOrDeserts, age));
    long moratoriumMissing =
        unknown(moratorium)
            & (unknown(moratoriumStatus) & mMilitary
                | unknown(refusesOrDeserts)
                    & (unknown(refuses) & mRefuses | unknown(desertion) & mDesertion)
                | unknown(age) & mDateOfBirth);
    missing[DECISION_MORATORIUM] = moratoriumMissing;
    missing[DEPARTURE_MORATORIUM] = moratoriumMissing;

    // E2: conscription; every unknown operand of an unknown 'or' could decide it
    int conscription = Math.max(conscript, refusesOrDeserts);
    missing[CONSCRIPTION] =
        unknown(conscription)
            & (unknown(conscript) & mMilitary
                | unknown(refuses) & mRefuses
                | unknown(desertion) & mDesertion);

    // E3: mobilisation
    int mobilisation = (w >>> (2 * S_FEARS_MOBILISATION)) & 3;
    missing[MOBILISATION] = unknown(mobilisation) & mFearsMobilisation;

    int inForceOn = asOf >= inForce ? T : F;
    int riskGroup = riskGroup(w, inForceOn, missing);
    int ipa = internalProtection(w, inForceOn, missing);

    return applies(moratorium)
        | applies(riskGroup) << (2 * RISK_GROUP)
        | applies(ipa) << (2 * INTERNAL_PROTECTION)
        | applies(moratorium) << (2 * DEPARTURE_MORATORIUM)
        | individualAssessment(conscription) << (2 * CONSCRIPTION)
        | individualAssessment(mobilisation) << (2 * MOBILISATION);
  }

  /**
   * E4, E5: risk groups; only a person active in journalism must criticise, 'significant' is asked
   * only before C, lawyers and NGOs count from C.
   */
  private int riskGroup(int w, int inForceOn, long[] missing) {
    int political = (w >>> (2 * S_POLITICAL)) & 3;
    int humanRights = (w >>> (2 * S_HUMAN_RIGHTS)) & 3;
    int journalism = (w >>> (2 * S_JOURNALISM)) & 3;
    int criticises = (w >>> (2 * S_CRITICISES)) & 3;
    int significant = Math.max(inForceOn, (w >>> (2 * S_SIGNIFICANT)) & 3);
    int journalist = Math.min(journalism, Math.min(criticises, significant));
    int critics = Math.max(political, Math.max(humanRights, journalist));
    int lawyers = Math.min(inForceOn, (w >>> (2 * S_LAWYER)) & 3);
    int ngo = Math.min(inForceOn, (w >>> (2 * S_NGO)) & 3);
    int riskGroup = Math.max(critics, Math.max(lawyers, ngo));
    missing[RISK_GROUP] =
        unknown(riskGroup)
            & (unknown(critics)
                    & (unknown(political) & mPolitical
                        | unknown(humanRights) & mHumanRights
                        | unknown(journalist)
                            & (unknown(journalism) & mJournalism
                                | unknown(criticises) & mCriticises
                                | unknown(significant) & mSignificant))
                | unknown(lawyers) & mLawyer
                | unknown(ngo) & mNgo);

    return riskGroup;
  }

  /** E6, E7, E8: (women-north-caucasus or lgbti) and not settle-elsewhere, from C. */
  private int internalProtection(int w, int inForceOn, long[] missing) {
    int female = (w >>> (2 * S_FEMALE)) & 3;
    int northCaucasus = (w >>> (2 * S_NORTH_CAUCASUS)) & 3;
    int violence = (w >>> (2 * S_FEARS_VIOLENCE)) & 3;
    int lgbti = (w >>> (2 * S_LGBTI)) & 3;
    int settle = (w >>> (2 * S_SETTLE_ELSEWHERE)) & 3;
    int women = Math.min(female, Math.min(northCaucasus, violence));
    int grounds = Math.max(women, lgbti);
    int ipa = Math.min(inForceOn, Math.min(grounds, T - settle));
    // when ipa is unknown, settle is not true and the grounds not false: each unknown side matters
    missing[INTERNAL_PROTECTION] =
        unknown(ipa)
            & (unknown(settle) & mSettle
                | unknown(grounds)
                    & (unknown(women)
                            & (unknown(female) & mGender
                                | unknown(northCaucasus) & mRegion
                                | unknown(violence) & mFearsViolence)
                        | unknown(lgbti) & mLgbti));

    return ipa;
  }

  /** All ones when {@code v} is unknown, else zero (U is the only odd Kleene code). */
  private static long unknown(int v) {
    return -(long) (v & 1);
  }

  /** F, U, T to does_not_apply, undetermined, applies. */
  private static int applies(int v) {
    return (DOES_NOT_APPLY | UNDETERMINED << 2 | APPLIES << 4) >>> (2 * v) & 3;
  }

  /** F, U, T to does_not_apply, undetermined, individual_assessment. */
  private static int individualAssessment(int v) {
    return (DOES_NOT_APPLY | UNDETERMINED << 2 | INDIVIDUAL_ASSESSMENT << 4) >>> (2 * v) & 3;
  }

  /**
   * {@code 18 <= age(D) < 27}, where for a partial birth date each comparison is known only when it
   * is the same for every possible birth date (no later than D). The youngest possible age is never
   * above the oldest, so each comparison is the count of the two that hold.
   */
  private static int ageFrom18To27(int birthEarliest, int birthLatest, int asOf) {
    int youngest = (asOf - Math.min(birthLatest, asOf)) / 10000;
    int oldest = (asOf - birthEarliest) / 10000;
    int atLeast18 = (youngest >= 18 ? 1 : 0) + (oldest >= 18 ? 1 : 0);
    int under27 = (oldest < 27 ? 1 : 0) + (youngest < 27 ? 1 : 0);
    return birthEarliest == 0 ? U : Math.min(atLeast18, under27);
  }

  /** The risk groups that certainly hold, as bits ({@link #CRITICS} ...). */
  public int riskGroups(int w, int asOf) {
    int journalist = Math.min(slot(w, S_JOURNALISM), slot(w, S_CRITICISES));
    if (asOf < inForce) {
      journalist = Math.min(journalist, slot(w, S_SIGNIFICANT));
    }
    int critics = Math.max(slot(w, S_POLITICAL), Math.max(slot(w, S_HUMAN_RIGHTS), journalist));
    if (asOf < inForce) {
      return critics == T ? CRITICS : 0;
    }
    return (critics == T ? CRITICS : 0)
        | (slot(w, S_LAWYER) == T ? LAWYERS : 0)
        | (slot(w, S_NGO) == T ? NGO_WORKERS : 0);
  }

  /**
   * The internal-protection grounds that certainly hold, plus {@link #SETTLE_ELSEWHERE} when the
   * exception holds and the grounds are not certainly absent; none before the in-force date.
   */
  public int internalProtectionGroups(int w, int asOf) {
    if (asOf < inForce) {
      return 0;
    }
    int women =
        Math.min(slot(w, S_FEMALE), Math.min(slot(w, S_NORTH_CAUCASUS), slot(w, S_FEARS_VIOLENCE)));
    int lgbti = slot(w, S_LGBTI);
    int grounds = Math.max(women, lgbti);
    return (women == T ? WOMEN_NORTH_CAUCASUS : 0)
        | (lgbti == T ? LGBTI : 0)
        | (slot(w, S_SETTLE_ELSEWHERE) == T && grounds != F ? SETTLE_ELSEWHERE : 0);
  }

  private static int slot(int w, int s) {
    return (w >>> (2 * s)) & 3;
  }

  // ---- reading a case --------------------------------------------------------------------------

  /**
   * The same policy read straight from the fact values in schema order (as {@link CaseFacts} holds
   * them: Boolean, String, PartialDate; null when absent): what a hand-coder who is given the
   * engine's input gets to work with.
   */
  public int evaluate(Object[] values, LocalDate asOf, long[] missing) {
    int earliest = 0;
    int latest = 0;
    Object birth = values[dateOfBirthIndex];
    if (birth != null) {
      PartialDate p = (PartialDate) birth;
      earliest = earliest(p);
      latest = latest(p);
    }
    return evaluate(word(values), earliest, latest, pack(asOf), missing);
  }

  /** The sixteen Kleene values of a case, from its fact values in schema order. */
  public int word(Object[] values) {
    Object status = values[index[S_CONSCRIPT]];
    int w = "none".equals(status) ? 3 : equalsTri(status, "conscript");
    for (int s = S_REFUSES; s <= S_SETTLE_ELSEWHERE; s++) {
      Object v = values[index[s]];
      w |= (v == null ? U : (Boolean) v ? T : F) << (2 * s);
    }
    w |= equalsTri(values[index[S_FEMALE]], "female") << (2 * S_FEMALE);
    Object region = values[index[S_NORTH_CAUCASUS]];
    int northCaucasus =
        region == null
            ? U
            : region.equals("RU-CE") || region.equals("RU-IN") || region.equals("RU-DA") ? T : F;
    return w | northCaucasus << (2 * S_NORTH_CAUCASUS);
  }

  private static int equalsTri(Object value, String expected) {
    return value == null ? U : expected.equals(value) ? T : F;
  }

  /** A case's fact values in schema order, null when absent. */
  public static Object[] values(CaseFacts facts) {
    var schema = facts.schema().facts();
    var values = new Object[schema.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = facts.get(schema.get(i).name()).orElse(null);
    }
    return values;
  }

  /** The earliest possible birth date of a (partial) date, as yyyymmdd, 0 when absent. */
  public int earliestBirth(Object[] values) {
    Object birth = values[dateOfBirthIndex];
    return birth == null ? 0 : earliest((PartialDate) birth);
  }

  /** The latest possible birth date of a (partial) date, as yyyymmdd, 0 when absent. */
  public int latestBirth(Object[] values) {
    Object birth = values[dateOfBirthIndex];
    return birth == null ? 0 : latest((PartialDate) birth);
  }

  public static int pack(LocalDate d) {
    return d.getYear() * 10000 + d.getMonthValue() * 100 + d.getDayOfMonth();
  }

  private static int earliest(PartialDate p) {
    return p.year() * 10000 + Math.max(p.month(), 1) * 100 + Math.max(p.day(), 1);
  }

  private static int latest(PartialDate p) {
    int y = p.year();
    if (p.month() == 0) {
      return y * 10000 + 1231;
    }
    int day = p.day() != 0 ? p.day() : daysInMonth(y, p.month());
    return y * 10000 + p.month() * 100 + day;
  }

  private static int daysInMonth(int year, int month) {
    if (month == 2) {
      boolean leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
      return leap ? 29 : 28;
    }
    return month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31;
  }
}
