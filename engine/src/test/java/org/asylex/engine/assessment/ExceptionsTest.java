package org.asylex.engine.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.asylex.engine.assessment.NeutralPack.D;
import static org.asylex.engine.assessment.NeutralPack.RELOCATION;
import static org.asylex.engine.assessment.NeutralPack.facts;
import static org.asylex.engine.assessment.NeutralPack.finding;
import static org.asylex.engine.policy.TestPacks.element;
import static org.asylex.engine.policy.TestPacks.fact;
import static org.asylex.engine.policy.TestPacks.rule;

import org.asylex.engine.policy.AssumptionValues;
import org.asylex.engine.policy.FactType;
import org.asylex.engine.policy.Outcome;
import org.asylex.engine.policy.PolicyPack;
import org.asylex.engine.policy.Slot;
import org.asylex.engine.policy.SourceQuote;
import org.asylex.engine.policy.TestPacks;
import org.junit.jupiter.api.Test;

/**
 * An exception lifts the rules it names: the element then gets the exception's outcome, and the
 * exception is asked about only while a ground it lifts may hold.
 */
class ExceptionsTest {

  /** Not a regional ground: a man. */
  private static final Object[] NOT_REGIONAL = {"gender", "male"};

  private static CaseFacts relocation(Object... pairs) {
    return facts(pairs);
  }

  private static CaseFacts with(Object[] base, Object... more) {
    Object[] all = new Object[base.length + more.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(more, 0, all, base.length, more.length);
    return facts(all);
  }

  @Test
  void aGroundThatHoldsWithTheExceptionFalseApplies() {
    Finding f = finding(with(NOT_REGIONAL, "minority", true, "settle", false), D, RELOCATION);

    assertThat(f.outcome()).isEqualTo(Outcome.APPLIES);
    assertThat(f.groups()).containsExactly("minority");
    assertThat(f.rule()).contains("minority-ground");
    assertThat(f.reason()).isEqualTo(TestPacks.text("minority-ground v1"));
    assertThat(f.sources()).extracting(SourceQuote::quote).containsExactly("minority-ground v1");
    assertThat(f.missingFacts()).isEmpty();
  }

  @Test
  void anExceptionThatHoldsLiftsTheGroundWithTheExceptionsOutcomeReasonAndSources() {
    Finding f = finding(with(NOT_REGIONAL, "minority", true, "settle", true), D, RELOCATION);

    assertThat(f.outcome()).isEqualTo(Outcome.DOES_NOT_APPLY);
    assertThat(f.groups()).containsExactly("minority", "settle-elsewhere");
    assertThat(f.rule()).contains("settle-elsewhere");
    assertThat(f.reason()).isEqualTo(TestPacks.text("settle-elsewhere v1"));
    assertThat(f.sources())
        .extracting(SourceQuote::quote)
        .containsExactly("settle-elsewhere v1", "minority-ground v1");
    assertThat(f.missingFacts()).isEmpty();
  }

  @Test
  void theLiftedGroundsThatMayHoldAreCitedBesideTheException() {
    // regional is unknown (not certainly absent): its source is cited too
    Finding f = finding(relocation("minority", true, "settle", true), D, RELOCATION);

    assertThat(f.outcome()).isEqualTo(Outcome.DOES_NOT_APPLY);
    assertThat(f.sources())
        .extracting(SourceQuote::quote)
        .containsExactly("settle-elsewhere v1", "regional v1", "minority-ground v1");
  }

  @Test
  void everyGroundThatHoldsIsListedWhenTheExceptionLiftsThemAll() {
    Finding f =
        finding(
            relocation(
                "gender",
                "female",
                "region",
                "XX-BB",
                "threatened",
                true,
                "minority",
                true,
                "settle",
                true),
            D,
            RELOCATION);

    assertThat(f.outcome()).isEqualTo(Outcome.DOES_NOT_APPLY);
    assertThat(f.groups()).containsExactly("regional", "minority", "settle-elsewhere");
  }

  @Test
  void anUnknownExceptionWithAGroundThatHoldsIsUndeterminedWithOnlyTheExceptionsFactMissing() {
    // regional's facts are absent too, but with minority true they cannot change the outcome
    Finding f = finding(relocation("minority", true), D, RELOCATION);

    assertThat(f.outcome()).isEqualTo(Outcome.UNDETERMINED);
    assertThat(f.missingFacts()).containsExactly("settle");
    assertThat(f.groups()).containsExactly("minority");
    assertThat(f.rule()).isEmpty();
  }

  @Test
  void aGroundCertainlyFalseMeansTheExceptionIsNotAsked() {
    Finding f = finding(with(NOT_REGIONAL, "minority", false), D, RELOCATION);

    assertThat(f.outcome()).isEqualTo(Outcome.DOES_NOT_APPLY);
    assertThat(f.missingFacts()).isEmpty();
    assertThat(f.reason()).isEqualTo(TestPacks.text("relocation: otherwise"));
    assertThat(f.rule()).isEmpty();
  }

  @Test
  void anExceptionThatHoldsWhileEveryGroundIsCertainlyAbsentIsNotListedAndDoesNotDecide() {
    Finding f = finding(with(NOT_REGIONAL, "minority", false, "settle", true), D, RELOCATION);

    assertThat(f.outcome()).isEqualTo(Outcome.DOES_NOT_APPLY);
    assertThat(f.groups()).isEmpty();
    assertThat(f.rule()).isEmpty();
    assertThat(f.reason()).isEqualTo(TestPacks.text("relocation: otherwise"));
  }

  @Test
  void anExceptionThatHoldsSettlesAnUnknownGroundAndDecides() {
    // whatever minority is, the outcome is does_not_apply: nothing is missing
    Finding f = finding(with(NOT_REGIONAL, "settle", true), D, RELOCATION);

    assertThat(f.outcome()).isEqualTo(Outcome.DOES_NOT_APPLY);
    assertThat(f.missingFacts()).isEmpty();
    assertThat(f.groups()).containsExactly("settle-elsewhere");
    assertThat(f.rule()).contains("settle-elsewhere");
    assertThat(f.reason()).isEqualTo(TestPacks.text("settle-elsewhere v1"));
  }

  @Test
  void anUnknownGroundWithTheExceptionFalseIsUndeterminedOnTheGroundsFacts() {
    Finding f = finding(relocation("minority", false, "settle", false), D, RELOCATION);

    assertThat(f.outcome()).isEqualTo(Outcome.UNDETERMINED);
    assertThat(f.missingFacts()).containsExactly("gender", "region", "threatened");
  }

  @Test
  void anUnknownGroundAndAnUnknownExceptionAreBothMissing() {
    Finding f = finding(with(NOT_REGIONAL), D, RELOCATION);

    assertThat(f.outcome()).isEqualTo(Outcome.UNDETERMINED);
    assertThat(f.missingFacts()).containsExactly("minority", "settle");
  }

  @Test
  void theTraceShowsWhichRulesTheExceptionLifts() {
    CompiledPolicy p = NeutralPack.defaults();

    Finding lifted =
        p.assess(with(NOT_REGIONAL, "minority", true, "settle", true), D, true)
            .finding(RELOCATION)
            .orElseThrow();
    Finding maybe =
        p.assess(with(NOT_REGIONAL, "minority", true), D, true).finding(RELOCATION).orElseThrow();

    assertThat(lifted.trace())
        .extracting(RuleTrace::ruleId, RuleTrace::value, RuleTrace::lifted)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("regional", Tri.FALSE, Tri.TRUE),
            org.assertj.core.groups.Tuple.tuple("minority-ground", Tri.TRUE, Tri.TRUE),
            org.assertj.core.groups.Tuple.tuple("settle-elsewhere", Tri.TRUE, Tri.FALSE));
    assertThat(maybe.trace())
        .extracting(RuleTrace::lifted)
        .containsExactly(Tri.UNKNOWN, Tri.UNKNOWN, Tri.FALSE);
  }

  // ---- exceptions whose outcome differs from the element's otherwise outcome ------------------

  /**
   * Grounds g1 and g2 (facts a, b); an exception x (fact c) that lifts g1 only, with outcome
   * individual_assessment, valid from {@code exceptionFrom}.
   */
  private static CompiledPolicy liftsOne(String exceptionFrom) {
    PolicyPack p =
        TestPacks.pack()
            .fact(fact("a", FactType.BOOLEAN, 1))
            .fact(fact("b", FactType.BOOLEAN, 4))
            .fact(fact("c", FactType.BOOLEAN, 7))
            .element(
                element(
                    "e",
                    Slot.INTERNAL_PROTECTION_ALTERNATIVE,
                    Outcome.DOES_NOT_APPLY,
                    Outcome.DOES_NOT_APPLY,
                    1,
                    "g1",
                    "g2",
                    "x"))
            .rule(rule("g1", "e", 10).group("g1").valid(null, null, "a", Outcome.APPLIES))
            .rule(rule("g2", "e", 30).group("g2").valid(null, null, "b", Outcome.APPLIES))
            .rule(
                rule("x", "e", 50)
                    .group("x")
                    .exceptionTo("g1")
                    .valid(exceptionFrom, null, "c", Outcome.INDIVIDUAL_ASSESSMENT))
            .build();
    return CompiledPolicy.compile(p, AssumptionValues.defaults(p));
  }

  private static Finding e(CompiledPolicy p, Object... pairs) {
    return p.assess(TinyPack.facts(p.pack(), pairs), D).finding("e").orElseThrow();
  }

  @Test
  void anExceptionGivesItsOwnOutcomeWhenItLifts() {
    Finding f = e(liftsOne(null), "a", true, "b", false, "c", true);

    assertThat(f.outcome()).isEqualTo(Outcome.INDIVIDUAL_ASSESSMENT);
    assertThat(f.rule()).contains("x");
  }

  @Test
  void anExceptionLiftsOnlyTheRulesItNames() {
    Finding f = e(liftsOne(null), "a", true, "b", true, "c", true);

    assertThat(f.outcome()).isEqualTo(Outcome.APPLIES);
    assertThat(f.rule()).contains("g2");
    assertThat(f.reason()).isEqualTo(TestPacks.text("g2 v1"));
    assertThat(f.groups()).containsExactly("g1", "g2", "x");
  }

  @Test
  void whenTheExceptionsOutcomeDiffersFromOtherwiseAnUnknownLiftedGroundStillMatters() {
    Finding f = e(liftsOne(null), "b", false, "c", true);

    assertThat(f.outcome()).isEqualTo(Outcome.UNDETERMINED);
    assertThat(f.missingFacts()).containsExactly("a");
  }

  @Test
  void anUnknownExceptionOverAnUnknownGroundMakesBothMissing() {
    Finding f = e(liftsOne(null), "b", false);

    assertThat(f.outcome()).isEqualTo(Outcome.UNDETERMINED);
    assertThat(f.missingFacts()).containsExactly("a", "c");
  }

  @Test
  void aGroundThatHoldsUnliftedSettlesTheOutcomeWhateverTheException() {
    Finding f = e(liftsOne(null), "b", true);

    assertThat(f.outcome()).isEqualTo(Outcome.APPLIES);
    assertThat(f.missingFacts()).isEmpty();
    assertThat(f.groups()).containsExactly("g2");
  }

  @Test
  void anExceptionNotYetInForceLiftsNothingAndIsNotAsked() {
    CompiledPolicy p = liftsOne("2024-01-01");

    Finding f = e(p, "a", true, "b", false);
    Finding evenIfItHolds = e(p, "a", true, "b", false, "c", true);

    assertThat(f.outcome()).isEqualTo(Outcome.APPLIES);
    assertThat(f.missingFacts()).isEmpty();
    assertThat(f.rulesInForce()).extracting(RuleInForce::ruleId).containsExactly("g1", "g2");
    assertThat(evenIfItHolds.outcome()).isEqualTo(Outcome.APPLIES);
    assertThat(evenIfItHolds.groups()).containsExactly("g1");
    assertThat(evenIfItHolds.factsUsed()).containsOnlyKeys("a", "b");
  }

  @Test
  void anExceptionMattersWhenOnlyALaterRuleItLiftsCanHold() {
    // rules h (b) then g (a); x (c) lifts g only, with individual_assessment
    PolicyPack p =
        TestPacks.pack()
            .fact(fact("a", FactType.BOOLEAN, 1))
            .fact(fact("b", FactType.BOOLEAN, 4))
            .fact(fact("c", FactType.BOOLEAN, 7))
            .element(
                element(
                    "e",
                    Slot.INTERNAL_PROTECTION_ALTERNATIVE,
                    Outcome.DOES_NOT_APPLY,
                    Outcome.DOES_NOT_APPLY,
                    1,
                    "h",
                    "g",
                    "x"))
            .rule(rule("h", "e", 10).group("h").valid(null, null, "b", Outcome.APPLIES))
            .rule(rule("g", "e", 30).group("g").valid(null, null, "a", Outcome.APPLIES))
            .rule(
                rule("x", "e", 50)
                    .group("x")
                    .exceptionTo("g")
                    .valid(null, null, "c", Outcome.DOES_NOT_APPLY))
            .build();
    CompiledPolicy policy = CompiledPolicy.compile(p, AssumptionValues.defaults(p));

    Finding none = e(policy);
    Finding noH = e(policy, "b", false);

    assertThat(none.outcome()).isEqualTo(Outcome.UNDETERMINED);
    assertThat(none.missingFacts()).containsExactly("a", "b", "c");
    assertThat(noH.missingFacts()).containsExactly("a", "c");
    assertThat(e(policy, "b", false, "a", false).missingFacts()).isEmpty();
  }
}
