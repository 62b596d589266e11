package org.asylex.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on the embedded SQLite store, in a data directory under a temp dir. */
class SqliteStoreTest extends StoreContract {
  @TempDir Path temp;

  private Path dataDirectory() {
    return temp.resolve("data/asylex");
  }

  @Override
  protected StoreConfig freshConfig() {
    return StoreConfig.dataDirectory(dataDirectory());
  }

  @Override
  protected StoreConfig reopenConfig() {
    return freshConfig();
  }

  @Override
  protected Connection connect() throws SQLException {
    return DriverManager.getConnection(
        "jdbc:sqlite:" + dataDirectory().resolve(StoreConfig.DATABASE_FILE));
  }

  @Override
  protected void cleanUp() {
    // @TempDir removes the directory
  }

  @Test
  void the_data_directory_and_database_file_are_created_for_the_owner_only() throws Exception {
    Path file = dataDirectory().resolve(StoreConfig.DATABASE_FILE);
    assertThat(file).isRegularFile();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDirectory())))
        .isEqualTo("rwx------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(store.description()).isEqualTo("SQLite " + file);
    assertThat(store.isEmbedded()).isTrue();
  }

  @Test
  void the_database_runs_in_wal_mode_with_strict_tables() throws Exception {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("wal");
      }
      assertThatThrownBy(
              () ->
                  s.executeUpdate(
                      "INSERT INTO cases (id, reference, facts, version, created_at, updated_at)"
                          + " VALUES ('X', NULL, 'not json', 1, 'a', 'b')"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("CHECK constraint failed");
    }
  }

  @Test
  void a_jdbc_url_names_the_file_directly() throws Exception {
    store.cases().create("A-1", null, facts(), OFFICER);
    store.close();
    Path file = dataDirectory().resolve(StoreConfig.DATABASE_FILE);

    store = Store.open(StoreConfig.url("jdbc:sqlite:" + file).withClock(clock));

    assertThat(store.cases().find("A-1", OFFICER).orElseThrow().facts())
        .containsExactlyEntriesOf(facts());
  }

  /**
   * A store made before events had a subject (migrated to version 2 only), with a user event of
   * that time, is brought up to date and its old and new events verify together.
   */
  @Test
  void a_trail_from_before_subjects_verifies_after_the_migration_with_new_events()
      throws Exception {
    Path file = temp.resolve("old/asylex.db");
    Files.createDirectories(file.getParent());
    String url = "jdbc:sqlite:" + file;
    org.flywaydb.core.Flyway.configure(Store.class.getClassLoader())
        .dataSource(url, null, null)
        .locations(Database.SQLITE.migrations())
        .target("2")
        .load()
        .migrate();
    java.time.Instant at = TestClock.START;
    String first =
        AuditHash.of(AuditHash.GENESIS, 1, at, "root", "user.add", java.util.Optional.empty());
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      s.executeUpdate(
          "INSERT INTO audit_events (seq, at, actor, action, case_id, prev_hash, hash) VALUES (1, '"
              + Times.format(at)
              + "', 'root', 'user.add', NULL, '"
              + AuditHash.GENESIS
              + "', '"
              + first
              + "')");
      s.executeUpdate("UPDATE audit_head SET seq = 1, hash = '" + first + "' WHERE id = 1");
    }

    try (Store old = Store.open(StoreConfig.url(url).withClock(clock))) {
      old.users().add("ada", "admin", "tid-1", "hash-a", "root");
      VerifyResult result = old.audit().verify();
      assertThat(result.intact()).as(result.describe()).isTrue();
      assertThat(result.checked()).isEqualTo(2);
      assertThat(old.audit().events(1, 10))
          .extracting(e -> e.format() + " " + e.subject().orElse("-"))
          .containsExactly("1 -", "2 ada");
    }
  }

  /**
   * A receipt stored before receipts named the time of their facts (a store migrated to version 3)
   * reads back after the migration as a receipt of the facts as they stood, field for field.
   */
  @Test
  void a_receipt_from_before_facts_as_of_reads_back_unchanged_after_the_migration()
      throws Exception {
    Path file = temp.resolve("old3/asylex.db");
    Files.createDirectories(file.getParent());
    String url = "jdbc:sqlite:" + file;
    org.flywaydb.core.Flyway.configure(Store.class.getClassLoader())
        .dataSource(url, null, null)
        .locations(Database.SQLITE.migrations())
        .target("3")
        .load()
        .migrate();
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      s.executeUpdate(
          "INSERT INTO cases VALUES ('A-1', NULL, '{\"countryOfOrigin\":\"RU\"}', 1,"
              + " '2026-03-01T09:00:00.000000Z', '2026-03-01T09:00:00.000000Z')");
      s.executeUpdate(
          "INSERT INTO assessments VALUES ('S-1', 'A-1', 1, '2023-06-20',"
              + " '{\"countryOfOrigin\":\"RU\"}', 'ru', '1', 'sha256:00', '{}', '0.1.0',"
              + " '{\"findings\":[]}', 'officer', '2026-03-01T09:00:01.000000Z')");
    }

    try (Store old = Store.open(StoreConfig.url(url).withClock(clock))) {
      StoredAssessment found = old.assessments().find("S-1", OFFICER).orElseThrow();
      assertThat(found.factsAsOf()).isEmpty();
      assertThat(found.factsSnapshot())
          .containsExactly(java.util.Map.entry("countryOfOrigin", "RU"));
      assertThat(found.asOf()).isEqualTo(java.time.LocalDate.of(2023, 6, 20));
      assertThat(found.at()).isEqualTo(java.time.Instant.parse("2026-03-01T09:00:01Z"));
    }
  }
}
