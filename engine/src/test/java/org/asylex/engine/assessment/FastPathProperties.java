package org.asylex.engine.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.asylex.engine.policy.TestPacks.element;
import static org.asylex.engine.policy.TestPacks.fact;
import static org.asylex.engine.policy.TestPacks.rule;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.asylex.engine.policy.AssumptionValues;
import org.asylex.engine.policy.FactDefinition;
import org.asylex.engine.policy.FactType;
import org.asylex.engine.policy.Outcome;
import org.asylex.engine.policy.PolicyPack;
import org.asylex.engine.policy.Slot;
import org.asylex.engine.policy.TestPacks;

/**
 * The compiled fast path (date segments, combination tables, the flat condition program, the shared
 * finding parts) says exactly what the reference evaluation says ({@link
 * CompiledPolicy#referenceOutcomes}, {@link CompiledPolicy#referenceAssess}: per element the
 * versions in force, the node-tree conditions, the decision and the missing-fact search), on random
 * cases with missing facts and on random dates, validity boundaries and the days either side of
 * them included. Over the neutral pack (under its defaults and other assumption values) and a
 * synthetic pack whose rules and exceptions change on different days, whose widest element has more
 * conditions than a combination table covers (the reference path decides it), one element whose
 * conditions read more atoms than an atom table holds (the program walk decides it), and a region
 * test that meets texts with and without a {@link TextCode}.
 */
class FastPathProperties {
  private static final List<CompiledPolicy> NEUTRAL =
      List.of(
          NeutralPack.defaults(),
          NeutralPack.compiled(Map.of("change-date", "2023-03-01", "desertion-counts", "false")));

  /**
   * Element lifted: rules r1-r3 (two versions of r2) and exceptions x1 (r1, r2), x2 (r3). Element
   * broad: three rules over the nine facts m0-m8 and a region (more atoms than an atom table
   * holds). Element wide: nine one-condition rules (more conditions than a combination table
   * covers).
   */
  static final PolicyPack SYNTHETIC = synthetic();

  private static PolicyPack synthetic() {
    TestPacks.PackBuilder p = TestPacks.pack();
    List<String> flags = List.of("a", "b", "c", "d", "e");
    for (int i = 0; i < flags.size(); i++) {
      p.fact(fact(flags.get(i), FactType.BOOLEAN, 1 + i));
    }
    p.fact(fact("k", FactType.ENUM, 6, "one", "two", "three"))
        .fact(fact("born", FactType.PARTIAL_DATE, 7))
        .fact(fact("place", FactType.REGION, 8));
    for (int i = 0; i <= 8; i++) {
      p.fact(fact("m" + i, FactType.BOOLEAN, 9 + i));
    }
    p.element(
            element(
                "lifted",
                Slot.PARTICULARS,
                Outcome.DOES_NOT_APPLY,
                Outcome.INDIVIDUAL_ASSESSMENT,
                1,
                "g1",
                "g2",
                "g3",
                "gx",
                "gy"))
        .element(
            element(
                "wide",
                Slot.RISK_GROUPS,
                Outcome.DOES_NOT_APPLY,
                Outcome.APPLIES,
                20,
                "h1",
                "h2",
                "h3",
                "h4",
                "h5",
                "h6",
                "h7",
                "h8",
                "h9"))
        .rule(applies("r1", "lifted", 10, "g1", "a and b"))
        .rule(
            rule("r2", "lifted", 20)
                .group("g2")
                .valid("2023-01-01", "2023-06-01", "c or k = 'two'", Outcome.APPLIES)
                .valid("2023-06-01", null, "c and age(born) >= 18", Outcome.APPLIES))
        .rule(
            rule("r3", "lifted", 40)
                .group("g3")
                .valid(
                    "2023-03-01",
                    "2024-01-01",
                    "not d or k in ['one', 'three'] or place != 'XX-BB'",
                    Outcome.APPLIES))
        .rule(
            rule("x1", "lifted", 50)
                .group("gx")
                .exceptionTo("r1", "r2")
                .valid("2023-02-01", null, "e", Outcome.INDIVIDUAL_ASSESSMENT))
        .rule(
            rule("x2", "lifted", 60)
                .group("gy")
                .exceptionTo("r3")
                .valid("2023-01-01", "2023-12-01", "b and not e", Outcome.DOES_NOT_APPLY))
        .element(
            element(
                "broad",
                Slot.EXCLUSION,
                Outcome.DOES_NOT_APPLY,
                Outcome.DOES_NOT_APPLY,
                30,
                "b1",
                "b2",
                "b3"))
        .rule(applies("b1", "broad", 160, "b1", "m0 and m1 and m2"))
        .rule(applies("b2", "broad", 170, "b2", "m3 or not m4 or m5"))
        .rule(
            applies("b3", "broad", 180, "b3", "(m6 and m7) or m8 or place in ['XX-AA', 'xx-odd']"));
    List<String> wide =
        List.of("a", "b", "c", "d", "e", "a and b", "k = 'one'", "age(born) < 27", "c and d");
    for (int i = 0; i < wide.size(); i++) {
      p.rule(applies("w" + (i + 1), "wide", 70 + 10 * i, "h" + (i + 1), wide.get(i)));
    }
    return p.build();
  }

  /** A rule of one version, in force from 2023-01-01 on, that applies when its condition holds. */
  private static TestPacks.RuleBuilder applies(
      String id, String element, int line, String group, String condition) {
    return rule(id, element, line)
        .group(group)
        .valid("2023-01-01", null, condition, Outcome.APPLIES);
  }

  private static final CompiledPolicy SYNTHETIC_POLICY =
      CompiledPolicy.compile(SYNTHETIC, AssumptionValues.defaults(SYNTHETIC));

  /** Cases of {@code pack}, each fact absent about a third of the time. */
  private static Arbitrary<CaseFacts> cases(PolicyPack pack) {
    List<FactDefinition> facts = pack.facts().facts();
    var perFact = new ArrayList<Arbitrary<Object>>();
    for (FactDefinition f : facts) {
      var values = new ArrayList<Object>(Domains.values(f));
      if (f.type() == FactType.REGION) {
        values.add("xx-odd"); // no TextCode: compared as a string
      }
      perFact.add(Arbitraries.of(values).injectNull(0.35));
    }
    return Combinators.combine(perFact)
        .as(
            values -> {
              var b = CaseFacts.builder(pack.facts());
              for (int i = 0; i < facts.size(); i++) {
                b.set(facts.get(i).name(), values.get(i));
              }
              return b.build();
            });
  }

  /** Every validity boundary of both packs and the days either side, and any day in 2022-2024. */
  @Provide
  Arbitrary<LocalDate> dates() {
    var boundaries = new ArrayList<LocalDate>();
    for (String d :
        List.of(
            "2022-06-29",
            "2023-06-29",
            "2023-06-08",
            "2023-03-01",
            "2023-01-01",
            "2023-02-01",
            "2023-06-01",
            "2023-12-01",
            "2024-01-01")) {
      LocalDate day = LocalDate.parse(d);
      boundaries.addAll(List.of(day.minusDays(1), day, day.plusDays(1)));
    }
    Arbitrary<LocalDate> any =
        Arbitraries.longs()
            .between(LocalDate.of(2022, 1, 1).toEpochDay(), LocalDate.of(2024, 12, 31).toEpochDay())
            .map(LocalDate::ofEpochDay);
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(1, Arbitraries.of(boundaries)), net.jqwik.api.Tuple.of(1, any));
  }

  @Provide
  Arbitrary<CaseFacts> neutralCases() {
    return cases(NeutralPack.PACK);
  }

  @Provide
  Arbitrary<CaseFacts> syntheticCases() {
    return cases(SYNTHETIC);
  }

  @Provide
  Arbitrary<CompiledPolicy> neutralPolicies() {
    return Arbitraries.of(NEUTRAL);
  }

  @Property(tries = 1000)
  void theNeutralPackSaysWhatTheReferenceSays(
      @ForAll("neutralPolicies") CompiledPolicy policy,
      @ForAll("neutralCases") CaseFacts facts,
      @ForAll("dates") LocalDate asOf) {
    assertSame(policy, facts, asOf);
  }

  @Property(tries = 1000)
  void theSyntheticPackSaysWhatTheReferenceSays(
      @ForAll("syntheticCases") CaseFacts facts, @ForAll("dates") LocalDate asOf) {
    assertSame(SYNTHETIC_POLICY, facts, asOf);
  }

  @Example
  void theSyntheticPackTakesEveryWay() {
    LocalDate day = LocalDate.of(2023, 7, 1);
    assertThat(SYNTHETIC_POLICY.path("lifted", day)).isEqualTo(CompiledPolicy.Path.ATOM_TABLE);
    assertThat(SYNTHETIC_POLICY.path("broad", day)).isEqualTo(CompiledPolicy.Path.PROGRAM_WALK);
    assertThat(SYNTHETIC_POLICY.path("wide", day)).isEqualTo(CompiledPolicy.Path.REFERENCE);
  }

  @Example
  void anOutcomesBufferServesOnlyThePolicyThatMadeIt() {
    Outcomes foreign = SYNTHETIC_POLICY.newOutcomes();
    CompiledPolicy neutral = NEUTRAL.get(0);
    var facts = CaseFacts.builder(neutral.pack().facts()).build();
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> neutral.outcomes(facts, LocalDate.of(2024, 1, 1), foreign))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("newOutcomes");
    Outcomes single = neutral.outcomes(facts, LocalDate.of(2024, 1, 1));
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> neutral.outcomes(facts, LocalDate.of(2024, 1, 1), single))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** Outcomes, missing masks, groups, every finding, next questions and single findings. */
  static void assertSame(CompiledPolicy policy, CaseFacts facts, LocalDate asOf) {
    Outcomes fast = policy.outcomes(facts, asOf);
    Outcomes reference = policy.referenceOutcomes(facts, asOf);
    // a reused buffer holds this case's outcomes alone, whatever the case before it left there
    Outcomes buffer = policy.newOutcomes();
    policy.outcomes(CaseFacts.builder(facts.schema()).build(), asOf, buffer);
    assertThat(policy.outcomes(facts, asOf, buffer)).isSameAs(buffer);
    assertThat(fast.size()).isEqualTo(reference.size());
    for (int i = 0; i < fast.size(); i++) {
      assertThat(fast.element(i)).isEqualTo(reference.element(i));
      assertThat(fast.outcome(i)).as(fast.element(i)).isEqualTo(reference.outcome(i));
      assertThat(fast.missingMask(i)).as(fast.element(i)).isEqualTo(reference.missingMask(i));
      assertThat(fast.groups(i)).as(fast.element(i)).isEqualTo(reference.groups(i));
      assertThat(buffer.outcome(i)).as(fast.element(i)).isEqualTo(reference.outcome(i));
      assertThat(buffer.missingMask(i)).as(fast.element(i)).isEqualTo(reference.missingMask(i));
      assertThat(buffer.groups(i)).as(fast.element(i)).isEqualTo(reference.groups(i));
    }
    Assessment assessed = policy.assess(facts, asOf);
    Assessment expected = policy.referenceAssess(facts, asOf, false);
    assertThat(assessed).isEqualTo(expected);
    assertThat(assessed.toString()).isEqualTo(expected.toString());
    for (Finding f : expected.findings()) {
      assertThat(policy.finding(facts, asOf, f.element())).contains(f);
    }
  }
}
