package org.asylex.engine.assessment;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.asylex.engine.policy.FactDefinition;
import org.asylex.engine.policy.FactSchema;
import org.asylex.engine.policy.FactType;
import org.asylex.engine.time.PartialDate;

/**
 * The established facts of one case, checked against a pack's fact schema. A fact that is not set
 * is unknown. Values are {@link Boolean} (boolean), {@link String} (enum, country, region), {@link
 * LocalDate} (date) and {@link PartialDate} (partial-date).
 */
public final class CaseFacts {
  private final FactSchema schema;
  private final Object[] values;

  /*
   * The case encoded once for the engine's fast path (ConditionProgram), so that assessing it reads
   * a few words instead of boxed values: which facts are given, which booleans are true, and per
   * fact a code: an enum's ordinal, a date's earliest and latest day
   * as year * 512 + month * 32 + day, a text's TextCode in two halves.
   */
  private final long known;
  private final long truths;
  private final int[] codes;

  /** Whether every date's year packs into an int (always so for dates a case can give). */
  private final boolean packable;

  private CaseFacts(FactSchema schema, Object[] values) {
    this.schema = schema;
    this.values = values;
    List<FactDefinition> facts = schema.facts();
    int n = values.length;
    long given = 0;
    long trueOnes = 0;
    boolean fits = true;
    int[] code = new int[2 * n];
    for (int i = 0; i < n; i++) {
      Object v = values[i];
      if (v == null) {
        continue;
      }
      given |= 1L << i;
      if (v instanceof Boolean b) {
        trueOnes |= b ? 1L << i : 0;
      } else if (v instanceof String text) {
        FactDefinition f = facts.get(i);
        if (f.type() == FactType.ENUM) {
          code[i] = f.values().indexOf(text);
        } else {
          encodeText(text, code, i, n);
        }
      } else if (v instanceof PartialDate p) {
        int month = p.month() == 0 ? 12 : p.month();
        code[i] = pack(p.year(), p.month() == 0 ? 1 : p.month(), p.day() == 0 ? 1 : p.day());
        code[n + i] =
            pack(p.year(), month, p.day() == 0 ? lengthOfMonth(p.year(), month) : p.day());
      } else if (v instanceof LocalDate d) {
        fits &= packs(d.getYear());
        code[i] = fits ? pack(d.getYear(), d.getMonthValue(), d.getDayOfMonth()) : 0;
        code[n + i] = code[i];
      }
    }
    this.known = given;
    this.truths = trueOnes;
    this.codes = code;
    this.packable = fits;
  }

  /**
   * Facts already encoded by {@link FactReader}, which has computed the encoding above as this
   * class's own constructor does (the tests hold the two to it); takes the arrays over.
   */
  CaseFacts(
      FactSchema schema, Object[] values, long known, long truths, int[] codes, boolean packable) {
    this.schema = schema;
    this.values = values;
    this.known = known;
    this.truths = truths;
    this.codes = codes;
    this.packable = packable;
  }

  /**
   * Puts the {@link TextCode} of text fact {@code i} (a country, a region) into {@code code}: its
   * low half at {@code i}, its high half where a date's latest day goes ({@code n + i}).
   */
  static void encodeText(String text, int[] code, int i, int n) {
    long textCode = TextCode.of(text);
    code[i] = (int) textCode;
    code[n + i] = (int) (textCode >>> 32);
  }

  /** A date as one int that orders as the date does: {@code year * 512 + month * 32 + day}. */
  static int pack(int year, int month, int day) {
    return year * 512 + month * 32 + day;
  }

  /** Whether dates of this year pack without overflow (and ages between them stay exact). */
  static boolean packs(int year) {
    return year > -1_000_000 && year < 1_000_000;
  }

  static int lengthOfMonth(int year, int month) {
    return switch (month) {
      case 2 -> java.time.Year.isLeap(year) ? 29 : 28;
      case 4, 6, 9, 11 -> 30;
      default -> 31;
    };
  }

  /** The facts given, by bit. */
  long knownMask() {
    return known;
  }

  /** The boolean facts that are true, by bit. */
  long truthMask() {
    return truths;
  }

  /** Per fact its code; a date's latest day at {@code facts + index}. Not copied: read only. */
  int[] codes() {
    return codes;
  }

  boolean packable() {
    return packable;
  }

  public static Builder builder(FactSchema schema) {
    return new Builder(schema);
  }

  public FactSchema schema() {
    return schema;
  }

  /** The value of a fact, or empty when it is unknown. */
  public Optional<Object> get(String name) {
    int i = indexOf(schema, name);
    return i < 0 ? Optional.empty() : Optional.ofNullable(values[i]);
  }

  /** The values by fact index, not copied: the engine only reads them. */
  Object[] values() {
    return values;
  }

  /** The known facts in schema order, as name to value. */
  public Map<String, Object> known() {
    var map = new LinkedHashMap<String, Object>();
    for (int i = 0; i < values.length; i++) {
      if (values[i] != null) {
        map.put(schema.facts().get(i).name(), values[i]);
      }
    }
    return map;
  }

  /** A copy with one fact set (or, with null, made unknown). */
  public CaseFacts with(String name, Object value) {
    Builder b = new Builder(schema);
    System.arraycopy(values, 0, b.values, 0, values.length);
    return b.set(name, value).build();
  }

  static int indexOf(FactSchema schema, String name) {
    var facts = schema.facts();
    for (int i = 0; i < facts.size(); i++) {
      if (facts.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CaseFacts c && c.schema.equals(schema) && Arrays.equals(c.values, values);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(values);
  }

  /** Facts in a readable form, never for logs: case facts are special-category personal data. */
  @Override
  public String toString() {
    return "CaseFacts" + known();
  }

  /** Sets typed values; for input from outside, use {@link CaseInput}, which validates. */
  public static final class Builder {
    private final FactSchema schema;
    private final Object[] values;

    private Builder(FactSchema schema) {
      this.schema = schema;
      this.values = new Object[schema.facts().size()];
    }

    /**
     * Sets a fact; null makes it unknown.
     *
     * @throws IllegalArgumentException for an unknown fact or a value of the wrong Java type
     */
    public Builder set(String name, Object value) {
      int i = indexOf(schema, name);
      if (i < 0) {
        throw new IllegalArgumentException("unknown fact '" + name + "'");
      }
      if (value != null) {
        FactDefinition f = schema.facts().get(i);
        Class<?> expected = javaType(f.type());
        if (!expected.isInstance(value)) {
          throw new IllegalArgumentException(
              "fact '"
                  + name
                  + "' takes a "
                  + expected.getSimpleName()
                  + ", not "
                  + value.getClass().getSimpleName());
        }
        if (f.type() == FactType.ENUM && !f.values().contains(value)) {
          throw new IllegalArgumentException("'" + value + "' is not a value of " + name);
        }
      }
      values[i] = value;
      return this;
    }

    /** Sets fact {@code i} to a value {@link CaseInput} has checked against its definition. */
    Builder setChecked(int i, Object value) {
      values[i] = value;
      return this;
    }

    /** The facts, handing over the builder's array: for a builder used once ({@link CaseInput}). */
    CaseFacts buildOnce() {
      return new CaseFacts(schema, values);
    }

    public CaseFacts build() {
      return new CaseFacts(schema, values.clone());
    }
  }

  static Class<?> javaType(FactType type) {
    return switch (type) {
      case BOOLEAN -> Boolean.class;
      case DATE -> LocalDate.class;
      case PARTIAL_DATE -> PartialDate.class;
      case ENUM, COUNTRY, REGION -> String.class;
    };
  }
}
