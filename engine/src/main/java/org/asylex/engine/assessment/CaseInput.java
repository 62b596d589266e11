package org.asylex.engine.assessment;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.asylex.engine.policy.FactDefinition;
import org.asylex.engine.policy.FactSchema;
import org.asylex.engine.policy.FactType;
import org.asylex.engine.policy.PolicyPack;
import org.asylex.engine.text.NearestName;
import org.asylex.engine.time.PartialDate;

/**
 * Validates case facts as they arrive from outside (a JSON object read into maps, lists, strings,
 * numbers, booleans and nulls) before anything is evaluated. Every problem is reported, each with
 * the JSON pointer of its field and what was expected.
 */
public final class CaseInput {
  /** The fact that selects the pack. */
  public static final String COUNTRY_FACT = FactSchema.COUNTRY_FACT;

  // Compiled once: checking a caseload (an impact analysis over a million cases) would otherwise
  // compile these for every case.
  private static final java.util.regex.Pattern COUNTRY_CODE =
      java.util.regex.Pattern.compile("[A-Z]{2}");
  private static final java.util.regex.Pattern PARTIAL_DATE_SHAPE =
      java.util.regex.Pattern.compile("\\d{4}(-\\d{2}(-\\d{2})?)?");
  private static final java.util.regex.Pattern FULL_DATE_SHAPE =
      java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final java.util.Map<String, java.util.regex.Pattern> VALUE_PATTERNS =
      new java.util.concurrent.ConcurrentHashMap<>();

  private CaseInput() {}

  /** The outcome of validating one case: facts when there is no error. */
  public record Validated(Optional<CaseFacts> facts, List<InputError> errors) {
    public Validated {
      errors = List.copyOf(errors);
    }

    public boolean isValid() {
      return errors.isEmpty();
    }
  }

  /**
   * The country the case comes from, which selects the pack.
   *
   * @param prefix the JSON pointer of the facts object ("" when the facts are the document)
   * @param countries the countries that have a pack
   */
  public static Optional<String> country(
      Map<String, ?> raw, Collection<String> countries, String prefix, List<InputError> errors) {
    String pointer = prefix + "/" + COUNTRY_FACT;
    Object value = raw.get(COUNTRY_FACT);
    if (value == null) {
      errors.add(
          InputError.of(
              pointer,
              InputError.Kind.MISSING_COUNTRY,
              COUNTRY_FACT,
              "an ISO 3166-1 alpha-2 code such as " + countries.stream().findFirst().orElse("NL"),
              null));
      return Optional.empty();
    }
    if (!(value instanceof String code) || !COUNTRY_CODE.matcher(code).matches()) {
      errors.add(
          InputError.of(
              pointer,
              InputError.Kind.WRONG_TYPE,
              COUNTRY_FACT,
              "an ISO 3166-1 alpha-2 code in capitals (e.g. NL)",
              shown(value)));
      return Optional.empty();
    }
    if (!countries.contains(code)) {
      errors.add(
          InputError.of(
              pointer, InputError.Kind.NO_PACK, COUNTRY_FACT, String.join(", ", countries), code));
      return Optional.empty();
    }
    return Optional.of(code);
  }

  /**
   * Validates every fact against the schema of the selected pack.
   *
   * @param asOf the assessment date: no date fact may lie after it
   * @param prefix the JSON pointer of the facts object ("" when the facts are the document)
   */
  public static Validated validate(
      PolicyPack pack, Map<String, ?> raw, LocalDate asOf, String prefix) {
    return validate(pack, raw, asOf, prefix, false);
  }

  /**
   * {@link #validate(PolicyPack, Map, LocalDate, String)}; with {@code asOfIsToday}, a date after
   * {@code asOf} is reported as a date in the future (facts recorded today, not assessed on a
   * date).
   */
  public static Validated validate(
      PolicyPack pack, Map<String, ?> raw, LocalDate asOf, String prefix, boolean asOfIsToday) {
    FactSchema schema = pack.facts();
    List<FactDefinition> facts = schema.facts();
    var errors = new ArrayList<InputError>();
    var builder = CaseFacts.builder(schema);
    var bound = new DateBound(asOf, asOfIsToday);
    int next = 0; // a case read from JSON usually lists its facts in the schema's order
    for (var entry : raw.entrySet()) {
      String name = entry.getKey();
      int i = indexOf(facts, name, next);
      if (i < 0) {
        errors.add(
            InputError.of(pointer(prefix, name), InputError.Kind.UNKNOWN_FACT, name, null, null)
                .withSuggestion(
                    NearestName.suggest(
                        name, schema.facts().stream().map(FactDefinition::name).toList())));
        continue;
      }
      next = i + 1;
      Object value = entry.getValue();
      if (value == null) {
        continue; // JSON null: the fact is not (yet) established
      }
      Object converted = convert(facts.get(i), value, bound, prefix, errors);
      if (converted != null) {
        builder.setChecked(i, converted);
      }
    }
    Object country = raw.get(COUNTRY_FACT);
    if (country == null) {
      errors.add(
          InputError.of(
              prefix + "/" + COUNTRY_FACT,
              InputError.Kind.MISSING_COUNTRY,
              COUNTRY_FACT,
              null,
              null));
    } else if (country instanceof String c && !c.equals(pack.country()) && countryCode(c)) {
      errors.add(
          InputError.of(
              prefix + "/" + COUNTRY_FACT,
              InputError.Kind.WRONG_PACK,
              COUNTRY_FACT,
              "pack " + pack.id() + " is for " + pack.country(),
              c));
    }
    return errors.isEmpty()
        ? new Validated(Optional.of(builder.buildOnce()), errors)
        : new Validated(Optional.empty(), errors);
  }

  /** The latest date a date fact may have, and whether it is today. */
  private record DateBound(LocalDate date, boolean today) {}

  /** The index of fact {@code name}, trying {@code guess} first; -1 when there is none. */
  private static int indexOf(List<FactDefinition> facts, String name, int guess) {
    if (guess < facts.size() && facts.get(guess).name().equals(name)) {
      return guess;
    }
    for (int i = 0; i < facts.size(); i++) {
      if (facts.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }

  /** The JSON pointer of a fact: made only for an error. */
  private static String pointer(String prefix, String name) {
    return prefix + "/" + escape(name);
  }

  /** The value as the engine reads it, or null after adding the error to {@code errors}. */
  private static Object convert(
      FactDefinition f, Object value, DateBound asOf, String prefix, List<InputError> errors) {
    switch (f.type()) {
      case BOOLEAN:
        if (value instanceof Boolean) {
          return value;
        }
        errors.add(wrongType(pointer(prefix, f.name()), f, f.type().expected(f.values()), value));
        return null;
      case ENUM:
        if (!(value instanceof String s)) {
          errors.add(wrongType(pointer(prefix, f.name()), f, f.type().expected(f.values()), value));
          return null;
        }
        if (!f.values().contains(s)) {
          errors.add(
              InputError.of(
                      pointer(prefix, f.name()),
                      InputError.Kind.UNKNOWN_VALUE,
                      f.name(),
                      String.join(", ", f.values()),
                      s)
                  .withSuggestion(NearestName.suggest(s, f.values())));
          return null;
        }
        return s;
      case COUNTRY:
      case REGION:
        if (value instanceof String s && matches(f.type(), s)) {
          return s;
        }
        errors.add(wrongType(pointer(prefix, f.name()), f, f.type().expected(f.values()), value));
        return null;
      case DATE:
      case PARTIAL_DATE:
        return date(f, value, asOf, pointer(prefix, f.name()), errors);
      default:
        throw new IllegalStateException("unhandled fact type " + f.type());
    }
  }

  /** Whether {@code s} has the shape of a value of {@code type} (its value pattern). */
  static boolean matches(FactType type, String s) {
    String pattern = type.valuePattern();
    if (pattern.equals("[A-Z]{2}")) {
      return countryCode(s);
    }
    if (pattern.equals("[A-Z]{2}-[A-Z0-9]{1,3}")) {
      int n = s.length();
      if (n < 4 || n > 6 || !upper(s.charAt(0)) || !upper(s.charAt(1)) || s.charAt(2) != '-') {
        return false;
      }
      for (int i = 3; i < n; i++) {
        if (!upper(s.charAt(i)) && !digit(s.charAt(i))) {
          return false;
        }
      }
      return true;
    }
    return VALUE_PATTERNS
        .computeIfAbsent(pattern, java.util.regex.Pattern::compile)
        .matcher(s)
        .matches();
  }

  /** {@code [A-Z]{2}}, without a regular expression: checked for every case. */
  private static boolean countryCode(String s) {
    return s.length() == 2 && upper(s.charAt(0)) && upper(s.charAt(1));
  }

  private static boolean upper(char c) {
    return c >= 'A' && c <= 'Z';
  }

  private static boolean digit(char c) {
    return c >= '0' && c <= '9';
  }

  /** A month or day left out of the text, in a {@link #dateShape}. */
  private static final int LEFT_OUT = 0xff;

  /**
   * The year, month and day of {@code YYYY[-MM[-DD]]} as {@code year << 16 | month << 8 | day}
   * ({@link #LEFT_OUT} for a part left out), or -1 for another shape: no array per date.
   */
  private static int dateShape(String s) {
    int n = s.length();
    if (n != 4 && n != 7 && n != 10) {
      return -1;
    }
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if ((i == 4 || i == 7) ? c != '-' : !digit(c)) {
        return -1;
      }
    }
    int year = number(s, 0, 4);
    int month = n >= 7 ? number(s, 5, 7) : LEFT_OUT;
    int day = n == 10 ? number(s, 8, 10) : LEFT_OUT;
    return year << 16 | month << 8 | day;
  }

  private static int number(String s, int from, int to) {
    int v = 0;
    for (int i = from; i < to; i++) {
      v = v * 10 + (s.charAt(i) - '0');
    }
    return v;
  }

  private static Object date(
      FactDefinition f, Object value, DateBound asOf, String pointer, List<InputError> errors) {
    boolean partialAllowed = f.type() == FactType.PARTIAL_DATE;
    if (!(value instanceof String s)) {
      errors.add(wrongType(pointer, f, f.type().expected(f.values()), value));
      return null;
    }
    int ymd = dateShape(s);
    if (ymd < 0 || (!partialAllowed && (ymd & 0xff) == LEFT_OUT)) {
      errors.add(
          InputError.of(
              pointer,
              InputError.Kind.BAD_DATE,
              f.name(),
              f.type().expected(f.values()),
              "'" + s + "'"));
      return null;
    }
    PartialDate parsed = partialDate(ymd);
    if (parsed == null) {
      errors.add(InputError.of(pointer, InputError.Kind.NO_SUCH_DATE, f.name(), null, s));
      return null;
    }
    LocalDate earliest = parsed.earliest();
    if (earliest.isAfter(asOf.date())) {
      errors.add(
          InputError.of(
              pointer,
              asOf.today() ? InputError.Kind.DATE_IN_FUTURE : InputError.Kind.DATE_AFTER_ASSESSMENT,
              f.name(),
              asOf.date().toString(),
              s));
      return null;
    }
    // a full date is its earliest day; PartialDate has checked that it exists
    return partialAllowed ? parsed : earliest;
  }

  /** As {@link PartialDate#parse} reads a text of the right shape: null for no such date. */
  private static PartialDate partialDate(int ymd) {
    int month = ymd >>> 8 & 0xff;
    int day = ymd & 0xff;
    // 0 stands for "not known", which the text says by leaving it out
    if (month == 0 || day == 0) {
      return null;
    }
    try {
      return new PartialDate(ymd >>> 16, month == LEFT_OUT ? 0 : month, day == LEFT_OUT ? 0 : day);
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static InputError wrongType(
      String pointer, FactDefinition f, String expected, Object value) {
    return InputError.of(pointer, InputError.Kind.WRONG_TYPE, f.name(), expected, shown(value));
  }

  /** How a JSON value reads in a message, without echoing long personal text. */
  static String shown(Object value) {
    if (value instanceof String s) {
      return s.length() > 40 ? "a text of " + s.length() + " characters" : "the text \"" + s + "\"";
    }
    if (value instanceof Boolean b) {
      return "the boolean " + b;
    }
    if (value instanceof Number || value instanceof BigDecimal) {
      return "the number " + value;
    }
    if (value instanceof Map) {
      return "an object";
    }
    if (value instanceof List) {
      return "a list";
    }
    return "a " + value.getClass().getSimpleName();
  }

  /** Escapes a key for a JSON pointer (RFC 6901). */
  static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }
}
