package org.asylex.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code GET /ready}: 200 while the store answers, a 503 problem once it does not. */
class ReadinessTest {
  private final MutableClock clock = new MutableClock();
  private final TestServer server = TestServer.start(c -> c.withClock(clock));
  private final ApiClient client = server.client();

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void aNodeWhoseStoreAnswersIsReadyAndSaysNothingElse() {
    var ready = client.get("/ready");

    assertThat(ready.status()).isEqualTo(200);
    assertThat(ready.json().toString()).isEqualTo("{\"status\":\"ready\"}");
    assertThat(ready.header("X-Content-Type-Options")).contains("nosniff");
  }

  @Test
  void aNodeWhoseStoreIsGoneIsNotReadyOnceItsLastAnswerIsASecondOld() {
    assertThat(client.get("/ready").status()).isEqualTo(200);

    server.app().close(); // the store's pool: no connection is lent any more

    // The store is asked at most once a second, whoever calls: the last answer still stands.
    assertThat(client.get("/ready").status()).isEqualTo(200);
    clock.advance(Duration.ofSeconds(1));
    var notReady = client.get("/ready");
    assertThat(notReady.status()).isEqualTo(503);
    assertThat(notReady.contentType()).startsWith("application/problem+json");
    assertThat(notReady.json().path("type").asText()).isEqualTo("urn:asylex:problem:unavailable");
    assertThat(notReady.header("Retry-After")).contains("5");
    assertThat(notReady.body()).doesNotContain("sqlite", "SQLite", "jdbc", ".db");
    // /health is liveness: the process answers, whatever its store does.
    assertThat(client.get("/health").status()).isEqualTo(200);
  }
}
