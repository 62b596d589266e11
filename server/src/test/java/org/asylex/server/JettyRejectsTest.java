package org.asylex.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.asylex.server.http.Problems;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Requests Jetty refuses before Javalin sees them (issue 13, defect 8): whatever the method, the
 * answer is a problem document with a documented type and title, and every security header.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JettyRejectsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final Map<String, String> SECURITY_HEADERS =
      Map.of(
          "cache-control", "no-store",
          "x-content-type-options", "nosniff",
          "referrer-policy", "no-referrer",
          "x-frame-options", "DENY",
          "content-security-policy", "default-src 'none'; frame-ancestors 'none'");

  private TestServer server;

  @BeforeAll
  void start() {
    server = TestServer.start();
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private RawHttp.Answer send(String request) {
    return RawHttp.exchange(server.server().port(), request);
  }

  private static JsonNode assertProblem(RawHttp.Answer answer, int status, String type)
      throws Exception {
    assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
    assertThat(answer.headers().get("content-type")).startsWith(Problems.MEDIA_TYPE);
    assertThat(answer.headers()).as(answer.toString()).containsAllEntriesOf(SECURITY_HEADERS);
    JsonNode problem = JSON.readTree(answer.body());
    assertThat(problem.path("type").asText()).isEqualTo(Problems.TYPE_PREFIX + type);
    assertThat(problem.path("status").asInt()).isEqualTo(status);
    assertThat(problem.path("title").asText()).isNotEqualTo("Error");
    assertThat(problem.path("requestId").asText()).isEqualTo(answer.headers().get("x-request-id"));
    return problem;
  }

  @Test
  void aMalformedHeaderIsAProblemForEveryMethod() throws Exception {
    for (String method : List.of("GET", "POST", "PATCH", "DELETE", "PUT", "FOO")) {
      var answer =
          send(
              method
                  + " /api/v1/cases/x HTTP/1.1\r\nHost: localhost\r\nBad Header: x\r\n"
                  + "Connection: close\r\n\r\n");
      assertProblem(answer, 400, "bad-request");
    }
  }

  @Test
  void conflictingFramingIsAProblemForPatch() throws Exception {
    var answer =
        send(
            "PATCH /api/v1/cases/x HTTP/1.1\r\nHost: localhost\r\nContent-Length: 5\r\n"
                + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n0\r\n\r\n");
    assertProblem(answer, 400, "bad-request");
  }

  @Test
  void aRequestLineTooLongIs414UriTooLong() throws Exception {
    var answer =
        send(
            "DELETE /"
                + "a".repeat(20_000)
                + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    assertProblem(answer, 414, "uri-too-long");
  }

  @Test
  void headersTooLargeAre431() throws Exception {
    var answer =
        send(
            "PATCH /health HTTP/1.1\r\nHost: localhost\r\nX-Big: "
                + "a".repeat(20_000)
                + "\r\nConnection: close\r\n\r\n");
    assertProblem(answer, 431, "headers-too-large");
  }

  @Test
  void anotherHttpVersionIs426Or505WithItsOwnType() throws Exception {
    assertProblem(
        send("GET /health HTTP/2.0\r\nHost: localhost\r\nConnection: close\r\n\r\n"),
        426,
        "upgrade-required");
    assertProblem(send("GET /health\r\n\r\n"), 505, "http-version-not-supported");
  }

  @Test
  void anUnknownExpectationIs417() throws Exception {
    assertProblem(
        send(
            "POST /api/v1/cases HTTP/1.1\r\nHost: localhost\r\nExpect: teapot\r\n"
                + "Content-Length: 2\r\nConnection: close\r\n\r\n{}"),
        417,
        "expectation-failed");
  }
}
