package org.asylex.engine.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.asylex.engine.policy.TestPacks.assumption;
import static org.asylex.engine.policy.TestPacks.element;
import static org.asylex.engine.policy.TestPacks.fact;
import static org.asylex.engine.policy.TestPacks.rule;

import java.util.Map;
import org.asylex.engine.diagnostic.Severity;
import org.asylex.engine.policy.Assumption;
import org.asylex.engine.policy.AssumptionValues;
import org.asylex.engine.policy.FactType;
import org.asylex.engine.policy.Outcome;
import org.asylex.engine.policy.PackValidator;
import org.asylex.engine.policy.PolicyPack;
import org.asylex.engine.policy.Slot;
import org.asylex.engine.policy.TestPacks;
import org.junit.jupiter.api.Test;

/** The engine never picks one of two rules that decide the same thing on the same date. */
class PolicyConflictTest {

  /**
   * Rules old and new decide group g of element e: old until @old-end, new from @new-start; both
   * default to 2023-01-01, so under the defaults they meet without overlapping.
   */
  private static PolicyPack handOver(String newGroup) {
    return TestPacks.pack()
        .fact(fact("a", FactType.BOOLEAN, 1))
        .fact(fact("b", FactType.BOOLEAN, 4))
        .element(element("e", 1, "g", "h"))
        .assumption(assumption("old-end", Assumption.Type.DATE, "2023-01-01", 1))
        .assumption(assumption("new-start", Assumption.Type.DATE, "2023-01-01", 5))
        .rule(rule("old", "e", 10).group("g").valid(null, "@old-end", "a"))
        .rule(rule("new", "e", 30).group(newGroup).valid("@new-start", null, "b"))
        .build();
  }

  @Test
  void rulesThatMeetUnderTheDefaultsPassTheCheckAndCompile() {
    PolicyPack p = handOver("g");

    assertThat(PackValidator.check(p)).noneMatch(d -> d.severity() == Severity.ERROR);
    assertThatCode(() -> CompiledPolicy.compile(p, AssumptionValues.defaults(p)))
        .doesNotThrowAnyException();
  }

  @Test
  void anOverrideThatMakesTwoRulesOfOneGroupOverlapIsRefusedNamingBothRules() {
    PolicyPack p = handOver("g");
    AssumptionValues earlier = AssumptionValues.withOverrides(p, Map.of("new-start", "2022-12-01"));

    PolicyConflictException e =
        catchThrowableOfType(
            PolicyConflictException.class, () -> CompiledPolicy.compile(p, earlier));

    assertThat(e.firstRule()).isEqualTo("old");
    assertThat(e.secondRule()).isEqualTo("new");
    assertThat(e.getMessage())
        .isEqualTo(
            "rules 'old' and 'new' both decide group 'g' of element 'e' on [2022-12-01,"
                + " 2023-01-01); make one an exception to the other, or separate their validity");
  }

  @Test
  void anOverrideThatSeparatesTheRulesFurtherIsFine() {
    PolicyPack p = handOver("g");

    assertThatCode(
            () ->
                CompiledPolicy.compile(
                    p, AssumptionValues.withOverrides(p, Map.of("new-start", "2023-02-01"))))
        .doesNotThrowAnyException();
  }

  @Test
  void rulesOfDifferentGroupsMayOverlap() {
    PolicyPack p = handOver("h");

    assertThatCode(
            () ->
                CompiledPolicy.compile(
                    p, AssumptionValues.withOverrides(p, Map.of("new-start", "2022-12-01"))))
        .doesNotThrowAnyException();
  }

  @Test
  void anOverrideThatMakesTwoVersionsOfOneRuleOverlapIsRefused() {
    PolicyPack p =
        TestPacks.pack()
            .fact(fact("a", FactType.BOOLEAN, 1))
            .element(element("e", 1))
            .assumption(assumption("old-end", Assumption.Type.DATE, "2023-01-01", 1))
            .assumption(assumption("new-start", Assumption.Type.DATE, "2023-01-01", 5))
            .rule(
                rule("r", "e", 10).valid(null, "@old-end", "a").valid("@new-start", null, "not a"))
            .build();
    assertThatCode(() -> CompiledPolicy.compile(p, AssumptionValues.defaults(p)))
        .doesNotThrowAnyException();

    assertThatThrownBy(
            () ->
                CompiledPolicy.compile(
                    p, AssumptionValues.withOverrides(p, Map.of("old-end", "2023-03-01"))))
        .isInstanceOfSatisfying(
            PolicyConflictException.class,
            e -> {
              assertThat(e.firstRule()).isEqualTo("r");
              assertThat(e.secondRule()).isEqualTo("r");
              assertThat(e.getMessage())
                  .isEqualTo(
                      "versions 1 […, 2023-03-01) and 2 [2023-01-01, …) of rule 'r' overlap"
                          + " under these assumption values");
            });
  }

  @Test
  void theThirdVersionOverlappingTheSecondIsFoundToo() {
    PolicyPack p =
        TestPacks.pack()
            .fact(fact("a", FactType.BOOLEAN, 1))
            .element(element("e", 1))
            .assumption(assumption("end", Assumption.Type.DATE, "2023-01-01", 1))
            .rule(
                rule("r", "e", 10)
                    .valid(null, "2022-01-01", "a")
                    .valid("2022-01-01", "@end", "a")
                    .valid("2023-01-01", null, "a"))
            .build();

    assertThatThrownBy(
            () ->
                CompiledPolicy.compile(
                    p, AssumptionValues.withOverrides(p, Map.of("end", "2023-01-02"))))
        .isInstanceOf(PolicyConflictException.class)
        .hasMessageStartingWith("versions 2 [2022-01-01, 2023-01-02) and 3 [2023-01-01, …)");
  }

  /** Two groups of one element whose rules give different outcomes. */
  private static CompiledPolicy differentOutcomes() {
    PolicyPack p =
        TestPacks.pack()
            .fact(fact("a", FactType.BOOLEAN, 1))
            .fact(fact("b", FactType.BOOLEAN, 4))
            .element(
                element(
                    "e",
                    Slot.PARTICULARS,
                    Outcome.DOES_NOT_APPLY,
                    Outcome.DOES_NOT_APPLY,
                    1,
                    "g",
                    "h"))
            .rule(rule("rg", "e", 10).group("g").valid(null, null, "a", Outcome.APPLIES))
            .rule(
                rule("rh", "e", 30)
                    .group("h")
                    .valid(null, null, "b", Outcome.INDIVIDUAL_ASSESSMENT))
            .build();
    return CompiledPolicy.compile(p, AssumptionValues.defaults(p));
  }

  @Test
  void rulesThatGiveDifferentOutcomesForOneCaseAreAConflictWhenTheCaseIsAssessed() {
    CompiledPolicy p = differentOutcomes();
    CaseFacts both = TinyPack.facts(p.pack(), "a", true, "b", true);

    assertThatThrownBy(() -> p.assess(both, TinyPack.D))
        .isInstanceOfSatisfying(
            PolicyConflictException.class,
            e -> {
              assertThat(e.firstRule()).isEqualTo("rg");
              assertThat(e.secondRule()).isEqualTo("rh");
              assertThat(e.getMessage())
                  .isEqualTo(
                      "rules 'rg' and 'rh' of element 'e' both hold for this case on 2023-06-15"
                          + " with different outcomes");
            });
    assertThatThrownBy(() -> p.outcomes(both, TinyPack.D))
        .isInstanceOf(PolicyConflictException.class);
  }

  @Test
  void rulesWithDifferentOutcomesOfWhichOneHoldsGiveThatOutcome() {
    CompiledPolicy p = differentOutcomes();

    assertThat(
            p.assess(TinyPack.facts(p.pack(), "a", true, "b", false), TinyPack.D)
                .findings()
                .get(0)
                .outcome())
        .isEqualTo(Outcome.APPLIES);
    assertThat(
            p.assess(TinyPack.facts(p.pack(), "a", false, "b", true), TinyPack.D)
                .findings()
                .get(0)
                .outcome())
        .isEqualTo(Outcome.INDIVIDUAL_ASSESSMENT);
  }
}
