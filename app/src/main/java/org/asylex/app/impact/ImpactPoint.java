package org.asylex.app.impact;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.asylex.app.policy.PolicyCatalog;

/**
 * One point a caseload is assessed at: the packs (a revision of the policies directory), the
 * assessment date and the assumption values over the deployment's.
 */
public record ImpactPoint(PolicyCatalog policies, LocalDate date, Map<String, String> assumptions) {
  public ImpactPoint {
    Objects.requireNonNull(policies, "policies");
    Objects.requireNonNull(date, "date");
    assumptions = java.util.Collections.unmodifiableMap(new TreeMap<>(assumptions));
  }
}
