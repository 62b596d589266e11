package org.asylex.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Migration V7 (docs/adr/0026-fast-import.md) on a store whose history is in the old form (every
 * case's creation as one {@code fact_changes} row per fact, as stores before V7 keep it): after the
 * migration the history reads back change for change as those rows said, the facts as of any
 * instant are what the rows replay to, no version-1 row is left, and the cases change on as before.
 * A version-1 row that the case row could not give back stops the migration, and nothing is lost.
 */
class CreationMigrationTest {
  @TempDir Path temp;

  private static final String T0 = "2026-03-01T09:00:00.000000Z";
  private static final String T1 = "2026-03-01T10:00:00.000000Z";
  private static final String T2 = "2026-03-02T11:30:00.000001Z";
  private static final String T3 = "2026-03-03T08:00:00.250000Z";
  private static final String T4 = "2026-03-04T12:00:00.000000Z";

  /** A history row as stores before V7 wrote it. */
  private record Row(
      String caseId,
      long version,
      int position,
      String fact,
      String oldValue,
      String newValue,
      String actor,
      String at,
      String note) {}

  /** A case row as stores before V7 wrote it. */
  private record Case(
      String id, String reference, String facts, long version, String created, String updated) {}

  private static final List<Case> CASES =
      List.of(
          new Case(
              "A-1",
              null,
              "{\"countryOfOrigin\":\"RU\",\"refusesMilitaryService\":true,"
                  + "\"dateOfBirth\":\"1990-05\"}",
              1,
              T0,
              T0),
          new Case(
              "A-2",
              "REF 2",
              "{\"countryOfOrigin\":\"RU\",\"gender\":\"female\",\"n\":42,"
                  + "\"obj\":{\"x\":1,\"y\":[true,\"z\"]},\"militaryStatus\":\"none\"}",
              3,
              T1,
              T3),
          new Case("A-3", null, "{\"countryOfOrigin\":\"RU\"}", 2, T1, T2),
          new Case("A-4", "REF 4", "{\"countryOfOrigin\":\"RU\"}", 1, T4, T4));

  private static final List<Row> ROWS =
      List.of(
          new Row("A-1", 1, 0, "countryOfOrigin", null, "\"RU\"", "officer.a", T0, null),
          new Row("A-1", 1, 1, "refusesMilitaryService", null, "true", "officer.a", T0, null),
          new Row("A-1", 1, 2, "dateOfBirth", null, "\"1990-05\"", "officer.a", T0, null),
          new Row("A-2", 1, 0, "countryOfOrigin", null, "\"RU\"", "importer", T1, null),
          new Row("A-2", 1, 1, "gender", null, "\"male\"", "importer", T1, null),
          new Row("A-2", 1, 2, "tags", null, "[\"a\",\"b \\\"q\\\"\"]", "importer", T1, null),
          new Row("A-2", 1, 3, "n", null, "42", "importer", T1, null),
          new Row("A-2", 1, 4, "obj", null, "{\"x\":1,\"y\":[true,\"z\"]}", "importer", T1, null),
          new Row("A-2", 2, 0, "gender", "\"male\"", "\"female\"", "officer.b", T2, "interview"),
          new Row("A-2", 2, 1, "militaryStatus", null, "\"none\"", "officer.b", T2, "interview"),
          new Row("A-2", 3, 0, "tags", "[\"a\",\"b \\\"q\\\"\"]", null, "officer.c", T3, null),
          // A-3 was created without facts: no version-1 row
          new Row("A-3", 2, 0, "countryOfOrigin", null, "\"RU\"", "officer.b", T2, null),
          new Row("A-4", 1, 0, "countryOfOrigin", null, "\"RU\"", "importer", T4, null));

  @Test
  void sqliteHistoryReadsBackRowForRowAfterTheMigration() throws Exception {
    onSqlite("old", this::historyReadsBackRowForRow);
  }

  @Test
  void sqliteAnIrregularCreationRowStopsTheMigrationAndNothingIsLost() throws Exception {
    onSqlite("odd", this::irregularRowStopsTheMigration);
  }

  @Test
  void postgresHistoryReadsBackRowForRowAfterTheMigration() throws Exception {
    onPostgres(this::historyReadsBackRowForRow);
  }

  @Test
  void postgresAnIrregularCreationRowStopsTheMigrationAndNothingIsLost() throws Exception {
    onPostgres(this::irregularRowStopsTheMigration);
  }

  interface Jdbc {
    Connection connect() throws SQLException;
  }

  interface Check {
    void run(String url, String user, Database database, StoreConfig config, Jdbc jdbc)
        throws Exception;
  }

  private void onSqlite(String dir, Check check) throws Exception {
    Path file = temp.resolve(dir + "/asylex.db");
    Files.createDirectories(file.getParent());
    String url = "jdbc:sqlite:" + file;
    check.run(
        url, null, Database.SQLITE, StoreConfig.url(url), () -> DriverManager.getConnection(url));
  }

  private void onPostgres(Check check) throws Exception {
    String url = PostgresStoreTest.URL;
    String user = PostgresStoreTest.USER;
    String schema = "asylex_v7_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    try (Connection c = DriverManager.getConnection(url, user, null);
        Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      Assumptions.assumeTrue(
          PostgresStoreTest.required(), "PostgreSQL is not reachable: skipped (" + e + ")");
      throw e;
    }
    String at = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    try {
      check.run(
          at,
          user,
          Database.POSTGRESQL,
          StoreConfig.url(at).withCredentials(user, null),
          () -> DriverManager.getConnection(at, user, null));
    } finally {
      try (Connection c = DriverManager.getConnection(url, user, null);
          Statement s = c.createStatement()) {
        s.execute("DROP SCHEMA " + schema + " CASCADE");
      }
    }
  }

  /** A store at version 6 holding {@link #CASES} and {@code rows}. */
  private static void oldStore(
      String url, String user, Database database, Jdbc jdbc, List<Row> rows) throws SQLException {
    org.flywaydb.core.Flyway.configure(Store.class.getClassLoader())
        .dataSource(url, user, null)
        .locations(database.migrations())
        .target("6")
        .load()
        .migrate();
    try (Connection c = jdbc.connect();
        Statement s = c.createStatement()) {
      for (Case k : CASES) {
        s.executeUpdate(
            "INSERT INTO cases (id, reference, facts, version, created_at, updated_at) VALUES ("
                + String.join(
                    ", ",
                    text(k.id),
                    text(k.reference),
                    text(k.facts),
                    Long.toString(k.version),
                    text(k.created),
                    text(k.updated))
                + ")");
      }
      for (Row r : rows) {
        s.executeUpdate(
            "INSERT INTO fact_changes (case_id, version, position, fact, old_value, new_value,"
                + " actor, changed_at, note) VALUES ("
                + String.join(
                    ", ",
                    text(r.caseId),
                    Long.toString(r.version),
                    Integer.toString(r.position),
                    text(r.fact),
                    text(r.oldValue),
                    text(r.newValue),
                    text(r.actor),
                    text(r.at),
                    text(r.note))
                + ")");
      }
    }
  }

  private void historyReadsBackRowForRow(
      String url, String user, Database database, StoreConfig config, Jdbc jdbc) throws Exception {
    oldStore(url, user, database, jdbc, ROWS);

    try (Store store = Store.open(config)) {
      for (Case k : CASES) {
        assertThat(store.cases().history(k.id, "check"))
            .as(k.id)
            .containsExactlyElementsOf(expectedHistory(k.id));
      }
      for (String at :
          List.of(T0, T1, "2026-03-02T11:30:00Z", T2, T3, "2026-03-03T23:00:00Z", T4)) {
        var exported = new TreeMap<String, Map<String, Object>>();
        var versions = new TreeMap<String, Long>();
        store.exportAsOf(
            Instant.parse(at),
            "check",
            c -> {
              exported.put(c.id(), c.facts());
              versions.put(c.id(), c.version());
            });
        assertThat(exported).as("facts as of " + at).isEqualTo(replayed(Instant.parse(at)));
        assertThat(versions)
            .as("versions as of " + at)
            .isEqualTo(replayedVersions(Instant.parse(at)));
      }
      try (Connection c = jdbc.connect();
          Statement s = c.createStatement()) {
        assertThat(count(s, "SELECT count(*) FROM fact_changes WHERE version = 1")).isZero();
        assertThat(count(s, "SELECT count(*) FROM fact_changes"))
            .isEqualTo(ROWS.stream().filter(r -> r.version > 1).count());
      }

      // The migrated cases change on: the creation stays as it was, the change follows it.
      store.cases().update("A-1", 1, Map.of("refusesMilitaryService", false), "officer.d", "call");
      List<FactChange> a1 = store.cases().history("A-1", "check");
      assertThat(a1.subList(0, 3)).containsExactlyElementsOf(expectedHistory("A-1"));
      assertThat(a1.get(3).version()).isEqualTo(2);
      assertThat(a1.get(3).oldValue()).contains(true);
      assertThat(a1.get(3).newValue()).contains(false);
      assertThat(a1.get(3).note()).contains("call");
      var asOfT0 = new ArrayList<CaseRecord>();
      store.exportAsOf(Instant.parse(T0), "check", asOfT0::add);
      assertThat(asOfT0)
          .singleElement()
          .satisfies(c -> assertThat(c.facts()).isEqualTo(facts(Instant.parse(T0), "A-1")));
    }
  }

  private void irregularRowStopsTheMigration(
      String url, String user, Database database, StoreConfig config, Jdbc jdbc) throws Exception {
    var rows = new ArrayList<>(ROWS);
    // a version-1 row with a note: not a plain creation, which the case row cannot give back
    rows.add(new Row("A-4", 1, 1, "gender", null, "\"x\"", "importer", T4, "odd"));
    oldStore(url, user, database, jdbc, rows);

    assertThatThrownBy(() -> Store.open(config).close()).isInstanceOf(StoreException.class);

    try (Connection c = jdbc.connect();
        Statement s = c.createStatement()) {
      assertThat(count(s, "SELECT count(*) FROM fact_changes")).isEqualTo(rows.size());
      assertThat(count(s, "SELECT count(*) FROM fact_changes WHERE version = 1"))
          .isEqualTo(rows.stream().filter(r -> r.version == 1).count());
    }
  }

  /** The history the rows say: each row a change, in version and position order. */
  private static List<FactChange> expectedHistory(String id) {
    return ROWS.stream()
        .filter(r -> r.caseId.equals(id))
        .sorted(Comparator.comparingLong(Row::version).thenComparingInt(Row::position))
        .map(
            r ->
                new FactChange(
                    r.caseId,
                    r.fact,
                    JsonColumns.readValue(r.oldValue, "old"),
                    JsonColumns.readValue(r.newValue, "new"),
                    r.actor,
                    Instant.parse(r.at),
                    Optional.ofNullable(r.note),
                    r.version))
        .toList();
  }

  /** Every case created by {@code at}, its facts replayed from the rows up to then. */
  private static Map<String, Map<String, Object>> replayed(Instant at) {
    var out = new TreeMap<String, Map<String, Object>>();
    for (Case k : CASES) {
      if (!Instant.parse(k.created).isAfter(at)) {
        out.put(k.id, facts(at, k.id));
      }
    }
    return out;
  }

  private static Map<String, Object> facts(Instant at, String id) {
    var facts = new LinkedHashMap<String, Object>();
    for (FactChange c : expectedHistory(id)) {
      if (!c.at().isAfter(at)) {
        c.newValue().ifPresentOrElse(v -> facts.put(c.fact(), v), () -> facts.remove(c.fact()));
      }
    }
    return facts;
  }

  private static Map<String, Long> replayedVersions(Instant at) {
    var out = new TreeMap<String, Long>();
    for (Case k : CASES) {
      if (!Instant.parse(k.created).isAfter(at)) {
        long version = 1;
        for (FactChange c : expectedHistory(k.id)) {
          if (!c.at().isAfter(at)) {
            version = c.version();
          }
        }
        out.put(k.id, version);
      }
    }
    return out;
  }

  private static long count(Statement s, String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      assertThat(rs.next()).isTrue();
      return rs.getLong(1);
    }
  }

  private static String text(String value) {
    return value == null ? "NULL" : "'" + value.replace("'", "''") + "'";
  }
}
