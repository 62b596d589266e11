package org.asylex.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.asylex.app.users.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Case ids in a path (issue 13, defect 3): Jetty decodes a path segment before the route sees it,
 * so {@code /cases/%2e%2e} names the case {@code ..}. A store filled by an older import may hold
 * such ids; the API serves only ids that follow the rule for new ids, whatever the encoding, and
 * never echoes the others.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseIdPathTest {
  private static final Map<String, Object> FACTS = Map.of("countryOfOrigin", "RU");

  private TestServer server;
  private ApiClient client;

  @BeforeAll
  void start() {
    server = TestServer.start();
    client = server.client();
    // As an older `case import` stored them: the store takes any id without control characters.
    for (String id : List.of("..", ".", "a/b", "a/../b", "x' OR 1=1 --", "a\\b")) {
      server.store().cases().create(id, null, FACTS, "old-import");
    }
    server.store().cases().create("ok-1", null, FACTS, "old-import");
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private String officer() {
    return server.token(Role.OFFICER);
  }

  @Test
  void percentEncodedSegmentsNeverReachACaseThatBreaksTheRule() {
    for (String path :
        List.of(
            "%2e%2e",
            "%2E%2E",
            ".%2e",
            "%2e",
            "a%2Fb",
            "a%2f..%2fb",
            "a%2F%2e%2e%2Fb",
            "x'%20OR%201=1%20--",
            "x%27%20OR%201%3D1%20--",
            "a%5Cb")) {
      for (String suffix : List.of("", "/history", "/assessments")) {
        var response = client.get("/api/v1/cases/" + path + suffix, officer());
        assertThat(response.status()).as(path + suffix + ": " + response).isIn(400, 404);
        assertThat(response.body()).as(path).doesNotContain("old-import").doesNotContain("'..'");
      }
      var patch =
          client
              .request("PATCH", "/api/v1/cases/" + path)
              .token(officer())
              .header("If-Match", "\"1\"")
              .json(Map.of("facts", Map.of("lgbti", true)))
              .send();
      assertThat(patch.status()).as(path + ": " + patch).isIn(400, 404);
      var assess = client.post("/api/v1/cases/" + path + "/assessments", officer(), Map.of());
      assertThat(assess.status()).as(path + ": " + assess).isIn(400, 404);
    }
    assertThat(client.get("/api/v1/cases/ok-1", officer()).status()).isEqualTo(200);
  }

  @Test
  void anOverlongUtf8SlashInThePathIsRefused() {
    for (String path : List.of("a%C0%AFb", "a%C0%AF..%C0%AFb", "a%E0%80%AFb", "a%C0%80b")) {
      var response = client.get("/api/v1/cases/" + path, officer());
      assertThat(response.status()).as(path + ": " + response).isIn(400, 404);
      assertThat(response.body()).doesNotContain("old-import");
    }
  }

  @Test
  void aNewCaseTakesOnlyAnIdThatFollowsTheRule() {
    for (String id : List.of("..", "a/../b", "x' OR 1=1 --", "a/b")) {
      var response = client.post("/api/v1/cases", officer(), Map.of("id", id, "facts", FACTS));
      assertThat(response.status()).as(id).isEqualTo(422);
      assertThat(response.json().path("errors").path(0).path("code").asText()).isEqualTo("bad-id");
    }
  }
}
