package org.asylex.server;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.asylex.server.auth.Role;
import org.asylex.server.http.ApiRoute;
import org.asylex.server.http.Problems;
import org.asylex.server.http.RequestIds;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;

/**
 * Errors are problem documents (RFC 9457) with the right status and type, whoever answers them: a
 * handler, the authentication step, Javalin or Jetty. They never show a stack trace, a class name,
 * or what was sent.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProblemTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private TestServer server;
  private ApiClient client;

  @BeforeAll
  void start() {
    server = TestServer.start(config -> config.withMaxBodyBytes(64 * 1024));
    client = server.client();
  }

  @AfterAll
  void stop() {
    server.close();
    assertThat(client.exchanges()).isNotEmpty();
  }

  private String admin() {
    return server.token(Role.ADMIN);
  }

  private static void assertProblem(ApiClient.Response response, int status, String type) {
    assertThat(response.status()).as(response.toString()).isEqualTo(status);
    assertThat(response.contentType()).startsWith(Problems.MEDIA_TYPE);
    JsonNode problem = response.json();
    assertThat(problem.path("type").asText()).isEqualTo("urn:asylex:problem:" + type);
    assertThat(problem.path("status").asInt()).isEqualTo(status);
    assertThat(problem.path("requestId").asText())
        .isNotBlank()
        .isEqualTo(response.header(RequestIds.HEADER).orElseThrow());
    assertClean(response.body());
  }

  /** Nothing about the implementation: no stack trace, no class or package name, no SQL. */
  private static void assertClean(String body) {
    assertThat(body)
        .doesNotContain("Exception")
        .doesNotContain("\tat ")
        .doesNotContain("java.")
        .doesNotContain("org.")
        .doesNotContain("io.javalin")
        .doesNotContain("jackson")
        .doesNotContainIgnoringCase("select ")
        .doesNotContainIgnoringCase("sqlite");
  }

  @Test
  void malformedJsonIs400WithLineAndColumnAndNoEcho() {
    var response =
        client.post("/api/v1/users", admin(), "{\n  \"name\": \"ok\",\n  \"role\": secretvalue\n}");
    assertProblem(response, 400, "malformed-json");
    JsonNode error = response.json().path("errors").path(0);
    assertThat(error.path("pointer").asText()).isEmpty();
    assertThat(error.path("detail").asText()).contains("line 3").contains("column");
    assertThat(response.body()).doesNotContain("secretvalue");
  }

  @Test
  void duplicateKeysTrailingContentAndOtherTopLevelsAre400() {
    for (String body :
        List.of(
            "{\"name\":\"a\",\"name\":\"b\",\"role\":\"admin\"}",
            "{\"name\":\"a\",\"role\":\"admin\"} {}",
            "[1, 2]",
            "\"text\"",
            "")) {
      assertProblem(client.post("/api/v1/users", admin(), body), 400, "malformed-json");
    }
  }

  @Test
  void deepNestingIsRefusedNotOverflowed() {
    String deep = "{\"a\":" + "[".repeat(20_000) + "]".repeat(20_000) + "}";
    assertProblem(client.post("/api/v1/users", admin(), deep), 400, "malformed-json");
  }

  @Test
  void anOversizedBodyIs413() {
    String big = "{\"name\":\"" + "x".repeat(70 * 1024) + "\"}";
    assertProblem(client.post("/api/v1/users", admin(), big), 413, "body-too-large");
  }

  @Test
  void anOversizedChunkedBodyIs413() {
    String chunk = "x".repeat(8000);
    var request = new StringBuilder();
    request
        .append("POST /api/v1/users HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n")
        .append("Authorization: Bearer ")
        .append(admin())
        .append("\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
    for (int i = 0; i < 10; i++) {
      request
          .append(Integer.toHexString(chunk.length()))
          .append("\r\n")
          .append(chunk)
          .append("\r\n");
    }
    request.append("0\r\n\r\n");
    RawHttp.Answer answer = RawHttp.exchange(server.server().port(), request.toString());
    assertThat(answer.status()).isEqualTo(413);
    assertThat(answer.headers().get("content-type")).startsWith(Problems.MEDIA_TYPE);
  }

  @Test
  void aBodyOfAnotherMediaTypeIs415() {
    for (String type :
        List.of("text/plain", "application/x-www-form-urlencoded", "application/xml")) {
      var response =
          client
              .request("POST", "/api/v1/users")
              .token(admin())
              .header("Content-Type", type)
              .body("{\"name\":\"a\",\"role\":\"admin\"}".getBytes())
              .send();
      assertProblem(response, 415, "unsupported-media-type");
    }
    var none =
        client
            .request("POST", "/api/v1/users")
            .token(admin())
            .body("{\"name\":\"a\",\"role\":\"admin\"}".getBytes())
            .send();
    assertProblem(none, 415, "unsupported-media-type");
  }

  @Test
  void mergePatchIsOnlyForPatch() {
    var response =
        client
            .request("POST", "/api/v1/users")
            .token(admin())
            .header("Content-Type", "application/merge-patch+json")
            .body("{\"name\":\"a\",\"role\":\"admin\"}".getBytes())
            .send();
    assertProblem(response, 415, "unsupported-media-type");
  }

  @Test
  void anUnknownRouteIs404() {
    assertProblem(client.get("/no/such/thing"), 404, "not-found");
    assertProblem(client.get("/api/v1/no-such-thing", admin()), 404, "not-found");
  }

  @Test
  void aWrongMethodIs405WithAllow() {
    var response = client.request("DELETE", "/api/v1/users").token(admin()).send();
    assertProblem(response, 405, "method-not-allowed");
    assertThat(response.header("Allow").orElseThrow()).contains("GET").contains("POST");
  }

  @Test
  void aRequestJettyCannotParseIsAProblemToo() {
    RawHttp.Answer answer =
        RawHttp.exchange(
            server.server().port(),
            "GET /%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.headers().get("content-type")).startsWith(Problems.MEDIA_TYPE);
    assertThat(answer.headers()).containsKey("x-request-id");
    assertClean(answer.body());
  }

  @Test
  void problemsCarryTheSecurityHeaders() {
    var response = client.get("/api/v1/me");
    assertThat(response.header("Cache-Control")).contains("no-store");
    assertThat(response.header("X-Content-Type-Options")).contains("nosniff");
    assertThat(response.header("Referrer-Policy")).contains("no-referrer");
  }

  @Test
  void validationProblemsPointIntoTheBodyWithoutTheValue() {
    var response =
        client.post(
            "/api/v1/users", admin(), Map.of("name", "Secret Value 1984", "role", "overlord"));
    assertProblem(response, 422, "invalid-input");
    assertThat(response.json().path("errors").findValuesAsText("pointer"))
        .containsExactlyInAnyOrder("/name", "/role");
    assertThat(response.body()).doesNotContain("Secret Value 1984").doesNotContain("overlord");
  }

  @Test
  void anUnexpectedFailureIs500WithOnlyTheRequestIdAndIsLoggedWithoutItsMessage() throws Exception {
    Logger logger = (Logger) LoggerFactory.getLogger(Problems.class);
    var appender = new ListAppender<ILoggingEvent>();
    appender.start();
    logger.addAppender(appender);
    logger.setAdditive(false); // expected failures: keep them out of the build output
    Javalin app =
        Javalin.create(
                config -> {
                  config.startup.showJavalinBanner = false;
                  config.routes.before(RequestIds::assign);
                  config.routes.get(
                      "/boom",
                      ctx -> {
                        throw new IllegalStateException("fact value 1984-02-29 leaked");
                      });
                  config.routes.get(
                      "/overflow",
                      ctx -> {
                        throw new StackOverflowError("deep fact value 1984-02-29");
                      });
                  Problems.register(config.routes);
                  config.router.javaLangErrorHandler(Problems::javaLangError);
                })
            .start("127.0.0.1", 0);
    try {
      var client =
          new ApiClient(URI.create("http://127.0.0.1:" + app.port() + "/"), List.<ApiRoute>of());
      for (String path : List.of("/boom", "/overflow")) {
        var response = client.get(path);
        assertProblem(response, 500, "internal");
        String requestId = response.header(RequestIds.HEADER).orElseThrow();
        assertThat(response.json().path("detail").asText())
            .isEqualTo("an internal error occurred; quote request id " + requestId);
        assertThat(response.body()).doesNotContain("1984");
      }
      assertThat(appender.list).hasSize(2);
      for (ILoggingEvent event : appender.list) {
        assertThat(event.getLevel().toString()).isEqualTo("ERROR");
        assertThat(event.getThrowableProxy()).isNotNull();
        assertThat(event.getThrowableProxy().getStackTraceElementProxyArray()).isNotEmpty();
        String logged =
            event.getFormattedMessage()
                + event.getKeyValuePairs()
                + event.getThrowableProxy().getMessage()
                + event.getThrowableProxy().getClassName();
        assertThat(logged).doesNotContain("1984").contains("requestId");
      }
    } finally {
      app.stop();
      logger.detachAppender(appender);
      logger.setAdditive(true);
    }
  }

  @Test
  void everyProblemSoFarIsClean() throws Exception {
    client.get("/api/v1/cases/absent", server.token(Role.OFFICER));
    client.get("/api/v1/policies/absent", server.token(Role.OFFICER));
    client.get("/api/v1/audit/events?from=x", server.token(Role.AUDITOR));
    for (ApiClient.Exchange e : client.exchanges()) {
      if (e.status() >= 400) {
        assertThat(e.contentType()).startsWith(Problems.MEDIA_TYPE);
        assertClean(e.body());
        assertThat(JSON.readTree(e.body()).path("detail").asText()).isNotBlank();
      }
    }
  }
}
