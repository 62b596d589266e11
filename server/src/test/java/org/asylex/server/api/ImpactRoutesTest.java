package org.asylex.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.asylex.app.Application;
import org.asylex.app.users.Role;
import org.asylex.server.ApiClient;
import org.asylex.server.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code POST /api/v1/impact} over posted JSON Lines, for both roles that may call it. */
class ImpactRoutesTest {
  static final String PATH = "/api/v1/impact?from=2023-06-28&to=2023-06-30";
  static final String LINES =
      "{\"id\":\"C-1\",\"facts\":{\"countryOfOrigin\":\"RU\",\"dateOfBirth\":\"2001-03-14\","
          + "\"militaryStatus\":\"conscript\",\"refusesMilitaryService\":true}}\n"
          + "{\"id\":\"C-2\",\"facts\":{\"countryOfOrigin\":\"RU\",\"gender\":\"robot\"}}\n"
          + "{\"id\":\"C-3\",\"facts\":{\"countryOfOrigin\":\"RU\",\"militaryStatus\":\"contractSoldier\"}}\n";

  private static TestServer server;
  private static ApiClient client;

  @BeforeAll
  static void start() {
    server = TestServer.start();
    client = server.client();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static ApiClient.Response post(String path, Role role, String lines) {
    return client
        .request("POST", path)
        .token(server.token(role))
        .header("Content-Type", "application/x-ndjson")
        .body(lines.getBytes(StandardCharsets.UTF_8))
        .send();
  }

  static JsonNode element(JsonNode report, String id) {
    for (JsonNode e : report.get("elements")) {
      if (e.get("element").asText().equals(id)) {
        return e;
      }
    }
    throw new AssertionError("no element " + id);
  }

  @Test
  void anOfficerGetsTheChangedFindingsAndTheReport() {
    var answer = post(PATH, Role.OFFICER, LINES);

    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    JsonNode json = answer.json();
    JsonNode report = json.get("report");
    assertThat(report.get("format").asText()).isEqualTo("asylex-impact/1");
    assertThat(report.get("cases").asLong()).isEqualTo(2);
    assertThat(report.get("rejected").asLong()).isEqualTo(1);
    assertThat(json.get("rejectedLines").get(0).get("line").asLong()).isEqualTo(2);
    assertThat(json.get("rejectedLines").get(0).get("problems").get(0).asText())
        .startsWith("/facts/gender: ");
    assertThat(json.get("changed")).isNotEmpty();
    assertThat(json.get("changed").get(0).get("id").asText()).isEqualTo("C-1");
    assertThat(json.get("changed").get(0).get("why").get("kind").asText())
        .isEqualTo("validity-boundary");
    long moved = element(report, "decision-moratorium").get("changed").asLong();
    assertThat(json.get("changed").findValuesAsText("element"))
        .filteredOn("decision-moratorium"::equals)
        .hasSize((int) moved);
  }

  @Test
  void aPolicyAnalystGetsTheAggregatesOnlyNoCaseIds() {
    var answer = post(PATH, Role.POLICY_ANALYST, LINES);

    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    JsonNode json = answer.json();
    assertThat(json.has("changed")).isFalse();
    assertThat(json.get("rejectedLines").get(0).has("caseId")).isFalse();
    assertThat(answer.body()).doesNotContain("C-1").doesNotContain("C-3");
    assertThat(element(json.get("report"), "decision-moratorium").get("changed").asLong())
        .isEqualTo(1);
  }

  @Test
  void theStoredCasesAreTheCaseloadWithoutABody() {
    var answer = client.request("POST", PATH).token(server.token(Role.POLICY_ANALYST)).send();

    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(answer.json().get("report").get("cases").asLong()).isGreaterThanOrEqualTo(0);
  }

  @Test
  void aMissingDateOrAnAssumptionValueThatDoesNotFitIsABadRequest() {
    assertThat(post("/api/v1/impact", Role.OFFICER, LINES).status()).isEqualTo(400);
    var badValue =
        post(PATH + "&assumeAfter.moratorium-age-27-included=maybe", Role.OFFICER, LINES);
    assertThat(badValue.status()).isEqualTo(400);
    assertThat(badValue.body()).contains("moratorium-age-27-included");
    assertThat(post(PATH + "&x=1", Role.OFFICER, LINES).status()).isEqualTo(400);
  }

  static ApiClient.Response postJson(String path, Role role, String json) {
    return client
        .request("POST", path)
        .token(server.token(role))
        .header("Content-Type", "application/json")
        .body(json.getBytes(StandardCharsets.UTF_8))
        .send();
  }

  /** The cases whose decision moratorium applied at the first point and changed. */
  static List<String> lostTheMoratorium(JsonNode answer) {
    var ids = new ArrayList<String>();
    for (JsonNode c : answer.get("changed")) {
      if (c.get("element").asText().equals("decision-moratorium")
          && c.get("before").asText().equals("applies")) {
        ids.add(c.get("id").asText());
      }
    }
    return ids;
  }

  @Test
  void theStoredCasesOnTheirFactsAsRecordedAtATimeLeaveOutCasesCreatedLater() throws Exception {
    Application app = server.app();
    var conscript = new LinkedHashMap<String, Object>();
    conscript.put("countryOfOrigin", "RU");
    conscript.put("dateOfBirth", "2001-03-14");
    conscript.put("militaryStatus", "conscript");
    conscript.put("refusesMilitaryService", true);
    app.cases().create("FA-1", null, conscript, "/facts", "test");
    Instant t = server.store().now();
    Thread.sleep(5); // the change and the late case are stamped after t
    app.cases()
        .change(
            "FA-1",
            Optional.empty(),
            Map.of("refusesMilitaryService", false),
            "found not credible",
            "",
            "test");
    app.cases().create("FA-2", null, conscript, "/facts", "test");
    String body = "{\"factsAsOf\":\"" + t + "\"}";

    var then = postJson(PATH, Role.OFFICER, body);
    var now = postJson(PATH, Role.OFFICER, "{}");

    assertThat(then.status()).as(then.body()).isEqualTo(200);
    JsonNode report = then.json().get("report");
    assertThat(report.get("factsAsOf").asText()).isEqualTo(t.toString());
    assertThat(report.get("createdAfter").asLong()).isGreaterThanOrEqualTo(1);
    // then FA-1 refused service and loses the moratorium at its lapse; FA-2 did not exist yet
    assertThat(lostTheMoratorium(then.json())).contains("FA-1").doesNotContain("FA-2");
    assertThat(now.status()).as(now.body()).isEqualTo(200);
    assertThat(now.json().get("report").has("factsAsOf")).isFalse();
    assertThat(lostTheMoratorium(now.json())).contains("FA-2").doesNotContain("FA-1");
    var analyst = postJson(PATH, Role.POLICY_ANALYST, body);
    assertThat(analyst.status()).as(analyst.body()).isEqualTo(200);
    assertThat(analyst.json().has("changed")).isFalse();
    assertThat(analyst.json().get("report").get("cases").asLong())
        .isEqualTo(report.get("cases").asLong());

    Problems.invalidAt(
        postJson(PATH, Role.OFFICER, "{\"factsAsOf\":\"2999-01-01\"}"), "/factsAsOf", "in-future");
    Problems.invalidAt(
        postJson(PATH, Role.OFFICER, "{\"factsAsOf\":\"soon\"}"), "/factsAsOf", "bad-time");
    Problems.invalidAt(
        postJson(PATH, Role.OFFICER, "{\"factsAsOf\":20230620}"), "/factsAsOf", "wrong-type");
    assertThat(postJson(PATH, Role.OFFICER, "{\"facts\":\"2023-06-20\"}").status()).isEqualTo(400);
  }
}
