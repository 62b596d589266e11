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
    var errors = new ArrayList<InputError>();
    var builder = CaseFacts.builder(schema);
    for (var entry : raw.entrySet()) {
      String name = entry.getKey();
      String pointer = prefix + "/" + escape(name);
      Optional<FactDefinition> fact = schema.fact(name);
      if (fact.isEmpty()) {
        errors.add(
            InputError.of(pointer, InputError.Kind.UNKNOWN_FACT, name, null, null)
                .withSuggestion(
                    NearestName.suggest(
                        name, schema.facts().stream().map(FactDefinition::name).toList())));
        continue;
      }
      Object value = entry.getValue();
      if (value == null) {
        continue; // JSON null: the fact is not (yet) established
      }
      convert(fact.get(), value, new DateBound(asOf, asOfIsToday), pointer, errors)
          .ifPresent(v -> builder.set(name, v));
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
    } else if (country instanceof String c
        && COUNTRY_CODE.matcher(c).matches()
        && !c.equals(pack.country())) {
      errors.add(
          InputError.of(
              prefix + "/" + COUNTRY_FACT,
              InputError.Kind.WRONG_PACK,
              COUNTRY_FACT,
              "pack " + pack.id() + " is for " + pack.country(),
              c));
    }
    return errors.isEmpty()
        ? new Validated(Optional.of(builder.build()), errors)
        : new Validated(Optional.empty(), errors);
  }

  /** The latest date a date fact may have, and whether it is today. */
  private record DateBound(LocalDate date, boolean today) {}

  private static Optional<Object> convert(
      FactDefinition f, Object value, DateBound asOf, String pointer, List<InputError> errors) {
    switch (f.type()) {
      case BOOLEAN:
        if (value instanceof Boolean) {
          return Optional.of(value);
        }
        errors.add(wrongType(pointer, f, f.type().expected(f.values()), value));
        return Optional.empty();
      case ENUM:
        if (!(value instanceof String s)) {
          errors.add(wrongType(pointer, f, f.type().expected(f.values()), value));
          return Optional.empty();
        }
        if (!f.values().contains(s)) {
          errors.add(
              InputError.of(
                      pointer,
                      InputError.Kind.UNKNOWN_VALUE,
                      f.name(),
                      String.join(", ", f.values()),
                      s)
                  .withSuggestion(NearestName.suggest(s, f.values())));
          return Optional.empty();
        }
        return Optional.of(s);
      case COUNTRY:
      case REGION:
        if (value instanceof String s
            && VALUE_PATTERNS
                .computeIfAbsent(f.type().valuePattern(), java.util.regex.Pattern::compile)
                .matcher(s)
                .matches()) {
          return Optional.of(s);
        }
        errors.add(wrongType(pointer, f, f.type().expected(f.values()), value));
        return Optional.empty();
      case DATE:
      case PARTIAL_DATE:
        return date(f, value, asOf, pointer, errors);
      default:
        throw new IllegalStateException("unhandled fact type " + f.type());
    }
  }

  private static Optional<Object> date(
      FactDefinition f, Object value, DateBound asOf, String pointer, List<InputError> errors) {
    boolean partialAllowed = f.type() == FactType.PARTIAL_DATE;
    String expected = f.type().expected(f.values());
    if (!(value instanceof String s)) {
      errors.add(wrongType(pointer, f, expected, value));
      return Optional.empty();
    }
    boolean shape =
        partialAllowed
            ? PARTIAL_DATE_SHAPE.matcher(s).matches()
            : FULL_DATE_SHAPE.matcher(s).matches();
    if (!shape) {
      errors.add(
          InputError.of(pointer, InputError.Kind.BAD_DATE, f.name(), expected, "'" + s + "'"));
      return Optional.empty();
    }
    Optional<PartialDate> parsed = PartialDate.parse(s);
    if (parsed.isEmpty()) {
      errors.add(InputError.of(pointer, InputError.Kind.NO_SUCH_DATE, f.name(), null, s));
      return Optional.empty();
    }
    if (parsed.get().earliest().isAfter(asOf.date())) {
      errors.add(
          InputError.of(
              pointer,
              asOf.today() ? InputError.Kind.DATE_IN_FUTURE : InputError.Kind.DATE_AFTER_ASSESSMENT,
              f.name(),
              asOf.date().toString(),
              s));
      return Optional.empty();
    }
    if (!partialAllowed) {
      try {
        return Optional.of(LocalDate.parse(s));
      } catch (DateTimeException e) {
        errors.add(InputError.of(pointer, InputError.Kind.NO_SUCH_DATE, f.name(), null, s));
        return Optional.empty();
      }
    }
    return Optional.of(parsed.get());
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
