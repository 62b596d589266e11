package org.asylex.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.asylex.engine.assessment.CaseFacts;
import org.asylex.engine.assessment.CaseInput;
import org.asylex.engine.assessment.InputError;
import org.asylex.engine.policy.AssumptionValues;
import org.asylex.engine.policy.PolicyPack;
import org.asylex.packs.LoadResult;

/**
 * The packs the case commands validate and assess stored facts with, by country, each loaded once.
 * An invalid pack's errors are printed once; every case of that country is then refused.
 */
final class CasePacks {
  private final PackOptions options;
  private final PackCatalog catalog;
  private final PrintWriter err;
  private final Map<String, Optional<PolicyPack>> byCountry = new HashMap<>();
  private List<String> countries;

  CasePacks(PackOptions options, PrintWriter err) {
    this.options = options;
    this.catalog = new PackCatalog(options.directory());
    this.err = err;
  }

  /** Case facts checked against the pack of their country: the pack and facts, or the errors. */
  record Checked(Optional<PolicyPack> pack, Optional<CaseFacts> facts, List<InputError> errors) {
    Checked {
      errors = List.copyOf(errors);
    }

    boolean isValid() {
      return errors.isEmpty();
    }
  }

  /**
   * Checks raw facts (JSON values) against the pack of their country as of {@code date}.
   *
   * @param prefix the JSON pointer of the facts object ("" when the facts are the document)
   */
  Checked check(Map<String, ?> raw, LocalDate date, String prefix) {
    var errors = new ArrayList<InputError>();
    Optional<String> country = CaseInput.country(raw, countriesFor(raw), prefix, errors);
    if (country.isEmpty()) {
      return new Checked(Optional.empty(), Optional.empty(), errors);
    }
    Optional<PolicyPack> pack = pack(country.get());
    if (pack.isEmpty()) {
      errors.add(
          new InputError(
              prefix + "/" + CaseInput.COUNTRY_FACT,
              "invalid-pack",
              "the policy pack for "
                  + country.get()
                  + " is invalid (see above); run 'asylex policy validate'"));
      return new Checked(Optional.empty(), Optional.empty(), errors);
    }
    CaseInput.Validated validated = CaseInput.validate(pack.get(), raw, date, prefix);
    return new Checked(pack, validated.facts(), validated.errors());
  }

  /** The valid pack for a country; empty (its errors printed, once) when it is invalid. */
  Optional<PolicyPack> pack(String country) {
    return byCountry.computeIfAbsent(
        country,
        c ->
            catalog
                .find(c)
                .flatMap(
                    dir -> {
                      LoadResult result = catalog.load(dir);
                      if (result.pack().isEmpty()) {
                        var printer = new DiagnosticPrinter(err);
                        result.errors().forEach(printer::print);
                        err.println(
                            dir
                                + ": invalid pack ("
                                + result.errors().size()
                                + " errors); run 'asylex policy validate "
                                + dir
                                + "'");
                      }
                      return result.pack();
                    }));
  }

  /**
   * The pack with this id, as it is now: the directory named after it first, then any pack of that
   * id. Empty when there is none; an invalid pack's errors are printed.
   */
  Optional<PolicyPack> packById(String id) {
    Optional<Path> named = catalog.directory().find(id);
    List<Path> dirs = new ArrayList<>();
    named.ifPresent(dirs::add);
    catalog.directory().packs().stream().filter(d -> !dirs.contains(d)).forEach(dirs::add);
    for (Path dir : dirs) {
      LoadResult result = catalog.load(dir);
      if (result.pack().isPresent() && result.pack().get().id().equals(id)) {
        return result.pack();
      }
      if (result.pack().isEmpty() && named.isPresent() && named.get().equals(dir)) {
        var printer = new DiagnosticPrinter(err);
        result.errors().forEach(printer::print);
        throw new UsageError(dir + ": invalid pack; run 'asylex policy validate " + dir + "'");
      }
    }
    return Optional.empty();
  }

  /** Where the packs are, for messages. */
  Path root() {
    return catalog.directory().root();
  }

  /** The assumption values of this run: the pack's defaults with --config and --assume. */
  AssumptionValues values(PolicyPack pack) {
    try {
      return AssumptionValues.withOverrides(pack, options.overrides(pack.id()));
    } catch (AssumptionValues.InvalidOverrides e) {
      throw new UsageError(String.join("\nasylex: ", e.problems()));
    }
  }

  /**
   * The countries to check a case's country against: just its own when a pack for it exists (so no
   * other pack is loaded), else every pack's, for the message.
   */
  private Collection<String> countriesFor(Map<String, ?> raw) {
    if (raw.get(CaseInput.COUNTRY_FACT) instanceof String code
        && code.matches("[A-Z]{2}")
        && (byCountry.containsKey(code) || catalog.find(code).isPresent())) {
      return List.of(code);
    }
    if (countries == null) {
      countries = catalog.countries();
    }
    return countries;
  }

  /**
   * An input error without the value that was given: for commands whose purpose is not to show case
   * facts (import, set, filters). Fact names, expected types and allowed values stay.
   */
  static String withoutValue(InputError e) {
    return withoutValue(e, false);
  }

  /**
   * {@link #withoutValue(InputError)}; with {@code today}, a date after the assessment date is
   * called a date in the future (import and set check facts as of today).
   */
  static String withoutValue(InputError e, boolean today) {
    String m = e.message();
    String text =
        switch (e.code()) {
          case "wrong-type", "bad-date" ->
              m.contains(", not ")
                  ? m.substring(0, m.lastIndexOf(", not "))
                  : m.replaceFirst("^the date .* does not exist$", "the date does not exist");
          case "unknown-value" -> m.replaceFirst("^'.*' is not a value of ", "not a value of ");
          case "date-after-assessment" ->
              today
                  ? m.replaceFirst(
                      "^(\\S+) .* lies after the assessment date (.*)$",
                      "$1 lies in the future (after today, $2)")
                  : m.replaceFirst(
                      "^(\\S+) .* lies after the assessment date",
                      "$1 lies after the assessment date");
          default -> m;
        };
    return (e.pointer().isEmpty() ? "(the case)" : e.pointer()) + ": " + text;
  }
}
