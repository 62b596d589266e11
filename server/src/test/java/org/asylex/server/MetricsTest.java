package org.asylex.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.asylex.app.users.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The metrics: Prometheus text on a loopback port of their own, requests counted per route template
 * (never a raw path with a case id), the store's pool, group-commit sizes and assessments.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsTest {
  private static final String CASE_ID = "metrics-case-7f3a";

  private TestServer server;
  private ApiClient client;
  private MetricsEndpoint endpoint;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  void start() {
    server = TestServer.start();
    client = server.client();
    endpoint = MetricsEndpoint.start(server.server(), "127.0.0.1", 0);
    String officer = server.token(Role.OFFICER);
    var facts =
        Map.of(
            "countryOfOrigin", "RU",
            "dateOfBirth", "2001-03-14",
            "gender", "male",
            "militaryStatus", "conscript",
            "refusesMilitaryService", true);
    assertThat(
            client.post("/api/v1/cases", officer, Map.of("id", CASE_ID, "facts", facts)).status())
        .isEqualTo(201);
    assertThat(client.get("/api/v1/cases/" + CASE_ID, officer).status()).isEqualTo(200);
    assertThat(client.get("/api/v1/cases/absent-" + CASE_ID, officer).status()).isEqualTo(404);
    assertThat(
            client
                .post(
                    "/api/v1/cases/" + CASE_ID + "/assessments",
                    officer,
                    Map.of("asOf", "2023-07-15"))
                .status())
        .isEqualTo(201);
    assertThat(client.get("/no/such/" + CASE_ID).status()).isEqualTo(404);
  }

  @AfterAll
  void stop() {
    endpoint.close();
    server.close();
  }

  private HttpResponse<String> scrape(String method, String path) throws Exception {
    URI uri = URI.create("http://127.0.0.1:" + endpoint.port() + path);
    return http.send(
        HttpRequest.newBuilder(uri).method(method, HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void theMetricsAreOnALoopbackPortOfTheirOwnInThePrometheusTextFormat() throws Exception {
    assertThat(endpoint.url().getHost()).isEqualTo("127.0.0.1");
    var metrics = scrape("GET", "/metrics");

    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.headers().firstValue("Content-Type"))
        .contains("text/plain; version=0.0.4; charset=utf-8");
    assertThat(metrics.body()).contains("# TYPE http_server_requests_seconds histogram");
    assertThat(scrape("GET", "/").statusCode()).isEqualTo(404);
    assertThat(scrape("POST", "/metrics").statusCode()).isEqualTo(405);
    // Not on the API's port, which the load balancer exposes.
    assertThat(client.get("/metrics").status()).isEqualTo(404);
  }

  @Test
  void requestsAreCountedAndTimedByRouteTemplateNeverByPath() throws Exception {
    String body = scrape("GET", "/metrics").body();

    assertThat(body)
        .contains(
            "http_server_requests_seconds_count{method=\"GET\",route=\"/api/v1/cases/{id}\","
                + "status=\"200\"} 1")
        .contains(
            "http_server_requests_seconds_count{method=\"GET\",route=\"/api/v1/cases/{id}\","
                + "status=\"404\"} 1")
        .contains(
            "http_server_requests_seconds_bucket{method=\"POST\",route=\"/api/v1/cases\","
                + "status=\"201\",le=\"0.005\"}")
        .contains("route=\"unmatched\",status=\"404\"");
    assertThat(body).doesNotContain(CASE_ID);
  }

  @Test
  void thePoolTheGroupCommitsAndTheAssessmentsAreCounted() throws Exception {
    String body = scrape("GET", "/metrics").body();

    assertThat(body)
        .contains("hikaricp_connections_max{pool=\"asylex-sqlite\"}")
        .contains("hikaricp_connections_active{pool=\"asylex-sqlite\"}")
        .contains("hikaricp_connections_pending{pool=\"asylex-sqlite\"} 0")
        .contains("asylex_group_commit_batch_size_count 1")
        .contains("asylex_group_commit_batch_size_bucket{le=\"1.0\"} 1")
        .contains("asylex_assessments_total{kind=\"stored\"} 1.0")
        .contains("asylex_assessments_total{kind=\"stateless\"} 0.0")
        .contains("asylex_receipts_converted_at_startup 0.0")
        .contains("asylex_receipts_full_form 0.0")
        .contains("jvm_memory_used_bytes");
    System.gc(); // a gauge whose state was held weakly would read NaN from here on
    String later = scrape("GET", "/metrics").body();
    assertThat(later)
        .contains("asylex_http_requests_in_flight 0.0")
        .contains("hikaricp_connections_max{pool=\"asylex-sqlite\"} 4.0");
    assertThat(later.lines().filter(l -> l.startsWith("asylex_") || l.startsWith("hikaricp_")))
        .noneMatch(l -> l.endsWith("NaN"));
  }
}
