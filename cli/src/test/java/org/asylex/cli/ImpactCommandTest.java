package org.asylex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.asylex.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code asylex impact} over a small caseload across the moratorium's lapse on 2023-06-29. */
class ImpactCommandTest {
  static final String LAPSE_SENTENCE =
      "Het huidige besluit- en vertrekmoratorium vervalt van rechtswege per 29 juni 2023.";

  /** Two conscripts of moratorium age who refuse or desert, a lawyer, a woman, two bad lines. */
  static final String CASELOAD =
      String.join(
          "\n",
          "{\"id\":\"C-1\",\"facts\":{\"countryOfOrigin\":\"RU\",\"dateOfBirth\":\"2001-03-14\","
              + "\"militaryStatus\":\"conscript\",\"refusesMilitaryService\":true}}",
          "{\"id\":\"C-2\",\"facts\":{\"countryOfOrigin\":\"RU\",\"dateOfBirth\":\"1999-01-01\","
              + "\"militaryStatus\":\"conscript\",\"desertion\":true}}",
          "{\"id\":\"C-3\",\"facts\":{\"countryOfOrigin\":\"RU\","
              + "\"lawyerInPoliticallySensitiveCases\":true,\"militaryStatus\":\"none\"}}",
          "",
          "{\"id\":\"C-4\",\"facts\":{\"countryOfOrigin\":\"RU\",\"gender\":\"robot\"}}",
          "{\"id\":\"C-5\",\"facts\":{\"countryOfOrigin\":\"RU\",\"gender\":\"female\","
              + "\"militaryStatus\":\"contractSoldier\"}}",
          "{\"id\":\"C-6\",\"facts\":",
          "");

  @TempDir Path tmp;

  Path caseload() throws Exception {
    Path file = tmp.resolve("cases.jsonl");
    Files.writeString(file, CASELOAD);
    return file;
  }

  CliRun impact(String... more) throws Exception {
    var args = new ArrayList<>(List.of("impact", "--policies", CliRun.POLICIES));
    args.addAll(List.of(more));
    return CliRun.of(args.toArray(String[]::new));
  }

  JsonNode json(CliRun run) {
    return Json.tree(run.out());
  }

  @Test
  void theJsonReportCountsEveryTransitionAndEachElementAddsUpToTheCases() throws Exception {
    CliRun run =
        impact(
            "--cases",
            caseload().toString(),
            "--from",
            "2023-06-28",
            "--to",
            "2023-06-30",
            "--format",
            "json");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(Main.INVALID); // two lines were rejected
    JsonNode r = json(run);
    assertThat(r.get("format").asText()).isEqualTo("asylex-impact/1");
    assertThat(r.get("rejected").asLong()).isEqualTo(2);
    long cases = r.get("cases").asLong();
    long lines = CASELOAD.lines().filter(l -> !l.isBlank()).count();
    assertThat(cases + r.get("rejected").asLong()).isEqualTo(lines);
    assertThat(r.get("from").get("date").asText()).isEqualTo("2023-06-28");
    assertThat(r.get("elements")).isNotEmpty();
    for (JsonNode e : r.get("elements")) {
      long sum = 0;
      for (JsonNode t : e.get("transitions")) {
        sum += t.get("count").asLong();
      }
      assertThat(sum).as(e.get("element").asText()).isEqualTo(cases);
    }
    JsonNode moratorium = element(r, "decision-moratorium");
    assertThat(moratorium.get("transitions").toString())
        .contains("{\"from\":\"applies\",\"to\":\"does_not_apply\",\"count\":2}");
    JsonNode change = moratorium.get("changes").get(0);
    assertThat(change.get("why").get("kind").asText()).isEqualTo("validity-boundary");
    assertThat(change.get("why").get("date").asText()).isEqualTo("2023-06-29");
    assertThat(change.get("sources").get(0).get("quote").asText()).isEqualTo(LAPSE_SENTENCE);
  }

  @Test
  void badLinesAreNamedByFileLineAndPointer() throws Exception {
    Path file = caseload();
    CliRun run = impact("--cases", file.toString(), "--from", "2023-06-28", "--to", "2023-06-30");

    assertThat(run.err()).contains(file + ":5: /facts/gender: ");
    assertThat(run.err())
        .containsPattern(java.util.regex.Pattern.quote(file + ":7") + "(:\\d+)?: .*JSON");
    assertThat(run.out()).contains("2 lines rejected");
  }

  @Test
  void theSummarySaysWhoLosesTheMoratoriumWhenAndWhyInEnglishAndDutch() throws Exception {
    String file = caseload().toString();
    CliRun en = impact("--cases", file, "--from", "2023-06-28", "--to", "2023-06-30");
    CliRun nl =
        impact("--cases", file, "--from", "2023-06-28", "--to", "2023-06-30", "--lang", "nl");

    String summary = en.out().replaceAll("\\s+", " ");
    assertThat(summary)
        .contains(
            "2 cases lose: Decision moratorium for conscripts (applies → does not apply) on"
                + " 2023-06-29: rule decision-moratorium-conscripts lapses (“"
                + LAPSE_SENTENCE
                + "”)");
    assertThat(nl.out().replaceAll("\\s+", " "))
        .contains("2 zaken verliezen: Besluitmoratorium voor dienstplichtigen")
        .contains("regel decision-moratorium-conscripts vervalt");
  }

  @Test
  void csvHasOneRowPerElementAndPairOfOutcomes() throws Exception {
    String file = caseload().toString();
    CliRun csv =
        impact("--cases", file, "--from", "2023-06-28", "--to", "2023-06-30", "--format", "csv");
    JsonNode r =
        json(
            impact(
                "--cases", file, "--from", "2023-06-28", "--to", "2023-06-30", "--format", "json"));

    List<String> rows = csv.out().lines().toList();
    assertThat(rows.get(0)).isEqualTo("element,from,to,count");
    long transitions = 0;
    for (JsonNode e : r.get("elements")) {
      transitions += e.get("transitions").size();
    }
    assertThat(rows).hasSize(1 + (int) transitions);
    assertThat(rows.subList(1, rows.size())).allMatch(row -> row.split(",", -1).length == 4);
    assertThat(rows).contains("decision-moratorium,applies,does_not_apply,2");
  }

  @Test
  void theChangedFileHoldsOneLinePerChangedFindingAndNothingElseIsLeftBeside() throws Exception {
    Path out = tmp.resolve("out").resolve("changed.jsonl");
    Files.createDirectories(out.getParent());
    CliRun run =
        impact(
            "--cases",
            caseload().toString(),
            "--from",
            "2023-06-28",
            "--to",
            "2023-06-30",
            "--format",
            "json",
            "--changed",
            out.toString());

    long changed = 0;
    for (JsonNode e : json(run).get("elements")) {
      for (JsonNode t : e.get("transitions")) {
        if (!t.get("from").equals(t.get("to"))) {
          changed += t.get("count").asLong();
        }
      }
    }
    List<String> lines = Files.readAllLines(out);
    assertThat(lines).hasSize((int) changed);
    for (String line : lines) {
      JsonNode c = Json.tree(line);
      for (String key :
          List.of(
              "id", "element", "before", "after", "rulesBefore", "rulesAfter", "sources", "why")) {
        assertThat(c.has(key)).as(key + " in " + line).isTrue();
      }
    }
    JsonNode first = Json.tree(lines.get(0));
    assertThat(first.get("id").asText()).isEqualTo("C-1");
    assertThat(first.get("why").get("rule").asText()).isEqualTo("decision-moratorium-conscripts");
    assertThat(first.get("rulesBefore").get(0).asText())
        .isEqualTo("decision-moratorium-conscripts");
    try (Stream<Path> beside = Files.list(out.getParent())) {
      assertThat(beside).containsExactly(out);
    }
    // piped (not a terminal): no progress bar
    assertThat(run.err()).doesNotContain("cases read").doesNotContain("\r");
  }

  @Test
  void anInterruptedRunLeavesNoChangedFileNotEvenAPartOfOne() throws Exception {
    Path out = tmp.resolve("out").resolve("changed.jsonl");
    Files.createDirectories(out.getParent());
    String line = CASELOAD.lines().findFirst().orElseThrow() + "\n";
    byte[] many = line.repeat(20_000).getBytes(StandardCharsets.UTF_8);
    // Ctrl-C arrives as an interruption of the thread reading the cases, half way through
    InputStream in =
        new ByteArrayInputStream(many) {
          @Override
          public synchronized int read(byte[] b, int off, int len) {
            if (pos > many.length / 2) {
              Thread.currentThread().interrupt();
            }
            return super.read(b, off, Math.min(len, 4096));
          }
        };
    var stdout = new StringWriter();
    var stderr = new StringWriter();
    int code =
        Main.run(
            in,
            new PrintWriter(stdout, true),
            new PrintWriter(stderr, true),
            "impact",
            "--policies",
            CliRun.POLICIES,
            "--cases",
            "-",
            "--from",
            "2023-06-28",
            "--to",
            "2023-06-30",
            "--changed",
            out.toString());
    Thread.interrupted(); // clear it for the rest of the test

    assertThat(code).as(stderr.toString()).isEqualTo(ImpactCommand.INTERRUPTED);
    assertThat(stderr.toString()).contains("interrupted");
    assertThat(stdout.toString()).isEmpty();
    try (Stream<Path> beside = Files.list(out.getParent())) {
      assertThat(beside).isEmpty();
    }
  }

  @Test
  void twoReadingsOnOneDateNameTheAssumption() throws Exception {
    Path file = tmp.resolve("27.jsonl");
    Files.writeString(
        file,
        "{\"id\":\"A-27\",\"facts\":{\"countryOfOrigin\":\"RU\",\"dateOfBirth\":\"1995-06-01\","
            + "\"militaryStatus\":\"conscript\",\"refusesMilitaryService\":true}}\n");
    CliRun run =
        impact(
            "--cases",
            file.toString(),
            "--from",
            "2023-01-15",
            "--assume-after",
            "moratorium-age-27-included=true",
            "--format",
            "json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode change = element(json(run), "decision-moratorium").get("changes").get(0);
    assertThat(change.get("why").get("kind").asText()).isEqualTo("assumption-value");
    assertThat(change.get("why").get("assumption").asText())
        .isEqualTo("moratorium-age-27-included");
    assertThat(json(run).get("to").get("assumptions").get("moratorium-age-27-included").asText())
        .isEqualTo("true");
  }

  @Test
  void anAssumptionValueThatDoesNotFitIsAnInputError() throws Exception {
    CliRun run =
        impact(
            "--cases",
            caseload().toString(),
            "--from",
            "2023-01-15",
            "--assume-before",
            "moratorium-age-27-included=maybe");

    assertThat(run.exitCode()).isEqualTo(Main.INVALID);
    assertThat(run.err()).contains("moratorium-age-27-included").doesNotContain("Exception");
  }

  @Test
  void twoRevisionsOfThePackNameTheEditedRule() throws Exception {
    Path before = tmp.resolve("before");
    copyTree(Path.of(CliRun.POLICIES).resolve("ru"), before.resolve("ru"));
    Path after = tmp.resolve("after");
    copyTree(Path.of(CliRun.POLICIES).resolve("ru"), after.resolve("ru"));
    Path rules = after.resolve("ru").resolve("rules.yaml");
    String window = "valid: {from: 2022-06-29, to: 2023-06-29}";
    Files.writeString(
        rules,
        Files.readString(rules)
            .replaceFirst(
                java.util.regex.Pattern.quote(window),
                "valid: {from: 2022-06-29, to: 2023-12-29}"));

    CliRun run =
        CliRun.of(
            "impact",
            "--policies",
            after.toString(),
            "--policies-before",
            before.toString(),
            "--cases",
            caseload().toString(),
            "--from",
            "2023-07-01",
            "--format",
            "json");

    JsonNode moratorium = element(json(run), "decision-moratorium");
    assertThat(moratorium.get("transitions").toString())
        .contains("{\"from\":\"does_not_apply\",\"to\":\"applies\",\"count\":2}");
    assertThat(moratorium.get("changes").get(0).get("why").get("kind").asText())
        .isEqualTo("rule-version");
    assertThat(element(json(run), "departure-moratorium").get("changed").asLong()).isZero();
  }

  @Test
  void theStoredCasesCanBeTheCaseload() throws Exception {
    String data = tmp.resolve("data").toString();
    Path valid = tmp.resolve("valid.jsonl");
    Files.writeString(valid, CASELOAD.lines().limit(3).reduce("", (a, b) -> a + b + "\n"));
    CliRun imported =
        CliRun.of(
            "case",
            "import",
            valid.toString(),
            "--data",
            data,
            "--policies",
            CliRun.POLICIES,
            "--actor",
            "t");
    assertThat(imported.exitCode()).as(imported.err()).isZero();

    CliRun run =
        impact(
            "--store",
            "--data",
            data,
            "--actor",
            "t",
            "--from",
            "2023-06-28",
            "--to",
            "2023-06-30",
            "--format",
            "json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(json(run).get("cases").asLong()).isEqualTo(3);
    // C-1 and C-2 are under the moratorium on 2023-06-28; C-3 (military status "none", so liable
    // to conscription under the default conscript-reading) is undetermined without a date of
    // birth or a refusal. The lapse on 2023-06-29 settles all three: does not apply.
    assertThat(element(json(run), "decision-moratorium").get("changed").asLong()).isEqualTo(3);
  }

  @Test
  void caseListNamesTheCasesWhoseMoratoriumLapsesWithinTheDaysAskedAndWhen() throws Exception {
    String data = tmp.resolve("data").toString();
    var today =
        new org.asylex.app.Today(
            java.time.Clock.fixed(
                java.time.Instant.parse("2023-06-15T10:00:00Z"), java.time.ZoneOffset.UTC));
    Path valid = tmp.resolve("valid.jsonl");
    Files.writeString(
        valid,
        String.join(
            "\n",
            CASELOAD
                .lines()
                .filter(
                    l -> l.contains("\"C-1\"") || l.contains("\"C-2\"") || l.contains("\"C-5\""))
                .toList()));
    CliRun imported =
        CliRun.on(
            today,
            "case",
            "import",
            valid.toString(),
            "--data",
            data,
            "--policies",
            CliRun.POLICIES,
            "--actor",
            "t");
    assertThat(imported.exitCode()).as(imported.err()).isZero();

    CliRun within30 =
        CliRun.on(
            today,
            "case",
            "list",
            "--filter",
            "lapses-within=30",
            "--data",
            data,
            "--policies",
            CliRun.POLICIES,
            "--actor",
            "t");
    CliRun within10 =
        CliRun.on(
            today,
            "case",
            "list",
            "--filter",
            "lapses-within=10",
            "--data",
            data,
            "--policies",
            CliRun.POLICIES,
            "--actor",
            "t");

    assertThat(within30.exitCode()).as(within30.err()).isZero();
    List<String> rows = within30.out().lines().filter(l -> l.startsWith("C-")).toList();
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0))
        .startsWith("C-1")
        .contains("2023-06-29", "decision-moratorium", "applies → does_not_apply", "lapses");
    assertThat(rows.get(1)).startsWith("C-2").contains("2023-06-29");
    assertThat(within30.out()).contains("2 of 2 cases");
    assertThat(within10.out()).contains("0 of 0 cases");
    CliRun bad =
        CliRun.on(
            today,
            "case",
            "list",
            "--filter",
            "lapses-within=soon",
            "--data",
            data,
            "--policies",
            CliRun.POLICIES,
            "--actor",
            "t");
    assertThat(bad.exitCode()).isEqualTo(Main.INVALID);
    assertThat(bad.err()).contains("lapses-within");
  }

  static JsonNode element(JsonNode report, String id) {
    for (JsonNode e : report.get("elements")) {
      if (e.get("element").asText().equals(id)) {
        return e;
      }
    }
    throw new AssertionError("no element " + id);
  }

  static void copyTree(Path from, Path to) throws Exception {
    try (Stream<Path> all = Files.walk(from)) {
      for (Path p : all.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }
}
