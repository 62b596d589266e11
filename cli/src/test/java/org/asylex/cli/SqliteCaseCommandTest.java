package org.asylex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.asylex.store.StoreConfig;
import org.junit.jupiter.api.Test;

/** The case commands on the embedded store (SQLite in a temporary data directory). */
class SqliteCaseCommandTest extends CaseCommandContract {

  @Override
  List<String> storeArgs() {
    return List.of("--data", tmp.resolve("data").toString());
  }

  @Override
  List<String> freshStoreArgs() {
    return List.of("--data", tmp.resolve("fresh").toString());
  }

  @Override
  Connection connect() throws SQLException {
    return DriverManager.getConnection(
        "jdbc:sqlite:" + tmp.resolve("data").resolve(StoreConfig.DATABASE_FILE));
  }

  @Test
  void theDataDirectoryIsCreatedForItsOwnerOnly() throws Exception {
    ok("case", "list");
    var dir = tmp.resolve("data");
    assertThat(Files.isRegularFile(dir.resolve("asylex.db"))).isTrue();
    if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      assertThat(
              java.nio.file.attribute.PosixFilePermissions.toString(
                  Files.getPosixFilePermissions(dir)))
          .isEqualTo("rwx------");
      assertThat(
              java.nio.file.attribute.PosixFilePermissions.toString(
                  Files.getPosixFilePermissions(dir.resolve("asylex.db"))))
          .isEqualTo("rw-------");
    }
  }

  @Test
  void theDefaultStoreIsUnderHomeElseInTheWorkingDirectory() {
    var options = new StoreOptions();
    assertThat(options.config(Map.of("HOME", "/home/officer")).dataDirectory())
        .contains(java.nio.file.Path.of("/home/officer/.asylex/data"));
    assertThat(options.config(Map.of()).dataDirectory())
        .contains(java.nio.file.Path.of(".asylex-data").toAbsolutePath().normalize());
    assertThat(options.config(Map.of("HOME", "/h", "ASYLEX_DATA", "/srv/asylex")).dataDirectory())
        .contains(java.nio.file.Path.of("/srv/asylex"));
    StoreConfig db =
        options.config(
            Map.of("ASYLEX_DB", "jdbc:postgresql://db/asylex", "ASYLEX_DB_USER", "asylex"));
    assertThat(db.url()).contains("jdbc:postgresql://db/asylex");
    assertThat(db.user()).contains("asylex");
    assertThat(
            org.assertj.core.api.Assertions.catchThrowable(
                () ->
                    options.config(
                        Map.of("ASYLEX_DB", "jdbc:postgresql://db/a", "ASYLEX_DATA", "/d"))))
        .isInstanceOf(UsageError.class)
        .hasMessageContaining("both ASYLEX_DATA and ASYLEX_DB are set");
    options.data = java.nio.file.Path.of("/x");
    assertThat(options.config(Map.of("ASYLEX_DB", "jdbc:postgresql://db/a")).dataDirectory())
        .contains(java.nio.file.Path.of("/x"));
  }

  @Test
  void aReceiptKeptInFullFormIsNotedOnStandardErrorOnly() throws Exception {
    importThree();
    CliRun clean = ok("case", "list");
    assertThat(clean.err()).isEmpty();
    String unknownPack = "sha256:" + "d".repeat(64);
    // As a store before migration V6 kept a receipt, under a pack this deployment does not have.
    try (Connection c = connect();
        var s =
            c.prepareStatement(
                "INSERT INTO assessments (id, case_id, case_version, as_of, facts_snapshot,"
                    + " pack_id, pack_version, content_hash, assumptions, engine_version, findings,"
                    + " actor, assessed_at) VALUES ('r-1', 'A-1', 1, '2023-01-15', '{}', 'RU',"
                    + " '2020-01-01', ?, '{}', '0.0.1', '{}', 'officer',"
                    + " '2023-01-15T10:00:00.000000Z')")) {
      s.setString(1, unknownPack);
      assertThat(s.executeUpdate()).isEqualTo(1);
    }
    CliRun noted = ok("case", "list");
    assertThat(noted.out()).isEqualTo(clean.out());
    assertThat(noted.err())
        .isEqualTo(
            "asylex: note: 1 receipt is kept in full form (made before compact receipts, not"
                + " converted); packs not available: "
                + unknownPack
                + " (start with them among the policies to convert those receipts)\n");
    CliRun export = ok("case", "export");
    assertThat(export.err()).contains(unknownPack).doesNotContain("A-1");
  }

  @Test
  void theActorIsTheOptionElseTheEnvironmentElseTheUserName() {
    var options = new StoreOptions();
    assertThat(options.actor(Map.of("ASYLEX_ACTOR", "clerk"))).isEqualTo("clerk");
    assertThat(options.actor(Map.of())).isEqualTo(System.getProperty("user.name"));
    options.actor = "officer";
    assertThat(options.actor(Map.of("ASYLEX_ACTOR", "clerk"))).isEqualTo("officer");
  }

  @Test
  void anUnsupportedUrlIsAUsageErrorAndAnUnreachableServerExit3() {
    CliRun bad = CliRun.of("case", "list", "--db", "jdbc:mysql://h/db");
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).startsWith("asylex: unsupported database URL 'jdbc:mysql://h/db'");
    CliRun down =
        CliRun.of(
            "case",
            "list",
            "--db",
            "jdbc:postgresql://127.0.0.1:1/none?connectTimeout=1&user=u&password=s3cret");
    assertThat(down.exitCode()).as(down.err()).isEqualTo(3);
    assertThat(down.err())
        .startsWith("asylex: cannot connect to PostgreSQL jdbc:postgresql://127.0.0.1:1/none")
        .doesNotContain("s3cret");
    noStackTrace(down);
  }

  @Test
  void aBlankActorIsRefused() {
    CliRun run =
        CliRun.of("case", "list", "--data", tmp.resolve("data").toString(), "--actor", " ");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("asylex: the actor must not be empty\n");
  }
}
