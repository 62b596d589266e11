package org.asylex.server;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import org.asylex.app.Application;
import org.asylex.app.Today;
import org.asylex.app.cases.ReceiptConversion;
import org.asylex.app.policy.AssumptionSettings;
import org.asylex.app.policy.PolicyCatalog;
import org.asylex.app.users.ApiTokens;
import org.asylex.store.StoreConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A receipt kept in full form at start-up (made before compact receipts, under a pack this
 * deployment does not have) is shown where operators look: a WARN start-up line naming the pack's
 * hash, and the metric {@code asylex_receipts_full_form}; never the case id.
 */
class FullFormReceiptTest {
  private static final String UNKNOWN_PACK = "sha256:" + "e".repeat(64);
  private static final String CASE_ID = "full-form-case-41c9";

  @TempDir Path dir;

  private static PolicyCatalog policies() {
    return PolicyCatalog.of(TestServer.repoRoot().resolve("policies"), AssumptionSettings.none());
  }

  private Application open(StoreConfig config) {
    return Application.open(config, policies(), Today.system(), new ApiTokens(4));
  }

  @Test
  void receiptsConvertedAtStartUpAreOneInfoLineAndNothingIsLoggedWhenNothingHappened() {
    Logger logger = (Logger) LoggerFactory.getLogger(StartupLog.LOGGER);
    var appender = new ListAppender<ILoggingEvent>();
    appender.start();
    logger.addAppender(appender);
    Level level = logger.getLevel();
    logger.setLevel(Level.INFO);
    try {
      StartupLog.receipts(new ReceiptConversion.Result(0, 0, List.of()));
      assertThat(appender.list).isEmpty();
      StartupLog.receipts(new ReceiptConversion.Result(3, 0, List.of()));
      assertThat(appender.list).hasSize(1);
      assertThat(appender.list.get(0).getLevel()).isEqualTo(Level.INFO);
      assertThat(appender.list.get(0).getFormattedMessage())
          .isEqualTo("3 receipts made before compact receipts converted to the compact form");
    } finally {
      logger.setLevel(level);
      logger.detachAppender(appender);
    }
  }

  @Test
  void aReceiptKeptInFullFormIsLoggedAndCounted() throws Exception {
    Path data = dir.resolve("data");
    StoreConfig config = StoreConfig.dataDirectory(data);
    try (Application app = open(config)) {
      app.cases().create(CASE_ID, null, Map.of("countryOfOrigin", "RU"), "/facts", "test-setup");
    }
    // As a store before migration V6 kept a receipt: findings and assumptions as JSON text.
    try (var c =
            DriverManager.getConnection("jdbc:sqlite:" + data.resolve(StoreConfig.DATABASE_FILE));
        var s =
            c.prepareStatement(
                "INSERT INTO assessments (id, case_id, case_version, as_of, facts_snapshot,"
                    + " pack_id, pack_version, content_hash, assumptions, engine_version, findings,"
                    + " actor, assessed_at) VALUES ('r-1', ?, 1, '2023-01-15', '{}', 'RU',"
                    + " '2020-01-01', ?, '{}', '0.0.1', '{}', 'officer',"
                    + " '2023-01-15T10:00:00.000000Z')")) {
      s.setString(1, CASE_ID);
      s.setString(2, UNKNOWN_PACK);
      assertThat(s.executeUpdate()).isEqualTo(1);
    }
    Logger logger = (Logger) LoggerFactory.getLogger(StartupLog.LOGGER);
    var appender = new ListAppender<ILoggingEvent>();
    appender.start();
    logger.addAppender(appender);
    try (Application app = open(config);
        AsylexServer server =
            AsylexServer.start(ServerConfig.defaults().withPort(0).withBcryptCost(4), app);
        MetricsEndpoint metrics = MetricsEndpoint.start(server, "127.0.0.1", 0)) {
      String body =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(metrics.url().toString())).build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      assertThat(body)
          .contains("asylex_receipts_full_form 1.0")
          .contains("asylex_receipts_converted_at_startup 0.0")
          .doesNotContain(CASE_ID);
      List<ILoggingEvent> warnings =
          appender.list.stream().filter(e -> e.getLevel() == Level.WARN).toList();
      assertThat(warnings).hasSize(1);
      assertThat(warnings.get(0).getFormattedMessage())
          .startsWith("1 receipt is kept in full form")
          .contains(UNKNOWN_PACK)
          .doesNotContain(CASE_ID);
      assertThat(appender.list).noneMatch(e -> e.getLevel() == Level.INFO);
    } finally {
      logger.detachAppender(appender);
    }
  }
}
