package org.asylex.app.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.asylex.app.Refused;
import org.asylex.app.TestApp;
import org.asylex.app.policy.FactCheck;
import org.asylex.app.policy.PolicyCatalog;
import org.asylex.engine.assessment.Outcomes;
import org.asylex.engine.policy.Element;
import org.asylex.engine.policy.Outcome;
import org.asylex.engine.policy.PolicyPack;
import org.asylex.engine.policy.Slot;
import org.junit.jupiter.api.Test;

/**
 * The cases under the decision moratorium per day, counted per stretch between the days a finding
 * can change, against the plain way: every case assessed on every day.
 */
class DailyCountsTest {
  static final LocalDate FROM = LocalDate.parse("2021-12-20");
  static final LocalDate TO = LocalDate.parse("2024-03-10");

  /** A small random caseload: birth dates as years, months or days (29 February too), statuses. */
  static List<Map<String, Object>> caseload(long seed, int n) {
    var random = new Random(seed);
    String[] statuses = {"conscript", "reservist", "contractSoldier", "none"};
    var cases = new ArrayList<Map<String, Object>>();
    for (int i = 0; i < n; i++) {
      var facts = new LinkedHashMap<String, Object>();
      facts.put("countryOfOrigin", "RU");
      int year = 1994 + random.nextInt(12);
      switch (random.nextInt(5)) {
        case 0 -> facts.put("dateOfBirth", String.valueOf(year));
        case 1 -> facts.put("dateOfBirth", String.format("%d-%02d", year, 1 + random.nextInt(12)));
        case 2 -> facts.put("dateOfBirth", (year / 4 * 4) + "-02-29");
        case 3 -> {} // not assessed yet
        default ->
            facts.put(
                "dateOfBirth", LocalDate.of(year, 1, 1).plusDays(random.nextInt(365)).toString());
      }
      if (random.nextInt(6) == 0) {
        facts.put("dateOfBirth", "2023-0" + (1 + random.nextInt(9))); // born in the period
      }
      if (random.nextInt(5) > 0) {
        facts.put("militaryStatus", statuses[random.nextInt(statuses.length)]);
      }
      int motive = random.nextInt(4);
      if (motive == 1) {
        facts.put("refusesMilitaryService", true);
      } else if (motive == 2) {
        facts.put("desertion", random.nextBoolean());
      }
      cases.add(facts);
    }
    return cases;
  }

  /** The plain way: every case checked and assessed on every day. */
  static long[] dayByDay(
      PolicyCatalog policies, Map<String, String> assumptions, List<Map<String, Object>> cases) {
    int days = (int) java.time.temporal.ChronoUnit.DAYS.between(FROM, TO) + 1;
    long[] counts = new long[days];
    var check = new FactCheck(policies);
    for (Map<String, Object> raw : cases) {
      if (!check.check(raw, TO, "/facts", false).isValid()) {
        continue;
      }
      for (int d = 0; d < days; d++) {
        LocalDate day = FROM.plusDays(d);
        FactCheck.Checked checked = check.check(raw, day, "/facts", false);
        if (!checked.isValid()) {
          continue;
        }
        PolicyPack pack = checked.pack().orElseThrow();
        Outcomes o = policies.compiled(pack, assumptions).outcomes(checked.facts().get(), day);
        for (int i = 0; i < o.size(); i++) {
          String element = o.element(i);
          boolean moratorium =
              pack.element(element).map(Element::slot).orElse(null) == Slot.DECISION_MORATORIUM;
          if (moratorium && o.outcome(i) == Outcome.APPLIES) {
            counts[d]++;
            break;
          }
        }
      }
    }
    return counts;
  }

  @Test
  void theCountsPerStretchEqualAnAssessmentOfEveryCaseOnEveryDay() {
    PolicyCatalog policies = TestApp.policies();
    List<Map<String, Object>> cases = caseload(20231205L, 300);

    for (Map<String, String> assumptions :
        List.of(
            Map.<String, String>of(),
            Map.of("moratorium-age-27-included", "true", "conscript-reading", "serving"))) {
      long t0 = System.nanoTime();
      DailyCounts.Counter counter =
          DailyCounts.underDecisionMoratorium(policies, assumptions).counter(FROM, TO);
      cases.forEach(counter::add);
      DailyCounts.Series series = counter.series();
      long t1 = System.nanoTime();
      long[] expected = dayByDay(policies, assumptions, cases);
      long t2 = System.nanoTime();

      assertThat(series.perDay()).as("under %s", assumptions).containsExactly(expected);
      long everyDay = series.cases() * series.perDay().length;
      assertThat(series.assessments())
          .as("one assessment per stretch, far fewer than one per day")
          .isLessThan(everyDay / 20);
      System.out.printf(
          "DailyCounts %s: %d cases x %d days: %d assessments (every day: %d, ratio 1:%d);"
              + " %.1f ms against %.1f ms day by day (fact checks included)%n",
          assumptions,
          series.cases(),
          series.perDay().length,
          series.assessments(),
          everyDay,
          everyDay / Math.max(1, series.assessments()),
          (t1 - t0) / 1e6,
          (t2 - t1) / 1e6);
      assertThat(series.max()).as("the caseload puts someone under the moratorium").isPositive();
      assertThat(series.on(LocalDate.parse("2023-06-29"))).isZero();
      assertThat(series.on(LocalDate.parse("2022-06-28"))).isZero();
    }
  }

  @Test
  void aCaseWhoseFactsThePackDoesNotTakeIsRejectedAndNeverCounted() {
    DailyCounts.Counter counter =
        DailyCounts.underDecisionMoratorium(TestApp.policies(), Map.of()).counter(FROM, TO);

    counter.add(Map.of("countryOfOrigin", "RU", "gender", "robot"));
    counter.add(
        Map.of(
            "countryOfOrigin", "RU",
            "dateOfBirth", "2001-03-14",
            "militaryStatus", "conscript",
            "refusesMilitaryService", true));

    DailyCounts.Series series = counter.series();
    assertThat(series.rejected()).isEqualTo(1);
    assertThat(series.cases()).isEqualTo(1);
    assertThat(series.on(LocalDate.parse("2023-01-15"))).isEqualTo(1);
    assertThat(series.on(LocalDate.parse("2023-07-01"))).isZero();
  }

  @Test
  void aPeriodBackwardsOrLongerThanTenYearsIsRefused() {
    var counts = DailyCounts.underDecisionMoratorium(TestApp.policies(), Map.of());

    assertThatThrownBy(() -> counts.counter(TO, FROM)).isInstanceOf(Refused.class);
    assertThatThrownBy(() -> counts.counter(FROM, FROM.plusDays(DailyCounts.MAX_DAYS)))
        .isInstanceOf(Refused.class);
    assertThat(counts.counter(FROM, FROM).series().perDay()).hasSize(1);
  }
}
