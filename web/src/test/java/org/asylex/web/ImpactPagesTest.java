package org.asylex.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.asylex.store.AuditEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The impact page over HTTP: who may see it and what each role sees (aggregates only for a policy
 * analyst), the audit of the read, the form's validation, the matrix with its table, the summary
 * with the letter's sentence, and the cases under the moratorium per day.
 */
class ImpactPagesTest {
  static final String LAPSE = "/impact?from=2023-06-28&to=2023-06-30";
  private static WebTestServer server;
  private static String conscript;
  private static String lawyer;

  @BeforeAll
  static void start() {
    server = WebTestServer.start();
    conscript =
        server
            .app()
            .cases()
            .create(null, "IMPACT-SECRET-1", WebTestServer.CONSCRIPT, "", "setup")
            .id();
    lawyer =
        server
            .app()
            .cases()
            .create(
                null,
                "IMPACT-SECRET-2",
                Map.of("countryOfOrigin", "RU", "lawyerInPoliticallySensitiveCases", true),
                "",
                "setup")
            .id();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static HttpBrowser as(String role) throws Exception {
    return server.signedIn(role);
  }

  private static List<AuditEvent> events() {
    return server.app().audit().events(1, 5000).events();
  }

  @Test
  void onlyOfficersAndPolicyAnalystsMayOpenIt() throws Exception {
    for (String role : List.of("officer", "policy-analyst")) {
      assertThat(as(role).get("/impact").statusCode()).as(role).isEqualTo(200);
    }
    for (String role : List.of("auditor", "admin")) {
      var page = as(role).get(LAPSE);
      assertThat(page.statusCode()).as(role).isEqualTo(403);
      assertThat(page.body()).doesNotContain("IMPACT-SECRET").doesNotContain(conscript);
    }
    var anonymous = new HttpBrowser(server.url()).get(LAPSE);
    assertThat(anonymous.statusCode()).isEqualTo(302);
    assertThat(anonymous.headers().firstValue("Location").orElseThrow()).startsWith("/sign-in");
  }

  @Test
  void aPolicyAnalystSeesTheMatrixSummaryAndCountsButNoCaseIdOrFact() throws Exception {
    long before = events().size();

    String page = as("policy-analyst").get(LAPSE).body();

    assertThat(page)
        .contains("<svg class=\"asylex-matrix\"")
        .contains("<table class=\"utrecht-table asylex-matrix-table\">")
        .contains("vervalt van rechtswege per 29 juni 2023")
        .contains("id=\"per-day\"");
    assertThat(page)
        .doesNotContain(conscript)
        .doesNotContain(lawyer)
        .doesNotContain("IMPACT-SECRET")
        .doesNotContain("/cases/")
        .doesNotContain("id=\"changed-list\"");
    List<AuditEvent> added = events().subList((int) before, events().size());
    assertThat(added)
        .as("read as the API's impact reads the store: case.export, no case id")
        .anyMatch(e -> e.actor().equals("policy-analyst") && e.action().equals("case.export"))
        .allMatch(e -> e.caseId().isEmpty());
  }

  @Test
  void anOfficerAlsoSeesTheChangedCasesLinkedToTheirPages() throws Exception {
    String page = as("officer").get(LAPSE).body();

    assertThat(page).contains("id=\"changed-list\"").contains("href=\"/cases/" + conscript + "\"");
    assertThat(events())
        .anyMatch(e -> e.actor().equals("officer") && e.action().equals("case.export"));
  }

  @Test
  void theMatrixTableCountsTheConscriptLosingTheMoratoriumAndTheTimeAxisCountsHimPerDay()
      throws Exception {
    String page = as("policy-analyst").get("/impact?from=2023-06-20&to=2023-07-05").body();

    // Row "Van toepassing" (applies on the first date), column "Niet van toepassing".
    assertThat(page)
        .containsPattern(
            "scope=\"row\">Van toepassing</th>\\s*<td[^>]*>0</td><td[^>]*>[1-9][0-9]*</td>");
    // The stretches of the time axis: some cases until 28 June, none from 29 June.
    assertThat(page)
        .containsPattern(
            "<td class=\"utrecht-table__cell\">2023-06-20</td>\\s*<td class=\"utrecht-table__cell\">2023-06-28</td>\\s*<td[^>]*>[1-9][0-9]*</td>")
        .containsPattern(
            "<td class=\"utrecht-table__cell\">2023-06-29</td>\\s*<td class=\"utrecht-table__cell\">2023-07-05</td>\\s*<td[^>]*>0</td>");
  }

  @Test
  void twoReadingsOnOneDateDrawTwoLinesAndNameTheAssumption() throws Exception {
    String page =
        as("policy-analyst")
            .get("/impact?from=2023-01-15&to=2023-01-15&after.conscript-reading=serving")
            .body();

    assertThat(page)
        .contains("met de aannames van het eerste moment")
        .contains("met de aannames van het tweede moment")
        .contains("<option value=\"serving\" selected>serving (als dienstplichtige opgeroepen");
  }

  @Test
  void wrongDatesAndValuesAreShownInTheErrorSummaryLinkedToTheirFields() throws Exception {
    var b = as("policy-analyst");

    var missing = b.get("/impact?from=&to=2023-02-30&before.conscript-reading=drafted");

    assertThat(missing.statusCode()).isEqualTo(422);
    assertThat(missing.body())
        .contains("id=\"error-summary\"")
        .contains("href=\"#impact-from\">Vul de eerste datum in</a>")
        .contains("href=\"#impact-to\">De tweede datum moet een bestaande datum zijn")
        .contains("href=\"#before-conscript-reading\">Eerste moment, conscript-reading:")
        .contains("id=\"before-conscript-reading-error\"")
        .doesNotContain("id=\"impact-result\"");
    var tooLong = b.get("/impact?from=2000-01-01&to=2023-01-01");
    assertThat(tooLong.statusCode()).isEqualTo(422);
    assertThat(tooLong.body()).contains("href=\"#impact-to\">De periode tussen de twee datums");
  }

  @Test
  void theEnglishPageSaysTheSummaryInEnglish() throws Exception {
    var b = as("policy-analyst");
    b.get("/language?to=en&back=%2Fimpact");

    String page = b.get(LAPSE).body();

    assertThat(page).contains("Impact of a policy change").contains("lose").contains("lapses");
  }
}
