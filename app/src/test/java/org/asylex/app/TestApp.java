package org.asylex.app;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.asylex.app.policy.AssumptionSettings;
import org.asylex.app.policy.PolicyCatalog;
import org.asylex.app.users.ApiTokens;
import org.asylex.store.StoreConfig;

/** An application over the product's packs and an embedded store in a temporary directory. */
public final class TestApp {
  /** The product's packs, from this module's directory. */
  public static final Path POLICIES = Path.of("../policies");

  /** Today in these tests: 15 January 2023, inside the moratorium. */
  public static final Today TODAY =
      new Today(Clock.fixed(Instant.parse("2023-01-15T10:00:00Z"), ZoneOffset.UTC));

  private TestApp() {}

  public static PolicyCatalog policies() {
    return PolicyCatalog.of(POLICIES, AssumptionSettings.none());
  }

  public static Application open(Path data) {
    return open(data, policies());
  }

  public static Application open(Path data, PolicyCatalog policies) {
    return Application.open(StoreConfig.dataDirectory(data), policies, TODAY, new ApiTokens(4));
  }

  /** With the caller's tokens, to count the BCrypt checks they run. */
  public static Application open(Path data, ApiTokens tokens) {
    return Application.open(StoreConfig.dataDirectory(data), policies(), TODAY, tokens);
  }

  /** Records whether the case's applicant refuses military service, as an officer's change. */
  public static void recordRefusal(
      Application app, String caseId, boolean refuses, String note, String actor) {
    app.cases()
        .change(
            caseId,
            java.util.Optional.empty(),
            Map.of("refusesMilitaryService", refuses),
            note,
            "",
            actor);
  }

  /** The facts of the README's example: a conscript of 21 refusing service. */
  public static Map<String, Object> conscript() {
    var facts = new LinkedHashMap<String, Object>();
    facts.put("countryOfOrigin", "RU");
    facts.put("dateOfBirth", "2001-03-14");
    facts.put("gender", "male");
    facts.put("militaryStatus", "conscript");
    facts.put("refusesMilitaryService", true);
    facts.put("desertion", false);
    return facts;
  }
}
