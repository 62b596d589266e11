package org.asylex.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.asylex.server.api.Problems.badParameter;
import static org.asylex.server.api.Problems.problem;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.asylex.app.users.Role;
import org.asylex.server.ApiClient;
import org.asylex.server.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PolicyRoutesTest {
  private static TestServer server;
  private static ApiClient client;
  private static String analyst;

  @BeforeAll
  static void start() {
    server = TestServer.start();
    client = server.client();
    analyst = server.token(Role.POLICY_ANALYST);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static JsonNode ok(ApiClient.Response r) {
    assertThat(r.status()).as("%s", r).isEqualTo(200);
    assertThat(r.contentType()).startsWith("application/json");
    return r.json();
  }

  @Test
  void everyRoleListsThePacks() {
    for (Role role : Role.values()) {
      JsonNode list = ok(client.get("/api/v1/policies", server.token(role)));
      assertThat(list.path("items")).hasSize(1);
      JsonNode ru = list.path("items").get(0);
      assertThat(ru.path("id").asText()).isEqualTo("RU");
      assertThat(ru.path("country").asText()).isEqualTo("RU");
      assertThat(ru.path("title").path("en").asText()).contains("Russian Federation");
      assertThat(ru.path("contentHash").asText())
          .isEqualTo(server.policies().byId("RU").orElseThrow().contentHash());
    }
    problem(client.get("/api/v1/policies"), 401, "unauthenticated");
  }

  @Test
  void aPackReadsWithItsFactsRulesQuotesAndAssumptions() {
    JsonNode pack = ok(client.get("/api/v1/policies/RU", analyst));

    assertThat(pack.path("facts"))
        .anySatisfy(
            f -> {
              assertThat(f.path("name").asText()).isEqualTo("gender");
              assertThat(f.path("type").asText()).isEqualTo("enum");
              assertThat(f.path("values").toString()).isEqualTo("[\"female\",\"male\",\"x\"]");
              assertThat(f.path("valueLabels").path("female").path("nl").asText())
                  .isEqualTo("vrouw");
              assertThat(f.path("question").path("en").asText()).isNotBlank();
            });
    JsonNode critics = rule(pack, "risk-group-critics");
    assertThat(critics.path("group").asText()).isEqualTo("critics");
    JsonNode first = critics.path("versions").get(1);
    assertThat(first.path("validity").path("from").path("date").asText()).isEqualTo("2021-06-23");
    assertThat(first.path("validity").path("to").path("date").asText()).isEqualTo("2023-06-08");
    assertThat(first.path("validity").path("to").path("assumption").asText())
        .isEqualTo("in-force-date");
    assertThat(first.path("condition").asText()).isEqualTo("criticWithSignificantCriticism");
    assertThat(first.path("outcome").asText()).isEqualTo("applies");
    assertThat(first.path("sources").get(0).path("quote").asText()).contains("significant kritiek");
    assertThat(first.path("sources").get(0).path("line").asInt()).isPositive();
    assertThat(pack.path("assumptions"))
        .anySatisfy(
            a -> {
              assertThat(a.path("id").asText()).isEqualTo("in-force-date");
              assertThat(a.path("kind").asText()).isEqualTo("assumption");
              assertThat(a.path("type").asText()).isEqualTo("date");
              assertThat(a.path("default").asText()).isEqualTo("2023-06-08");
              assertThat(a.path("statement").path("nl").asText()).isNotBlank();
            });
    assertThat(pack.path("sources").get(0).path("id").asText()).isEqualTo("kamerbrief-2023-06-08");
  }

  @Test
  void anUnknownPackIsNotFound() {
    problem(client.get("/api/v1/policies/XX", analyst), 404, "not-found");
    problem(client.get("/api/v1/policies/XX/timeline", analyst), 404, "not-found");
    problem(
        client.get("/api/v1/policies/XX/diff?from=2023-01-01&to=2023-07-01", analyst),
        404,
        "not-found");
  }

  @Test
  void theTimelineMarksTheDatesThatAreAssumptions() {
    JsonNode timeline = ok(client.get("/api/v1/policies/RU/timeline", analyst));

    assertThat(timeline.path("policy").path("id").asText()).isEqualTo("RU");
    JsonNode wording2021 = entry(timeline, "risk-group-critics", "rule-new-version");
    assertThat(wording2021.path("date").asText()).isEqualTo("2021-06-23");
    assertThat(wording2021.path("assumption").isNull()).isTrue();
    JsonNode critics = entry(timeline, "risk-group-critics", "rule-new-version", 1);
    assertThat(critics.path("date").asText()).isEqualTo("2023-06-08");
    assertThat(critics.path("assumption").asText()).isEqualTo("in-force-date");
    assertThat(critics.path("description").path("en").asText()).contains("new version (3 of 3)");
    assertThat(critics.path("elements").toString()).isEqualTo("[\"risk-group\"]");
    JsonNode lapse = entry(timeline, "decision-moratorium-conscripts", "rule-lapses");
    assertThat(lapse.path("date").asText()).isEqualTo("2023-06-29");
    assertThat(lapse.path("assumption").isNull()).isTrue();
    // a milestone both moratorium elements share is listed once, with both
    List<JsonNode> proclaimed = new ArrayList<>();
    timeline
        .path("entries")
        .forEach(
            e -> {
              if (e.path("kind").asText().equals("milestone")
                  && e.path("description").path("en").asText().contains("proclaimed")) {
                proclaimed.add(e);
              }
            });
    assertThat(proclaimed).hasSize(1);
    assertThat(proclaimed.get(0).path("elements")).hasSize(2);
    assertThat(proclaimed.get(0).path("precision").asText()).isEqualTo("day");
  }

  @Test
  void theTimelineTakesAssumptionValues() {
    JsonNode timeline =
        ok(client.get("/api/v1/policies/RU/timeline?assumption.in-force-date=2023-09-01", analyst));

    assertThat(entry(timeline, "risk-group-critics", "rule-new-version", 1).path("date").asText())
        .isEqualTo("2023-09-01");
    assertThat(timeline.path("assumptions"))
        .anySatisfy(
            a -> {
              assertThat(a.path("id").asText()).isEqualTo("in-force-date");
              assertThat(a.path("value").asText()).isEqualTo("2023-09-01");
              assertThat(a.path("overridden").asBoolean()).isTrue();
            });
  }

  @Test
  void aBadAssumptionParameterIsNamed() {
    badParameter(
        client.get("/api/v1/policies/RU/timeline?assumption.in-force-dat=2023-09-01", analyst),
        "assumption.in-force-dat");
    badParameter(
        client.get("/api/v1/policies/RU/timeline?assumption.in-force-date=soon", analyst),
        "assumption.in-force-date");
    badParameter(client.get("/api/v1/policies/RU/timeline?lang=nl", analyst), "lang");
    badParameter(client.get("/api/v1/policies?page=2", analyst), "page");
  }

  @Test
  void theDiffSaysWhatChangedBetweenTwoDates() {
    JsonNode diff =
        ok(client.get("/api/v1/policies/RU/diff?from=2023-01-01&to=2023-07-01", analyst));

    assertThat(diff.path("from").asText()).isEqualTo("2023-01-01");
    assertThat(diff.path("to").asText()).isEqualTo("2023-07-01");
    assertThat(diff.path("onlyFrom"))
        .anySatisfy(
            r -> assertThat(r.path("rule").asText()).isEqualTo("decision-moratorium-conscripts"));
    assertThat(diff.path("versionChanged"))
        .anySatisfy(
            r -> {
              assertThat(r.path("rule").asText()).isEqualTo("risk-group-critics");
              assertThat(r.path("from").path("number").asInt()).isEqualTo(2);
              assertThat(r.path("to").path("number").asInt()).isEqualTo(3);
            });
    assertThat(diff.path("onlyTo")).isNotEmpty();
    assertThat(diff.path("assumed"))
        .anySatisfy(
            a -> {
              assertThat(a.path("assumption").asText()).isEqualTo("in-force-date");
              assertThat(a.path("dates").toString()).isEqualTo("[\"2023-06-08\"]");
            });
    assertThat(diff.path("unchangedCount").asInt()).isEqualTo(diff.path("unchanged").size());

    JsonNode same =
        ok(client.get("/api/v1/policies/RU/diff?from=2023-07-01&to=2023-07-01", analyst));
    assertThat(same.path("onlyFrom")).isEmpty();
    assertThat(same.path("onlyTo")).isEmpty();
    assertThat(same.path("versionChanged")).isEmpty();
  }

  @Test
  void badOrMissingDatesAreNamed() {
    String diff = "/api/v1/policies/RU/diff";
    badParameter(client.get(diff + "?to=2023-07-01", analyst), "from");
    badParameter(client.get(diff + "?from=2023-07-01", analyst), "to");
    badParameter(client.get(diff + "?from=2023-01-01&to=2023-02-30", analyst), "to");
    badParameter(client.get(diff + "?from=yesterday&to=2023-02-01", analyst), "from");
    badParameter(client.get(diff + "?from=2023-07-01&to=2023-01-01", analyst), "to");
    badParameter(
        client.get(diff + "?from=2023-01-01&from=2023-02-01&to=2023-07-01", analyst), "from");
  }

  private static JsonNode rule(JsonNode pack, String id) {
    for (JsonNode e : pack.path("elements")) {
      for (JsonNode r : e.path("rules")) {
        if (r.path("id").asText().equals(id)) {
          return r;
        }
      }
    }
    throw new AssertionError("no rule " + id);
  }

  private static JsonNode entry(JsonNode timeline, String rule, String kind) {
    return entry(timeline, rule, kind, 0);
  }

  /** The {@code skip + 1}-th entry of that kind for that rule, earliest first. */
  private static JsonNode entry(JsonNode timeline, String rule, String kind, int skip) {
    int seen = 0;
    for (JsonNode e : timeline.path("entries")) {
      if (e.path("rule").asText().equals(rule)
          && e.path("kind").asText().equals(kind)
          && seen++ == skip) {
        return e;
      }
    }
    throw new AssertionError("no " + kind + " of " + rule + " in " + timeline);
  }
}
