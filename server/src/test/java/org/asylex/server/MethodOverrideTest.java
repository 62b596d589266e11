package org.asylex.server;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.Map;
import org.asylex.app.users.Role;
import org.asylex.server.http.Problems;
import org.asylex.server.http.RequestLog;
import org.asylex.server.http.WireMethod;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;
import org.slf4j.event.KeyValuePair;

/**
 * A request is what its request line says (issue 13, defect 1): {@code X-HTTP-Method-Override}
 * neither runs another route, nor turns HEAD or TRACE into GET, nor changes the method the request
 * log records.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MethodOverrideTest {
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

  private ApiClient.Response send(String method, String path, Role role, String override) {
    return client
        .request(method, path)
        .token(server.token(role))
        .header(WireMethod.OVERRIDE, override)
        .send();
  }

  private static void assertRefused(ApiClient.Response response) {
    assertThat(response.status()).as("%s", response).isEqualTo(405);
    assertThat(response.contentType()).startsWith(Problems.MEDIA_TYPE);
  }

  @Test
  void aGetDoesNotRunAPostRoute() {
    var created =
        client.post(
            "/api/v1/users", server.token(Role.ADMIN), Map.of("name", "paul", "role", "officer"));
    assertThat(created.status()).isEqualTo(201);

    assertRefused(send("GET", "/api/v1/users/paul/disable", Role.ADMIN, "POST"));
    assertRefused(send("GET", "/api/v1/users/paul/token", Role.ADMIN, "POST"));

    var paul = server.store().users().find("paul").orElseThrow();
    assertThat(paul.active()).isTrue();
    assertThat(paul.tokenId()).isEqualTo(created.json().path("token").asText().substring(4, 20));
  }

  @Test
  void aPostDoesNotRunAPatchRoute() throws Exception {
    String officer = server.token(Role.OFFICER);
    var facts =
        org.asylex.json.CaseJson.read(
            java.nio.file.Files.readString(
                TestServer.repoRoot().resolve("examples/conscript-refusing-service.json")),
            "example");
    assertThat(
            client
                .post("/api/v1/cases", officer, Map.of("id", "overridden", "facts", facts))
                .status())
        .isEqualTo(201);

    var response =
        client
            .request("POST", "/api/v1/cases/overridden")
            .token(officer)
            .header(WireMethod.OVERRIDE, "PATCH")
            .header("If-Match", "\"1\"")
            .json(Map.of("facts", Map.of("lgbti", true)))
            .send();

    assertRefused(response);
    var read = client.get("/api/v1/cases/overridden", officer);
    assertThat(read.header("ETag")).hasValue("\"1\"");
    assertThat(read.json().path("facts").path("lgbti").asBoolean()).isFalse();
  }

  @Test
  void headAndTraceStayRefusedWithAnOverrideToGet() {
    for (String method : List.of("HEAD", "TRACE")) {
      for (String path : List.of("/api/v1/cases", "/api/v1/me")) {
        var response = send(method, path, Role.OFFICER, "GET");
        assertThat(response.status()).as(method + " " + path).isEqualTo(405);
        assertThat(response.header("Allow")).as(method + " " + path).isPresent();
      }
    }
  }

  @Test
  void theRequestLogRecordsTheMethodOnTheWire() throws Exception {
    Logger logger = (Logger) LoggerFactory.getLogger(RequestLog.LOGGER);
    var appender = new ListAppender<ILoggingEvent>();
    appender.start();
    logger.addAppender(appender);
    try {
      send("GET", "/api/v1/users", Role.ADMIN, "POST");
      for (int i = 0; i < 200 && appender.list.isEmpty(); i++) {
        Thread.sleep(10);
      }
      synchronized (appender.list) {
        assertThat(appender.list).hasSize(1);
        var method =
            appender.list.get(0).getKeyValuePairs().stream()
                .filter(kv -> kv.key.equals("method"))
                .map((KeyValuePair kv) -> kv.value)
                .findFirst();
        assertThat(method).hasValue("GET");
      }
    } finally {
      logger.detachAppender(appender);
    }
  }
}
