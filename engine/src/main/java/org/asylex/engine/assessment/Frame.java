package org.asylex.engine.assessment;

import java.time.LocalDate;
import org.asylex.engine.time.PartialDate;

/**
 * The state of assessing one case on the fast path ({@link ConditionProgram}): the case as {@link
 * CaseFacts} encoded it, the date (also packed, for ages) and the unknown-fact masks the program
 * hands back. Made for one call, or loaded with one case after another by one thread (a reused
 * {@link Outcomes}); never shared.
 */
final class Frame implements Node.Ages {
  Object[] facts;
  long known;
  long truths;
  int[] codes;
  LocalDate asOf;

  /** The date as {@code year * 512 + month * 32 + day}: dates compare as these ints do. */
  int asOfPacked;

  /** Whether a date is beyond the packed form: ages are then computed from the date objects. */
  boolean unpacked;

  /**
   * Set by {@link ConditionProgram#eval}: the unknown facts reached through unknown sub-conditions
   * of the node just evaluated (docs/engine.md §3.6); 0 when its value is known.
   */
  long mask;

  /** The enum tests of the junctions, by leaf index: which are known, which true. */
  long leafKnown;

  long leafTruth;

  /** Per condition of the element being decided, its {@link #mask}: scratch of the plans. */
  final long[] conditionMasks;

  /** The words of {@link #words}: what {@link AtomTable}s read of a case. */
  static final int KNOWN = 0;

  static final int TRUE = 1;
  static final int ENUMS = 2;
  static final int TESTS = 3;
  static final int WORDS = 4;

  /**
   * The case as {@link AtomTable}s read it ({@link AtomSlots#load}): the given facts, the true
   * ones, the enum facts' states and the tests' values, at the places {@link AtomSlots} gives.
   */
  final long[] words = new long[WORDS];

  /**
   * Per node id, the value a test takes regardless of the facts (-1: none): only on the frame that
   * fills the atom tables, null on a case's.
   */
  byte[] fixed;

  Frame(CaseFacts c, LocalDate asOf, int conditions) {
    this(conditions);
    load(c, asOf);
  }

  /** A frame to {@link #load} cases into, one after the other (a caseload run reuses it). */
  Frame(int conditions) {
    this.conditionMasks = new long[conditions];
  }

  /** The frame on which {@link AtomTable}s are filled: no case, every test free to be fixed. */
  static Frame scratch(int facts, int nodes, int conditions) {
    var f = new Frame(conditions);
    f.facts = new Object[facts];
    f.codes = new int[2 * facts];
    f.fixed = new byte[nodes];
    java.util.Arrays.fill(f.fixed, (byte) -1);
    return f;
  }

  /** Makes this the frame of case {@code c} on {@code asOf}. */
  Frame load(CaseFacts c, LocalDate asOf) {
    this.facts = c.values();
    this.known = c.knownMask();
    this.truths = c.truthMask();
    this.codes = c.codes();
    this.asOf = asOf;
    this.unpacked = !c.packable() || !CaseFacts.packs(asOf.getYear());
    this.asOfPacked =
        unpacked ? 0 : CaseFacts.pack(asOf.getYear(), asOf.getMonthValue(), asOf.getDayOfMonth());
    this.mask = 0;
    return this;
  }

  /** The {@link TextCode} of the (given) text fact {@code f}, as {@link CaseFacts} encoded it. */
  long textCode(int f) {
    return (codes[f] & 0xFFFF_FFFFL) | (long) codes[(codes.length >> 1) + f] << 32;
  }

  /** Whether fact {@code f} is given. */
  boolean known(int f) {
    return (known & (1L << f)) != 0;
  }

  /** Whole years from {@code birth} to {@code date} (both packed), as Evaluation.years counts. */
  private static int years(int birth, int date) {
    int years = (date >> 9) - (birth >> 9);
    return (date & 511) < (birth & 511) ? years - 1 : years;
  }

  /**
   * The youngest age the (given) date of birth {@code fact} allows on the date: from its latest
   * day, or the date itself when that is later (a later day is no possible birth date; for a full
   * date after the date both give 0).
   */
  @Override
  public int minAge(int fact) {
    if (unpacked) {
      return Math.max(0, Evaluation.years(latest(facts[fact]), asOf));
    }
    // the latest days follow the earliest: codes has two ints per fact (CaseFacts)
    int latest = Math.min(codes[(codes.length >> 1) + fact], asOfPacked);
    return Math.max(0, years(latest, asOfPacked));
  }

  /** The oldest age the (given) date of birth {@code fact} allows on the date. */
  @Override
  public int maxAge(int fact) {
    if (unpacked) {
      Object v = facts[fact];
      LocalDate earliest = v instanceof LocalDate d ? d : ((PartialDate) v).earliest();
      return Math.max(0, Evaluation.years(earliest, asOf));
    }
    return Math.max(0, years(codes[fact], asOfPacked));
  }

  private LocalDate latest(Object v) {
    if (v instanceof LocalDate d) {
      return d;
    }
    LocalDate latest = ((PartialDate) v).latest();
    return latest.isAfter(asOf) ? asOf : latest;
  }
}
