package org.asylex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code asylex case} and {@code asylex audit} commands, run in-process, against one store
 * kind; {@link SqliteCaseCommandTest} and {@link PostgresCaseCommandTest} run them.
 */
abstract class CaseCommandContract {
  static final ObjectMapper MAPPER = new ObjectMapper();
  static final String OFFICER = "officer.a";

  /** The conscript example as one compact line of facts. */
  static final String CONSCRIPT_FACTS =
      "{\"countryOfOrigin\":\"RU\",\"dateOfBirth\":\"2001-03-14\",\"gender\":\"male\","
          + "\"regionOfOrigin\":\"RU-MOW\",\"militaryStatus\":\"conscript\","
          + "\"refusesMilitaryService\":true,\"desertion\":false,\"fearsMobilisation\":false,"
          + "\"politicalActivist\":false,\"humanRightsActivist\":false,"
          + "\"activeInJournalism\":false,\"lawyerInPoliticallySensitiveCases\":false,"
          + "\"ngoWorkerSeenAsCritical\":false,\"lgbti\":false}";

  static final Pattern STORED = Pattern.compile("Stored as assessment ([0-9a-f-]{36})");

  @TempDir Path tmp;

  /** The options that select the store under test: --data DIR or --db URL. */
  abstract List<String> storeArgs();

  /** The options of another, empty store of the same kind. */
  abstract List<String> freshStoreArgs();

  /** A JDBC connection to the store under test, to tamper with it. */
  abstract Connection connect() throws SQLException;

  // ---- running ----------------------------------------------------------------------------------

  CliRun cli(String... args) {
    return cliAs(OFFICER, args);
  }

  CliRun cliAs(String actor, String... args) {
    return CliRun.of(with(storeArgs(), actor, args));
  }

  static String[] with(List<String> store, String actor, String... args) {
    var all = new ArrayList<>(List.of(args));
    all.addAll(store);
    all.add("--actor");
    all.add(actor);
    return all.toArray(String[]::new);
  }

  /** A run that must succeed: exit 0, no stack trace. */
  CliRun ok(String... args) {
    CliRun run = cli(args);
    assertThat(run.exitCode()).as(run.err() + run.out()).isZero();
    noStackTrace(run);
    return run;
  }

  /** A run that must be refused with exit 2 and one-line messages, no stack trace. */
  CliRun refused(String... args) {
    CliRun run = cli(args);
    assertThat(run.exitCode()).as(run.err() + run.out()).isEqualTo(2);
    noStackTrace(run);
    return run;
  }

  static void noStackTrace(CliRun run) {
    assertThat(run.err() + run.out())
        .doesNotContain("\tat ")
        .doesNotContain("Exception")
        .doesNotContain("internal error");
  }

  Path file(String name, String... lines) throws IOException {
    Path file = tmp.resolve(name);
    Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    return file;
  }

  static String line(String id, String facts) {
    return "{\"id\":\"" + id + "\",\"facts\":" + facts + "}";
  }

  /** Imports the conscript as A-1 and two more cases. */
  Path importThree() throws IOException {
    Path cases =
        file(
            "three.jsonl",
            line("A-1", CONSCRIPT_FACTS),
            "{\"id\":\"A-2\",\"reference\":\"2024/0002\",\"facts\":{\"countryOfOrigin\":\"RU\","
                + "\"gender\":\"female\",\"lgbti\":true}}",
            line("A-3", "{\"countryOfOrigin\":\"RU\",\"gender\":\"female\"}"));
    ok("case", "import", cases.toString(), "--policies", CliRun.POLICIES);
    return cases;
  }

  static String assessmentId(CliRun run) {
    Matcher m = STORED.matcher(run.out());
    assertThat(m.find()).as(run.out()).isTrue();
    return m.group(1);
  }

  // ---- import -----------------------------------------------------------------------------------

  @Test
  void importReportsEachBadLineWithItsNumberAndFieldStoresNothingOfItAndTheRest()
      throws IOException {
    Path cases =
        file(
            "cases.jsonl",
            line("A-1", "{\"countryOfOrigin\":\"RU\",\"gender\":\"female\"}"),
            line("A-2", "{\"countryOfOrigin\":\"RU\",\"gendr\":\"female\"}"),
            "{\"id\":\"A-3\",\"facts\":{\"countryOfOrigin\":\"RU\",}}",
            "",
            line("A-5", "{\"countryOfOrigin\":\"RU\",\"lgbti\":\"secretvalue\"}"),
            line("A-6", "{\"countryOfOrigin\":\"RU\",\"dateOfBirth\":\"2999-01-01\"}"),
            "{\"facts\":{\"countryOfOrigin\":\"RU\"}}",
            "{\"id\":\"A-8\",\"facts\":{\"countryOfOrigin\":\"XX\"},\"extra\":1}",
            "[1,2]",
            line("A-10", "{\"countryOfOrigin\":\"RU\",\"lgbti\":true}"),
            line("A-11", "{\"countryOfOrigin\":\"RU\",\"lgbti\":bareword}"));

    CliRun run = refused("case", "import", cases.toString(), "--policies", CliRun.POLICIES);

    String f = cases.toString();
    assertThat(run.err())
        .contains(f + ":2: /facts/gendr: unknown fact 'gendr'; did you mean 'gender'?\n")
        .containsPattern(Pattern.quote(f + ":3:") + "\\d+: malformed JSON")
        .contains(f + ":5: /facts/lgbti: lgbti must be true or false")
        .contains(f + ":6: /facts/dateOfBirth: dateOfBirth lies in the future")
        .contains(f + ":7: /id: the case id is missing\n")
        .contains(f + ":8: /extra: unknown key 'extra'")
        .contains(
            f + ":8: /facts/countryOfOrigin: there is no policy pack for this country (packs: RU)")
        .contains(f + ":9:1: the case must be a JSON object of facts {…}, not an array")
        .containsPattern(Pattern.quote(f + ":11:") + "\\d+: malformed JSON: Unrecognized token")
        .doesNotContain(f + ":4")
        .doesNotContain("bareword")
        .doesNotContain("secretvalue")
        .doesNotContain("2999");
    assertThat(run.out())
        .isEqualTo(f + ": 11 lines: created 2, unchanged 0, exists 0, rejected 8\n");

    CliRun list = ok("case", "list");
    assertThat(list.out()).contains("A-1 ").contains("A-10 ").doesNotContain("A-2 ");
    assertThat(list.out()).endsWith("2 of 2 cases\n");
  }

  @Test
  void importIsIdempotentByIdAndNeverOverwritesOtherFacts() throws IOException {
    Path cases = importThree();
    CliRun again = ok("case", "import", cases.toString(), "--policies", CliRun.POLICIES);
    assertThat(again.out()).endsWith(": 3 lines: created 0, unchanged 3, exists 0, rejected 0\n");

    Path changed =
        file(
            "changed.jsonl",
            line("A-3", "{\"countryOfOrigin\":\"RU\",\"gender\":\"male\"}"),
            line("A-4", "{\"countryOfOrigin\":\"RU\"}"));
    CliRun run = ok("case", "import", changed.toString(), "--policies", CliRun.POLICIES);
    assertThat(run.out())
        .endsWith(
            ": 2 lines: created 1, unchanged 0, exists 1 (stored with other facts; not"
                + " overwritten), rejected 0\n");
    assertThat(run.err())
        .contains(changed + ":1: case 'A-3' is already stored with other facts")
        .doesNotContain("male");
    assertThat(ok("case", "show", "A-3").out()).contains("gender          = \"female\"");
  }

  @Test
  void importReadsStandardInput() {
    CliRun run =
        CliRun.withStdin(
            line("S-1", "{\"countryOfOrigin\":\"RU\"}") + "\n",
            with(storeArgs(), OFFICER, "case", "import", "-", "--policies", CliRun.POLICIES));
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .isEqualTo("<stdin>: 1 line: created 1, unchanged 0, exists 0, rejected 0\n");
  }

  @Test
  void importOfAMissingFileIsAOneLineError() {
    CliRun run = refused("case", "import", tmp.resolve("none.jsonl").toString());
    assertThat(run.err())
        .isEqualTo("asylex: cannot read " + tmp.resolve("none.jsonl") + ": no such file\n");
  }

  // ---- list, show -------------------------------------------------------------------------------

  @Test
  void listShowsIdsReferencesVersionsAndNeverFacts() throws IOException {
    importThree();
    CliRun run = ok("case", "list");
    assertThat(run.out())
        .startsWith("ID   REFERENCE  VERSION  UPDATED\n")
        .containsPattern("A-2  2024/0002        1  \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\n")
        .contains("A-1  -                1  ")
        .endsWith("3 of 3 cases\n")
        .doesNotContain("female")
        .doesNotContain("conscript")
        .doesNotContain("RU");
  }

  @Test
  void listFiltersOnFactValuesAndPages() throws IOException {
    importThree();
    assertThat(ok("case", "list", "--filter", "gender=female", "--policies", CliRun.POLICIES).out())
        .contains("A-2 ")
        .contains("A-3 ")
        .doesNotContain("A-1 ")
        .endsWith("2 of 2 cases\n");
    assertThat(
            ok(
                    "case",
                    "list",
                    "--filter",
                    "gender=female",
                    "--filter",
                    "lgbti=true",
                    "--policies",
                    CliRun.POLICIES)
                .out())
        .contains("A-2 ")
        .endsWith("1 of 1 case\n");
    assertThat(ok("case", "list", "--filter", "lgbti=", "--policies", CliRun.POLICIES).out())
        .contains("A-3 ")
        .endsWith("1 of 1 case\n");
    // A value is typed by its fact: the text "true" is not a boolean.
    assertThat(
            refused("case", "list", "--filter", "lgbti=\"true\"", "--policies", CliRun.POLICIES)
                .err())
        .startsWith("asylex: lgbti: lgbti must be true or false");
    assertThat(ok("case", "list", "--limit", "2").out())
        .contains("A-1 ")
        .contains("A-2 ")
        .doesNotContain("A-3 ")
        .endsWith("2 of 3 cases; --offset 2 for more\n");
    assertThat(ok("case", "list", "--offset", "2", "--limit", "2").out())
        .contains("A-3 ")
        .endsWith("1 of 3 cases from offset 2\n");
    assertThat(
            refused("case", "list", "--filter", "no-such=1", "--policies", CliRun.POLICIES).err())
        .isEqualTo("asylex: no-such: no policy pack has this fact\n");
    assertThat(refused("case", "list", "--filter", "gender").err())
        .startsWith("asylex: --filter takes FACT=VALUE");
  }

  @Test
  void showPrintsTheFactsVersionAndTimes() throws IOException {
    importThree();
    CliRun run = ok("case", "show", "A-2");
    assertThat(run.out())
        .startsWith("Case A-2\n  reference: 2024/0002\n  version:   1\n  created:   ")
        .contains(
            "Facts (3):\n"
                + "  countryOfOrigin = \"RU\"\n"
                + "  gender          = \"female\"\n"
                + "  lgbti           = true\n");
  }

  @Test
  void aMissingCaseIsExit2NamingIt() {
    for (String command : List.of("show", "history", "assessments", "assess")) {
      CliRun run =
          command.equals("assess")
              ? refused("case", command, "NOPE-1", "--policies", CliRun.POLICIES)
              : refused("case", command, "NOPE-1");
      assertThat(run.err()).as(command).isEqualTo("asylex: there is no case 'NOPE-1'\n");
    }
    assertThat(refused("case", "set", "NOPE-1", "gender=x", "--policies", CliRun.POLICIES).err())
        .isEqualTo("asylex: there is no case 'NOPE-1'\n");
    assertThat(refused("case", "reproduce", "no-such-assessment").err())
        .isEqualTo("asylex: there is no stored assessment 'no-such-assessment'\n");
  }

  // ---- set, history -----------------------------------------------------------------------------

  @Test
  void setChangesFactsAndTheHistoryShowsOldNewWhoWhenAndWhy() throws IOException {
    importThree();
    CliRun set =
        cliAs(
            "officer.b",
            "case",
            "set",
            "A-3",
            "lgbti=true",
            "gender=",
            "regionOfOrigin=RU-CE",
            "--note",
            "interview 2",
            "--policies",
            CliRun.POLICIES);
    assertThat(set.exitCode()).as(set.err()).isZero();
    assertThat(set.out()).isEqualTo("case A-3: version 1 → 2\n");

    assertThat(ok("case", "show", "A-3").out())
        .contains("  version:   2\n")
        .contains("Facts (3):\n  countryOfOrigin = \"RU\"\n  lgbti           = true\n")
        .contains("  regionOfOrigin  = \"RU-CE\"\n")
        .doesNotContain("gender");

    CliRun history = ok("case", "history", "A-3");
    assertThat(history.out())
        .containsPattern("version 1, \\S+Z, by officer\\.a\n")
        .contains("  countryOfOrigin: (not set) → \"RU\"\n  gender: (not set) → \"female\"\n")
        .containsPattern("version 2, \\S+Z, by officer\\.b: interview 2\n")
        .contains(
            "  lgbti: (not set) → true\n"
                + "  gender: \"female\" → (not set)\n"
                + "  regionOfOrigin: (not set) → \"RU-CE\"\n");

    // With the packs, a coded value has the pack's label beside it; the code stays.
    assertThat(ok("case", "show", "A-3", "--policies", CliRun.POLICIES).out())
        .contains("  regionOfOrigin  = \"RU-CE\" (Chechnya)\n")
        .contains("  countryOfOrigin = \"RU\"\n");
    assertThat(ok("case", "history", "A-3", "--policies", CliRun.POLICIES).out())
        .contains("  regionOfOrigin: (not set) → \"RU-CE\" (Chechnya)\n")
        .contains("  gender: \"female\" → (not set)\n");

    CliRun same = ok("case", "set", "A-3", "lgbti=true", "--policies", CliRun.POLICIES);
    assertThat(same.out()).isEqualTo("case A-3: nothing changed; still at version 2\n");
  }

  @Test
  void setChecksTheFactsAgainstThePackAndStoresNothingWhenOneIsWrong() throws IOException {
    importThree();
    CliRun run =
        refused(
            "case",
            "set",
            "A-3",
            "lgbti=yes-secret",
            "gender=woman",
            "dateOfBirth=2999-01-01",
            "--policies",
            CliRun.POLICIES);
    assertThat(run.err())
        .contains("case A-3: /lgbti: lgbti must be true or false")
        .contains("case A-3: /gender: not a value of gender (female, male, x)")
        .contains("case A-3: /dateOfBirth: dateOfBirth lies in the future")
        .endsWith("asylex: 3 errors; nothing was changed\n")
        .doesNotContain("yes-secret")
        .doesNotContain("woman")
        .doesNotContain("2999");
    assertThat(ok("case", "show", "A-3").out()).contains("  version:   1\n");
    assertThat(refused("case", "set", "A-3", "noFact=1", "--policies", CliRun.POLICIES).err())
        .contains("/noFact: unknown fact 'noFact'");
    assertThat(refused("case", "set", "A-3", "=1", "--policies", CliRun.POLICIES).err())
        .startsWith("asylex: case set takes FACT=VALUE");
  }

  @Test
  void setValuesAreJsonWhenTheyReadAsJsonElseText() {
    assertThat(FactValues.value("true")).isEqualTo(true);
    assertThat(FactValues.value("false")).isEqualTo(false);
    assertThat(FactValues.value("12")).isEqualTo(12L);
    assertThat(FactValues.value("1.5")).isEqualTo(new java.math.BigDecimal("1.5"));
    assertThat(FactValues.value("\"true\"")).isEqualTo("true");
    assertThat(FactValues.value("NL")).isEqualTo("NL");
    assertThat(FactValues.value("2001-03-14")).isEqualTo("2001-03-14");
    assertThat(FactValues.value("1, \"w\": 2")).isEqualTo("1, \"w\": 2");
    assertThat(FactValues.value("")).isNull();
    assertThat(FactValues.value("null")).isNull();
  }

  @Test
  void aStaleExpectedVersionIsAConflictNamingCaseAndVersions() throws IOException {
    importThree();
    ok("case", "set", "A-3", "lgbti=true", "--policies", CliRun.POLICIES);
    CliRun run =
        refused(
            "case",
            "set",
            "A-3",
            "lgbti=false",
            "--expect-version",
            "1",
            "--policies",
            CliRun.POLICIES);
    assertThat(run.err())
        .startsWith("asylex: case 'A-3' was changed by someone else")
        .contains("made to version 1, but the case is now at version 2");
    assertThat(ok("case", "show", "A-3").out()).contains("lgbti           = true");
  }

  @Test
  void twoConcurrentSetsOfTheSameVersionOneWinsTheOtherGetsAConflictAndNothingIsLost()
      throws Exception {
    importThree();
    var start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      var runs = new ArrayList<Future<CliRun>>();
      for (String gender : List.of("male", "x")) {
        runs.add(
            pool.submit(
                () -> {
                  start.await();
                  return cliAs(
                      "officer." + gender,
                      "case",
                      "set",
                      "A-3",
                      "gender=" + gender,
                      "--expect-version",
                      "1",
                      "--policies",
                      CliRun.POLICIES);
                }));
      }
      start.countDown();
      CliRun first = runs.get(0).get();
      CliRun second = runs.get(1).get();
      List<CliRun> both = List.of(first, second);
      assertThat(both).extracting(CliRun::exitCode).containsExactlyInAnyOrder(0, 2);
      CliRun winner = first.exitCode() == 0 ? first : second;
      CliRun loser = first.exitCode() == 0 ? second : first;
      String won = winner == first ? "male" : "x";
      assertThat(winner.out()).isEqualTo("case A-3: version 1 → 2\n");
      assertThat(loser.err())
          .isEqualTo(
              "asylex: case 'A-3' was changed by someone else: the change was made to version 1,"
                  + " but the case is now at version 2; show the case again and reapply the"
                  + " change\n");
      noStackTrace(loser);
      assertThat(ok("case", "show", "A-3").out())
          .contains("  version:   2\n")
          .contains("gender          = \"" + won + "\"");
      assertThat(ok("case", "history", "A-3").out())
          .contains("by officer." + won + "\n  gender: \"female\" → \"" + won + "\"\n")
          .doesNotContain("version 3");
    } finally {
      pool.shutdownNow();
    }
  }

  // ---- export -----------------------------------------------------------------------------------

  @Test
  void exportThenImportIntoAFreshStoreThenExportAgainIsIdentical() throws IOException {
    Path original = tmp.resolve("generated.jsonl");
    CaseFiles.write(original, 300, 7);
    ok("case", "import", original.toString(), "--policies", CliRun.POLICIES);
    ok("case", "set", "C-000002", "lgbti=true", "--policies", CliRun.POLICIES);

    Path first = tmp.resolve("first.jsonl");
    assertThat(ok("case", "export", first.toString()).out())
        .isEqualTo("exported 300 cases to " + first + "\n");
    CliRun into =
        CliRun.of(
            with(
                freshStoreArgs(),
                OFFICER,
                "case",
                "import",
                first.toString(),
                "--policies",
                CliRun.POLICIES));
    assertThat(into.exitCode()).as(into.err()).isZero();
    assertThat(into.out())
        .endsWith(": 300 lines: created 300, unchanged 0, exists 0, rejected 0\n");
    CliRun second = CliRun.of(with(freshStoreArgs(), OFFICER, "case", "export"));
    assertThat(second.exitCode()).isZero();

    String exported = Files.readString(first, StandardCharsets.UTF_8);
    assertThat(second.out()).isEqualTo(exported);
    // Unchanged cases come out exactly as they went in; the changed one has its new facts.
    List<String> originalLines = Files.readAllLines(original, StandardCharsets.UTF_8);
    List<String> exportedLines = List.of(exported.split("\n"));
    assertThat(exportedLines).hasSize(300);
    for (int i = 0; i < 300; i++) {
      if (i != 1) {
        assertThat(exportedLines.get(i)).isEqualTo(originalLines.get(i));
      }
    }
    assertThat(exportedLines.get(1)).contains("\"lgbti\":true");
    assertThat(exportedLines.get(9)).startsWith("{\"id\":\"C-000010\",\"reference\":\"REF 10\",");
  }

  @Test
  void exportNeverOverwritesAFileAndCreatesItForTheOwnerOnly() throws IOException {
    importThree();
    Path out = tmp.resolve("out.jsonl");
    ok("case", "export", out.toString());
    if (out.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      assertThat(
              java.nio.file.attribute.PosixFilePermissions.toString(
                  Files.getPosixFilePermissions(out)))
          .isEqualTo("rw-------");
    }
    assertThat(refused("case", "export", out.toString()).err())
        .isEqualTo("asylex: cannot write " + out + ": it exists; export never overwrites a file\n");
  }

  // ---- assess, assessments, reproduce -----------------------------------------------------------

  @Test
  void assessStoresTheAssessmentAndReproduceFindsItIdentical() throws IOException {
    importThree();
    CliRun assess =
        ok("case", "assess", "A-1", "--as-of", "2023-01-15", "--policies", CliRun.POLICIES);
    assertThat(assess.out())
        .startsWith("Assessment of case A-1 (version 1) as of 2023-01-15\n")
        .contains("Outcome:          APPLIES")
        .contains("Facts used:       dateOfBirth = 2001-03-14");
    String id = assessmentId(assess);

    CliRun list = ok("case", "assessments", "A-1");
    assertThat(list.out())
        .startsWith(id + "  case version 1, as of 2023-01-15, pack RU 2023-06-08 sha256:")
        .contains(", by officer.a at ")
        .endsWith("case A-1: 1 stored assessment; 'asylex case reproduce ID' re-runs one\n");

    CliRun reproduce = ok("case", "reproduce", id, "--policies", CliRun.POLICIES);
    assertThat(reproduce.out())
        .startsWith("Assessment " + id + " of case A-1 (version 1) as of 2023-01-15, by officer.a")
        .contains(
            "IDENTICAL: the pack's content is unchanged and the findings are the same, byte for"
                + " byte.");

    // The case changes later: the stored assessment still reproduces from its snapshot.
    ok("case", "set", "A-1", "militaryStatus=none", "--policies", CliRun.POLICIES);
    assertThat(ok("case", "reproduce", id, "--policies", CliRun.POLICIES).out())
        .contains("IDENTICAL");
  }

  /** When the changes that made version {@code version} of case {@code id} were stored. */
  Instant changedAt(String id, long version) throws SQLException {
    try (Connection c = connect();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                version == 1 // a case's creation is in its row (ADR 0026)
                    ? "SELECT created_at FROM cases WHERE id = '" + id + "'"
                    : "SELECT changed_at FROM fact_changes WHERE case_id = '"
                        + id
                        + "' AND version = "
                        + version)) {
      assertThat(rs.next()).isTrue();
      return rs.getObject(1) instanceof String text
          ? Instant.parse(text)
          : rs.getObject(1, OffsetDateTime.class).toInstant();
    }
  }

  @Test
  void assessFactsAsOfATimeAssessesTheFactsRecordedThenAndReproduceSaysSo()
      throws IOException, SQLException {
    importThree();
    ok("case", "set", "A-1", "refusesMilitaryService=false", "--policies", CliRun.POLICIES);
    ok("case", "set", "A-1", "militaryStatus=none", "--policies", CliRun.POLICIES);
    String v2 = changedAt("A-1", 2).toString();

    CliRun assess =
        ok(
            "case",
            "assess",
            "A-1",
            "--as-of",
            "2023-01-15",
            "--facts-as-of",
            v2,
            "--policies",
            CliRun.POLICIES);
    assertThat(assess.out())
        .startsWith("Assessment of case A-1 (version 2, the facts as recorded at " + v2 + ")")
        .contains("militaryStatus = conscript");
    String id = assessmentId(assess);
    JsonNode json =
        MAPPER.readTree(
            ok(
                    "case",
                    "assess",
                    "A-1",
                    "--as-of",
                    "2023-01-15",
                    "--facts-as-of",
                    v2,
                    "--format",
                    "json",
                    "--policies",
                    CliRun.POLICIES)
                .out());
    assertThat(json.path("factsAsOf").asText()).isEqualTo(v2);
    assertThat(json.path("caseVersion").asLong()).isEqualTo(2);
    assertThat(json.path("asOf").asText()).isEqualTo("2023-01-15");

    assertThat(ok("case", "assessments", "A-1").out())
        .contains(id + "  case version 2, as of 2023-01-15, facts as recorded at " + v2 + ",");
    assertThat(ok("case", "reproduce", id, "--policies", CliRun.POLICIES).out())
        .startsWith(
            "Assessment "
                + id
                + " of case A-1 (version 2) as of 2023-01-15, facts as recorded at "
                + v2
                + ", by officer.a")
        .contains("IDENTICAL");
  }

  @Test
  void assessFactsAsOfATimeBeforeTheCaseInTheFutureOrUnreadableIsRefusedNamingTheOption()
      throws IOException {
    importThree();
    String[] base = {"case", "assess", "A-1", "--policies", CliRun.POLICIES, "--facts-as-of"};

    assertThat(refused(with(base, "2020-01-01")).err())
        .startsWith(
            "asylex: --facts-as-of: case A-1 did not exist yet at 2020-01-01T22:59:59.999999Z:"
                + " it was created at ");
    assertThat(refused(with(base, "2999-01-01")).err())
        .startsWith("asylex: --facts-as-of: 2999-01-01T22:59:59.999999Z lies in the future");
    assertThat(refused(with(base, "soon")).err())
        .startsWith("asylex: --facts-as-of: 'soon' is not a time");
    assertThat(refused("case", "assess", "--all", "--facts-as-of", "soon").err())
        .startsWith("asylex: --facts-as-of: 'soon' is not a time");
    assertThat(refused("case", "assess", "--all", "--facts-as-of", "2999-01-01").err())
        .startsWith("asylex: --facts-as-of: 2999-01-01T22:59:59.999999Z lies in the future");
    assertThat(ok("case", "assessments", "A-1").out()).doesNotContain("case version");
  }

  @Test
  void everyCaseOnTheFactsOfATimeForImpactAndAssessAllLeavesOutCasesCreatedLater()
      throws IOException, SQLException {
    importThree();
    String t = changedAt("A-1", 1).toString(); // as imported
    ok("case", "set", "A-1", "refusesMilitaryService=false", "--policies", CliRun.POLICIES);
    ok(
        "case",
        "import",
        file("late.jsonl", line("A-4", CONSCRIPT_FACTS)).toString(),
        "--policies",
        CliRun.POLICIES);
    String[] impact = {
      "impact",
      "--store",
      "--from",
      "2023-01-15",
      "--to",
      "2023-07-01",
      "--policies",
      CliRun.POLICIES
    };

    JsonNode then = MAPPER.readTree(ok(with(impact, "--facts-as-of", t, "--format", "json")).out());
    JsonNode now = MAPPER.readTree(ok(with(impact, "--format", "json")).out());

    assertThat(then.path("cases").asLong()).isEqualTo(3);
    assertThat(then.path("factsAsOf").asText()).isEqualTo(t);
    assertThat(then.path("createdAfter").asLong()).isEqualTo(1);
    // then A-1 refused service and was under the moratorium; now only A-4 is
    assertThat(fromApplies(then)).isEqualTo(1);
    assertThat(now.path("cases").asLong()).isEqualTo(4);
    assertThat(now.has("factsAsOf")).isFalse();
    assertThat(fromApplies(now)).isEqualTo(1);
    assertThat(ok(with(impact, "--facts-as-of", t)).out())
        .contains("Facts as recorded at " + t + "; 1 case created later and left out");

    CliRun all =
        ok(
            "case",
            "assess",
            "--all",
            "--as-of",
            "2023-01-15",
            "--facts-as-of",
            t,
            "--policies",
            CliRun.POLICIES);
    assertThat(all.out().lines().map(l -> l.split("\t")[0]).toList())
        .containsExactly("A-1", "A-2", "A-3");
    assertThat(all.err())
        .isEqualTo(
            "assessed and stored 3 cases on their facts as recorded at "
                + t
                + "; 1 case created later left out\n");
    assertThat(ok("case", "assessments", "A-1").out())
        .contains("case version 1, as of 2023-01-15, facts as recorded at " + t + ",");

    assertThat(refused(with(impact, "--facts-as-of", "2999-01-01")).err())
        .startsWith("asylex: --facts-as-of: 2999-01-01T22:59:59.999999Z lies in the future");
    assertThat(refused(with(impact, "--facts-as-of", "soon")).err())
        .startsWith("asylex: --facts-as-of: 'soon' is not a time");
    Path cases = file("c.jsonl", line("B-1", CONSCRIPT_FACTS));
    assertThat(
            refused(
                    "impact",
                    "--cases",
                    cases.toString(),
                    "--from",
                    "2023-01-15",
                    "--facts-as-of",
                    t,
                    "--policies",
                    CliRun.POLICIES)
                .err())
        .startsWith("asylex: --facts-as-of goes with --store");
  }

  /** How many cases the decision moratorium applied to at the first point. */
  private static long fromApplies(JsonNode report) {
    long n = 0;
    for (JsonNode e : report.path("elements")) {
      if (e.path("element").asText().equals("decision-moratorium")) {
        for (JsonNode tr : e.path("transitions")) {
          if (tr.path("from").asText().equals("applies")) {
            n += tr.path("count").asLong();
          }
        }
      }
    }
    return n;
  }

  private static String[] with(String[] base, String... more) {
    String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
    System.arraycopy(more, 0, all, base.length, more.length);
    return all;
  }

  @Test
  void assessAsJsonNamesTheStoredAssessmentAndKeepsOverriddenAssumptionsForReproduce()
      throws IOException {
    importThree();
    CliRun assess =
        ok(
            "case",
            "assess",
            "A-1",
            "--as-of",
            "2023-07-01",
            "--format",
            "json",
            "--assume",
            "in-force-date=2023-07-15",
            "--policies",
            CliRun.POLICIES);
    // The receipt in the API's form (GET /api/v1/case-assessments/{id}).
    JsonNode json = MAPPER.readTree(assess.out());
    String id = json.path("id").asText();
    assertThat(id).matches("[0-9a-f-]{36}");
    assertThat(json.path("caseId").asText()).isEqualTo("A-1");
    assertThat(json.path("caseVersion").asLong()).isEqualTo(1);
    assertThat(json.path("assumptions").path("in-force-date").asText()).isEqualTo("2023-07-15");
    assertThat(json.path("assessment").path("asOf").asText()).isEqualTo("2023-07-01");
    assertThat(json.path("assessment").path("findings").size()).isEqualTo(6);

    CliRun reproduce = ok("case", "reproduce", id, "--policies", CliRun.POLICIES);
    assertThat(reproduce.out()).contains("IDENTICAL");
  }

  @Test
  void assessRefusesStoredFactsThatAreNotValidOnTheDateAndStoresNothing() throws IOException {
    importThree();
    CliRun run =
        refused("case", "assess", "A-1", "--as-of", "1999-01-01", "--policies", CliRun.POLICIES);
    assertThat(run.err())
        .contains("case A-1: /dateOfBirth: dateOfBirth 2001-03-14 lies after the assessment date")
        .endsWith("in the stored facts; nothing was assessed ('asylex case set' corrects them)\n");
    assertThat(ok("case", "assessments", "A-1").out())
        .isEqualTo("case A-1: 0 stored assessments\n");
  }

  @Test
  void assessAllStoresOneAssessmentPerCase() throws IOException {
    Path cases = tmp.resolve("generated.jsonl");
    CaseFiles.write(cases, 120, 3);
    ok("case", "import", cases.toString(), "--policies", CliRun.POLICIES);
    CliRun run =
        ok("case", "assess", "--all", "--as-of", "2024-01-01", "--policies", CliRun.POLICIES);
    List<String> lines = run.out().lines().toList();
    assertThat(lines).hasSize(120);
    assertThat(lines.get(0)).matches("C-000001\t[0-9a-f-]{36}");
    assertThat(run.err()).isEqualTo("assessed and stored 120 cases\n");
    String someId = lines.get(57).split("\t")[1];
    assertThat(ok("case", "reproduce", someId, "--policies", CliRun.POLICIES).out())
        .contains("IDENTICAL");

    CliRun some =
        ok(
            "case",
            "assess",
            "--all",
            "--filter",
            "gender=female",
            "--limit",
            "5",
            "--policies",
            CliRun.POLICIES);
    assertThat(some.out().lines()).hasSize(5);
    assertThat(refused("case", "assess", "--policies", CliRun.POLICIES).err())
        .isEqualTo("asylex: give a case ID or --all\n");
  }

  @Test
  void reproduceAfterAReasonTextChangedShowsTheTextsAndWhy() throws IOException {
    importThree();
    String id =
        assessmentId(
            ok("case", "assess", "A-1", "--as-of", "2023-01-15", "--policies", CliRun.POLICIES));
    Path packs = copyOfThePacks();
    Path rules = packs.resolve("ru/rules.yaml");
    String yaml = Files.readString(rules, StandardCharsets.UTF_8);
    // the plain wording (27 excluded); the wording with 27 included comes first in the file
    String old =
        "On that date the decision moratorium applies and the applicant is one of the Russian\n"
            + "          conscripts (dienstplichtigen) aged 18 or over";
    String shown =
        "On that date the decision moratorium applies and the applicant is one of the Russian"
            + " conscripts (dienstplichtigen) aged 18 or over";
    String changed =
        "On that date the decision moratorium applies to the applicant, one of the Russian"
            + " conscripts aged 18 or over";
    assertThat(yaml).contains(old);
    Files.writeString(
        rules, yaml.replaceFirst(Pattern.quote(old), changed), StandardCharsets.UTF_8);

    CliRun run = cli("case", "reproduce", id, "--policies", packs.toString());
    assertThat(run.exitCode()).as(run.err() + run.out()).isEqualTo(1);
    noStackTrace(run);
    assertThat(run.out())
        .contains("DIFFERENT:\n")
        .containsPattern("pack content: sha256:[0-9a-f]{64} →")
        .contains("  element decision-moratorium:\n")
        .contains("why: the same rules decide the same way; only reason differs in the pack")
        .contains("Why:\n  the pack changed since the assessment: same version label 2023-06-08")
        .doesNotContain("outcome:");
    // the texts are wrapped to the terminal's width
    assertThat(run.out().replaceAll("\\s+", " "))
        .contains("reason (en): “" + shown)
        .contains("→ “" + changed);
  }

  @Test
  void reproduceAfterAValidityChangedShowsTheOutcomeRulesAndWhy() throws IOException {
    importThree();
    String id =
        assessmentId(
            ok("case", "assess", "A-1", "--as-of", "2023-01-15", "--policies", CliRun.POLICIES));
    Path packs = copyOfThePacks();
    Path rules = packs.resolve("ru/rules.yaml");
    String yaml = Files.readString(rules, StandardCharsets.UTF_8);
    String validity = "valid: {from: 2022-06-29, to: 2023-06-29}";
    assertThat(yaml).contains(validity);
    Files.writeString(
        rules,
        yaml.replaceFirst(Pattern.quote(validity), "valid: {from: 2022-06-29, to: 2023-01-01}"),
        StandardCharsets.UTF_8);
    Path pack = packs.resolve("ru/pack.yaml");
    Files.writeString(
        pack,
        Files.readString(pack, StandardCharsets.UTF_8)
            .replaceFirst("version: \"?2023-06-08\"?", "version: 2023-06-08-b"),
        StandardCharsets.UTF_8);

    CliRun run = cli("case", "reproduce", id, "--policies", packs.toString());
    assertThat(run.exitCode()).as(run.err() + run.out()).isEqualTo(1);
    assertThat(run.out())
        .contains("  pack version: 2023-06-08 → 2023-06-08-b\n")
        .contains("  element decision-moratorium:\n    outcome: APPLIES → DOES NOT APPLY\n")
        .contains("    deciding rule: decision-moratorium-conscripts → none\n")
        .contains(
            "    rules in force: - decision-moratorium-conscripts version 1 of 1, valid [2022-06-29,"
                + " 2023-06-29)\n")
        .contains(
            "    facts used: - dateOfBirth, militaryStatus, refusesMilitaryService, desertion\n")
        .contains(
            "    why: other rule versions, or other validity dates, are in force on the assessment"
                + " date\n")
        .contains("the pack changed since the assessment: version 2023-06-08 → 2023-06-08-b")
        .doesNotContain("2001-03-14");
  }

  @Test
  void reproduceUsesTheStoredAssumptionValuesWhenThePacksDefaultChanged() throws IOException {
    importThree();
    String id =
        assessmentId(
            ok("case", "assess", "A-1", "--as-of", "2023-07-01", "--policies", CliRun.POLICIES));
    Path packs = copyOfThePacks();
    Path assumptions = packs.resolve("ru/assumptions.yaml");
    String yaml = Files.readString(assumptions, StandardCharsets.UTF_8);
    assertThat(yaml).contains("default: 2023-06-08");
    Files.writeString(
        assumptions,
        yaml.replaceFirst("default: 2023-06-08", "default: 2023-08-01"),
        StandardCharsets.UTF_8);

    CliRun run = cli("case", "reproduce", id, "--policies", packs.toString());
    assertThat(run.exitCode()).as(run.err() + run.out()).isEqualTo(1);
    // Same value as then, so the same findings; only the default and the override flag differ.
    assertThat(run.out())
        .contains("  assumption in-force-date default: 2023-06-08 → 2023-08-01\n")
        .contains("  assumption in-force-date overridden: false → true\n")
        .doesNotContain("\n  element ")
        .contains("  the findings of every element are the same\n")
        .contains(
            "  the pack's default for assumption in-force-date is now 2023-08-01; the re-run used")
        .contains(" value 2023-06-08\n");
  }

  Path copyOfThePacks() throws IOException {
    Path packs = tmp.resolve("packs");
    Path from = Path.of(CliRun.POLICIES, "ru");
    try (Stream<Path> files = Files.walk(from)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        Path to = packs.resolve("ru").resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(to);
        } else {
          Files.copy(p, to);
        }
      }
    }
    return packs;
  }

  // ---- audit ------------------------------------------------------------------------------------

  @Test
  void auditVerifyIsIntactAfterUseAndNamesTheFirstBrokenEventAfterTampering()
      throws IOException, SQLException {
    importThree();
    ok("case", "show", "A-1");
    ok("case", "set", "A-1", "lgbti=true", "--policies", CliRun.POLICIES);
    // import: 3 events, show: 1, set: 1 read + 1 update
    assertThat(ok("audit", "verify").out()).matches("intact: 6 events, head 6 [0-9a-f]{64}\n");

    tamper("UPDATE audit_events SET actor = 'someone.else' WHERE seq = 4");
    CliRun run = cli("audit", "verify");
    assertThat(run.exitCode()).isEqualTo(1);
    noStackTrace(run);
    assertThat(run.out()).startsWith("broken at event 4: ");
  }

  @Test
  void auditVerifyDetectsADeletedLastEvent() throws IOException, SQLException {
    importThree();
    tamper("DELETE FROM audit_events WHERE seq = 3");
    CliRun run = cli("audit", "verify");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).startsWith("broken at event 3: ");
  }

  void tamper(String sql) throws SQLException {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.executeUpdate(sql);
    }
  }

  // ---- case ids ---------------------------------------------------------------------------------

  @Test
  void checkIdsListsStoredIdsThatBreakTheRuleForNewIds() throws IOException, SQLException {
    importThree();
    CliRun clean = ok("case", "check-ids");
    assertThat(clean.out()).isEmpty();
    assertThat(clean.err()).isEqualTo("asylex: all 3 case ids follow the rule\n");

    // As an older import may have stored them (put there with SQL here).
    List<String> old = List.of("..", "a/../b", "x' OR 1=1 --", "a/b", "a\u001b[2J");
    for (String id : old) {
      tamper(
          "INSERT INTO cases (id, reference, facts, version, created_at, updated_at) SELECT '"
              + id.replace("'", "''")
              + "', NULL, facts, 1, created_at, updated_at FROM cases WHERE id = 'A-1'");
    }
    CliRun run = cli("case", "check-ids");
    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    noStackTrace(run);
    assertThat(run.out().lines())
        .containsExactlyInAnyOrder("..", "a/../b", "x' OR 1=1 --", "a/b", "a\\u001b[2J");
    assertThat(run.err()).startsWith("asylex: 5 of 8 case ids break the rule (a case id is 1 to");
  }

  // ---- options ----------------------------------------------------------------------------------

  @Test
  void dataAndDbTogetherAreRefused() {
    CliRun run =
        CliRun.of("case", "list", "--data", tmp.toString(), "--db", "jdbc:postgresql://h/db");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("asylex: give --data or --db, not both\n");
  }
}
