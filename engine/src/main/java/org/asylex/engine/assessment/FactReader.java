package org.asylex.engine.assessment;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import org.asylex.engine.policy.FactDefinition;
import org.asylex.engine.policy.FactSchema;
import org.asylex.engine.policy.FactType;
import org.asylex.engine.policy.PolicyPack;
import org.asylex.engine.time.PartialDate;

/**
 * Checks the facts of one case at a time as a line reader hands them over (name and JSON value,
 * pair by pair) straight into {@link CaseFacts}, without a map per case: the fast path of a
 * caseload (ADR 0028).
 *
 * <p>It only ever accepts a case that {@link CaseInput#validate(PolicyPack, java.util.Map,
 * LocalDate, String, boolean)} accepts without an error, and gives the same facts, encoded the
 * same. At the first thing it would have to report (an unknown fact, a value of the wrong type or
 * shape, a date that does not exist or lies after the bound, a missing or other country, a name
 * given twice) it gives up on the case: {@link #fact} returns false or {@link #finish} null, and
 * the caller checks that case through {@code CaseInput.validate}, which names every problem exactly
 * as it always has.
 *
 * <p>Not thread-safe: one per thread, pack and assessment date. It keeps, per fact, the name and
 * value instances it has matched, so that a caseload whose reader repeats instances (as {@code
 * CaseLineReader} does) is matched by identity, and the dates it has made.
 */
public final class FactReader {
  private static final int DATE_SLOTS = 1 << 13;

  private final PolicyPack pack;
  private final FactSchema schema;
  private final String[] names;
  private final FactType[] types;
  private final List<FactDefinition> facts;

  /** Per enum fact, per value, the last instance that matched it (by equality first). */
  private final String[][] enumSeen;

  /** Per fact, the last name instance that matched it. */
  private final String[] nameSeen;

  private final int countryIndex;

  /** The bound as a packed date: a date packing higher lies after it. */
  private final int bound;

  /** The bound of the case at hand. */
  private int caseBound;

  private final boolean usable;

  /** Dates made so far, partial and full, by packed value: immutable, so shared between cases. */
  private final int[] dateKeys = new int[DATE_SLOTS];

  private final Object[] dates = new Object[DATE_SLOTS];

  private Object[] values;
  private int[] codes;
  private long seen;
  private long known;
  private long truths;
  private int next;

  /** A reader for cases of {@code pack} assessed on {@code asOf}: no date fact may lie after it. */
  public FactReader(PolicyPack pack, LocalDate asOf) {
    this.pack = pack;
    this.schema = pack.facts();
    this.facts = schema.facts();
    int n = facts.size();
    this.names = new String[n];
    this.types = new FactType[n];
    this.nameSeen = new String[n];
    this.enumSeen = new String[n][];
    int country = -1;
    for (int i = 0; i < n; i++) {
      FactDefinition f = facts.get(i);
      names[i] = f.name();
      types[i] = f.type();
      enumSeen[i] = f.type() == FactType.ENUM ? new String[f.values().size()] : null;
      if (country < 0 && f.name().equals(CaseInput.COUNTRY_FACT)) {
        country = i;
      }
    }
    this.countryIndex = country;
    this.bound = packedBound(asOf);
    // the masks hold a bit per fact; a larger schema (none so far) always takes CaseInput's path
    this.usable = n <= 64 && country >= 0;
  }

  private static int packedBound(LocalDate asOf) {
    int year = asOf.getYear();
    return year > 9999
        ? Integer.MAX_VALUE
        : year < 1
            ? Integer.MIN_VALUE
            : CaseFacts.pack(year, asOf.getMonthValue(), asOf.getDayOfMonth());
  }

  /** The pack whose facts this reads. */
  public PolicyPack pack() {
    return pack;
  }

  /** Begins a case assessed on the date given to the constructor. */
  public void start() {
    start(bound);
  }

  /** Begins a case assessed on {@code asOf} (a caseload where each case has its own date). */
  public void start(LocalDate asOf) {
    start(packedBound(asOf));
  }

  private void start(int bound) {
    caseBound = bound;
    values = new Object[names.length];
    codes = new int[2 * names.length];
    seen = 0;
    known = 0;
    truths = 0;
    next = 0;
  }

  /**
   * One fact of the case: {@code value} as JSON gives it ({@link String}, {@link Boolean} or null).
   *
   * @return false when {@code CaseInput.validate} would report a problem (or might): the case then
   *     goes there
   */
  public boolean fact(String name, Object value) {
    if (!usable) {
      return false;
    }
    int i = indexOf(name);
    if (i < 0) {
      return false;
    }
    long bit = 1L << i;
    if ((seen & bit) != 0) {
      return false; // twice: a JSON reader refuses it, and says so
    }
    seen |= bit;
    next = i + 1;
    if (value == null) {
      return true; // not (yet) established
    }
    switch (types[i]) {
      case BOOLEAN:
        if (!(value instanceof Boolean b)) {
          return false;
        }
        values[i] = b;
        truths |= b ? bit : 0;
        break;
      case ENUM:
        {
          int ordinal = value instanceof String s ? ordinal(i, s) : -1;
          if (ordinal < 0) {
            return false;
          }
          values[i] = value;
          codes[i] = ordinal;
          break;
        }
      case COUNTRY:
      case REGION:
        if (!(value instanceof String s) || !CaseInput.matches(types[i], s)) {
          return false;
        }
        values[i] = s;
        CaseFacts.encodeText(s, codes, i, names.length);
        break;
      case DATE:
      case PARTIAL_DATE:
        if (!(value instanceof String s) || !date(i, s)) {
          return false;
        }
        break;
      default:
        return false;
    }
    known |= bit;
    return true;
  }

  /** The facts of the case, or null when {@code CaseInput.validate} would report a problem. */
  public CaseFacts finish() {
    if (!usable || !(values[countryIndex] instanceof String c) || !c.equals(pack.country())) {
      return null; // missing (or null), or another country's: CaseInput names it
    }
    CaseFacts made = new CaseFacts(schema, values, known, truths, codes, true);
    values = null;
    codes = null;
    return made;
  }

  private int indexOf(String name) {
    int guess = next; // a caseload usually lists its facts in the schema's order
    if (guess < names.length) {
      if (nameSeen[guess] == name) {
        return guess;
      }
      if (names[guess].equals(name)) {
        nameSeen[guess] = name;
        return guess;
      }
    }
    for (int i = 0; i < names.length; i++) {
      if (nameSeen[i] == name) {
        return i;
      }
    }
    for (int i = 0; i < names.length; i++) {
      if (names[i].equals(name)) {
        nameSeen[i] = name;
        return i;
      }
    }
    return -1;
  }

  /** The position of {@code s} among the values of enum fact {@code i}, or -1. */
  private int ordinal(int i, String s) {
    String[] known = enumSeen[i];
    for (int o = 0; o < known.length; o++) {
      if (known[o] == s) {
        return o;
      }
    }
    int o = facts.get(i).values().indexOf(s);
    if (o >= 0) {
      known[o] = s;
    }
    return o;
  }

  /** Sets date fact {@code i} from {@code YYYY[-MM[-DD]]}: false for anything CaseInput reports. */
  private boolean date(int i, String s) {
    int n = s.length();
    if (n != 4 && n != 7 && n != 10) {
      return false;
    }
    for (int k = 0; k < n; k++) {
      char c = s.charAt(k);
      if ((k == 4 || k == 7) ? c != '-' : c < '0' || c > '9') {
        return false;
      }
    }
    boolean partial = types[i] == FactType.PARTIAL_DATE;
    if (!partial && n != 10) {
      return false;
    }
    int year = digits(s, 0, 4);
    int month = n >= 7 ? digits(s, 5, 7) : 0;
    int day = n == 10 ? digits(s, 8, 10) : 0;
    if ((n >= 7 && month == 0) || (n == 10 && day == 0)) {
      return false; // "00" is not a month or a day
    }
    if (year < 1 || month > 12 || day > 31) {
      return false;
    }
    int earliest = CaseFacts.pack(year, Math.max(month, 1), Math.max(day, 1));
    if (earliest > caseBound) {
      return false;
    }
    int key = CaseFacts.pack(year, month, day) * 2 + (partial ? 1 : 0);
    int slot = (key ^ (key >>> 13) ^ (key >>> 7)) & (DATE_SLOTS - 1);
    Object value = dateKeys[slot] == key ? dates[slot] : null;
    if (value == null) {
      try {
        PartialDate p = new PartialDate(year, month, day);
        value = partial ? p : p.earliest();
      } catch (DateTimeException e) {
        return false; // no such date (2023-02-30)
      }
      dateKeys[slot] = key;
      dates[slot] = value;
    }
    values[i] = value;
    if (partial) {
      int m = month == 0 ? 12 : month;
      codes[i] = earliest;
      codes[names.length + i] =
          CaseFacts.pack(year, m, day == 0 ? CaseFacts.lengthOfMonth(year, m) : day);
    } else {
      codes[i] = earliest;
      codes[names.length + i] = earliest;
    }
    return true;
  }

  private static int digits(String s, int from, int to) {
    int v = 0;
    for (int k = from; k < to; k++) {
      v = v * 10 + (s.charAt(k) - '0');
    }
    return v;
  }
}
