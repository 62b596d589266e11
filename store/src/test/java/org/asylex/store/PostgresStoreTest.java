package org.asylex.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The store contract on PostgreSQL at 127.0.0.1:5432, database {@code test} (override with the
 * system properties {@code asylex.test.postgres.url} and {@code asylex.test.postgres.user}). Every
 * test gets its own schema with a random name, dropped afterwards, so runs never collide.
 *
 * <p>Where PostgreSQL cannot be reached the tests are skipped with a message saying so, unless
 * {@code ASYLEX_REQUIRE_POSTGRES=true} (environment or system property): then they fail, so CI
 * cannot pass without having run them.
 */
class PostgresStoreTest extends StoreContract {
  static final String URL =
      System.getProperty("asylex.test.postgres.url", "jdbc:postgresql://127.0.0.1:5432/test");
  static final String USER = System.getProperty("asylex.test.postgres.user", "postgres");

  private String schema;

  /** Why PostgreSQL cannot be used, or empty when it can. */
  private static Optional<String> unreachable = Optional.empty();

  @BeforeAll
  static void postgresIsThere() {
    unreachable =
        reach()
            .map(
                problem ->
                    "PostgreSQL is not reachable at "
                        + URL
                        + " as "
                        + USER
                        + " ("
                        + problem
                        + "): the PostgreSQL store tests");
    if (unreachable.isEmpty()) {
      return;
    }
    if (required()) {
      Assertions.fail(unreachable.get() + " fail because ASYLEX_REQUIRE_POSTGRES=true");
    }
    System.err.println(
        "SKIPPED: "
            + unreachable.get()
            + " are skipped (ASYLEX_REQUIRE_POSTGRES=true makes this a failure)");
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

  private static Connection admin() throws SQLException {
    return DriverManager.getConnection(URL, USER, null);
  }

  private String schemaUrl() {
    return URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  @Override
  protected StoreConfig freshConfig() {
    // Skipped one by one, so the report counts every test as skipped.
    unreachable.ifPresent(message -> Assumptions.abort(message + " are skipped"));
    schema = "asylex_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    try (Connection c = admin();
        Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create the test schema " + schema, e);
    }
    return reopenConfig();
  }

  @Override
  protected StoreConfig reopenConfig() {
    return StoreConfig.url(schemaUrl()).withCredentials(USER, null);
  }

  @Override
  protected Connection connect() throws SQLException {
    return DriverManager.getConnection(schemaUrl(), USER, null);
  }

  @Override
  protected void cleanUp() throws SQLException {
    if (schema != null) {
      try (Connection c = admin();
          Statement s = c.createStatement()) {
        s.execute("DROP SCHEMA " + schema + " CASCADE");
      }
    }
  }

  @Test
  void the_store_describes_itself_without_a_password() {
    assertThat(store.isEmbedded()).isFalse();
    assertThat(store.description()).startsWith("PostgreSQL " + URL).endsWith(" as " + USER);
    assertThat(StoreConfig.url("jdbc:postgresql://h/db?user=u&password=s3cret").describe())
        .isEqualTo("PostgreSQL jdbc:postgresql://h/db?user=u&password=***");
  }

  @Test
  void json_columns_keep_the_text_as_written() throws SQLException {
    store.cases().create("A-1", null, facts(), OFFICER);
    try (Connection c = connect();
        Statement s = c.createStatement();
        var rs = s.executeQuery("SELECT pg_typeof(facts)::text, facts::text FROM cases")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("json");
      assertThat(rs.getString(2)).startsWith("{\"countryOfOrigin\":\"RU\",\"dateOfBirth\"");
    }
  }

  @Test
  void an_unreachable_server_is_a_store_exception_naming_it() {
    assertThatThrownBy(
            () ->
                Store.open(
                    StoreConfig.url("jdbc:postgresql://127.0.0.1:1/none?connectTimeout=1")
                        .withCredentials("nobody", "secret")
                        .withBusyTimeout(java.time.Duration.ofMillis(500))))
        .isInstanceOf(StoreException.class)
        .hasMessageStartingWith(
            "cannot connect to PostgreSQL jdbc:postgresql://127.0.0.1:1/none?connectTimeout=1 as"
                + " nobody")
        .message()
        .doesNotContain("secret")
        .satisfies(m -> assertThat(m.toLowerCase(Locale.ROOT)).contains("connect"));
  }
}
