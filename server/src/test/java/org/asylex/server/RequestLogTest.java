package org.asylex.server;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.asylex.app.users.Role;
import org.asylex.server.http.RequestIds;
import org.asylex.server.http.RequestLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.event.KeyValuePair;

/**
 * One INFO line per request on {@code asylex.http}, with the route template rather than the path,
 * and never a credential or anything from the body or the query.
 */
class RequestLogTest {
  private static final String FACT_VALUE = "Zyxwv-Personal-Value-7731";

  private TestServer server;
  private ListAppender<ILoggingEvent> appender;
  private Logger logger;

  @BeforeEach
  void start() {
    server = TestServer.start();
    logger = (Logger) LoggerFactory.getLogger(RequestLog.LOGGER);
    appender = new ListAppender<>();
    appender.start();
    logger.addAppender(appender);
  }

  @AfterEach
  void stop() {
    logger.detachAppender(appender);
    server.close();
  }

  private static Map<String, Object> keyValues(ILoggingEvent event) {
    Map<String, Object> kv = new LinkedHashMap<>();
    for (KeyValuePair pair : event.getKeyValuePairs()) {
      kv.put(pair.key, pair.value);
    }
    return kv;
  }

  /** The lines logged so far; the line is written as the exchange completes, so wait a little. */
  private List<ILoggingEvent> lines(int expected) throws InterruptedException {
    for (int i = 0; i < 200 && appender.list.size() < expected; i++) {
      Thread.sleep(10);
    }
    synchronized (appender.list) {
      return new ArrayList<>(appender.list);
    }
  }

  @Test
  void oneLinePerRequestWithTheRouteTemplateStatusActorAndRequestId() throws Exception {
    ApiClient client = server.client();
    String officer = server.token(Role.OFFICER);
    var responses =
        List.of(
            client.get("/health"),
            client.get("/api/v1/cases/some-case-id", officer),
            client.get("/api/v1/me"),
            client.get("/no/such/path"));
    List<ILoggingEvent> lines = lines(responses.size());
    assertThat(lines).hasSize(responses.size());
    List<Map<String, Object>> kvs = new ArrayList<>();
    for (ILoggingEvent line : lines) {
      assertThat(line.getLevel().toString()).isEqualTo("INFO");
      kvs.add(keyValues(line));
    }
    assertThat(kvs)
        .allSatisfy(
            kv ->
                assertThat(kv)
                    .containsKeys("method", "route", "status", "durationMs", "actor", "requestId"));
    assertThat(kvs)
        .extracting(kv -> kv.get("route"))
        .containsExactly("/health", "/api/v1/cases/{id}", "/api/v1/me", "-");
    assertThat(kvs).extracting(kv -> kv.get("status")).containsExactly(200, 404, 401, 404);
    assertThat(kvs).extracting(kv -> kv.get("actor")).containsExactly("-", "officer", "-", "-");
    assertThat(kvs)
        .extracting(kv -> kv.get("requestId"))
        .containsExactlyElementsOf(
            responses.stream().map(r -> r.header(RequestIds.HEADER).orElseThrow()).toList());
    assertThat(kvs).extracting(kv -> kv.get("method")).containsOnly("GET");
  }

  @Test
  void neverATokenABodyValueOrAQueryValue() throws Exception {
    ApiClient client = server.client();
    String officer = server.token(Role.OFFICER);
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("countryOfOrigin", "RU");
    facts.put("regionOfOrigin", FACT_VALUE);
    facts.put("dateOfBirth", "1984-02-29");
    client.post("/api/v1/assessments", officer, Map.of("asOf", "2023-07-15", "facts", facts));
    client.post("/api/v1/cases", officer, Map.of("facts", facts));
    client.get("/api/v1/cases?fact.regionOfOrigin=" + FACT_VALUE, officer);
    client.get(
        "/api/v1/me", "asx_0123456789abcdef_" + FACT_VALUE + "x".repeat(43 - FACT_VALUE.length()));
    client.get("/api/v1/audit/events?from=424242", server.token(Role.AUDITOR));
    List<ILoggingEvent> lines = lines(5);
    assertThat(lines).hasSize(5);
    for (ILoggingEvent line : lines) {
      String everything = line.getFormattedMessage() + " " + line.getKeyValuePairs() + " " + line;
      assertThat(everything)
          .doesNotContain(officer)
          .doesNotContain(officer.substring(4, 20))
          .doesNotContain(FACT_VALUE)
          .doesNotContain("424242")
          .doesNotContain("asx_");
    }
  }
}
