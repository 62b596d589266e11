package org.asylex.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.asylex.server.ApiClient;

/** Assertions on problem responses of the domain routes. */
final class Problems {
  private Problems() {}

  /** Asserts the status and problem type; returns the problem. */
  static JsonNode problem(ApiClient.Response r, int status, String type) {
    assertThat(r.status()).as("status of %s", r).isEqualTo(status);
    assertThat(r.contentType()).startsWith("application/problem+json");
    JsonNode p = r.json();
    assertThat(p.path("type").asText()).isEqualTo("urn:asylex:problem:" + type);
    assertThat(p.path("status").asInt()).isEqualTo(status);
    return p;
  }

  /** Asserts a 422 {@code invalid-input} with an error at {@code pointer} of {@code code}. */
  static JsonNode invalidAt(ApiClient.Response r, String pointer, String code) {
    JsonNode p = problem(r, 422, "invalid-input");
    assertThat(errors(p))
        .as("errors of %s", r.body())
        .anySatisfy(
            e -> {
              assertThat(e.path("pointer").asText(null)).isEqualTo(pointer);
              assertThat(e.path("code").asText()).isEqualTo(code);
            });
    return p;
  }

  /** Asserts a 400 {@code invalid-parameter} naming {@code parameter}. */
  static JsonNode badParameter(ApiClient.Response r, String parameter) {
    JsonNode p = problem(r, 400, "invalid-parameter");
    assertThat(errors(p))
        .as("errors of %s", r.body())
        .anySatisfy(e -> assertThat(e.path("parameter").asText(null)).isEqualTo(parameter));
    return p;
  }

  static List<JsonNode> errors(JsonNode problem) {
    var list = new ArrayList<JsonNode>();
    problem.path("errors").forEach(list::add);
    return list;
  }
}
