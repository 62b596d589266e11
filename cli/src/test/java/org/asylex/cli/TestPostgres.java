package org.asylex.cli;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * PostgreSQL for the command line tests: 127.0.0.1:5432, database {@code test}, user {@code
 * postgres} (system properties {@code asylex.test.postgres.url} and {@code
 * asylex.test.postgres.user} override them), one fresh schema per store. Where the server cannot be
 * reached the tests are skipped with a message, unless {@code ASYLEX_REQUIRE_POSTGRES=true}: then
 * they fail.
 */
final class TestPostgres {
  static final String URL =
      System.getProperty("asylex.test.postgres.url", "jdbc:postgresql://127.0.0.1:5432/test");
  static final String USER = System.getProperty("asylex.test.postgres.user", "postgres");

  private static Optional<String> unreachable;

  private TestPostgres() {}

  /** Skips (or, when PostgreSQL is required, fails) the calling test when there is no server. */
  static synchronized void require() {
    if (unreachable == null) {
      unreachable = reach();
      unreachable.ifPresent(
          problem ->
              System.err.println(
                  "SKIPPED: PostgreSQL is not reachable at "
                      + URL
                      + " as "
                      + USER
                      + " ("
                      + problem
                      + "): the command line's PostgreSQL tests are skipped"
                      + " (ASYLEX_REQUIRE_POSTGRES=true makes this a failure)"));
    }
    if (unreachable.isPresent()) {
      String message = "PostgreSQL is not reachable at " + URL + ": " + unreachable.get();
      if (required()) {
        Assertions.fail(message + " (ASYLEX_REQUIRE_POSTGRES=true)");
      }
      Assumptions.abort(message + "; skipped");
    }
  }

  static boolean required() {
    String value =
        System.getProperty("ASYLEX_REQUIRE_POSTGRES", System.getenv("ASYLEX_REQUIRE_POSTGRES"));
    return "true".equalsIgnoreCase(value);
  }

  private static Optional<String> reach() {
    DriverManager.setLoginTimeout(3);
    try (Connection c = DriverManager.getConnection(URL, USER, null)) {
      return c.isValid(3) ? Optional.empty() : Optional.of("the connection is not valid");
    } catch (SQLException e) {
      return Optional.of(e.getMessage());
    }
  }

  /** Creates a schema with a random name; returns its name. */
  static String createSchema() {
    String schema = "asylex_cli_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    execute("CREATE SCHEMA " + schema);
    return schema;
  }

  static void dropSchema(String schema) {
    execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
  }

  /** The JDBC URL of a schema, with the user in it, as {@code --db} takes it. */
  static String url(String schema) {
    return URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema + "&user=" + USER;
  }

  static Connection connect(String schema) throws SQLException {
    return DriverManager.getConnection(url(schema));
  }

  private static void execute(String sql) {
    try (Connection c = DriverManager.getConnection(URL, USER, null);
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot run " + sql + ": " + e.getMessage(), e);
    }
  }
}
