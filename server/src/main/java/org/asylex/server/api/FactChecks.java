package org.asylex.server.api;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.asylex.engine.assessment.CaseFacts;
import org.asylex.engine.assessment.CaseInput;
import org.asylex.engine.assessment.InputError;
import org.asylex.engine.policy.FactDefinition;
import org.asylex.engine.policy.PolicyPack;
import org.asylex.server.http.FieldError;

/**
 * Checks case facts (JSON values) against the pack of their country, as the command line does, and
 * words every problem without the value that was given: a request's facts are personal data, and an
 * error response may end up in a log the facts must not reach.
 */
final class FactChecks {
  private final PolicyCatalog policies;

  FactChecks(PolicyCatalog policies) {
    this.policies = policies;
  }

  /** Facts checked against the pack of their country: the pack and facts, or the errors. */
  record Checked(Optional<PolicyPack> pack, Optional<CaseFacts> facts, List<FieldError> errors) {
    Checked {
      errors = List.copyOf(errors);
    }

    boolean isValid() {
      return errors.isEmpty();
    }
  }

  /**
   * Checks raw facts as of {@code date}.
   *
   * @param prefix the JSON pointer of the facts object, e.g. {@code /facts}
   * @param today whether {@code date} is today (a later date is then "in the future")
   */
  Checked check(Map<String, ?> raw, LocalDate date, String prefix, boolean today) {
    var errors = new ArrayList<InputError>();
    Optional<String> country = CaseInput.country(raw, policies.countries(), prefix, errors);
    if (country.isEmpty()) {
      return new Checked(Optional.empty(), Optional.empty(), valueFree(errors, null, date, today));
    }
    PolicyPack pack = policies.byCountry(country.get()).orElseThrow();
    CaseInput.Validated validated = CaseInput.validate(pack, raw, date, prefix);
    return new Checked(
        Optional.of(pack), validated.facts(), valueFree(validated.errors(), pack, date, today));
  }

  /** The errors as field errors whose details hold no value of the input. */
  List<FieldError> valueFree(
      List<InputError> errors, PolicyPack pack, LocalDate date, boolean today) {
    return errors.stream()
        .map(
            e ->
                FieldError.at(
                    e.pointer(), e.code(), detail(e, pack, date, today, policies.countries())))
        .toList();
  }

  /**
   * A detail for an input error, rebuilt from its code and the pack's fact definition rather than
   * cut out of the engine's message, which quotes the value.
   */
  static String detail(
      InputError e, PolicyPack pack, LocalDate date, boolean today, List<String> countries) {
    String name = lastSegment(e.pointer());
    Optional<FactDefinition> fact = pack == null ? Optional.empty() : pack.facts().fact(name);
    return switch (e.code()) {
      case "unknown-fact", "missing-country" -> e.message();
      case "wrong-type" ->
          fact.map(f -> f.name() + " must be " + expected(f))
              .orElse(
                  name.equals(CaseInput.COUNTRY_FACT)
                      ? "countryOfOrigin must be an ISO 3166-1 alpha-2 code in capitals, such as NL"
                      : "a value of the wrong type");
      case "unknown-value" ->
          fact.map(f -> "not a value of " + f.name() + " (" + String.join(", ", f.values()) + ")")
              .orElse("not an allowed value");
      case "bad-date" ->
          e.message().startsWith("the date ")
              ? "the date does not exist"
              : fact.map(f -> f.name() + " must be " + expected(f)).orElse("not a date");
      case "date-after-assessment" ->
          today
              ? name + " lies in the future (after today, " + date + ")"
              : name + " lies after the assessment date " + date;
      case "no-pack" ->
          "there is no policy pack for this country (packs: " + String.join(", ", countries) + ")";
      case "wrong-pack" -> "the case's country is not the country of the pack";
      default -> "not valid input";
    };
  }

  /** What a value of the fact looks like. */
  static String expected(FactDefinition f) {
    return switch (f.type()) {
      case BOOLEAN -> "true or false (a JSON boolean)";
      case ENUM -> "one of " + String.join(", ", f.values());
      case DATE -> "a date YYYY-MM-DD";
      case PARTIAL_DATE -> "a date YYYY-MM-DD, YYYY-MM or YYYY";
      case COUNTRY -> "an ISO 3166-1 alpha-2 code such as NL";
      case REGION -> "an ISO 3166-2 code such as NL-NH";
    };
  }

  /** Whether a fact name is declared by any pack, with its type in the first pack that does. */
  static Optional<FactDefinition> anyPackFact(PolicyCatalog policies, String name) {
    for (PolicyPack pack : policies.packs()) {
      Optional<FactDefinition> f = pack.facts().fact(name);
      if (f.isPresent()) {
        return f;
      }
    }
    return Optional.empty();
  }

  private static String lastSegment(String pointer) {
    int slash = pointer.lastIndexOf('/');
    return pointer.substring(slash + 1).replace("~1", "/").replace("~0", "~");
  }
}
