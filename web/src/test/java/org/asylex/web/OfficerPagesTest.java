package org.asylex.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.asylex.store.AuditEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The officer's pages over HTTP: the interview, the case, the report, the letter, the audit. */
class OfficerPagesTest {
  private static WebTestServer server;

  @BeforeAll
  static void start() {
    server = WebTestServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static HttpBrowser officer() throws Exception {
    return server.signedIn("officer");
  }

  private static List<AuditEvent> events() {
    return server.app().audit().events(1, 500).events();
  }

  @Test
  void theInterviewAsksTheCountryFirstThenThePacksQuestionsWithNotAssessedYetAsAChoice()
      throws Exception {
    var b = officer();
    var first = b.get("/cases/new");
    assertThat(first.body())
        .contains("name=\"fact.countryOfOrigin\"")
        .doesNotContain("fact.militaryStatus");

    var next =
        b.post(
            "/cases/new",
            Map.of("csrf", HttpBrowser.csrf(first), "fact.countryOfOrigin", "RU", "step", "next"));

    assertThat(next.statusCode()).isEqualTo(200);
    assertThat(next.body()).contains("Nog niet beoordeeld").contains("id=\"live\"");
    assertThat(next.body()).contains("Zaak opslaan");
  }

  @Test
  void aWrongAnswerIsShownInTheSummaryLinkedToItsFieldAndNothingIsStored() throws Exception {
    var b = officer();
    String csrf = HttpBrowser.csrf(b.get("/cases/new"));
    long cases = server.app().cases().list(org.asylex.store.CaseFilter.all(), 0, 1, "t").total();

    var answer =
        b.post(
            "/cases/new",
            Map.of(
                "csrf", csrf,
                "fact.countryOfOrigin", "RU",
                "fact.dateOfBirth", "not a date",
                "step", "save"));

    assertThat(answer.statusCode()).isEqualTo(422);
    assertThat(answer.body())
        .contains("id=\"error-summary\"")
        .contains("href=\"#fact-dateOfBirth\"");
    assertThat(answer.body()).contains("id=\"fact-dateOfBirth-error\"");
    assertThat(server.app().cases().list(org.asylex.store.CaseFilter.all(), 0, 1, "t").total())
        .isEqualTo(cases);
  }

  @Test
  void aCaseSavedThroughTheInterviewIsAssessedAndItsReportLinksToTheLetter() throws Exception {
    var b = officer();
    String csrf = HttpBrowser.csrf(b.get("/cases/new"));
    var form = new LinkedHashMap<String, String>();
    form.put("csrf", csrf);
    form.put("reference", "REF-1");
    form.put("fact.countryOfOrigin", "RU");
    form.put("fact.gender", "male");
    form.put("fact.militaryStatus", "conscript");
    form.put("step", "save");
    var saved = b.post("/cases/new", form);
    assertThat(saved.statusCode()).isEqualTo(303);
    String casePath = saved.headers().firstValue("Location").orElseThrow();
    String caseId = casePath.substring("/cases/".length());

    var casePage = b.get(casePath);
    assertThat(casePage.body())
        .contains("REF-1")
        .contains("dienstplichtige (als dienstplichtige opgeroepen of in dienst)");
    assertThat(events())
        .anyMatch(e -> e.action().equals("case.read") && e.caseId().orElse("").equals(caseId));

    var assessed = b.post(casePath + "/assess", Map.of("csrf", HttpBrowser.csrf(casePage)));
    assertThat(assessed.statusCode()).isEqualTo(303);
    var report = b.get(assessed.headers().firstValue("Location").orElseThrow());
    assertThat(report.statusCode()).isEqualTo(200);
    assertThat(report.body()).contains("Bevindingen per onderdeel").contains("/policy/");
    assertThat(events()).anyMatch(e -> e.action().equals("assessment.read"));

    var link =
        java.util.regex.Pattern.compile("href=\"(/policy/[^\"#]+/letter/[^\"#]+)#(q-[0-9]+)\"")
            .matcher(report.body());
    assertThat(link.find()).as("a quote linking into the letter").isTrue();
    var letter = b.get(link.group(1));
    assertThat(letter.statusCode()).isEqualTo(200);
    assertThat(letter.body()).contains("id=\"" + link.group(2) + "\"");
  }

  @Test
  void anEditMadeToAnOlderVersionIsShownAsAConflictWithTheAnswersKept() throws Exception {
    var b = officer();
    var created =
        server.app().cases().create(null, null, Map.of("countryOfOrigin", "RU"), "", "setup");
    var edit = b.get("/cases/" + created.id() + "/edit");
    server
        .app()
        .cases()
        .change(
            created.id(),
            java.util.Optional.empty(),
            Map.of("gender", "female"),
            null,
            "",
            "someone-else");

    var answer =
        b.post(
            "/cases/" + created.id() + "/edit",
            Map.of(
                "csrf", HttpBrowser.csrf(edit),
                "version", "1",
                "fact.countryOfOrigin", "RU",
                "fact.militaryStatus", "reservist",
                "step", "save"));

    assertThat(answer.statusCode()).isEqualTo(409);
    assertThat(answer.body()).contains("id=\"conflict\"").contains("value=\"reservist\" checked");
    assertThat(server.app().cases().find(created.id(), "t").facts())
        .doesNotContainKey("militaryStatus");
  }

  @Test
  void aPolicyAnalystNeverSeesCaseFacts() throws Exception {
    var created =
        server
            .app()
            .cases()
            .create(null, "SECRET-REF", Map.of("countryOfOrigin", "RU"), "", "setup");
    var analyst = new HttpBrowser(server.url());
    analyst.signIn("policy-analyst", WebTestServer.PASSWORD);

    for (String path :
        List.of(
            "/cases",
            "/cases/" + created.id(),
            "/cases/" + created.id() + "/history",
            "/cases/new")) {
      var page = analyst.get(path);
      assertThat(page.statusCode()).as(path).isEqualTo(403);
      assertThat(page.body()).doesNotContain("SECRET-REF").doesNotContain(created.id());
    }
    assertThat(events())
        .noneMatch(e -> e.actor().equals("policy-analyst") && e.action().startsWith("case."));
  }
}
