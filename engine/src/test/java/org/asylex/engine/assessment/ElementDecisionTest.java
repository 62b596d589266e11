package org.asylex.engine.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.asylex.engine.policy.TestPacks.element;
import static org.asylex.engine.policy.TestPacks.fact;
import static org.asylex.engine.policy.TestPacks.rule;

import java.time.LocalDate;
import java.util.List;
import org.asylex.engine.policy.AssumptionValues;
import org.asylex.engine.policy.FactType;
import org.asylex.engine.policy.Outcome;
import org.asylex.engine.policy.PolicyPack;
import org.asylex.engine.policy.Slot;
import org.asylex.engine.policy.TestPacks;
import org.junit.jupiter.api.Test;

/**
 * Each case of {@link ElementDecision}, computed once by {@link ElementPlan#decide}, and both
 * {@link CompiledPolicy#outcomes} and {@link CompiledPolicy#assess} reading it.
 */
class ElementDecisionTest {
  private static final LocalDate BEFORE = LocalDate.of(2022, 6, 15);

  /**
   * Element e (otherwise does_not_apply, not in force individual_assessment) with, from 2023-01-01,
   * rule rg (group g, "a") and rule rh (group h, "b"), both applies, and exception rx (group x,
   * "c", does_not_apply) to rg.
   */
  private static final PolicyPack PACK =
      TestPacks.pack()
          .fact(fact("a", FactType.BOOLEAN, 1))
          .fact(fact("b", FactType.BOOLEAN, 4))
          .fact(fact("c", FactType.BOOLEAN, 7))
          .element(
              element(
                  "e",
                  Slot.PARTICULARS,
                  Outcome.DOES_NOT_APPLY,
                  Outcome.INDIVIDUAL_ASSESSMENT,
                  1,
                  "g",
                  "h",
                  "x"))
          .rule(rule("rg", "e", 10).group("g").valid("2023-01-01", null, "a", Outcome.APPLIES))
          .rule(rule("rh", "e", 30).group("h").valid("2023-01-01", null, "b", Outcome.APPLIES))
          .rule(
              rule("rx", "e", 50)
                  .group("x")
                  .exceptionTo("rg")
                  .valid("2023-01-01", null, "c", Outcome.DOES_NOT_APPLY))
          .build();

  private static final AssumptionValues DEFAULTS = AssumptionValues.defaults(PACK);
  private static final CompiledPolicy POLICY = CompiledPolicy.compile(PACK, DEFAULTS);

  /** The decision of element e, made directly by its plan. */
  private static ElementDecision decide(LocalDate date, Object... facts) {
    var compiler = new ConditionCompiler(PACK, DEFAULTS);
    var plan =
        new ElementPlan(PACK.element("e").orElseThrow(), PACK, compiler, DEFAULTS, List.of());
    var evaluation =
        new Evaluation(TinyPack.facts(PACK, facts).values(), date, compiler.nodeCount());
    ElementDecision decision = plan.decide(plan.evaluate(evaluation));

    // the fast path and the finding read the same decision
    CaseFacts caseFacts = TinyPack.facts(PACK, facts);
    Outcomes outcomes = POLICY.outcomes(caseFacts, date);
    Finding finding = POLICY.assess(caseFacts, date).findings().get(0);
    assertThat(outcomes.outcome(0)).isEqualTo(decision.outcome()).isEqualTo(finding.outcome());
    assertThat(outcomes.missingMask(0)).isEqualTo(decision.missingFacts());
    return decision;
  }

  private static List<String> decidingRules(LocalDate date, Object... facts) {
    return POLICY.assess(TinyPack.facts(PACK, facts), date).findings().get(0).decidingRules();
  }

  @Test
  void beforeAnyRuleIsInForceTheElementsNotInForceDefaultDecides() {
    assertThat(decide(BEFORE, "a", true))
        .isEqualTo(new ElementDecision.NotInForce(Outcome.INDIVIDUAL_ASSESSMENT));
    assertThat(decidingRules(BEFORE, "a", true)).isEmpty();
  }

  @Test
  void rulesThatHoldDecideAndTheDecisionNamesEachOfThem() {
    assertThat(decide(TinyPack.D, "a", true, "b", false, "c", false))
        .isEqualTo(new ElementDecision.ByRules(Outcome.APPLIES, 0b01));
    ElementDecision both = decide(TinyPack.D, "a", true, "b", true, "c", false);

    assertThat(both).isEqualTo(new ElementDecision.ByRules(Outcome.APPLIES, 0b11));
    assertThat(((ElementDecision.ByRules) both).holds(0)).isTrue();
    assertThat(((ElementDecision.ByRules) both).holds(1)).isTrue();
    assertThat(decidingRules(TinyPack.D, "a", true, "b", true, "c", false))
        .containsExactly("rg", "rh");
  }

  @Test
  void anExceptionThatLiftsTheOnlyRuleThatHeldDecidesWithItsOutcome() {
    ElementDecision d = decide(TinyPack.D, "a", true, "b", false, "c", true);

    assertThat(d).isEqualTo(new ElementDecision.ByExceptions(Outcome.DOES_NOT_APPLY, 0b1));
    assertThat(((ElementDecision.ByExceptions) d).decidedBy(0)).isTrue();
    assertThat(decidingRules(TinyPack.D, "a", true, "b", false, "c", true)).containsExactly("rx");
  }

  @Test
  void aRuleThatHoldsDecidesEvenWhenAnotherIsLifted() {
    assertThat(decide(TinyPack.D, "a", true, "b", true, "c", true))
        .isEqualTo(new ElementDecision.ByRules(Outcome.APPLIES, 0b10));
  }

  @Test
  void whenNoRuleHoldsAndNoExceptionDecidesTheOtherwiseDefaultDecides() {
    assertThat(decide(TinyPack.D, "a", false, "b", false, "c", true))
        .isEqualTo(new ElementDecision.Otherwise(Outcome.DOES_NOT_APPLY));
    assertThat(decidingRules(TinyPack.D, "a", false, "b", false, "c", true)).isEmpty();
  }

  @Test
  void anUnknownThatCouldChangeTheOutcomeLeavesItUndeterminedWithItsFacts() {
    ElementDecision d = decide(TinyPack.D, "b", false, "c", false);

    assertThat(d).isEqualTo(new ElementDecision.Undetermined(0b001));
    assertThat(d.outcome()).isEqualTo(Outcome.UNDETERMINED);
    // a and c both matter when neither is known
    assertThat(decide(TinyPack.D, "b", false).missingFacts()).isEqualTo(0b101);
  }

  @Test
  void onlyAnUndeterminedDecisionHasMissingFacts() {
    assertThat(new ElementDecision.Otherwise(Outcome.APPLIES).missingFacts()).isZero();
    assertThat(new ElementDecision.ByRules(Outcome.APPLIES, 1).missingFacts()).isZero();
    assertThat(new ElementDecision.NotInForce(Outcome.APPLIES).missingFacts()).isZero();
  }
}
