package org.asylex.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.asylex.app.Today;
import org.asylex.store.AuditEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The case list's search and filters by finding over HTTP, today being 20 June 2023: inside the
 * moratorium (it lapses on 29 June 2023) and after the new risk groups came into force.
 */
class CaseListPagesTest {
  private static final Pattern ROW =
      Pattern.compile("<a class=\"utrecht-link\" href=\"/cases/([^\"/]+)\">");
  private static WebTestServer server;

  @BeforeAll
  static void start() {
    server =
        WebTestServer.start(
            new Today(Clock.fixed(Instant.parse("2023-06-20T10:00:00Z"), ZoneOffset.UTC)));
    var conscript = new LinkedHashMap<String, Object>();
    conscript.put("countryOfOrigin", "RU");
    conscript.put("dateOfBirth", "2000-06-01");
    conscript.put("gender", "male");
    conscript.put("militaryStatus", "conscript");
    conscript.put("refusesMilitaryService", true);
    conscript.put("desertion", false);
    var cases = server.app().cases();
    cases.create("C-1", "IND-2023-007", conscript, "", "setup");
    cases.create(
        "L-1",
        "IND-2023-011",
        Map.of("countryOfOrigin", "RU", "lawyerInPoliticallySensitiveCases", true),
        "",
        "setup");
    cases.create("M-1", null, Map.of("countryOfOrigin", "RU"), "", "setup");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static HttpBrowser signedIn(String role) throws Exception {
    return server.signedIn(role);
  }

  private static List<String> listed(String body) {
    int table = body.indexOf("id=\"case-list\"");
    assertThat(table).as("the list's table").isPositive();
    Matcher m = ROW.matcher(body.substring(table));
    var ids = new java.util.ArrayList<String>();
    while (m.find()) {
      ids.add(m.group(1));
    }
    return ids;
  }

  @Test
  void filtersByFindingToday() throws Exception {
    var b = signedIn("officer");
    var moratorium = b.get("/cases?finding=decision-moratorium");
    assertThat(moratorium.statusCode()).isEqualTo(200);
    assertThat(listed(moratorium.body())).containsExactly("C-1");
    assertThat(moratorium.body())
        .contains("Valt onder het besluitmoratorium")
        .contains("2023-06-20");
    assertThat(listed(b.get("/cases?finding=risk-groups").body())).containsExactly("L-1");
    assertThat(listed(b.get("/cases?finding=undetermined").body())).contains("M-1", "L-1");
    assertThat(listed(b.get("/cases").body())).containsExactly("C-1", "L-1", "M-1");
  }

  @Test
  void moratoriumLapsingWithinDaysShowsTheDate() throws Exception {
    var b = signedIn("officer");
    var within = b.get("/cases?lapses=9");
    assertThat(listed(within.body())).containsExactly("C-1");
    assertThat(within.body()).contains("2023-06-29");
    assertThat(listed(b.get("/cases?lapses=8").body())).isEmpty();
    assertThat(b.get("/cases?lapses=forever").statusCode()).isEqualTo(422);
  }

  @Test
  void searchesByReferenceInEnglishAndKeepsTheFormInThePagerLinks() throws Exception {
    var b = signedIn("officer");
    var found = b.get("/cases?q=ind-2023-011");
    assertThat(listed(found.body())).containsExactly("L-1");
    assertThat(found.body()).contains("value=\"ind-2023-011\"");
    b.get("/language?to=en&back=/cases");
    var english = b.get("/cases?q=C-1&sort=updated");
    assertThat(english.body()).contains("Search by case id or reference");
    assertThat(listed(english.body())).containsExactly("C-1");
  }

  @Test
  void theLanguageSwitchKeepsTheSearch() throws Exception {
    var b = signedIn("officer");
    var found = b.get("/cases?q=ind-2023-011");
    assertThat(found.body()).contains("back=%2Fcases%3Fq%3Dind-2023-011\"");
    var switched = b.get("/language?to=en&back=%2Fcases%3Fq%3Dind-2023-011");
    assertThat(switched.headers().firstValue("Location")).contains("/cases?q=ind-2023-011");
    var english = b.get("/cases?q=ind-2023-011");
    assertThat(english.body()).contains("Search by case id or reference");
    assertThat(listed(english.body())).containsExactly("L-1");
  }

  @Test
  void aPolicyAnalystIsRefusedAndTheOfficersFilterIsAuditedAsTheCaseList() throws Exception {
    var analyst = signedIn("policy-analyst");
    var refused = analyst.get("/cases?finding=risk-groups");
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).doesNotContain("IND-2023-011");

    signedIn("officer").get("/cases?finding=risk-groups");
    List<AuditEvent> events = server.app().audit().events(1, 500).events();
    assertThat(events)
        .noneMatch(e -> e.actor().equals("policy-analyst") && e.action().startsWith("case."));
    assertThat(events)
        .filteredOn(e -> e.actor().equals("officer") && e.action().equals("case.list"))
        .extracting(e -> e.caseId().orElseThrow())
        .contains("C-1", "L-1", "M-1");
  }
}
