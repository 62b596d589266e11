package org.asylex.engine.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.asylex.benchmarks.CaseGenerator;
import org.asylex.benchmarks.RussianPack;
import org.asylex.engine.policy.AssumptionValues;
import org.asylex.engine.policy.PolicyPack;

/**
 * The engine's fast path says exactly what its reference evaluation says on the RU pack ({@link
 * CompiledPolicy#referenceOutcomes}, {@link CompiledPolicy#referenceAssess}): outcomes, missing
 * facts, groups, every finding and the next questions, for generated cases with facts missing (the
 * benchmark's generator, at three presences), each on its own date and on random days, the validity
 * boundaries and the days either side of them, under the defaults and other readings. In the
 * engine's package (to reach the reference) but in this module, which can load the pack.
 */
class RussianFastPathProperties {
  private static final PolicyPack PACK = RussianPack.load();

  private static final List<CompiledPolicy> POLICIES =
      List.of(
          RussianPack.compileDefaults(PACK),
          CompiledPolicy.compile(
              PACK,
              AssumptionValues.withOverrides(
                  PACK,
                  Map.of(
                      "moratorium-age-27-included", "true",
                      "conscript-reading", "serving",
                      "criticism-clause-scope", "all-three",
                      "in-force-date", "2023-03-01"))));

  private static final List<LocalDate> BOUNDARIES = boundaries();

  private static List<LocalDate> boundaries() {
    var days = new ArrayList<LocalDate>();
    for (String d : List.of("2022-06-29", "2023-06-29", "2023-06-08", "2023-03-01")) {
      LocalDate day = LocalDate.parse(d);
      days.addAll(List.of(day.minusDays(1), day, day.plusDays(1)));
    }
    return days;
  }

  @Provide
  Arbitrary<LocalDate> dates() {
    Arbitrary<LocalDate> any =
        Arbitraries.longs()
            .between(CaseGenerator.FIRST_DATE.toEpochDay(), CaseGenerator.LAST_DATE.toEpochDay())
            .map(LocalDate::ofEpochDay);
    return Arbitraries.oneOf(Arbitraries.of(BOUNDARIES), any);
  }

  @Provide
  Arbitrary<Double> presences() {
    return Arbitraries.of(0.3, 0.7, 1.0);
  }

  @Property(tries = 300)
  void theFastPathSaysWhatTheReferenceSays(
      @ForAll long seed,
      @ForAll("presences") double presence,
      @ForAll("dates") LocalDate otherDay) {
    for (var c : new CaseGenerator(PACK.facts(), presence).generate(seed, 20)) {
      for (CompiledPolicy policy : POLICIES) {
        assertSame(policy, c.facts(), c.asOf());
        if (!otherDay.isBefore(latestBirth(c.facts()))) {
          assertSame(policy, c.facts(), otherDay);
        }
      }
    }
  }

  /** A case's facts are only valid on a date on or after the birth date they give. */
  private static LocalDate latestBirth(CaseFacts facts) {
    return facts
        .get("dateOfBirth")
        .map(v -> ((org.asylex.engine.time.PartialDate) v).earliest())
        .orElse(LocalDate.MIN);
  }

  static void assertSame(CompiledPolicy policy, CaseFacts facts, LocalDate asOf) {
    Outcomes fast = policy.outcomes(facts, asOf);
    Outcomes reference = policy.referenceOutcomes(facts, asOf);
    // a reused buffer holds this case's outcomes alone, whatever the case before it left there
    Outcomes buffer = policy.newOutcomes();
    policy.outcomes(CaseFacts.builder(facts.schema()).build(), asOf, buffer);
    assertThat(policy.outcomes(facts, asOf, buffer)).isSameAs(buffer);
    for (int i = 0; i < fast.size(); i++) {
      String what = fast.element(i) + " on " + asOf + " for " + facts;
      assertThat(fast.outcome(i)).as(what).isEqualTo(reference.outcome(i));
      assertThat(fast.missingMask(i)).as(what).isEqualTo(reference.missingMask(i));
      assertThat(fast.groups(i)).as(what).isEqualTo(reference.groups(i));
      assertThat(buffer.outcome(i)).as(what).isEqualTo(reference.outcome(i));
      assertThat(buffer.missingMask(i)).as(what).isEqualTo(reference.missingMask(i));
      assertThat(buffer.groups(i)).as(what).isEqualTo(reference.groups(i));
    }
    Assessment expected = policy.referenceAssess(facts, asOf, false);
    assertThat(policy.assess(facts, asOf)).isEqualTo(expected);
    for (Finding f : expected.findings()) {
      assertThat(policy.finding(facts, asOf, f.element())).contains(f);
    }
  }
}
