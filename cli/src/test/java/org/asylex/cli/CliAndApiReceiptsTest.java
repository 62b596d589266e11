package org.asylex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.asylex.app.Application;
import org.asylex.app.Today;
import org.asylex.app.policy.AssumptionSettings;
import org.asylex.app.policy.PolicyCatalog;
import org.asylex.app.users.ApiTokens;
import org.asylex.server.AsylexServer;
import org.asylex.server.ServerConfig;
import org.asylex.store.StoreConfig;
import org.asylex.store.StoredAssessment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line and the API keep receipts of one kind: an assessment stored by either is
 * reproduced as identical by the other, on the same store.
 */
class CliAndApiReceiptsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path data;

  @Test
  void aReceiptOfEitherToolReproducesIdenticallyWithTheOther() throws Exception {
    Path cases = data.resolve("cases.jsonl");
    String facts =
        Files.readString(Path.of(CliRun.EXAMPLES, "conscript-refusing-service.json"))
            .replace("\n", "");
    Files.writeString(
        cases, "{\"id\": \"X-1\", \"facts\": " + facts + "}\n", StandardCharsets.UTF_8);
    Path store = data.resolve("store");
    assertThat(
            CliRun.of(
                    "case",
                    "import",
                    cases.toString(),
                    "--data",
                    store.toString(),
                    "--policies",
                    CliRun.POLICIES)
                .exitCode())
        .isZero();
    String token =
        CliRun.of("user", "add", "olga", "--role", "officer", "--data", store.toString())
            .out()
            .strip();
    assertThat(
            CliRun.of(
                    "case",
                    "assess",
                    "X-1",
                    "--as-of",
                    "2023-01-15",
                    "--data",
                    store.toString(),
                    "--actor",
                    "cli-officer",
                    "--policies",
                    CliRun.POLICIES)
                .exitCode())
        .isZero();

    PolicyCatalog policies = PolicyCatalog.of(Path.of(CliRun.POLICIES), AssumptionSettings.none());
    policies.requireAllUsable();
    try (Application app =
            Application.open(
                StoreConfig.dataDirectory(store), policies, Today.system(), new ApiTokens(4));
        AsylexServer server = AsylexServer.start(ServerConfig.defaults().withPort(0), app)) {
      List<StoredAssessment> byCli = app.assessments().forCase("X-1", "test");
      assertThat(byCli).hasSize(1);

      JsonNode reproduced =
          post(server, "/api/v1/case-assessments/" + byCli.get(0).id() + "/reproduce", token, "");
      assertThat(reproduced.path("identical").asBoolean())
          .as("%s", reproduced.path("reasons"))
          .isTrue();

      JsonNode byApi =
          post(server, "/api/v1/cases/X-1/assessments", token, "{\"asOf\": \"2023-01-15\"}");
      String apiReceipt = byApi.path("id").asText();
      assertThat(byApi.path("actor").asText()).isEqualTo("olga");

      CliRun rerun =
          CliRun.of(
              "case",
              "reproduce",
              apiReceipt,
              "--data",
              store.toString(),
              "--policies",
              CliRun.POLICIES);
      assertThat(rerun.exitCode()).as(rerun.out() + rerun.err()).isZero();
      assertThat(app.audit().verify().intact()).isTrue();
    }
  }

  private static JsonNode post(AsylexServer server, String path, String token, String body)
      throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(server.url().toString()).resolve(path))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isBetween(200, 201);
    return JSON.readTree(response.body());
  }
}
