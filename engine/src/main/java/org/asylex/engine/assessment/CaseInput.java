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
  public static final String COUNTRY_FACT = "countryOfOrigin";

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
          new InputError(
              pointer,
              "missing-country",
              "countryOfOrigin is required: an ISO 3166-1 alpha-2 code such as "
                  + countries.stream().findFirst().orElse("NL")));
      return Optional.empty();
    }
    if (!(value instanceof String code) || !code.matches("[A-Z]{2}")) {
      errors.add(
          new InputError(
              pointer,
              "wrong-type",
              "countryOfOrigin must be an ISO 3166-1 alpha-2 code in capitals (e.g. NL), not "
                  + shown(value)));
      return Optional.empty();
    }
    if (!countries.contains(code)) {
      errors.add(
          new InputError(
              pointer,
              "no-pack",
              "there is no policy pack for country '"
                  + code
                  + "' (packs: "
                  + String.join(", ", countries)
                  + ")"));
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
    FactSchema schema = pack.facts();
    var errors = new ArrayList<InputError>();
    var builder = CaseFacts.builder(schema);
    var names = schema.facts().stream().map(FactDefinition::name).toList();
    for (var entry : raw.entrySet()) {
      String name = entry.getKey();
      String pointer = prefix + "/" + escape(name);
      Optional<FactDefinition> fact = schema.fact(name);
      if (fact.isEmpty()) {
        errors.add(
            new InputError(
                pointer,
                "unknown-fact",
                "unknown fact '" + name + "'" + NearestName.didYouMean(name, names)));
        continue;
      }
      Object value = entry.getValue();
      if (value == null) {
        continue; // JSON null: the fact is not (yet) established
      }
      convert(fact.get(), value, asOf, pointer, errors).ifPresent(v -> builder.set(name, v));
    }
    Object country = raw.get(COUNTRY_FACT);
    if (country == null) {
      errors.add(
          new InputError(
              prefix + "/" + COUNTRY_FACT, "missing-country", "countryOfOrigin is required"));
    } else if (country instanceof String c && c.matches("[A-Z]{2}") && !c.equals(pack.country())) {
      errors.add(
          new InputError(
              prefix + "/" + COUNTRY_FACT,
              "wrong-pack",
              "the case comes from "
                  + c
                  + ", but pack "
                  + pack.id()
                  + " is for "
                  + pack.country()));
    }
    return errors.isEmpty()
        ? new Validated(Optional.of(builder.build()), errors)
        : new Validated(Optional.empty(), errors);
  }

  private static Optional<Object> convert(
      FactDefinition f, Object value, LocalDate asOf, String pointer, List<InputError> errors) {
    switch (f.type()) {
      case BOOLEAN:
        if (value instanceof Boolean) {
          return Optional.of(value);
        }
        errors.add(
            wrongType(pointer, f, "true or false (JSON booleans, not strings or numbers)", value));
        return Optional.empty();
      case ENUM:
        if (!(value instanceof String s)) {
          errors.add(wrongType(pointer, f, "one of " + String.join(", ", f.values()), value));
          return Optional.empty();
        }
        if (!f.values().contains(s)) {
          errors.add(
              new InputError(
                  pointer,
                  "unknown-value",
                  "'"
                      + s
                      + "' is not a value of "
                      + f.name()
                      + " ("
                      + String.join(", ", f.values())
                      + ")"
                      + NearestName.didYouMean(s, f.values())));
          return Optional.empty();
        }
        return Optional.of(s);
      case COUNTRY:
      case REGION:
        if (value instanceof String s && s.matches(f.type().valuePattern())) {
          return Optional.of(s);
        }
        errors.add(
            wrongType(
                pointer,
                f,
                f.type() == FactType.REGION
                    ? "an ISO 3166-2 code such as NL-NH (country, hyphen, 1-3 letters or digits)"
                    : "an ISO 3166-1 alpha-2 code such as NL",
                value));
        return Optional.empty();
      case DATE:
      case PARTIAL_DATE:
        return date(f, value, asOf, pointer, errors);
      default:
        throw new IllegalStateException("unhandled fact type " + f.type());
    }
  }

  private static Optional<Object> date(
      FactDefinition f, Object value, LocalDate asOf, String pointer, List<InputError> errors) {
    boolean partialAllowed = f.type() == FactType.PARTIAL_DATE;
    String expected = partialAllowed ? "a date YYYY-MM-DD, YYYY-MM or YYYY" : "a date YYYY-MM-DD";
    if (!(value instanceof String s)) {
      errors.add(wrongType(pointer, f, expected, value));
      return Optional.empty();
    }
    boolean shape =
        partialAllowed
            ? s.matches("\\d{4}(-\\d{2}(-\\d{2})?)?")
            : s.matches("\\d{4}-\\d{2}-\\d{2}");
    if (!shape) {
      errors.add(
          new InputError(
              pointer, "bad-date", f.name() + " must be " + expected + ", not '" + s + "'"));
      return Optional.empty();
    }
    Optional<PartialDate> parsed = PartialDate.parse(s);
    if (parsed.isEmpty()) {
      errors.add(new InputError(pointer, "bad-date", "the date " + s + " does not exist"));
      return Optional.empty();
    }
    if (parsed.get().earliest().isAfter(asOf)) {
      errors.add(
          new InputError(
              pointer,
              "date-after-assessment",
              f.name() + " " + s + " lies after the assessment date " + asOf));
      return Optional.empty();
    }
    if (!partialAllowed) {
      try {
        return Optional.of(LocalDate.parse(s));
      } catch (DateTimeException e) {
        errors.add(new InputError(pointer, "bad-date", "the date " + s + " does not exist"));
        return Optional.empty();
      }
    }
    return Optional.of(parsed.get());
  }

  private static InputError wrongType(
      String pointer, FactDefinition f, String expected, Object value) {
    return new InputError(
        pointer, "wrong-type", f.name() + " must be " + expected + ", not " + shown(value));
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
