package org.asylex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.asylex.json.CaseJson;
import org.asylex.store.CaseFilter;
import org.asylex.store.FactChange;
import org.asylex.store.Store;
import org.asylex.store.StoreConfig;
import org.asylex.store.VerifyResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crash test: {@code asylex case import} of 100,000 cases in a separate JVM, killed with
 * SIGKILL at a random moment while cases go in (after a random number of cases, up to 25,000 more
 * than before, plus a random fraction of a batch), {@value #KILLS} times in a row, on SQLite and on
 * PostgreSQL. After every kill each case is either fully present with exactly the facts of its line
 * (and a history of one change per fact, by the importer, and one audit event) or absent, and the
 * audit trail verifies. After the last kill the import is run again to completion: all 100,000
 * present, none rejected.
 *
 * <p>Each round after the first is itself a re-run of the killed import, so it shows that an
 * interrupted import resumes: it finds what is in, stores the rest, and is killed again. Runs with
 * {@code ./mvnw verify} (failsafe); {@code scripts/crash-test.sh} does the same from the shell.
 */
class CaseImportCrashIT {
  static final int CASES = 100_000;
  static final int KILLS = 3;
  private static final Pattern SUMMARY =
      Pattern.compile(
          ": (\\d+) lines: created (\\d+), unchanged (\\d+), exists (\\d+)[^,]*, rejected (\\d+)");

  @TempDir static Path shared;
  private static Path cases;
  private static String[] lines;

  @TempDir Path tmp;

  @BeforeAll
  static void generate() throws IOException {
    cases = shared.resolve("cases.jsonl");
    CaseFiles.write(cases, CASES, 20240608);
    lines = Files.readAllLines(cases, StandardCharsets.UTF_8).toArray(String[]::new);
    assertThat(lines).hasSize(CASES);
  }

  @Test
  void sqliteImportKilledAtRandomMomentsLeavesWholeCasesAndResumes() throws Exception {
    Path data = tmp.resolve("data");
    crashTest(
        "SQLite",
        List.of("--data", data.toString()),
        StoreConfig.dataDirectory(data),
        () ->
            DriverManager.getConnection("jdbc:sqlite:" + data.resolve(StoreConfig.DATABASE_FILE)));
  }

  @Test
  void postgresImportKilledAtRandomMomentsLeavesWholeCasesAndResumes() throws Exception {
    TestPostgres.require();
    String schema = TestPostgres.createSchema();
    try {
      String url = TestPostgres.url(schema);
      crashTest(
          "PostgreSQL",
          List.of("--db", url),
          StoreConfig.url(url),
          () -> TestPostgres.connect(schema));
    } finally {
      TestPostgres.dropSchema(schema);
    }
  }

  interface Jdbc {
    Connection connect() throws SQLException;
  }

  private void crashTest(String name, List<String> storeArgs, StoreConfig config, Jdbc jdbc)
      throws Exception {
    long seed = System.nanoTime();
    long t0 = System.nanoTime();
    var random = new SplittableRandom(seed);
    System.out.println(name + " crash test, seed " + seed);
    long present = 0;
    for (int round = 1; round <= KILLS; round++) {
      Path log = tmp.resolve("import-" + round + ".log");
      Process p = startImport(storeArgs, log);
      try (Store watcher = Store.open(config)) {
        // A random moment while cases go in: once the store holds a random number more cases than
        // before this run (up to 25,000 more), plus a random fraction of a batch's time.
        long target = present + 1 + random.nextLong(25_000);
        long jitter = random.nextLong(250);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        long started = System.nanoTime();
        while (watcher.cases().count(CaseFilter.all()) < target) {
          assertThat(p.isAlive()).as("the import runs (%s)", read(log)).isTrue();
          assertThat(System.nanoTime())
              .as("%d cases go in within 120 s", target)
              .isLessThan(deadline);
          Thread.sleep(100);
        }
        Thread.sleep(jitter);
        assertThat(p.isAlive()).as("the import still runs").isTrue();
        p.destroyForcibly(); // SIGKILL
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isNotZero();
        System.out.println(
            name
                + " round "
                + round
                + ": killed "
                + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)
                + " ms after the start, once "
                + target
                + " cases were in, plus "
                + jitter
                + " ms");
      } finally {
        p.destroyForcibly();
      }
      long now = checkWholeCases(config, jdbc);
      System.out.println(
          name
              + " round "
              + round
              + ": "
              + now
              + " whole cases present, audit trail intact ("
              + TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0)
              + " s)");
      assertThat(now).as("the killed import stored more").isGreaterThan(present);
      assertThat(now).as("the import was killed before it completed").isLessThan(CASES);
      present = now;
    }

    Path log = tmp.resolve("import-final.log");
    Process p = startImport(storeArgs, log);
    try {
      assertThat(p.waitFor(10, TimeUnit.MINUTES)).as("the re-run completes").isTrue();
    } finally {
      p.destroyForcibly();
    }
    String output = read(log);
    assertThat(p.exitValue()).as(output).isZero();
    Matcher m = SUMMARY.matcher(output);
    assertThat(m.find()).as(output).isTrue();
    long created = Long.parseLong(m.group(2));
    long unchanged = Long.parseLong(m.group(3));
    assertThat(Long.parseLong(m.group(1))).isEqualTo(CASES);
    assertThat(created + unchanged).as(output).isEqualTo(CASES);
    assertThat(unchanged).isEqualTo(present);
    assertThat(Long.parseLong(m.group(4))).as("exists").isZero();
    assertThat(Long.parseLong(m.group(5))).as("rejected").isZero();
    assertThat(checkWholeCases(config, jdbc)).isEqualTo(CASES);

    CliRun verify = CliRun.of(CaseCommandContract.with(storeArgs, "crash-test", "audit", "verify"));
    assertThat(verify.exitCode()).as(verify.out() + verify.err()).isZero();
    assertThat(verify.out()).startsWith("intact: ");
    System.out.println(
        name
            + " final run: "
            + output.strip()
            + "; "
            + verify.out().strip()
            + " ("
            + TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0)
            + " s)");
  }

  /** Starts {@code asylex case import} in a JVM of its own, its output to {@code log}. */
  private Process startImport(List<String> storeArgs, Path log) throws IOException {
    Path javaTmp = Files.createDirectories(tmp.resolve("java-tmp"));
    var command = new ArrayList<String>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Djava.io.tmpdir=" + javaTmp);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Main.class.getName());
    command.addAll(List.of("case", "import", cases.toString()));
    command.addAll(storeArgs);
    command.addAll(List.of("--actor", "crash-test", "--policies", CliRun.POLICIES));
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
  }

  /**
   * Checks that every stored case is exactly one line of the file (id, reference and facts, version
   * 1), that its history is its creation (kept in the case's row since ADR 0026: by the importer,
   * with the facts of the row, no history rows), that the history of a sample of them reads back as
   * one change per fact of the line, that the audit trail has one import event per case, and that
   * it verifies. Returns the number of cases present.
   */
  private static long checkWholeCases(StoreConfig config, Jdbc jdbc) throws SQLException {
    var count = new AtomicLong();
    var sample = new ArrayList<String>();
    try (Store store = Store.open(config)) {
      store
          .cases()
          .exportAll(
              "crash-test",
              c -> {
                assertThat(c.id()).matches("C-\\d{6}");
                int i = Integer.parseInt(c.id().substring(2));
                assertThat(i).isBetween(1, CASES);
                Map<String, Object> line = parse(lines[i - 1]);
                assertThat(c.facts()).as(c.id()).isEqualTo(line.get("facts"));
                assertThat(c.reference())
                    .as(c.id())
                    .isEqualTo(Optional.ofNullable(line.get("reference")));
                assertThat(c.version()).isEqualTo(1);
                if (count.incrementAndGet() % 997 == 1) {
                  sample.add(c.id());
                }
              });
      for (String id : sample) {
        Map<String, Object> line = parse(lines[Integer.parseInt(id.substring(2)) - 1]);
        @SuppressWarnings("unchecked")
        Map<String, Object> facts = (Map<String, Object>) line.get("facts");
        var history = store.cases().history(id, "crash-test");
        assertThat(history).as(id).hasSize(facts.size());
        assertThat(history)
            .as(id)
            .allSatisfy(
                change -> {
                  assertThat(change.version()).isEqualTo(1);
                  assertThat(change.actor()).isEqualTo("crash-test");
                  assertThat(change.oldValue()).isEmpty();
                  assertThat(change.newValue()).contains(facts.get(change.fact()));
                });
        assertThat(history.stream().map(FactChange::fact))
            .containsExactlyElementsOf(facts.keySet());
      }
      assertThat(store.cases().count(CaseFilter.all())).isEqualTo(count.get());
      VerifyResult verify = store.audit().verify();
      assertThat(verify.intact()).as(verify.describe()).isTrue();
    }
    try (Connection c = jdbc.connect();
        Statement s = c.createStatement()) {
      assertThat(one(s, "SELECT count(*) FROM fact_changes")).isZero();
      assertThat(
              one(
                  s,
                  "SELECT count(*) FROM cases WHERE created_by = 'crash-test'"
                      + " AND initial_facts IS NULL"))
          .isEqualTo(count.get());
      assertThat(one(s, "SELECT count(*) FROM audit_events WHERE action = 'case.import'"))
          .isEqualTo(count.get());
    }
    return count.get();
  }

  private static long one(Statement s, String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      assertThat(rs.next()).isTrue();
      return rs.getLong(1);
    }
  }

  private static Map<String, Object> parse(String line) {
    try {
      return CaseJson.read(line, "line");
    } catch (org.asylex.json.JsonInputException e) {
      throw new AssertionError(e);
    }
  }

  private static String read(Path log) {
    try {
      return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      return Objects.toString(e);
    }
  }
}
