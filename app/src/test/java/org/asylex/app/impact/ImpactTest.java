package org.asylex.app.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.asylex.app.Refused;
import org.asylex.app.TestApp;
import org.asylex.app.policy.AssumptionSettings;
import org.asylex.app.policy.PolicyCatalog;
import org.asylex.engine.policy.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scenarios of the impact analysis on a small caseload: the moratorium lapsing on 2023-06-29, two
 * readings of "18 tot 27 jaar", and a pack edited between two revisions.
 */
class ImpactTest {
  static final LocalDate BEFORE_LAPSE = LocalDate.parse("2023-06-28");
  static final LocalDate AFTER_LAPSE = LocalDate.parse("2023-06-30");
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
              + "\"lawyerInPoliticallySensitiveCases\":true}}",
          "",
          "{\"id\":\"C-4\",\"facts\":{\"countryOfOrigin\":\"RU\",\"gender\":\"robot\"}}",
          "{\"id\":\"C-5\",\"facts\":{\"countryOfOrigin\":\"RU\",\"gender\":\"female\"}}",
          "{\"id\":\"C-6\",\"facts\":",
          "");

  record Run(ImpactReport report, List<ChangedFinding> changed, List<String> rejected) {
    ImpactReport.ElementImpact element(String id) {
      return report.elements().stream()
          .filter(e -> e.element().equals(id))
          .findFirst()
          .orElseThrow();
    }

    List<ChangedFinding> changedOf(String element) {
      return changed.stream().filter(c -> c.element().equals(element)).toList();
    }
  }

  static Run run(String lines, ImpactPoint before, ImpactPoint after, int workers)
      throws Exception {
    var changed = new ArrayList<ChangedFinding>();
    var rejected = new ArrayList<String>();
    var listener =
        new Impact.Listener() {
          @Override
          public void rejected(long line, Optional<String> id, int column, List<String> problems) {
            problems.forEach(p -> rejected.add(line + ": " + p));
          }

          @Override
          public void changed(ChangedFinding finding) {
            changed.add(finding);
          }
        };
    var in = new ByteArrayInputStream(lines.getBytes(StandardCharsets.UTF_8));
    return new Run(new Impact(workers).compare(in, before, after, listener), changed, rejected);
  }

  static ImpactPoint at(LocalDate date) {
    return new ImpactPoint(TestApp.policies(), date, Map.of());
  }

  static long sum(ImpactReport.ElementImpact e) {
    return e.transitions().stream().mapToLong(ImpactReport.Transition::count).sum();
  }

  @Test
  void everyElementsTransitionsAddUpToTheCasesAndBadLinesAreCountedAsRejected() throws Exception {
    Run r = run(CASELOAD, at(BEFORE_LAPSE), at(AFTER_LAPSE), 2);

    assertThat(r.report().cases()).isEqualTo(4); // C-1, C-2, C-3, C-5; the blank line is no case
    assertThat(r.report().rejected()).isEqualTo(2);
    assertThat(r.report().elements()).isNotEmpty();
    r.report().elements().forEach(e -> assertThat(sum(e)).as(e.element()).isEqualTo(4));
    assertThat(r.rejected()).anyMatch(p -> p.startsWith("5: /facts/gender: "));
    assertThat(r.rejected()).anyMatch(p -> p.startsWith("7: ") && p.contains("JSON"));
  }

  @Test
  void theConscriptsLoseTheMoratoriumWhenItLapsesWithTheLettersSentence() throws Exception {
    Run r = run(CASELOAD, at(BEFORE_LAPSE), at(AFTER_LAPSE), 2);

    for (String element : List.of("decision-moratorium", "departure-moratorium")) {
      ImpactReport.ElementImpact e = r.element(element);
      assertThat(e.transitions())
          .contains(
              new ImpactReport.Transition(
                  Optional.of(Outcome.APPLIES), Optional.of(Outcome.DOES_NOT_APPLY), 2));
      // those in the group lose it; those whose military facts are missing are no longer
      // undetermined: after the lapse the moratorium does not apply whatever the facts
      assertThat(
              r.changedOf(element).stream()
                  .filter(c -> c.before().equals(Optional.of(Outcome.APPLIES))))
          .extracting(ChangedFinding::id)
          .containsExactly("C-1", "C-2");
      assertThat(r.changedOf(element))
          .allMatch(c -> c.after().equals(Optional.of(Outcome.DOES_NOT_APPLY)));
      for (ChangedFinding c : r.changedOf(element)) {
        assertThat(c.why())
            .isEqualTo(
                new Why.BoundaryCrossed(
                    element + "-conscripts",
                    LocalDate.parse("2023-06-29"),
                    Why.Crossing.LAPSES,
                    Optional.empty()));
        if (c.before().equals(Optional.of(Outcome.APPLIES))) {
          assertThat(c.rulesBefore()).containsExactly(element + "-conscripts");
        }
        assertThat(c.sources()).extracting(Quote::text).containsExactly(LAPSE_SENTENCE);
        assertThat(c.sources().get(0).line()).isPositive();
      }
      assertThat(e.changes())
          .filteredOn(c -> c.from().equals(Optional.of(Outcome.APPLIES)))
          .singleElement()
          .extracting(ImpactReport.Change::count)
          .isEqualTo(2L);
    }
    // nothing else moved across those two days
    assertThat(r.changed()).allMatch(c -> c.element().endsWith("-moratorium"));
  }

  @Test
  void theLawyerGainsTheRiskGroupFromTheInForceDateAnAssumption() throws Exception {
    Run r = run(CASELOAD, at(LocalDate.parse("2023-06-01")), at(AFTER_LAPSE), 1);

    ImpactReport.ElementImpact riskGroup = r.element("risk-group");
    assertThat(riskGroup.groups()).contains(new ImpactReport.GroupChange("lawyers", 1, 0));
    ChangedFinding lawyer = r.changedOf("risk-group").get(0);
    assertThat(lawyer.id()).isEqualTo("C-3");
    assertThat(lawyer.groupsAfter()).containsExactly("lawyers");
    assertThat(lawyer.why()).isInstanceOf(Why.BoundaryCrossed.class);
    var why = (Why.BoundaryCrossed) lawyer.why();
    assertThat(why.assumption()).contains("in-force-date");
    assertThat(why.date()).isEqualTo(LocalDate.parse("2023-06-08"));
    assertThat(why.crossing()).isEqualTo(Why.Crossing.COMES_INTO_FORCE);
    assertThat(lawyer.sources()).isNotEmpty();
  }

  @Test
  void twoReadingsOfTheAgeRangeOnOneDateMoveOnlyThe27YearOld() throws Exception {
    LocalDate day = LocalDate.parse("2023-01-15");
    String cases =
        "{\"id\":\"A-27\",\"facts\":{\"countryOfOrigin\":\"RU\",\"dateOfBirth\":\"1995-06-01\","
            + "\"militaryStatus\":\"conscript\",\"refusesMilitaryService\":true}}\n"
            + "{\"id\":\"A-21\",\"facts\":{\"countryOfOrigin\":\"RU\",\"dateOfBirth\":\"2001-06-01\","
            + "\"militaryStatus\":\"conscript\",\"refusesMilitaryService\":true}}\n";
    var before = new ImpactPoint(TestApp.policies(), day, Map.of());
    var after =
        new ImpactPoint(TestApp.policies(), day, Map.of("moratorium-age-27-included", "true"));

    Run r = run(cases, before, after, 2);

    assertThat(r.changedOf("decision-moratorium"))
        .extracting(ChangedFinding::id)
        .containsExactly("A-27");
    ChangedFinding c = r.changedOf("decision-moratorium").get(0);
    assertThat(c.before()).contains(Outcome.DOES_NOT_APPLY);
    assertThat(c.after()).contains(Outcome.APPLIES);
    assertThat(c.why())
        .isEqualTo(new Why.AssumptionChanged("moratorium-age-27-included", "false", "true"));
    assertThat(c.sources()).extracting(Quote::text).anyMatch(t -> t.contains("18 tot 27 jaar"));
  }

  @Test
  void anAssumptionValueThatDoesNotFitIsRefusedBeforeAnyCaseIsRead() {
    var after =
        new ImpactPoint(
            TestApp.policies(), AFTER_LAPSE, Map.of("moratorium-age-27-included", "maybe"));
    assertThatThrownBy(() -> run(CASELOAD, at(BEFORE_LAPSE), after, 1)).isInstanceOf(Refused.class);
  }

  @Test
  void aRuleEditedBetweenTwoRevisionsOfThePackIsNamed(@TempDir Path tmp) throws Exception {
    Path copy = tmp.resolve("ru");
    copyTree(TestApp.POLICIES.resolve("ru"), copy);
    Path rules = copy.resolve("rules.yaml");
    String text = Files.readString(rules);
    String window = "valid: {from: 2022-06-29, to: 2023-06-29}";
    assertThat(text).contains(window);
    // the decision moratorium (the first rule with that window) extended by half a year
    Files.writeString(
        rules,
        text.replaceFirst(
            java.util.regex.Pattern.quote(window), "valid: {from: 2022-06-29, to: 2023-12-29}"));
    var edited = PolicyCatalog.of(tmp, AssumptionSettings.none());
    LocalDate day = LocalDate.parse("2023-07-01");

    Run r = run(CASELOAD, at(day), new ImpactPoint(edited, day, Map.of()), 2);

    assertThat(r.changedOf("decision-moratorium"))
        .filteredOn(c -> c.after().equals(Optional.of(Outcome.APPLIES)))
        .extracting(ChangedFinding::id)
        .containsExactly("C-1", "C-2");
    assertThat(r.changedOf("decision-moratorium"))
        .allMatch(
            c ->
                c.why()
                    .equals(
                        new Why.RuleChanged(
                            "decision-moratorium-conscripts", Optional.empty(), Optional.of(1))));
    assertThat(r.changedOf("departure-moratorium")).isEmpty();
    assertThat(r.report().from().packs().get(0).contentHash())
        .isNotEqualTo(r.report().to().packs().get(0).contentHash());
  }

  @Test
  void changedFindingsComeInInputOrderWhateverTheWorkers() throws Exception {
    var lines = new StringBuilder();
    int n = 3 * Impact.BATCH + 17;
    for (int i = 0; i < n; i++) {
      boolean conscript = i % 3 == 0;
      lines.append(
          String.format(
              "{\"id\":\"G-%05d\",\"facts\":{\"countryOfOrigin\":\"RU\",\"dateOfBirth\":\"2000\","
                  + "\"militaryStatus\":\"%s\",\"refusesMilitaryService\":true}}%n",
              i, conscript ? "conscript" : "contractSoldier"));
    }
    Run r = run(lines.toString(), at(BEFORE_LAPSE), at(AFTER_LAPSE), 4);

    List<String> ids = r.changedOf("decision-moratorium").stream().map(ChangedFinding::id).toList();
    assertThat(ids).isSorted().hasSize((n + 2) / 3);
    assertThat(r.report().cases()).isEqualTo(n);
    r.report().elements().forEach(e -> assertThat(sum(e)).isEqualTo(n));
  }

  @Test
  void linesAreNumberedAcrossBlocksAndOverLongLinesAreRejectedWhereTheyStand() throws Exception {
    String good = "{\"id\":\"C-%d\",\"facts\":{\"countryOfOrigin\":\"RU\",\"gender\":\"female\"}}";
    String bad = "{\"id\":\"C-%d\",\"facts\":{\"countryOfOrigin\":\"RU\",\"gender\":\"robot\"}}";
    // a third longer than a case may be, but within a block; another longer than a block
    String longer = "{\"id\":\"L\",\"facts\":{\"x\":\"" + "a".repeat(1_500_000) + "\"}}";
    String longest = "{\"id\":\"L\",\"facts\":{\"x\":\"" + "a".repeat(5_000_000) + "\"}}";
    var lines = new StringBuilder();
    var expected = new ArrayList<String>();
    int cases = 0;
    for (int n = 1; n <= 90_000; n++) {
      if (n == 20_000 || n == 50_001) {
        lines.append(n == 20_000 ? longer : longest);
        expected.add(n + ": the line is longer than 1024 KiB; a line is one case object");
      } else if (n % 7_001 == 0) {
        lines.append(String.format(bad, n)).append('\r');
        expected.add(n + ": /facts/gender: ");
      } else if (n % 5_003 == 0) {
        lines.append("  ");
      } else {
        lines.append(String.format(good, n)).append(n % 2 == 0 ? "\r" : "");
        cases++;
      }
      if (n < 90_000) {
        lines.append('\n');
      }
    }

    Run r = run(lines.toString(), at(BEFORE_LAPSE), at(AFTER_LAPSE), 2);

    assertThat(r.report().cases()).isEqualTo(cases);
    assertThat(r.report().rejected()).isEqualTo(expected.size());
    assertThat(r.rejected()).hasSameSizeAs(expected);
    for (int k = 0; k < expected.size(); k++) {
      assertThat(r.rejected().get(k)).startsWith(expected.get(k));
    }
  }

  static void copyTree(Path from, Path to) throws IOException {
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
