package org.asylex.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.asylex.app.Application;
import org.asylex.app.Today;
import org.asylex.app.policy.AssumptionSettings;
import org.asylex.app.policy.PolicyCatalog;
import org.asylex.app.users.ApiTokens;
import org.asylex.app.users.Role;
import org.asylex.server.AsylexServer;
import org.asylex.server.ServerConfig;
import org.asylex.store.StoreConfig;

/**
 * The API's server with the web UI, for tests: port 0, a fresh SQLite store in a temporary
 * directory, the repository's packs, BCrypt cost 4, and one account per role named after the role.
 */
final class WebTestServer implements AutoCloseable {
  /** The password of every test account. */
  static final String PASSWORD = "correct horse battery staple";

  /**
   * A conscript born in 2001 who refuses service: under the decision moratorium until it lapses.
   */
  static final java.util.Map<String, Object> CONSCRIPT =
      java.util.Map.of(
          "countryOfOrigin", "RU",
          "dateOfBirth", "2001-03-14",
          "militaryStatus", "conscript",
          "refusesMilitaryService", true);

  private final Path directory;
  private final Application app;
  private final AsylexServer server;

  private WebTestServer(Path directory, Application app, AsylexServer server) {
    this.directory = directory;
    this.app = app;
    this.server = server;
  }

  static WebTestServer start() {
    return start(UnaryOperator.identity());
  }

  static WebTestServer start(UnaryOperator<WebConfig> configure) {
    return start(configure, Today.system());
  }

  /** With a fixed today, for pages whose content depends on the date. */
  static WebTestServer start(Today today) {
    return start(UnaryOperator.identity(), today);
  }

  static WebTestServer start(UnaryOperator<WebConfig> configure, Today today) {
    return start(configure, today, null);
  }

  /**
   * With a fixed today and a clock that stamps cases, history and audit events (for pages that must
   * look the same on every run: the screenshots); {@code storeClock} null is the system clock.
   */
  static WebTestServer start(
      UnaryOperator<WebConfig> configure, Today today, java.time.Clock storeClock) {
    Path directory;
    try {
      directory = Files.createTempDirectory("asylex-web-test");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Application app =
        Application.open(
            storeClock == null
                ? StoreConfig.dataDirectory(directory.resolve("data"))
                : StoreConfig.dataDirectory(directory.resolve("data")).withClock(storeClock),
            PolicyCatalog.of(repoRoot().resolve("policies"), AssumptionSettings.none()),
            today,
            new ApiTokens(4));
    try {
      for (Role role : Role.values()) {
        app.accounts().add(role.id(), role.id(), "test-setup");
        WebTestAccounts.setPassword(app, role.id(), PASSWORD);
      }
      AsylexServer server =
          AsylexServer.start(
              ServerConfig.defaults().withPort(0).withBcryptCost(4),
              app,
              List.of(new WebUi(configure.apply(WebConfig.defaults()))));
      return new WebTestServer(directory, app, server);
    } catch (RuntimeException e) {
      app.close();
      throw e;
    }
  }

  static Path repoRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      if (Files.isRegularFile(dir.resolve("policies/ru/pack.yaml"))) {
        return dir;
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException(
        "no policies/ru/pack.yaml above " + Path.of("").toAbsolutePath());
  }

  Application app() {
    return app;
  }

  /** A browser signed in as the test account {@code name}. */
  HttpBrowser signedIn(String name) throws Exception {
    var b = new HttpBrowser(url());
    b.signIn(name, PASSWORD);
    return b;
  }

  URI url() {
    return server.url();
  }

  @Override
  public void close() {
    try {
      server.stop();
    } finally {
      app.close();
      try (Stream<Path> files = Files.walk(directory)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        // a temporary directory left behind is no test failure
      }
    }
  }
}
