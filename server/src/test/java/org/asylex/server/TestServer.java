package org.asylex.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.asylex.app.Application;
import org.asylex.app.Today;
import org.asylex.app.policy.AssumptionSettings;
import org.asylex.app.policy.PolicyCatalog;
import org.asylex.app.users.ApiTokens;
import org.asylex.app.users.Role;
import org.asylex.store.Store;
import org.asylex.store.StoreConfig;

/**
 * A running server for tests: port 0, the application over a fresh SQLite store in a temporary
 * directory and the packs of the repository's {@code policies/}, BCrypt cost 4, and one user per
 * role (named after the role) whose token {@link #token(Role)} gives.
 */
public final class TestServer implements AutoCloseable {
  private static final int TEST_BCRYPT_COST = 4;

  private final Path directory;
  private final Application app;
  private final AsylexServer server;
  private final Map<Role, String> tokens;
  private Store store;

  private TestServer(
      Path directory, Application app, AsylexServer server, Map<Role, String> tokens) {
    this.directory = directory;
    this.app = app;
    this.server = server;
    this.tokens = tokens;
  }

  /** A server with the test defaults. */
  public static TestServer start() {
    return start(UnaryOperator.identity());
  }

  /** A server with the test defaults changed by {@code configure}. */
  public static TestServer start(UnaryOperator<ServerConfig> configure) {
    Path directory;
    try {
      directory = Files.createTempDirectory("asylex-server-test");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Application app =
        Application.open(
            storeConfig(directory),
            PolicyCatalog.of(repoRoot().resolve("policies"), AssumptionSettings.none()),
            Today.system(),
            new ApiTokens(TEST_BCRYPT_COST));
    try {
      Map<Role, String> tokens = new EnumMap<>(Role.class);
      for (Role role : Role.values()) {
        tokens.put(
            role, app.accounts().add(userName(role), role.id(), "test-setup").token().token());
      }
      ServerConfig config =
          configure.apply(ServerConfig.defaults().withPort(0).withBcryptCost(TEST_BCRYPT_COST));
      AsylexServer server = AsylexServer.start(config, app);
      return new TestServer(directory, app, server, tokens);
    } catch (RuntimeException e) {
      app.close();
      delete(directory);
      throw e;
    }
  }

  private static StoreConfig storeConfig(Path directory) {
    return StoreConfig.dataDirectory(directory.resolve("data"));
  }

  /**
   * The repository: the nearest directory up from here that holds {@code policies/ru/pack.yaml}.
   */
  public static Path repoRoot() {
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

  /** The name of the test user with this role: the role's id, e.g. {@code policy-analyst}. */
  public static String userName(Role role) {
    return role.id();
  }

  /** The API token of the test user with this role. */
  public String token(Role role) {
    return tokens.get(role);
  }

  public AsylexServer server() {
    return server;
  }

  public URI url() {
    return server.url();
  }

  /**
   * The server's store as another process sees it (the command line, say): opened on the same
   * database, for tests that look past the API or change what the server did not.
   */
  public synchronized Store store() {
    if (store == null) {
      store = Store.open(storeConfig(directory));
    }
    return store;
  }

  /** The application the server runs over. */
  public Application app() {
    return app;
  }

  public PolicyCatalog policies() {
    return app.policies();
  }

  /** A client of this server that records its exchanges against the server's route table. */
  public ApiClient client() {
    return new ApiClient(url(), server.routes());
  }

  /** Stops the server, closes the application and the store and deletes their directory. */
  @Override
  public void close() {
    try {
      server.stop();
    } finally {
      synchronized (this) {
        if (store != null) {
          store.close();
        }
      }
      app.close();
      delete(directory);
    }
  }

  private static void delete(Path directory) {
    try (Stream<Path> files = Files.walk(directory)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary directory left behind is no test failure
    }
  }
}
