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
import org.asylex.app.users.Role;
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
    // Over a raw socket that reads while it writes: the server answers before reading the body and
    // closes, which java.net.http at times reports as a failure instead of the answer.
    byte[] big = ("{\"name\":\"" + "x".repeat(70 * 1024) + "\"}").getBytes();
    RawHttp.Answer answer =
        RawHttp.exchange(
            server.server().port(),
            "POST /api/v1/users HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "Authorization: Bearer "
                + admin()
                + "\r\nContent-Type: application/json\r\nContent-Length: "
                + big.length
                + "\r\n\r\n",
            big);
    assertThat(answer.status()).isEqualTo(413);
    assertThat(answer.headers().get("content-type")).startsWith(Problems.MEDIA_TYPE);
    assertThat(answer.body()).contains("urn:asylex:problem:body-too-large");
    assertClean(answer.body());
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
  void theAllowOfA405DoesNotDependOnTheAcceptHeader() {
    for (String accept : List.of("application/json", "text/html", "*/*")) {
      var response =
          client.request("DELETE", "/api/v1/users").token(admin()).header("Accept", accept).send();
      assertProblem(response, 405, "method-not-allowed");
      assertThat(response.header("Allow")).as(accept).contains("GET, POST");
    }
  }

  /**
   * OPTIONS, TRACE and methods nobody knows, on the path of every route of the route table and on
   * an unknown path: always a problem (405 with {@code Allow}, or 404), never a success or a 500.
   */
  @Test
  void otherMethodsOnEveryPathAreProblems() {
    var paths = new java.util.TreeSet<String>();
    for (ApiRoute route : server.server().routes()) {
      paths.add(route.path().replace("{id}", "absent").replace("{name}", "nobody"));
    }
    for (String method : List.of("OPTIONS", "TRACE", "PROPFIND", "FOO")) {
      for (String path : paths) {
        var response = client.request(method, path).token(admin()).send();
        assertProblem(response, 405, "method-not-allowed");
        assertThat(response.header("Allow")).as(method + " " + path).isPresent();
        if (path.startsWith("/api/")) {
          assertThat(response.header("Allow").orElseThrow()).doesNotContain("HEAD");
        }
      }
      assertProblem(client.request(method, "/no/such/thing").send(), 404, "not-found");
    }
    var head = client.request("HEAD", "/no/such/thing").send();
    assertThat(head.status()).isEqualTo(404);
    assertThat(head.contentType()).startsWith(Problems.MEDIA_TYPE);
  }

  @Test
  void headOnTheApiIsRefusedBeforeAnythingIsReadOrAudited() {
    long events = server.store().audit().verify().checked();
    var response = client.request("HEAD", "/api/v1/cases").token(server.token(Role.OFFICER)).send();
    assertThat(response.status()).isEqualTo(405);
    assertThat(response.contentType()).startsWith(Problems.MEDIA_TYPE);
    assertThat(response.header("Allow")).contains("GET, POST");
    assertThat(client.request("HEAD", "/api/v1/users").send().status()).isEqualTo(405);
    assertThat(server.store().audit().verify().checked()).isEqualTo(events);
    var health = client.request("HEAD", "/health").send();
    assertThat(health.status()).isEqualTo(200);
    assertThat(health.contentType()).startsWith("application/json");
    assertThat(health.body()).isEmpty();
  }

  @Test
  void coreRoutesRefuseQueryParametersTheyDoNotTake() {
    String auditor = server.token(Role.AUDITOR);
    List<ApiClient.Response> responses =
        List.of(
            client.get("/api/v1/me?frm=1", admin()),
            client.get("/api/v1/users?frm=1", admin()),
            client.get("/api/v1/audit/verify?frm=1", auditor),
            client.get("/api/v1/audit/events?frm=1", auditor),
            client.post("/api/v1/users?frm=1", admin(), Map.of("name", "p1", "role", "officer")),
            client.post("/api/v1/users/nobody/token?frm=1", admin(), null),
            client.post("/api/v1/users/nobody/disable?frm=1", admin(), null));
    for (ApiClient.Response response : responses) {
      assertProblem(response, 400, "invalid-parameter");
      JsonNode error = response.json().path("errors").path(0);
      assertThat(error.path("parameter").asText()).isEqualTo("frm");
      assertThat(error.path("code").asText()).isEqualTo("unknown-parameter");
      assertThat(response.json().path("detail").asText()).contains("frm");
    }
    assertThat(server.store().users().find("p1")).isEmpty();
    assertThat(client.get("/api/v1/me", server.token(Role.OFFICER)).status()).isEqualTo(200);

    var repeated = client.get("/api/v1/audit/events?from=1&from=2", auditor);
    assertProblem(repeated, 400, "invalid-parameter");
    assertThat(repeated.json().path("errors").path(0).path("code").asText())
        .isEqualTo("repeated-parameter");
    var page = client.get("/api/v1/audit/events?from=1&limit=1", auditor);
    assertThat(page.status()).isEqualTo(200);
    var bad = client.get("/api/v1/audit/events?limit=x", auditor);
    assertProblem(bad, 400, "invalid-parameter");
    assertThat(bad.json().path("errors").path(0).path("parameter").asText()).isEqualTo("limit");
  }

  @Test
  void aTakenUserNameIsAConflictLikeATakenCaseId() {
    var response =
        client.post("/api/v1/users", admin(), Map.of("name", "officer", "role", "auditor"));
    assertProblem(response, 409, "already-exists");
    assertThat(response.json().path("title").asText()).isEqualTo("Already exists");
    assertThat(response.json().path("detail").asText())
        .isEqualTo("there is already an account named officer");
    JsonNode errors = response.json().path("errors");
    assertThat(errors).hasSize(1);
    assertThat(errors.path(0).path("pointer").asText()).isEqualTo("/name");
    assertThat(errors.path(0).path("code").asText()).isEqualTo("already-exists");
  }

  @Test
  void notFoundDetailsAreOneStyle() {
    String officer = server.token(Role.OFFICER);
    List<ApiClient.Response> responses =
        List.of(
            client.get("/no/such/thing"),
            client.get("/api/v1/cases/absent", officer),
            client.get("/api/v1/case-assessments/absent", officer),
            client.get("/api/v1/policies/absent", officer),
            client.post("/api/v1/users/nobody/token", admin(), null),
            client.post("/api/v1/users/nobody/disable", admin(), null),
            client.post("/api/v1/users/No%20Body/disable", admin(), null));
    for (ApiClient.Response response : responses) {
      assertProblem(response, 404, "not-found");
      assertThat(response.json().path("detail").asText())
          .as(response.toString())
          .startsWith("there is no")
          .doesNotEndWith(".");
    }
    assertThat(responses.get(4).json().path("detail").asText())
        .isEqualTo("there is no account named nobody");
    assertThat(responses.get(6).json().path("detail").asText())
        .isEqualTo("there is no account with this name");
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
      if (e.status() >= 400 && !e.method().equals("HEAD")) { // a HEAD answer has no body
        assertThat(e.contentType()).startsWith(Problems.MEDIA_TYPE);
        assertClean(e.body());
        assertThat(JSON.readTree(e.body()).path("detail").asText()).isNotBlank();
      }
    }
  }
}
