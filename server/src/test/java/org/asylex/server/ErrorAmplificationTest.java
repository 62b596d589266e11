package org.asylex.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.asylex.app.users.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * An error answer is never many times the size of the request (issue 13, error amplification): a
 * body of a hundred thousand unknown fields gets the first errors and a count of the rest, and a
 * key of 40,000 characters is not echoed whole.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ErrorAmplificationTest {
  private static final int MAX_ERRORS = 20;

  private TestServer server;
  private ApiClient client;

  @BeforeAll
  void start() {
    server = TestServer.start();
    client = server.client();
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private static String unknownFields(String prefix, int n) {
    var body = new StringBuilder();
    for (int i = 0; i < n; i++) {
      body.append(",\"").append(prefix).append(i).append("\":1");
    }
    return body.toString();
  }

  @Test
  void manyUnknownFieldsGiveTheFirstErrorsAndACount() {
    String body =
        "{\"asOf\":\"2023-01-15\",\"facts\":{\"countryOfOrigin\":\"RU\"}"
            + unknownFields("k", 80_000)
            + "}";
    assertThat(body.length()).isLessThan(1 << 20);
    long started = System.nanoTime();
    var response = client.post("/api/v1/assessments", server.token(Role.OFFICER), body);
    long millis = (System.nanoTime() - started) / 1_000_000;

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.body().length()).as("answer size").isLessThan(16 * 1024);
    JsonNode problem = response.json();
    assertThat(problem.path("errors").size()).isEqualTo(MAX_ERRORS);
    assertThat(problem.path("detail").asText()).contains("and " + (80_000 - MAX_ERRORS) + " more");
    assertThat(millis).as("time to answer").isLessThan(5_000);
  }

  @Test
  void manyUnknownFactsGiveTheFirstErrorsAndACount() {
    String body =
        "{\"asOf\":\"2023-01-15\",\"facts\":{\"countryOfOrigin\":\"RU\""
            + unknownFields("f", 60_000)
            + "}}";
    var response = client.post("/api/v1/cases", server.token(Role.OFFICER), body);
    assertThat(response.status()).isEqualTo(422);
    assertThat(response.body().length()).as("answer size").isLessThan(16 * 1024);
    assertThat(response.json().path("errors").size()).isEqualTo(MAX_ERRORS);
    assertThat(response.json().path("detail").asText()).contains(" more");
  }

  @Test
  void aHugeKeyIsNotEchoedWhole() {
    String key = "k".repeat(40_000);
    var response =
        client.post(
            "/api/v1/assessments",
            server.token(Role.OFFICER),
            "{\"asOf\":\"2023-01-15\",\"facts\":{\"countryOfOrigin\":\"RU\",\""
                + key
                + "\":1},\""
                + key
                + "\":1}");
    assertThat(response.status()).isEqualTo(422);
    assertThat(response.body().length()).as("answer size").isLessThan(4 * 1024);
    for (JsonNode error : response.json().path("errors")) {
      assertThat(error.path("pointer").asText().length()).isLessThanOrEqualTo(200);
    }
  }
}
