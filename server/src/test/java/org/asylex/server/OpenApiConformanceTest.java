package org.asylex.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.asylex.app.users.Role;
import org.asylex.server.http.ApiRoute;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The route table and the API description agree, and every response the server gives matches the
 * description: each route is driven with a valid request (and some invalid ones), every exchange is
 * recorded, and the last test checks them all against the document.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OpenApiConformanceTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private TestServer server;
  private ApiClient client;
  private OpenApiContract contract;
  private List<ApiRoute> routes;

  @BeforeAll
  void start() {
    server = TestServer.start();
    client = server.client();
    contract = OpenApiContract.load();
    routes = server.server().routes();
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private String officer() {
    return server.token(Role.OFFICER);
  }

  private static Map<String, Object> exampleFacts() throws Exception {
    String json =
        Files.readString(TestServer.repoRoot().resolve("examples/conscript-refusing-service.json"));
    @SuppressWarnings("unchecked")
    Map<String, Object> facts = JSON.readValue(json, LinkedHashMap.class);
    return facts;
  }

  @Test
  @Order(1)
  void theRouteTableHasExactlyTheOperationsOfTheDocumentWithTheirOperationIds() {
    assertThat(OpenApiContract.operations(routes)).isEqualTo(contract.operations());
  }

  @Test
  @Order(1)
  void everyProtectedOperationListsUnauthorizedAndForbidden() {
    assertThat(contract.protectedWithout401And403(routes)).isEmpty();
  }

  @Test
  @Order(1)
  void publicOperationsNeedNoCredentialInTheDocument() {
    assertThat(contract.publicWithoutEmptySecurity(routes)).isEmpty();
  }

  @Test
  @Order(1)
  void theCheckFindsResponsesThatDifferFromTheDocument() {
    var badBody =
        new ApiClient.Exchange(
            "GET", "/health", Optional.of("/health"), 200, "application/json", "{\"status\":1}");
    var undocumentedStatus =
        new ApiClient.Exchange(
            "GET", "/health", Optional.of("/health"), 418, "application/json", "{}");
    var undocumentedType =
        new ApiClient.Exchange("GET", "/health", Optional.of("/health"), 200, "text/plain", "ok");
    var problemWithoutRequestId =
        new ApiClient.Exchange(
            "GET",
            "/api/v1/me",
            Optional.of("/api/v1/me"),
            401,
            "application/problem+json",
            "{\"type\":\"urn:asylex:problem:unauthenticated\",\"title\":\"t\",\"status\":401,"
                + "\"detail\":\"d\",\"instance\":\"/api/v1/me\"}");
    assertThat(contract.check(badBody)).singleElement().asString().contains("/health");
    assertThat(contract.check(undocumentedStatus)).singleElement().asString().contains("418");
    assertThat(contract.check(undocumentedType)).singleElement().asString().contains("text/plain");
    assertThat(contract.check(problemWithoutRequestId)).isNotEmpty();
  }

  @Test
  @Order(2)
  void systemRoutes() {
    assertThat(client.get("/health").status()).isEqualTo(200);
    assertThat(client.get("/ready").status()).isEqualTo(200);
    assertThat(client.get("/openapi.json").status()).isEqualTo(200);
    assertThat(client.get("/api-docs").status()).isEqualTo(200);
    for (Role role : Role.values()) {
      assertThat(client.get("/api/v1/me", server.token(role)).status()).isEqualTo(200);
    }
    assertThat(client.get("/api/v1/me").status()).isEqualTo(401);
    assertThat(client.get("/api/v1/me", "asx_0000000000000000_" + "A".repeat(43)).status())
        .isEqualTo(401);
  }

  @Test
  @Order(2)
  void userRoutes() {
    String admin = server.token(Role.ADMIN);
    assertThat(client.get("/api/v1/users", admin).status()).isEqualTo(200);
    assertThat(client.get("/api/v1/users", officer()).status()).isEqualTo(403);
    assertThat(
            client.post("/api/v1/users", admin, Map.of("name", "conf", "role", "auditor")).status())
        .isEqualTo(201);
    assertThat(
            client.post("/api/v1/users", admin, Map.of("name", "conf", "role", "auditor")).status())
        .isEqualTo(409);
    assertThat(
            client.post("/api/v1/users", admin, Map.of("name", "Bad Name", "role", "x")).status())
        .isEqualTo(422);
    assertThat(client.post("/api/v1/users", admin, "{\"name\":").status()).isEqualTo(400);
    assertThat(
            client
                .request("POST", "/api/v1/users")
                .token(admin)
                .header("Content-Type", "text/plain")
                .body("x".getBytes())
                .send()
                .status())
        .isEqualTo(415);
    assertThat(client.post("/api/v1/users/conf/token", admin, null).status()).isEqualTo(200);
    assertThat(client.post("/api/v1/users/conf/disable", admin, null).status()).isEqualTo(200);
    assertThat(client.post("/api/v1/users/conf/token", admin, null).status()).isEqualTo(409);
    assertThat(client.post("/api/v1/users/conf/enable", admin, null).status()).isEqualTo(200);
    assertThat(client.post("/api/v1/users/conf/enable", admin, null).status()).isEqualTo(422);
    assertThat(client.post("/api/v1/users/nobody/enable", admin, null).status()).isEqualTo(404);
    assertThat(client.post("/api/v1/users/nobody/disable", admin, null).status()).isEqualTo(404);
    assertThat(client.post("/api/v1/users/nobody/token", admin, null).status()).isEqualTo(404);
  }

  @Test
  @Order(2)
  void policyRoutes() {
    String analyst = server.token(Role.POLICY_ANALYST);
    var list = client.get("/api/v1/policies", analyst);
    assertThat(list.status()).isEqualTo(200);
    String id = list.json().path("items").path(0).path("id").asText();
    assertThat(client.get("/api/v1/policies/" + id, analyst).status()).isEqualTo(200);
    assertThat(client.get("/api/v1/policies/no-such-pack", analyst).status()).isEqualTo(404);
    assertThat(client.get("/api/v1/policies/" + id + "/timeline", analyst).status()).isEqualTo(200);
    assertThat(
            client
                .get("/api/v1/policies/" + id + "/diff?from=2022-01-01&to=2023-07-15", analyst)
                .status())
        .isEqualTo(200);
    assertThat(client.get("/api/v1/policies/" + id + "/diff?from=2022-13-01", analyst).status())
        .isEqualTo(400);
  }

  @Test
  @Order(2)
  void statelessAssessment() throws Exception {
    String analyst = server.token(Role.POLICY_ANALYST);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("asOf", "2023-07-15");
    body.put("facts", exampleFacts());
    assertThat(client.post("/api/v1/assessments", analyst, body).status()).isEqualTo(200);
    body.put("explain", true);
    assertThat(client.post("/api/v1/assessments", officer(), body).status()).isEqualTo(200);
    body.put("unknownField", 1);
    assertThat(client.post("/api/v1/assessments", analyst, body).status()).isEqualTo(422);
    assertThat(client.post("/api/v1/assessments", server.token(Role.AUDITOR), body).status())
        .isEqualTo(403);
  }

  @Test
  @Order(3)
  void caseRoutes() throws Exception {
    Map<String, Object> create = new LinkedHashMap<>();
    create.put("id", "conf-1");
    create.put("reference", "REF-1");
    create.put("facts", exampleFacts());
    var created = client.post("/api/v1/cases", officer(), create);
    assertThat(created.status()).isEqualTo(201);
    assertThat(client.post("/api/v1/cases", officer(), create).status()).isEqualTo(409);
    assertThat(client.post("/api/v1/cases", officer(), Map.of("facts", Map.of("nope", 1))).status())
        .isEqualTo(422);
    assertThat(client.get("/api/v1/cases", officer()).status()).isEqualTo(200);
    assertThat(client.get("/api/v1/cases?limit=0", officer()).status()).isEqualTo(400);
    var lapses = client.get("/api/v1/cases?lapses-within=3660", officer());
    assertThat(lapses.status()).isEqualTo(200);
    assertThat(lapses.body()).contains("\"lapsesWithin\":3660");
    assertThat(client.get("/api/v1/cases?lapses-within=-1", officer()).status()).isEqualTo(400);
    var byReference = client.get("/api/v1/cases?q=ref-1&finding=undetermined", officer());
    assertThat(byReference.status()).isEqualTo(200);
    assertThat(client.get("/api/v1/cases?q=no-such-ref", officer()).body()).contains("\"total\":0");
    assertThat(client.get("/api/v1/cases?finding=lawful", officer()).status()).isEqualTo(400);
    assertThat(
            client
                .get("/api/v1/cases?finding=decision-moratorium&lapses-within=3", officer())
                .status())
        .isEqualTo(400);
    assertThat(client.get("/api/v1/cases/conf-1", officer()).status()).isEqualTo(200);
    assertThat(client.get("/api/v1/cases/absent", officer()).status()).isEqualTo(404);
    String etag = created.header("ETag").orElseThrow();
    var patch = Map.of("facts", Map.of("desertion", true), "note", "conformance");
    assertThat(
            client
                .request("PATCH", "/api/v1/cases/conf-1")
                .token(officer())
                .json(patch)
                .send()
                .status())
        .isEqualTo(428);
    assertThat(
            client
                .request("PATCH", "/api/v1/cases/conf-1")
                .token(officer())
                .header("If-Match", etag)
                .header("Content-Type", "application/merge-patch+json")
                .json(patch)
                .send()
                .status())
        .isEqualTo(200);
    assertThat(
            client
                .request("PATCH", "/api/v1/cases/conf-1")
                .token(officer())
                .header("If-Match", etag)
                .json(patch)
                .send()
                .status())
        .isEqualTo(412);
    assertThat(client.get("/api/v1/cases/conf-1/history", officer()).status()).isEqualTo(200);
  }

  @Test
  @Order(4)
  void caseAssessmentRoutes() {
    var assessed =
        client.post("/api/v1/cases/conf-1/assessments", officer(), Map.of("asOf", "2023-07-15"));
    assertThat(assessed.status()).isEqualTo(201);
    String id = assessed.json().path("id").asText();
    assertThat(client.get("/api/v1/cases/conf-1/assessments", officer()).status()).isEqualTo(200);
    assertThat(client.get("/api/v1/case-assessments/" + id, officer()).status()).isEqualTo(200);
    assertThat(
            client.post("/api/v1/case-assessments/" + id + "/reproduce", officer(), null).status())
        .isEqualTo(200);
    assertThat(client.get("/api/v1/case-assessments/absent", officer()).status()).isEqualTo(404);
    assertThat(client.post("/api/v1/cases/absent/assessments", officer(), Map.of()).status())
        .isEqualTo(404);
  }

  @Test
  @Order(4)
  void impactRoutes() {
    String lines =
        "{\"id\":\"I-1\",\"facts\":{\"countryOfOrigin\":\"RU\",\"dateOfBirth\":\"2001-03-14\","
            + "\"militaryStatus\":\"conscript\",\"refusesMilitaryService\":true}}\n{\"id\":\"I-2\"}\n";
    var officerAnswer =
        client
            .request("POST", "/api/v1/impact?from=2023-06-28&to=2023-06-30")
            .token(officer())
            .header("Content-Type", "application/x-ndjson")
            .body(lines.getBytes(java.nio.charset.StandardCharsets.UTF_8))
            .send();
    assertThat(officerAnswer.status()).isEqualTo(200);
    var analystAnswer =
        client
            .request("POST", "/api/v1/impact?from=2023-06-28&to=2023-06-30")
            .token(server.token(Role.POLICY_ANALYST))
            .send();
    assertThat(analystAnswer.status()).isEqualTo(200);
    assertThat(client.post("/api/v1/impact", officer(), Map.of()).status()).isEqualTo(400);
  }

  @Test
  @Order(5)
  void auditRoutes() {
    String auditor = server.token(Role.AUDITOR);
    var verify = client.get("/api/v1/audit/verify", auditor);
    assertThat(verify.status()).isEqualTo(200);
    assertThat(verify.json().path("intact").asBoolean()).isTrue();
    var page = client.get("/api/v1/audit/events?from=1&limit=2", auditor);
    assertThat(page.status()).isEqualTo(200);
    JsonNode next = page.json().path("next");
    assertThat(next.asLong()).isEqualTo(3);
    assertThat(client.get("/api/v1/audit/events?limit=501", auditor).status()).isEqualTo(400);
  }

  @Test
  @Order(6)
  void unknownQueryParametersOnCoreRoutes() {
    String admin = server.token(Role.ADMIN);
    String auditor = server.token(Role.AUDITOR);
    assertThat(client.get("/api/v1/me?x=1", admin).status()).isEqualTo(400);
    assertThat(client.get("/api/v1/users?x=1", admin).status()).isEqualTo(400);
    assertThat(client.post("/api/v1/users?x=1", admin, Map.of()).status()).isEqualTo(400);
    assertThat(client.post("/api/v1/users/nobody/token?x=1", admin, null).status()).isEqualTo(400);
    assertThat(client.post("/api/v1/users/nobody/disable?x=1", admin, null).status())
        .isEqualTo(400);
    assertThat(client.get("/api/v1/audit/verify?x=1", auditor).status()).isEqualTo(400);
    assertThat(client.get("/api/v1/audit/events?x=1", auditor).status()).isEqualTo(400);
  }

  @Test
  @Order(100)
  void everyRouteWasDrivenWithASuccessfulRequest() {
    Set<String> succeeded = new TreeSet<>();
    for (ApiClient.Exchange e : client.exchanges()) {
      if (e.route().isPresent() && e.status() < 300) {
        succeeded.add(e.method() + " " + e.route().get());
      }
    }
    assertThat(succeeded)
        .containsExactlyInAnyOrderElementsOf(OpenApiContract.operations(routes).keySet());
  }

  @Test
  @Order(100)
  void everyResponseMatchesTheDescription() {
    List<String> mismatches = new ArrayList<>();
    for (ApiClient.Exchange e : client.exchanges()) {
      mismatches.addAll(contract.check(e));
    }
    assertThat(mismatches).as("responses that differ from openapi.yaml").isEmpty();
  }
}
