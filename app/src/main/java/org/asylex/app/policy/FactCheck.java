package org.asylex.app.policy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.asylex.engine.assessment.CaseFacts;
import org.asylex.engine.assessment.CaseInput;
import org.asylex.engine.assessment.InputError;
import org.asylex.engine.policy.PolicyPack;

/**
 * Checks case facts (JSON values) against the pack of their country, for every way facts come in: a
 * case file, a request, an import line, a change, the stored facts of a case.
 */
public final class FactCheck {
  private final PolicyCatalog policies;

  public FactCheck(PolicyCatalog policies) {
    this.policies = policies;
  }

  /** Facts checked against the pack of their country: the pack and facts, or the errors. */
  public record Checked(
      Optional<PolicyPack> pack, Optional<CaseFacts> facts, List<InputError> errors) {
    public Checked {
      errors = List.copyOf(errors);
    }

    public boolean isValid() {
      return errors.isEmpty();
    }
  }

  /** Whether {@code code} is two capitals A-Z: the shape of a country code with a pack. */
  public static boolean capitalPair(String code) {
    return code.length() == 2
        && code.charAt(0) >= 'A'
        && code.charAt(0) <= 'Z'
        && code.charAt(1) >= 'A'
        && code.charAt(1) <= 'Z';
  }

  /**
   * Checks raw facts as of {@code date}.
   *
   * @param prefix the JSON pointer of the facts object ("" when the facts are the document)
   * @param today whether {@code date} is today: a later date is then "in the future"
   */
  public Checked check(Map<String, ?> raw, LocalDate date, String prefix, boolean today) {
    var errors = new ArrayList<InputError>();
    Object given = raw.get(CaseInput.COUNTRY_FACT);
    Lookup lookup =
        given instanceof String code && capitalPair(code)
            ? policies.byCountry(code)
            : new Lookup.Missing();
    if (lookup instanceof Lookup.Unusable) {
      errors.add(InputError.invalidPack(prefix + "/" + CaseInput.COUNTRY_FACT, (String) given));
      return new Checked(Optional.empty(), Optional.empty(), errors);
    }
    if (!(lookup instanceof Lookup.Found)) {
      // no pack for it: CaseInput names what is wrong with the country
      CaseInput.country(raw, policies.countries(), prefix, errors);
      return new Checked(Optional.empty(), Optional.empty(), errors);
    }
    // a code of two capitals with a pack: the country CaseInput.country would accept
    PolicyPack pack = ((Lookup.Found) lookup).pack();
    CaseInput.Validated validated = CaseInput.validate(pack, raw, date, prefix, today);
    return new Checked(Optional.of(pack), validated.facts(), validated.errors());
  }
}
