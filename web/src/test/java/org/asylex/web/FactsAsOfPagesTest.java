package org.asylex.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.asylex.app.Today;
import org.asylex.store.StoredAssessment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two times in the web UI, as in {@code case assess --as-of D --facts-as-of T} and {@code impact
 * --store --facts-as-of T}: a case assessed under the policy on a date with its facts as recorded
 * at a time (the report names both), the impact page over the stored cases as recorded then, and
 * each time that cannot be used shown beside its field, with nothing stored.
 */
class FactsAsOfPagesTest {
  private static final MutableClock CLOCK = new MutableClock(); // 2026-01-05T09:00:00Z
  private static final String BEFORE_CHANGE = "2026-01-05T12:00:00Z";
  private static WebTestServer server;
  private static String conscript;

  @BeforeAll
  static void start() {
    server = WebTestServer.start(UnaryOperator.identity(), Today.system(), CLOCK);
    conscript =
        server.app().cases().create(null, "TWO-TIMES-1", WebTestServer.CONSCRIPT, "", "setup").id();
    CLOCK.advance(Duration.ofDays(1)); // 2026-01-06T09:00:00Z: the case changes
    server
        .app()
        .cases()
        .change(
            conscript,
            Optional.empty(),
            Map.of("refusesMilitaryService", false),
            null,
            "",
            "setup");
    CLOCK.advance(Duration.ofDays(1)); // 2026-01-07T09:00:00Z: a case created later
    server.app().cases().create(null, "TWO-TIMES-2", Map.of("countryOfOrigin", "RU"), "", "setup");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static List<StoredAssessment> receipts() {
    return server.app().assessments().forCase(conscript, "test");
  }

  private static java.net.http.HttpResponse<String> assess(String asOf, String factsAsOf)
      throws Exception {
    var b = server.signedIn("officer");
    var casePage = b.get("/cases/" + conscript);
    var form = new LinkedHashMap<String, String>();
    form.put("csrf", HttpBrowser.csrf(casePage));
    form.put("asOf", asOf);
    form.put("factsAsOf", factsAsOf);
    return b.post("/cases/" + conscript + "/assess", form);
  }

  @Test
  void aCaseAssessedOnItsFactsAsRecordedThenKeepsBothTimesAndTheReportShowsThem() throws Exception {
    var done = assess("2023-01-15", BEFORE_CHANGE);

    assertThat(done.statusCode()).isEqualTo(303);
    String location = done.headers().firstValue("Location").orElseThrow();
    StoredAssessment receipt =
        receipts().stream().filter(r -> location.endsWith(r.id())).findFirst().orElseThrow();
    assertThat(receipt.asOf()).hasToString("2023-01-15");
    assertThat(receipt.factsAsOf()).contains(java.time.Instant.parse(BEFORE_CHANGE));
    assertThat(receipt.caseVersion()).as("the version of then, before the change").isEqualTo(1);
    assertThat(receipt.factsSnapshot()).containsEntry("refusesMilitaryService", true);
    var report = server.signedIn("officer").get(location);
    assertThat(report.body())
        .contains("Feiten zoals vastgelegd op")
        .contains(BEFORE_CHANGE)
        .contains("2023-01-15");

    var now = assess("2023-01-15", "");
    StoredAssessment current =
        receipts().stream()
            .filter(r -> now.headers().firstValue("Location").orElseThrow().endsWith(r.id()))
            .findFirst()
            .orElseThrow();
    assertThat(current.factsAsOf()).isEmpty();
    assertThat(current.caseVersion()).isEqualTo(2);
    assertThat(server.signedIn("officer").get("/assessments/" + current.id()).body())
        .doesNotContain("Feiten zoals vastgelegd op");
  }

  @Test
  void aTimeOrDateThatCannotBeUsedIsShownBesideItsFieldAndNothingIsStored() throws Exception {
    int before = receipts().size();
    Map<String, List<String>> cases =
        Map.of(
            "yesterday", List.of("assess-facts", "moet een bestaande datum"),
            "2025-12-31", List.of("assess-facts", "bestond deze zaak nog niet"),
            "2099-01-01", List.of("assess-facts", "ligt in de toekomst"));
    for (var c : cases.entrySet()) {
      var page = assess("2023-01-15", c.getKey());
      assertThat(page.statusCode()).as(c.getKey()).isEqualTo(422);
      assertThat(page.body())
          .as(c.getKey())
          .contains("href=\"#" + c.getValue().get(0) + "\"")
          .contains("id=\"" + c.getValue().get(0) + "-error\"")
          .contains(c.getValue().get(1))
          .contains("value=\"" + c.getKey() + "\"")
          .contains("<details class=\"asylex-assess-at\" open");
    }
    var badDate = assess("2023-02-30", "");
    assertThat(badDate.statusCode()).isEqualTo(422);
    assertThat(badDate.body()).contains("href=\"#assess-asof\"").contains("De peildatum moet");
    assertThat(receipts()).hasSize(before);
  }

  @Test
  void theImpactPageComparesTheStoredCasesAsRecordedAtATimeAndCountsThoseCreatedLater()
      throws Exception {
    var b = server.signedIn("policy-analyst");

    var then = b.get("/impact?from=2023-06-28&to=2023-06-30&factsAsOf=" + BEFORE_CHANGE);
    assertThat(then.statusCode()).isEqualTo(200);
    assertThat(then.body())
        .contains("id=\"impact-facts-time\"")
        .contains(BEFORE_CHANGE)
        .contains("1 zaak is later aangemaakt en telt niet mee")
        .contains("1 zaak beoordeeld");
    var now = b.get("/impact?from=2023-06-28&to=2023-06-30");
    assertThat(now.body())
        .doesNotContain("id=\"impact-facts-time\"")
        .contains("2 zaken beoordeeld");

    for (var c :
        Map.of("2026-13-01", "moet een bestaande datum", "2099-01-01", "ligt in de toekomst")
            .entrySet()) {
      var page = b.get("/impact?from=2023-06-28&to=2023-06-30&factsAsOf=" + c.getKey());
      assertThat(page.statusCode()).as(c.getKey()).isEqualTo(422);
      assertThat(page.body())
          .as(c.getKey())
          .contains("href=\"#impact-facts\"")
          .contains(c.getValue())
          .doesNotContain("id=\"impact-result\"");
    }
  }
}
