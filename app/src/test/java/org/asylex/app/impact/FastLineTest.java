package org.asylex.app.impact;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.asylex.app.TestApp;
import org.asylex.engine.assessment.CaseFacts;
import org.junit.jupiter.api.Test;

/**
 * The fast path of a caseload ({@link FastLine}, ADR 0028) against the general path, line by line
 * and over whole runs: on generated lines, a third of them mangled in every way a line can go
 * wrong, the same report, the same changed findings and the same rejections, word for word.
 */
class FastLineTest {
  /**
   * What {@code scripts/generate-cases.sh N SEED} writes: the caseload the speed is measured on.
   */
  static List<String> generated(int n, int seed) throws Exception {
    var script = Path.of("../scripts/generate-cases.sh").toAbsolutePath().toString();
    Process p = new ProcessBuilder("bash", script, "" + n, "" + seed).start();
    List<String> lines;
    try (var in = p.getInputStream()) {
      lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
    assertThat(p.waitFor()).isZero();
    assertThat(lines).hasSize(n);
    return lines;
  }

  /** Every way a line can go wrong, and some ways it can be unusual and still right. */
  static final List<UnaryOperator<String>> MANGLES =
      List.of(
          s -> s.replace("\"RU\"", "\"NL\""),
          s -> s.replace("\"RU\"", "\"ru\""),
          s -> s.replace("\"RU\"", "null"),
          s -> s.replace("\"RU\"", "7"),
          s -> s.replace("\"countryOfOrigin\":\"RU\",", ""),
          s -> s.replace("\"countryOfOrigin\":\"RU\"", "\"countryOfOrigin\":\"RU\",\"x\":1"),
          s -> s.replaceFirst("\"dateOfBirth\":\"[^\"]*\"", "\"dateOfBirth\":\"2030-01-01\""),
          s -> s.replaceFirst("\"dateOfBirth\":\"[^\"]*\"", "\"dateOfBirth\":\"1990-02-30\""),
          s -> s.replaceFirst("\"dateOfBirth\":\"[^\"]*\"", "\"dateOfBirth\":\"1990-00\""),
          s -> s.replaceFirst("\"dateOfBirth\":\"[^\"]*\"", "\"dateOfBirth\":\"2023-06-29\""),
          s -> s.replaceFirst("\"dateOfBirth\":\"[^\"]*\"", "\"dateOfBirth\":1990"),
          s -> s.replace("\"RU\"", "\"R\\u0055\""),
          s -> s.replace("\"female\"", "\"fémale\""),
          s -> s.replace("\"male\"", "\"conscrip\""),
          s -> s.replace("\"RU-CE\"", "\"RU-CEXXX\""),
          s -> s.replace("\"RU-CE\"", "true"),
          s -> s.replace("}}", ",\"countryOfOrigin\":\"RU\"}}"),
          s -> s.replace("}}", ",\"lgbti\":true,\"lgbti\":false}}"),
          s -> s.replace("}}", ",\"fooBar\":true}}"),
          s -> s.replace("}}", ",\"lgbti\":{\"a\":true}}}"),
          s -> s.replace("}}", ",\"lgbti\":[true]}}"),
          s -> s.replace("}}", ",\"lgbti\":\"true\"}}"),
          s -> s.replace("}}", ",\"lgbti\":1.5}}"),
          s -> s.replace("}}", ",\"lgbti\":null}}"),
          s -> s.replace("}}", "},\"extra\":1}"),
          s -> s.replace("}}", "},\"id\":\"D\"}"),
          s -> s.replace("}}", "},\"reference\":{\"a\":1}}"),
          s -> s.replace("}}", "},\"reference\":null}"),
          s -> s.replace("}}", "},\"reference\":5}"),
          s -> s.replaceFirst("\"id\":\"[^\"]*\"", "\"id\":\"-x\""),
          s -> s.replaceFirst("\"id\":\"[^\"]*\"", "\"id\":7"),
          s -> s.replaceFirst("\"id\":\"[^\"]*\",", ""),
          s -> s.replaceFirst("\"id\":\"[^\"]*\"", "\"id\":null"),
          s -> s.replaceFirst("\"id\":\"[^\"]*\"", "\"id\":\"" + "x".repeat(201) + "\""),
          s -> s.replaceFirst("\"facts\":\\{.*\\}\\}", "\"facts\":[]}"),
          s -> s.replaceFirst("\"facts\":\\{.*\\}\\}", "\"facts\":null}"),
          s -> s.replaceFirst(",\"facts\":\\{.*\\}\\}", "}"),
          s -> s.replaceFirst("\"facts\":\\{.*\\}\\}", "\"facts\":{}}"),
          s -> s.substring(0, s.length() / 2),
          s -> s + "x",
          s -> s.replace(":", " : ").replace(",", " ,\t"),
          s -> "  " + s + " \r",
          s -> s.replace("}}", "}} {}"),
          s -> s.replace("{\"id\"", "[{\"id\"") + "]",
          s -> "",
          s -> s.replace("true", "tru"),
          s -> s.replace("false", "False"));

  private static String caseload(int n, int seed) throws Exception {
    var r = new Random(seed);
    var lines = new StringBuilder();
    for (String generated : generated(n, seed)) {
      String line = generated;
      if (r.nextInt(3) == 0) {
        line = MANGLES.get(r.nextInt(MANGLES.size())).apply(line);
      }
      lines.append(line).append('\n');
    }
    return lines.toString();
  }

  record Run(ImpactReport report, List<String> changed, List<String> rejected) {}

  private static Run run(String lines, LocalDate from, LocalDate to, boolean fast)
      throws Exception {
    var changed = new ArrayList<String>();
    var rejected = new ArrayList<String>();
    var listener =
        new Impact.Listener() {
          @Override
          public void rejected(long line, Optional<String> id, int column, List<String> problems) {
            rejected.add(line + " " + id + " " + column + " " + problems);
          }

          @Override
          public void changed(ChangedFinding finding) {
            changed.add(finding.toString());
          }
        };
    var in = new ByteArrayInputStream(lines.getBytes(StandardCharsets.UTF_8));
    ImpactReport report =
        new Impact(2, fast)
            .compare(
                in,
                new ImpactPoint(TestApp.policies(), from, Map.of()),
                new ImpactPoint(TestApp.policies(), to, Map.of()),
                listener);
    return new Run(report, changed, rejected);
  }

  @Test
  void theFastPathGivesWhatTheGeneralPathGivesOnGeneratedAndMangledLines() throws Exception {
    String lines = caseload(6_000, 12);
    for (var dates :
        List.of(
            List.of(ImpactTest.BEFORE_LAPSE, ImpactTest.AFTER_LAPSE),
            List.of(ImpactTest.AFTER_LAPSE, ImpactTest.BEFORE_LAPSE))) {
      Run general = run(lines, dates.get(0), dates.get(1), false);
      Run fast = run(lines, dates.get(0), dates.get(1), true);

      assertThat(general.report().rejected()).isGreaterThan(1_000);
      assertThat(general.changed()).hasSizeGreaterThan(500);
      assertThat(fast.rejected()).isEqualTo(general.rejected());
      assertThat(fast.changed()).isEqualTo(general.changed());
      assertThat(fast.report()).isEqualTo(general.report());
    }
  }

  @Test
  void aLineIsTakenOnlyWhenTheGeneralPathTakesItWithTheSameFacts() throws Exception {
    var policies = TestApp.policies();
    var point = new ImpactPoint(policies, ImpactTest.BEFORE_LAPSE, Map.of());
    var comparison = new CaseComparison(new Side(point), new Side(point));
    var fast = new FastLine(policies, ImpactTest.BEFORE_LAPSE);
    var r = new Random(7);
    int taken = 0;
    List<String> lines = generated(5_000, 7);
    for (int i = 1; i <= lines.size(); i++) {
      String line = lines.get(i - 1);
      if (i % 2 == 0) {
        line = MANGLES.get(r.nextInt(MANGLES.size())).apply(line);
      }
      byte[] bytes = ("  " + line + "  ").getBytes(StandardCharsets.UTF_8);
      if (!fast.read(bytes, 2, bytes.length - 2)) {
        continue;
      }
      taken++;
      Map<String, Object> doc =
          new org.asylex.json.CaseLineReader().read(bytes, 2, bytes.length - 2, "line");
      assertThat(doc.keySet()).as(line).isSubsetOf("id", "reference", "facts");
      assertThat(doc.get("id")).as(line).isEqualTo(fast.id());
      @SuppressWarnings("unchecked")
      var facts = (Map<String, Object>) doc.get("facts");
      CaseComparison.Checked checked = comparison.check(facts, "/facts");
      assertThat(checked.problems()).as(line).isEmpty();
      CaseFacts general = checked.before().facts().orElseThrow();
      assertThat(fast.facts()).as(line).isEqualTo(general);
      assertThat(fast.facts().known()).as(line).isEqualTo(general.known());
      assertThat(fast.pack()).isSameAs(checked.before().pack().orElseThrow());
    }
    assertThat(taken).isGreaterThan(2_500);
  }

  @Test
  void aMemoizedExplanationIsTheOneExplainGives() throws Exception {
    var policies = TestApp.policies();
    var before = new Side(new ImpactPoint(policies, ImpactTest.BEFORE_LAPSE, Map.of()));
    var after = new Side(new ImpactPoint(policies, ImpactTest.AFTER_LAPSE, Map.of()));
    var fast = new FastLine(policies, ImpactTest.BEFORE_LAPSE);
    var memo = new Reasons.Memo();
    Reasons reasons = null;
    int explained = 0;
    for (String line : generated(3_000, 3)) {
      byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
      assertThat(fast.read(bytes, 0, bytes.length)).isTrue();
      var a = before.compiled(fast.pack());
      var b = after.compiled(fast.pack());
      if (reasons == null) {
        reasons = new Reasons(a, b, ImpactTest.BEFORE_LAPSE, ImpactTest.AFTER_LAPSE);
      }
      for (String element : a.elements()) {
        var fa = a.finding(fast.facts(), ImpactTest.BEFORE_LAPSE, element).orElseThrow();
        var fb = b.finding(fast.facts(), ImpactTest.AFTER_LAPSE, element).orElseThrow();
        if (fa.outcome() == fb.outcome() && fa.groups().equals(fb.groups())) {
          continue;
        }
        explained++;
        var fresh = new Reasons(a, b, ImpactTest.BEFORE_LAPSE, ImpactTest.AFTER_LAPSE);
        assertThat(memo.explain(reasons, fa, fb)).isEqualTo(fresh.explain(fa, fb));
      }
    }
    assertThat(explained).isGreaterThan(300);
  }
}
