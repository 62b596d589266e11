package org.asylex.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.asylex.server.api.Problems.badParameter;
import static org.asylex.server.api.Problems.invalidAt;
import static org.asylex.server.api.Problems.problem;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.asylex.app.users.Role;
import org.asylex.server.ApiClient;
import org.asylex.server.TestServer;
import org.asylex.store.AuditEvent;
import org.asylex.store.AuditTrail;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CaseRoutesTest {
  private static final String CASES = "/api/v1/cases";
  private static TestServer server;
  private static ApiClient client;
  private static String officer;

  @BeforeAll
  static void start() {
    server = TestServer.start();
    client = server.client();
    officer = server.token(Role.OFFICER);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static Map<String, Object> facts() throws Exception {
    return AssessmentRoutesTest.example("conscript-refusing-service.json");
  }

  static Map<String, Object> newCase(String id, Map<String, Object> facts) {
    var body = new LinkedHashMap<String, Object>();
    if (id != null) {
      body.put("id", id);
    }
    body.put("facts", facts);
    return body;
  }

  private static ApiClient.Response patch(String id, String ifMatch, Object body) {
    var request = client.request("PATCH", CASES + "/" + id).token(officer);
    if (ifMatch != null) {
      request.header("If-Match", ifMatch);
    }
    return request.json(body).send();
  }

  @Test
  void aCaseIsCreatedReadAndAudited() throws Exception {
    var body = newCase("case-created", facts());
    body.put("reference", "REF-1");
    var created = client.post(CASES, officer, body);

    assertThat(created.status()).as("%s", created).isEqualTo(201);
    assertThat(created.header("Location")).hasValue("/api/v1/cases/case-created");
    assertThat(created.header("ETag")).hasValue("\"1\"");
    JsonNode c = created.json();
    assertThat(c.path("id").asText()).isEqualTo("case-created");
    assertThat(c.path("reference").asText()).isEqualTo("REF-1");
    assertThat(c.path("version").asLong()).isEqualTo(1);
    assertThat(c.path("facts").path("dateOfBirth").asText()).isEqualTo("2001-03-14");
    assertThat(c.path("facts").path("refusesMilitaryService").asBoolean()).isTrue();

    var read = client.get(CASES + "/case-created", officer);
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.header("ETag")).hasValue("\"1\"");
    assertThat(read.json()).isEqualTo(c);

    assertThat(server.store().audit().events("case-created"))
        .extracting(AuditEvent::action, AuditEvent::actor)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(AuditTrail.CASE_CREATE, "officer"),
            org.assertj.core.groups.Tuple.tuple(AuditTrail.CASE_READ, "officer"));
  }

  @Test
  void aCaseWithoutAnIdGetsAUuid() throws Exception {
    var created = client.post(CASES, officer, newCase(null, facts()));

    assertThat(created.status()).isEqualTo(201);
    String id = created.json().path("id").asText();
    assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    assertThat(created.json().path("reference").isNull()).isTrue();
    assertThat(created.header("Location")).hasValue("/api/v1/cases/" + id);
  }

  @Test
  void aTakenIdIsAConflict() throws Exception {
    assertThat(client.post(CASES, officer, newCase("case-taken", facts())).status()).isEqualTo(201);

    JsonNode p =
        problem(client.post(CASES, officer, newCase("case-taken", facts())), 409, "already-exists");
    assertThat(Problems.errors(p))
        .anySatisfy(e -> assertThat(e.path("pointer").asText()).isEqualTo("/id"));
  }

  @Test
  void badCaseInputIsNamedWithoutItsValues() throws Exception {
    var f = facts();
    f.put("gender", "secret-gender");
    f.put("favouriteColour", "blue");
    f.put("dateOfBirth", "2999-01-01");
    f.put("desertion", "secret-no");
    var body = newCase("case/with slash", f);
    body.put("reference", " ");
    body.put("priority", "high");
    var r = client.post(CASES, officer, body);

    invalidAt(r, "/id", "bad-id");
    invalidAt(r, "/reference", "empty");
    invalidAt(r, "/priority", "unknown-field");
    invalidAt(r, "/facts/gender", "unknown-value");
    invalidAt(r, "/facts/favouriteColour", "unknown-fact");
    invalidAt(r, "/facts/dateOfBirth", "date-after-assessment");
    invalidAt(r, "/facts/desertion", "wrong-type");
    assertThat(r.body()).doesNotContain("secret-gender", "secret-no", "2999-01-01");
    assertThat(client.get(CASES + "/case%2Fwith%20slash", officer).status()).isEqualTo(404);
  }

  @Test
  void aDateThatDoesNotExistIsNamed() throws Exception {
    var f = facts();
    f.put("dateOfBirth", "2001-02-30");
    invalidAt(
        client.post(CASES, officer, newCase("case-bad-date", f)), "/facts/dateOfBirth", "bad-date");
  }

  @Test
  void malformedOrMissingBodiesAreRefused() {
    problem(
        client.post(CASES, officer, "{\"facts\": {\"gender\": \"male\"}"), 400, "malformed-json");
    problem(client.post(CASES, officer, "{\"facts\": {}, \"facts\": {}}"), 400, "malformed-json");
    invalidAt(client.post(CASES, officer, Map.of("id", "case-no-facts")), "/facts", "required");
    invalidAt(
        client.post(CASES, officer, Map.of("facts", Map.of())),
        "/facts/countryOfOrigin",
        "missing-country");
  }

  @Test
  void onlyOfficersWorkOnCases() throws Exception {
    for (Role role : List.of(Role.POLICY_ANALYST, Role.AUDITOR, Role.ADMIN)) {
      problem(client.get(CASES, server.token(role)), 403, "forbidden");
      problem(client.post(CASES, server.token(role), newCase(null, facts())), 403, "forbidden");
    }
  }

  @Test
  void anUnknownCaseIsNotFound() {
    problem(client.get(CASES + "/no-such-case", officer), 404, "not-found");
    problem(client.get(CASES + "/no-such-case/history", officer), 404, "not-found");
    problem(patch("no-such-case", "\"1\"", Map.of("facts", Map.of())), 404, "not-found");
  }

  @Test
  void aChangeIsStoredWithItsNoteAndShownInTheHistory() throws Exception {
    client.post(CASES, officer, newCase("case-patched", facts()));
    var changes = new LinkedHashMap<String, Object>();
    changes.put("desertion", true);
    changes.put("regionOfOrigin", null);
    var r = patch("case-patched", "\"1\"", Map.of("facts", changes, "note", "interview 2"));

    assertThat(r.status()).as("%s", r).isEqualTo(200);
    assertThat(r.header("ETag")).hasValue("\"2\"");
    assertThat(r.json().path("version").asLong()).isEqualTo(2);
    assertThat(r.json().path("facts").path("desertion").asBoolean()).isTrue();
    assertThat(r.json().path("facts").has("regionOfOrigin")).isFalse();

    JsonNode history = client.get(CASES + "/case-patched/history", officer).json();
    assertThat(history.path("caseId").asText()).isEqualTo("case-patched");
    assertThat(history.path("changes"))
        .anySatisfy(
            ch -> {
              assertThat(ch.path("version").asLong()).isEqualTo(2);
              assertThat(ch.path("fact").asText()).isEqualTo("desertion");
              assertThat(ch.path("oldValue").asBoolean(true)).isFalse();
              assertThat(ch.path("newValue").asBoolean()).isTrue();
              assertThat(ch.path("actor").asText()).isEqualTo("officer");
              assertThat(ch.path("note").asText()).isEqualTo("interview 2");
              assertThat(ch.path("at").asText()).endsWith("Z");
            })
        .anySatisfy(
            ch -> {
              assertThat(ch.path("fact").asText()).isEqualTo("regionOfOrigin");
              assertThat(ch.path("oldValue").asText()).isEqualTo("RU-MOW");
              assertThat(ch.path("newValue").isNull()).isTrue();
            });
    assertThat(server.store().audit().events("case-patched"))
        .extracting(AuditEvent::action, AuditEvent::actor)
        .contains(
            org.assertj.core.groups.Tuple.tuple(AuditTrail.CASE_UPDATE, "officer"),
            org.assertj.core.groups.Tuple.tuple(AuditTrail.CASE_HISTORY, "officer"));
  }

  @Test
  void aMergePatchIsAcceptedToo() throws Exception {
    client.post(CASES, officer, newCase("case-merge-patch", facts()));
    var r =
        client
            .request("PATCH", CASES + "/case-merge-patch")
            .token(officer)
            .header("If-Match", "\"1\"")
            .header("Content-Type", "application/merge-patch+json")
            .json(Map.of("facts", Map.of("lgbti", true)))
            .send();

    assertThat(r.status()).as("%s", r).isEqualTo(200);
    assertThat(r.json().path("facts").path("lgbti").asBoolean()).isTrue();
  }

  @Test
  void aChangeToAStaleVersionIsRefused() throws Exception {
    client.post(CASES, officer, newCase("case-stale", facts()));
    assertThat(patch("case-stale", "\"1\"", Map.of("facts", Map.of("lgbti", true))).status())
        .isEqualTo(200);

    var r = patch("case-stale", "\"1\"", Map.of("facts", Map.of("lgbti", false)));
    JsonNode p = problem(r, 412, "stale-version");
    assertThat(p.path("detail").asText()).contains("now at version 2");
    assertThat(Problems.errors(p))
        .anySatisfy(
            e -> {
              assertThat(e.path("parameter").asText()).isEqualTo("If-Match");
              assertThat(e.path("detail").asText()).contains("\"2\"");
            });
    assertThat(
            client
                .get(CASES + "/case-stale", officer)
                .json()
                .path("facts")
                .path("lgbti")
                .asBoolean())
        .isTrue();
  }

  @Test
  void aChangeWithoutOrWithABadIfMatchIsRefused() throws Exception {
    client.post(CASES, officer, newCase("case-if-match", facts()));

    JsonNode required =
        problem(
            patch("case-if-match", null, Map.of("facts", Map.of())), 428, "precondition-required");
    assertThat(Problems.errors(required))
        .anySatisfy(e -> assertThat(e.path("parameter").asText()).isEqualTo("If-Match"));
    badParameter(patch("case-if-match", "1", Map.of("facts", Map.of())), "If-Match");
    badParameter(patch("case-if-match", "W/\"1\"", Map.of("facts", Map.of())), "If-Match");
  }

  @Test
  void aChangeThatMakesTheFactsInvalidStoresNothing() throws Exception {
    client.post(CASES, officer, newCase("case-bad-change", facts()));
    var changes = new LinkedHashMap<String, Object>();
    changes.put("militaryStatus", "secret-status");
    changes.put("shoeSize", null);
    var r = patch("case-bad-change", "\"1\"", Map.of("facts", changes, "note", ""));

    invalidAt(r, "/note", "empty");
    r = patch("case-bad-change", "\"1\"", Map.of("facts", changes));
    invalidAt(r, "/facts/militaryStatus", "unknown-value");
    invalidAt(r, "/facts/shoeSize", "unknown-fact");
    assertThat(r.body()).doesNotContain("secret-status");
    invalidAt(
        patch("case-bad-change", "\"1\"", Map.of("fact", Map.of())), "/fact", "unknown-field");
    var wrongMedia =
        client
            .request("PATCH", CASES + "/case-bad-change")
            .token(officer)
            .header("If-Match", "\"1\"")
            .header("Content-Type", "text/plain")
            .body("facts".getBytes(StandardCharsets.UTF_8))
            .send();
    problem(wrongMedia, 415, "unsupported-media-type");
    assertThat(client.get(CASES + "/case-bad-change", officer).header("ETag")).hasValue("\"1\"");
  }

  @Test
  void casesAreListedByPagesAndTypedFilters() throws Exception {
    try (TestServer own = TestServer.start()) {
      ApiClient c = own.client();
      String token = own.token(Role.OFFICER);
      for (String id : List.of("list-a", "list-b", "list-c")) {
        var f = facts();
        if (id.equals("list-b")) {
          f.put("gender", "female");
          f.put("refusesMilitaryService", false);
          f.remove("regionOfOrigin");
        }
        assertThat(c.post(CASES, token, newCase(id, f)).status()).isEqualTo(201);
      }

      JsonNode first = c.get(CASES + "?limit=2", token).json();
      assertThat(first.path("total").asLong()).isEqualTo(3);
      assertThat(first.path("offset").asInt()).isZero();
      assertThat(first.path("limit").asInt()).isEqualTo(2);
      assertThat(ids(first)).containsExactly("list-a", "list-b");
      assertThat(first.path("items").get(0).has("facts")).isFalse();
      assertThat(ids(c.get(CASES + "?offset=2&limit=2", token).json())).containsExactly("list-c");
      assertThat(c.get(CASES, token).json().path("limit").asInt()).isEqualTo(50);

      assertThat(ids(c.get(CASES + "?fact.gender=female", token).json())).containsExactly("list-b");
      assertThat(ids(c.get(CASES + "?fact.refusesMilitaryService=true", token).json()))
          .containsExactly("list-a", "list-c");
      assertThat(ids(c.get(CASES + "?fact.regionOfOrigin=", token).json()))
          .containsExactly("list-b");
      JsonNode both =
          c.get(CASES + "?fact.gender=male&fact.refusesMilitaryService=true", token).json();
      assertThat(both.path("total").asLong()).isEqualTo(2);

      assertThat(own.store().audit().events("list-a"))
          .extracting(AuditEvent::action)
          .contains(AuditTrail.CASE_LIST);
    }
  }

  @Test
  void badListParametersAreNamed() {
    badParameter(client.get(CASES + "?limit=0", officer), "limit");
    badParameter(client.get(CASES + "?limit=501", officer), "limit");
    badParameter(client.get(CASES + "?limit=ten", officer), "limit");
    badParameter(client.get(CASES + "?offset=-1", officer), "offset");
    badParameter(client.get(CASES + "?fact.favouriteColour=blue", officer), "fact.favouriteColour");
    var wrongType = client.get(CASES + "?fact.refusesMilitaryService=secret-yes", officer);
    badParameter(wrongType, "fact.refusesMilitaryService");
    assertThat(wrongType.body()).doesNotContain("secret-yes");
    badParameter(client.get(CASES + "?fact.gender=robot", officer), "fact.gender");
    badParameter(client.get(CASES + "?sort=id", officer), "sort");
  }

  private static List<String> ids(JsonNode page) {
    var ids = new java.util.ArrayList<String>();
    page.path("items").forEach(i -> ids.add(i.path("id").asText()));
    return ids;
  }
}
