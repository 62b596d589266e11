package org.asylex.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The policy analyst's pages: the timeline drawn and as text, the diff, what-if. */
class PolicyPagesTest {
  private static WebTestServer server;

  @BeforeAll
  static void start() {
    server = WebTestServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static HttpBrowser analyst() throws Exception {
    return server.signedIn("policy-analyst");
  }

  private static String pack() {
    return server.app().policies().packs().get(0).id();
  }

  @Test
  void theTimelineIsDrawnAsSvgWithTheSameDatesAsText() throws Exception {
    var page = analyst().get("/policy/" + pack() + "/timeline");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("<svg").contains("role=\"img\"").contains("asylex-tl-bar");
    // The in-force date rests on an assumption: dashed in the drawing, said in the text.
    assertThat(page.body())
        .contains("asylex-tl-mark--assumed")
        .contains("datum berust op de aanname");
    assertThat(page.body()).contains("2023-06-29");
  }

  @Test
  void theDiffListsWhatChangesBetweenTwoDatesAndRefusesThemReversed() throws Exception {
    var b = analyst();
    var diff = b.get("/policy/" + pack() + "/diff?from=2023-01-01&to=2023-12-31");
    assertThat(diff.statusCode()).isEqualTo(200);
    assertThat(diff.body()).contains("Overgangen tussen de data").contains("2023-06-29");

    var reversed = b.get("/policy/" + pack() + "/diff?from=2023-12-31&to=2023-01-01");
    assertThat(reversed.statusCode()).isEqualTo(422);
    assertThat(reversed.body()).contains("De tweede datum ligt voor de eerste.");
  }

  @Test
  void whatIfAssessesWithoutStoringACase() throws Exception {
    var b = analyst();
    long cases = server.app().cases().list(org.asylex.store.CaseFilter.all(), 0, 1, "t").total();
    var form = b.get("/policy/what-if");
    assertThat(form.body()).contains("action=\"/policy/what-if\"");
    String csrf = HttpBrowser.csrf(form);

    var page =
        b.post(
            "/policy/what-if",
            Map.of("csrf", csrf, "fact.countryOfOrigin", "RU", "fact.militaryStatus", "conscript"));

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Dienstplicht als asielmotief").doesNotContain("Zaak opslaan");
    assertThat(server.app().cases().list(org.asylex.store.CaseFilter.all(), 0, 1, "t").total())
        .isEqualTo(cases);
  }
}
