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
import org.asylex.server.api.PolicyCatalog;
import org.asylex.server.auth.ApiTokens;
import org.asylex.server.auth.Role;
import org.asylex.store.Store;
import org.asylex.store.StoreConfig;

/**
 * A running server for tests: port 0, a fresh SQLite store in a temporary directory, the packs of
 * the repository's {@code policies/}, BCrypt cost 4, and one user per role (named after the role)
 * whose token {@link #token(Role)} gives.
 */
public final class TestServer implements AutoCloseable {
  private static final int TEST_BCRYPT_COST = 4;

  private final Path directory;
  private final Store store;
  private final PolicyCatalog policies;
  private final AsylexServer server;
  private final Map<Role, String> tokens;

  private TestServer(
      Path directory,
      Store store,
      PolicyCatalog policies,
      AsylexServer server,
      Map<Role, String> tokens) {
    this.directory = directory;
    this.store = store;
    this.policies = policies;
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
    Store store = Store.open(StoreConfig.dataDirectory(directory.resolve("data")));
    try {
      PolicyCatalog policies = PolicyCatalog.load(repoRoot().resolve("policies"), Map.of());
      var tokenMaker = new ApiTokens(TEST_BCRYPT_COST);
      Map<Role, String> tokens = new EnumMap<>(Role.class);
      for (Role role : Role.values()) {
        ApiTokens.NewToken token = tokenMaker.generate();
        store.users().add(userName(role), role.id(), token.id(), token.hash(), "test-setup");
        tokens.put(role, token.token());
      }
      ServerConfig config =
          configure.apply(ServerConfig.defaults().withPort(0).withBcryptCost(TEST_BCRYPT_COST));
      AsylexServer server = AsylexServer.start(config, store, policies);
      return new TestServer(directory, store, policies, server, tokens);
    } catch (RuntimeException e) {
      store.close();
      delete(directory);
      throw e;
    }
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

  public Store store() {
    return store;
  }

  public PolicyCatalog policies() {
    return policies;
  }

  /** A client of this server that records its exchanges against the server's route table. */
  public ApiClient client() {
    return new ApiClient(url(), server.routes());
  }

  /** Stops the server, closes the store and deletes its directory. */
  @Override
  public void close() {
    try {
      server.stop();
    } finally {
      store.close();
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
