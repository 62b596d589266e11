package org.asylex.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.asylex.server.api.Problems.invalidAt;
import static org.asylex.server.api.Problems.problem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.asylex.app.users.Role;
import org.asylex.engine.assessment.CaseInput;
import org.asylex.engine.policy.PolicyPack;
import org.asylex.json.AssessmentJson;
import org.asylex.server.ApiClient;
import org.asylex.server.TestServer;
import org.asylex.store.AuditEvent;
import org.asylex.store.AuditTrail;
import org.asylex.store.StoredAssessment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CaseAssessmentRoutesTest {
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

  private static void createCase(String id) throws Exception {
    var r =
        client.post("/api/v1/cases", officer, CaseRoutesTest.newCase(id, CaseRoutesTest.facts()));
    assertThat(r.status()).as("%s", r).isEqualTo(201);
  }

  private static ApiClient.Response assess(String caseId, Object body) {
    return client.post("/api/v1/cases/" + caseId + "/assessments", officer, body);
  }

  @Test
  void anAssessmentOfACaseIsStoredAsTheCommandLineStoresIt() throws Exception {
    createCase("assessed");
    var r = assess("assessed", Map.of("asOf", "2023-01-15"));

    assertThat(r.status()).as("%s", r).isEqualTo(201);
    JsonNode receipt = r.json();
    String id = receipt.path("id").asText();
    assertThat(r.header("Location")).hasValue("/api/v1/case-assessments/" + id);
    assertThat(receipt.path("caseId").asText()).isEqualTo("assessed");
    assertThat(receipt.path("caseVersion").asLong()).isEqualTo(1);
    assertThat(receipt.path("asOf").asText()).isEqualTo("2023-01-15");
    PolicyPack pack = server.policies().byId("RU").orElseThrow();
    assertThat(receipt.path("policy").path("contentHash").asText()).isEqualTo(pack.contentHash());
    assertThat(receipt.path("policy").path("version").asText()).isEqualTo(pack.version());
    assertThat(receipt.path("assumptions").path("in-force-date").asText()).isEqualTo("2023-06-08");
    assertThat(receipt.path("actor").asText()).isEqualTo("officer");
    assertThat(receipt.path("engineVersion").asText()).isNotBlank();
    JsonNode doc = receipt.path("assessment");
    assertThat(doc.path("language").isNull()).isTrue();
    assertThat(AssessmentRoutesTest.finding(doc, "decision-moratorium").path("outcome").asText())
        .isEqualTo("applies");

    // Through the application layer, which gives the findings in full (the store keeps them
    // compact, referring to the pack: ADR 0021).
    StoredAssessment stored = server.app().assessments().find(id, "test");
    LocalDate date = LocalDate.parse("2023-01-15");
    var facts = CaseRoutesTest.facts();
    var expected =
        server
            .policies()
            .compiled(pack)
            .assess(CaseInput.validate(pack, facts, date, "").facts().orElseThrow(), date);
    assertThat(stored.findingsJson())
        .isEqualTo(
            new ObjectMapper().writeValueAsString(AssessmentJson.tree(expected, pack, null)));
    assertThat(stored.factsSnapshot()).isEqualTo(facts);
    assertThat(server.store().audit().events("assessed"))
        .extracting(AuditEvent::action, AuditEvent::actor)
        // The assessment is the access: one case.assess event, no separate read (Store#assessCase).
        .containsOnlyOnce(tuple(AuditTrail.CASE_ASSESS, "officer"));
  }

  @Test
  void aReceiptIsListedAndReadAsStored() throws Exception {
    createCase("listed");
    JsonNode receipt = assess("listed", Map.of("asOf", "2023-01-15", "language", "nl")).json();
    assertThat(receipt.path("assessment").path("language").asText()).isEqualTo("nl");
    String id = receipt.path("id").asText();

    JsonNode list = client.get("/api/v1/cases/listed/assessments", officer).json();
    assertThat(list.path("items")).hasSize(1);
    JsonNode item = list.path("items").get(0);
    assertThat(item.path("id").asText()).isEqualTo(id);
    assertThat(item.has("assessment")).isFalse();
    assertThat(item.path("outcomes").path("decision-moratorium").asText()).isEqualTo("applies");
    assertThat(item.path("outcomes").path("conscription-assessment").asText())
        .isEqualTo("individual_assessment");

    var read = client.get("/api/v1/case-assessments/" + id, officer);
    assertThat(read.status()).isEqualTo(200);
    JsonNode again = read.json();
    assertThat(again.path("assessment").path("language").isNull()).isTrue();
    assertThat(again.path("assessment").path("findings"))
        .isEqualTo(receipt.path("assessment").path("findings"));
    assertThat(again.path("at")).isEqualTo(receipt.path("at"));
    assertThat(server.store().audit().events("listed"))
        .extracting(AuditEvent::action)
        .contains(AuditTrail.ASSESSMENT_LIST, AuditTrail.ASSESSMENT_READ);
  }

  @Test
  void withoutABodyTheCaseIsAssessedAsOfToday() throws Exception {
    createCase("today");
    var r = client.request("POST", "/api/v1/cases/today/assessments").token(officer).send();

    assertThat(r.status()).as("%s", r).isEqualTo(201);
    assertThat(LocalDate.parse(r.json().path("asOf").asText()))
        .isBetween(LocalDate.now().minusDays(1), LocalDate.now().plusDays(1));
  }

  @Test
  void aFreshReceiptReproducesIdentically() throws Exception {
    createCase("reproduced");
    String id = assess("reproduced", Map.of("asOf", "2023-01-15")).json().path("id").asText();

    var r =
        client
            .request("POST", "/api/v1/case-assessments/" + id + "/reproduce")
            .token(officer)
            .send();

    assertThat(r.status()).as("%s", r).isEqualTo(200);
    JsonNode result = r.json();
    assertThat(result.path("assessmentId").asText()).isEqualTo(id);
    assertThat(result.path("identical").asBoolean()).isTrue();
    assertThat(result.path("differences")).isEmpty();
    assertThat(result.path("stored").path("policy"))
        .isEqualTo(result.path("current").path("policy"));
    assertThat(result.path("assessment").path("format").asText()).isEqualTo("asylex-assessment/1");
    assertThat(server.store().assessments().forCase("reproduced", "test")).hasSize(1);
    assertThat(server.store().audit().events("reproduced"))
        .extracting(AuditEvent::action, AuditEvent::actor)
        .contains(tuple(AuditTrail.ASSESSMENT_READ, "officer"));
  }

  @Test
  void aReceiptOfAnotherPackContentReportsThePackChange() throws Exception {
    createCase("other-pack");
    String id = assess("other-pack", Map.of("asOf", "2023-01-15")).json().path("id").asText();
    StoredAssessment real = server.app().assessments().find(id, "test");
    String oldHash = "sha256:" + "0".repeat(64);
    var changed =
        new StoredAssessment(
            "older-receipt",
            real.caseId(),
            real.caseVersion(),
            real.asOf(),
            real.factsSnapshot(),
            real.packId(),
            "2023-01-01",
            oldHash,
            real.assumptions(),
            real.engineVersion(),
            StoredAssessment.Findings.text(
                real.findingsJson().replace(real.contentHash(), oldHash)),
            real.actor(),
            real.at(),
            java.util.Optional.empty());
    server.store().assessments().record(changed);

    JsonNode result =
        client
            .request("POST", "/api/v1/case-assessments/older-receipt/reproduce")
            .token(officer)
            .send()
            .json();

    assertThat(result.path("identical").asBoolean()).isFalse();
    assertThat(result.path("stored").path("policy").path("contentHash").asText())
        .isEqualTo(oldHash);
    assertThat(result.path("current").path("policy").path("contentHash").asText())
        .isEqualTo(real.contentHash());
    assertThat(result.path("reasons"))
        .anySatisfy(
            reason ->
                assertThat(reason.asText())
                    .startsWith("the pack changed since the assessment")
                    .contains("sha256:000000000000"));
    assertThat(result.path("differences"))
        .anySatisfy(d -> assertThat(d.asText()).startsWith("pack content"));
  }

  private static void patch(String id, long version, Map<String, Object> facts) {
    var r =
        client
            .request("PATCH", "/api/v1/cases/" + id)
            .token(officer)
            .header("If-Match", "\"" + version + "\"")
            .json(Map.of("facts", facts))
            .send();
    assertThat(r.status()).as("%s", r).isEqualTo(200);
  }

  @Test
  void factsAsOfATimeAssessesTheFactsRecordedThenAndTheReceiptAndReproductionNameIt()
      throws Exception {
    createCase("two-times");
    patch("two-times", 1, Map.of("refusesMilitaryService", false));
    patch("two-times", 2, Map.of("militaryStatus", "none"));
    Instant v2 =
        server.store().cases().history("two-times", "test").stream()
            .filter(c -> c.version() == 2)
            .findFirst()
            .orElseThrow()
            .at();
    String withOffset = v2.atOffset(ZoneOffset.ofHours(2)).toString();

    var r = assess("two-times", Map.of("asOf", "2023-01-15", "factsAsOf", withOffset));

    assertThat(r.status()).as("%s", r).isEqualTo(201);
    JsonNode receipt = r.json();
    assertThat(receipt.path("factsAsOf").asText()).isEqualTo(v2.toString());
    assertThat(receipt.path("asOf").asText()).isEqualTo("2023-01-15");
    assertThat(receipt.path("caseVersion").asLong()).isEqualTo(2);
    assertThat(
            AssessmentRoutesTest.finding(receipt.path("assessment"), "decision-moratorium")
                .path("outcome")
                .asText())
        .isEqualTo("does_not_apply");
    String id = receipt.path("id").asText();
    assertThat(client.get("/api/v1/case-assessments/" + id, officer).json().path("factsAsOf"))
        .isEqualTo(receipt.path("factsAsOf"));
    assertThat(
            client
                .get("/api/v1/cases/two-times/assessments", officer)
                .json()
                .path("items")
                .get(0)
                .path("factsAsOf")
                .asText())
        .isEqualTo(v2.toString());
    JsonNode reproduced =
        client
            .request("POST", "/api/v1/case-assessments/" + id + "/reproduce")
            .token(officer)
            .send()
            .json();
    assertThat(reproduced.path("identical").asBoolean()).isTrue();
    assertThat(reproduced.path("stored").path("factsAsOf").asText()).isEqualTo(v2.toString());
    assertThat(reproduced.path("stored").path("asOf").asText()).isEqualTo("2023-01-15");

    JsonNode now = assess("two-times", Map.of("asOf", "2023-01-15")).json();
    assertThat(now.has("factsAsOf")).isFalse();
    assertThat(now.path("caseVersion").asLong()).isEqualTo(3);
  }

  @Test
  void aFactsAsOfBeforeTheCaseInTheFutureOrUnreadableIsNamed() throws Exception {
    createCase("bad-times");
    JsonNode before =
        invalidAt(
            assess("bad-times", Map.of("factsAsOf", "2020-01-01")), "/factsAsOf", "before-case");
    assertThat(before.path("detail").asText())
        .contains("case bad-times did not exist yet at 2020-01-01T22:59:59.999999Z")
        .contains("it was created at ");
    invalidAt(assess("bad-times", Map.of("factsAsOf", "2999-01-01")), "/factsAsOf", "in-future");
    invalidAt(assess("bad-times", Map.of("factsAsOf", "soon")), "/factsAsOf", "bad-time");
    invalidAt(
        assess("bad-times", Map.of("factsAsOf", "2023-06-20T12:00:00")), "/factsAsOf", "bad-time");
    invalidAt(assess("bad-times", Map.of("factsAsOf", 20230620)), "/factsAsOf", "wrong-type");
    assertThat(server.store().assessments().forCase("bad-times", "test")).isEmpty();
  }

  @Test
  void badAssessmentRequestsAreNamed() throws Exception {
    createCase("bad-requests");
    invalidAt(assess("bad-requests", Map.of("asOf", "2023-02-30")), "/asOf", "bad-date");
    invalidAt(assess("bad-requests", Map.of("asof", "2023-01-15")), "/asof", "unknown-field");
    invalidAt(
        assess("bad-requests", Map.of("assumptions", Map.of("no-such-assumption", "x"))),
        "/assumptions/no-such-assumption",
        "unknown-assumption");
    var early = assess("bad-requests", Map.of("asOf", "2000-01-01"));
    invalidAt(early, "/facts/dateOfBirth", "date-after-assessment");
    assertThat(early.body()).doesNotContain("2001-03-14");
    problem(assess("bad-requests", "{\"asOf\": 2023-01-15}"), 400, "malformed-json");
    assertThat(server.store().assessments().forCase("bad-requests", "test")).isEmpty();
  }

  @Test
  void unknownCasesAndReceiptsAreNotFound() {
    problem(assess("no-such-case", Map.of()), 404, "not-found");
    problem(client.get("/api/v1/cases/no-such-case/assessments", officer), 404, "not-found");
    problem(client.get("/api/v1/case-assessments/no-such-receipt", officer), 404, "not-found");
    problem(
        client
            .request("POST", "/api/v1/case-assessments/no-such-receipt/reproduce")
            .token(officer)
            .send(),
        404,
        "not-found");
  }

  @Test
  void onlyOfficersAssessCases() throws Exception {
    createCase("officers-only");
    for (Role role : List.of(Role.POLICY_ANALYST, Role.AUDITOR, Role.ADMIN)) {
      problem(
          client.post("/api/v1/cases/officers-only/assessments", server.token(role), Map.of()),
          403,
          "forbidden");
      problem(
          client.get("/api/v1/cases/officers-only/assessments", server.token(role)),
          403,
          "forbidden");
    }
  }
}
