package org.asylex.engine.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.asylex.engine.assessment.NeutralPack.AFTER;
import static org.asylex.engine.assessment.NeutralPack.CHANGE;
import static org.asylex.engine.assessment.NeutralPack.D;
import static org.asylex.engine.assessment.NeutralPack.FEAR;
import static org.asylex.engine.assessment.NeutralPack.PAUSE;
import static org.asylex.engine.assessment.NeutralPack.RELOCATION;
import static org.asylex.engine.assessment.NeutralPack.RISK;
import static org.asylex.engine.assessment.NeutralPack.SERVICE;
import static org.asylex.engine.assessment.NeutralPack.defaults;
import static org.asylex.engine.assessment.NeutralPack.facts;
import static org.asylex.engine.assessment.NeutralPack.finding;
import static org.asylex.engine.policy.TestPacks.element;
import static org.asylex.engine.policy.TestPacks.fact;
import static org.asylex.engine.policy.TestPacks.rule;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.asylex.engine.diagnostic.Severity;
import org.asylex.engine.policy.AssumptionValues;
import org.asylex.engine.policy.FactType;
import org.asylex.engine.policy.Outcome;
import org.asylex.engine.policy.PackValidator;
import org.asylex.engine.policy.PolicyPack;
import org.asylex.engine.policy.Slot;
import org.asylex.engine.policy.TestPacks;
import org.asylex.engine.policy.Validity;
import org.asylex.engine.text.LocalizedText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which outcome an element gets: rules in force on the date, their conditions, the defaults. */
class ElementOutcomesTest {

  /** Enlisted, refuses, born 1 January 2002: 20 or 21 years old throughout the pause window. */
  private static final CaseFacts PAUSED =
      facts("status", "enlisted", "refuses", true, "born", "2002-01-01");

  private static LocalizedText text(String en) {
    return TestPacks.text(en);
  }

  @Test
  void theTestPackPassesThePackCheckWithoutErrors() {
    assertThat(PackValidator.check(NeutralPack.PACK))
        .filteredOn(d -> d.severity() == Severity.ERROR)
        .isEmpty();
  }

  @Test
  void elementsAreAssessedInSlotOrderWhateverThePackOrder() {
    assertThat(defaults().elements()).containsExactlyElementsOf(NeutralPack.ELEMENT_ORDER);
    assertThat(defaults().assess(facts(), D).findings())
        .extracting(Finding::element)
        .containsExactlyElementsOf(NeutralPack.ELEMENT_ORDER);
  }

  @Test
  void anElementAppliesWhenItsRuleHoldsWithTheRulesReasonAndId() {
    Finding f = finding(PAUSED, D, PAUSE);

    assertThat(f.outcome()).isEqualTo(Outcome.APPLIES);
    assertThat(f.rule()).contains("pause-rule");
    assertThat(f.reason()).isEqualTo(text("pause-rule v1"));
    assertThat(f.missingFacts()).isEmpty();
  }

  @Test
  void anElementWhoseRulesAreInForceButDoNotHoldGetsItsOtherwiseOutcome() {
    Finding f = finding(PAUSED.with("status", "reserve"), D, PAUSE);

    assertThat(f.outcome()).isEqualTo(Outcome.DOES_NOT_APPLY);
    assertThat(f.reason()).isEqualTo(text("pause: otherwise"));
    assertThat(f.rule()).isEmpty();
    assertThat(f.rulesInForce()).extracting(RuleInForce::ruleId).containsExactly("pause-rule");
  }

  @Test
  void anElementWithoutARuleInForceGetsItsNotInForceOutcomeWhateverTheFacts() {
    Finding f = finding(PAUSED, AFTER, PAUSE);
    Finding empty = finding(facts(), AFTER, PAUSE);

    assertThat(f.outcome()).isEqualTo(Outcome.DOES_NOT_APPLY);
    assertThat(f.reason()).isEqualTo(text("pause: not in force"));
    assertThat(f.rule()).isEmpty();
    assertThat(f.rulesInForce()).isEmpty();
    assertThat(f.factsUsed()).isEmpty();
    assertThat(empty.outcome()).isEqualTo(Outcome.DOES_NOT_APPLY);
    assertThat(empty.missingFacts()).isEmpty();
  }

  @Test
  void aRuleThatGivesIndividualAssessmentGivesItsOutcome() {
    assertThat(finding(facts("fears", true), D, FEAR).outcome())
        .isEqualTo(Outcome.INDIVIDUAL_ASSESSMENT);
    assertThat(finding(facts("fears", false), D, FEAR).outcome()).isEqualTo(Outcome.DOES_NOT_APPLY);
    assertThat(finding(facts("status", "enlisted"), D, SERVICE).outcome())
        .isEqualTo(Outcome.INDIVIDUAL_ASSESSMENT);
  }

  @ParameterizedTest(name = "on {0}: {1}")
  @CsvSource({
    "2022-06-28, does_not_apply, pause: not in force",
    "2022-06-29, applies, pause-rule v1",
    "2022-06-30, applies, pause-rule v1",
    "2023-06-28, applies, pause-rule v1",
    "2023-06-29, does_not_apply, pause: not in force",
    "2023-06-30, does_not_apply, pause: not in force"
  })
  void aRuleIsInForceFromItsFirstDayUpToButNotOnItsEndDate(
      LocalDate date, String outcome, String reason) {
    Finding f = finding(PAUSED, date, PAUSE);

    assertThat(f.outcome().id()).isEqualTo(outcome);
    assertThat(f.reason().en()).isEqualTo(reason);
  }

  @ParameterizedTest(name = "on {0}: version {1}")
  @CsvSource({"2023-06-07, 1, does_not_apply", "2023-06-08, 2, applies", "2023-06-09, 2, applies"})
  void theVersionInForceOnTheDateDecidesAndTheChangeDateBelongsToTheNewVersion(
      LocalDate date, int version, String outcome) {
    // a member who criticises, not strongly: only the second wording counts that
    CaseFacts c = facts("member", true, "vocal", true, "vocalStrongly", false);

    Finding f = finding(c, date, RISK);

    assertThat(f.outcome().id()).isEqualTo(outcome);
    assertThat(f.rulesInForce())
        .filteredOn(r -> r.ruleId().equals("critics"))
        .extracting(RuleInForce::version, RuleInForce::versions)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(version, 2));
  }

  @Test
  void theFirstVersionHoldsWhenItsStricterWordingIsMet() {
    CaseFacts c = facts("leader", true, "vocal", true, "vocalStrongly", true);

    Finding f = finding(c, CHANGE.minusDays(1), RISK);

    assertThat(f.outcome()).isEqualTo(Outcome.APPLIES);
    assertThat(f.groups()).containsExactly("critics");
    assertThat(f.reason()).isEqualTo(text("critics v1"));
  }

  @Test
  void beforeTheChangeDateRulesThatStartThenAreNotInForce() {
    CaseFacts c =
        facts(
            "defender", true, "network", true, "minority", true, "member", false, "leader", false);

    Finding risk = finding(c, CHANGE.minusDays(1), RISK);
    Finding relocation = finding(c, CHANGE.minusDays(1), RELOCATION);

    assertThat(risk.outcome()).isEqualTo(Outcome.DOES_NOT_APPLY);
    assertThat(risk.groups()).isEmpty();
    assertThat(risk.rulesInForce()).extracting(RuleInForce::ruleId).containsExactly("critics");
    assertThat(relocation.outcome()).isEqualTo(Outcome.DOES_NOT_APPLY);
    assertThat(relocation.reason()).isEqualTo(text("relocation: not in force"));
    assertThat(finding(c.with("settle", false), CHANGE, RELOCATION).outcome())
        .isEqualTo(Outcome.APPLIES);
  }

  @Test
  void overridingTheChangeDateMovesTheBoundaryAndChangesTheOutcome() {
    CaseFacts c = facts("member", true, "vocal", true, "vocalStrongly", false, "network", true);
    CompiledPolicy later = NeutralPack.compiled(Map.of("change-date", "2023-07-01"));

    Finding byDefault = finding(defaults(), c, D, RISK);
    Finding overridden = finding(later, c, D, RISK);

    assertThat(byDefault.outcome()).isEqualTo(Outcome.APPLIES);
    assertThat(byDefault.groups()).containsExactly("critics", "networkers");
    assertThat(overridden.outcome()).isEqualTo(Outcome.DOES_NOT_APPLY);
    assertThat(overridden.groups()).isEmpty();
    assertThat(finding(later, c, LocalDate.of(2023, 7, 1), RISK).outcome())
        .isEqualTo(Outcome.APPLIES);
    assertThat(overridden.rulesInForce())
        .extracting(Views::inForce)
        .containsExactly(
            Views.inForce(
                "critics",
                1,
                2,
                new Validity.Interval(Optional.empty(), Optional.of(LocalDate.of(2023, 7, 1)))));
  }

  @Test
  void anOverriddenAssumptionIsShownWithItsValueAndDefault() {
    CompiledPolicy later = NeutralPack.compiled(Map.of("change-date", "2023-07-01"));

    Finding f = finding(later, facts(), D, RISK);

    assertThat(f.assumptions())
        .extracting(Views::use)
        .contains(Views.use("change-date", "2023-07-01", "2023-06-08", true));
    assertThat(finding(facts(), D, RISK).assumptions())
        .extracting(Views::use)
        .contains(Views.use("change-date", "2023-06-08", "2023-06-08", false));
  }

  @Test
  void aBooleanAssumptionInAConditionFlipsTheOutcomeWhenOverridden() {
    CaseFacts deserter = facts("status", "none", "refuses", false, "deserted", true);
    CompiledPolicy strict = NeutralPack.compiled(Map.of("desertion-counts", "false"));

    assertThat(finding(deserter, D, SERVICE).outcome()).isEqualTo(Outcome.INDIVIDUAL_ASSESSMENT);
    assertThat(finding(strict, deserter, D, SERVICE).outcome()).isEqualTo(Outcome.DOES_NOT_APPLY);
    assertThat(finding(strict, deserter, D, SERVICE).assumptions())
        .extracting(Views::use)
        .contains(Views.use("desertion-counts", "false", "true", true));
  }

  @Test
  void aBooleanAssumptionThatIsFalseSettlesItsConjunctionSoItsFactIsNotMissing() {
    CompiledPolicy strict = NeutralPack.compiled(Map.of("desertion-counts", "false"));
    CaseFacts c = facts("status", "none", "refuses", false);

    assertThat(finding(strict, c, D, SERVICE).outcome()).isEqualTo(Outcome.DOES_NOT_APPLY);
    assertThat(finding(c, D, SERVICE).missingFacts()).containsExactly("deserted");
  }

  @Test
  void theAssessmentNamesItsDateThePolicyAndEveryAssumptionOfThePack() {
    Assessment a = defaults().assess(facts(), D);

    assertThat(a.asOf()).isEqualTo(D);
    assertThat(a.policy()).isEqualTo(new PolicyRef("XX", "2023-06-08", "0000"));
    assertThat(defaults().policy()).isEqualTo(a.policy());
    assertThat(a.assumptions())
        .extracting(AssumptionUse::id, AssumptionUse::value)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("change-date", "2023-06-08"),
            org.assertj.core.groups.Tuple.tuple("desertion-counts", "true"),
            org.assertj.core.groups.Tuple.tuple("critics-reading", "any criticism"),
            org.assertj.core.groups.Tuple.tuple("unused-reading", "not read"));
    assertThat(a.finding("no-such-element")).isEmpty();
    assertThat(defaults().pack()).isSameAs(NeutralPack.PACK);
    assertThat(defaults().assumptionValues().get("desertion-counts")).isPresent();
  }

  @Test
  void theFastPathGivesTheSameOutcomesAndMissingFactsAsTheFullAssessment() {
    CaseFacts c = facts("status", "enlisted", "member", true, "settle", true);

    Outcomes o = defaults().outcomes(c, D);
    Assessment a = defaults().assess(c, D);

    assertThat(o.size()).isEqualTo(5);
    for (int i = 0; i < o.size(); i++) {
      Finding f = a.findings().get(i);
      assertThat(o.element(i)).isEqualTo(f.element());
      assertThat(o.outcome(i)).isEqualTo(f.outcome());
      var names = new java.util.ArrayList<String>();
      var schema = NeutralPack.PACK.facts().facts();
      for (int b = 0; b < schema.size(); b++) {
        if ((o.missingMask(i) & (1L << b)) != 0) {
          names.add(schema.get(b).name());
        }
      }
      assertThat(names).isEqualTo(f.missingFacts());
      assertThat(o.groups(i)).isEqualTo(f.groups());
      assertThat(defaults().finding(c, D, f.element())).contains(f);
    }
    assertThat(defaults().finding(c, D, "no-such-element")).isEmpty();
    assertThat(o.missingMask(0)).isEqualTo((1L << 1) | (1L << 4) | (1L << 3));
  }

  @Test
  void factsCheckedAgainstAnotherPacksSchemaAreRefused() {
    PolicyPack other = TinyPack.pack("a");
    CaseFacts foreign = CaseFacts.builder(other.facts()).set("a", true).build();

    assertThatThrownBy(() -> defaults().assess(foreign, D))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the facts were checked against another pack's schema");
    assertThatThrownBy(() -> defaults().outcomes(foreign, D))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aPackWithMoreThanSixtyFourFactsCannotBeCompiled() {
    var pack = TestPacks.pack();
    for (int i = 0; i < 65; i++) {
      pack.fact(fact("f" + i, FactType.BOOLEAN, 1 + 3 * i));
    }
    PolicyPack p =
        pack.element(element("e", 1)).rule(rule("r", "e", 10).valid(null, null, "f64")).build();

    assertThatThrownBy(() -> CompiledPolicy.compile(p, AssumptionValues.defaults(p)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a pack may declare at most 64 facts");
  }

  @Test
  void aPackWithSixtyFourFactsCanReadItsFirstAndLastFact() {
    var pack = TestPacks.pack().withoutCountryFact();
    for (int i = 0; i < 64; i++) {
      pack.fact(fact("f" + i, FactType.BOOLEAN, 1 + 3 * i));
    }
    PolicyPack p =
        pack.element(element("e", 1))
            .rule(rule("r", "e", 10).valid(null, null, "f0 and f63"))
            .build();
    CompiledPolicy policy = CompiledPolicy.compile(p, AssumptionValues.defaults(p));
    CaseFacts none = CaseFacts.builder(p.facts()).build();

    Finding unknown = policy.assess(none, D).findings().get(0);
    Finding first = policy.assess(none.with("f0", true), D).findings().get(0);
    Finding both = policy.assess(none.with("f0", true).with("f63", true), D).findings().get(0);

    assertThat(unknown.missingFacts()).containsExactly("f0", "f63");
    assertThat(unknown.reason().en()).endsWith("depends on: f0, f63.");
    assertThat(unknown.factsUsed()).isEmpty();
    assertThat(first.missingFacts()).containsExactly("f63");
    assertThat(first.factsUsed()).containsOnlyKeys("f0");
    assertThat(both.outcome()).isEqualTo(Outcome.APPLIES);
    assertThat(both.factsUsed()).containsOnlyKeys("f0", "f63");
    assertThat(policy.outcomes(none, D).missingMask(0)).isEqualTo(1L | (1L << 63));
  }

  /** Elements whose default outcomes differ, to tell them apart. */
  private static CompiledPolicy byDefaults(String from, Outcome otherwise, Outcome notInForce) {
    PolicyPack p =
        TestPacks.pack()
            .fact(fact("a", FactType.BOOLEAN, 1))
            .element(element("e", Slot.PARTICULARS, otherwise, notInForce, 1))
            .element(
                element(
                    "empty", Slot.EXCLUSION, Outcome.APPLIES, Outcome.INDIVIDUAL_ASSESSMENT, 10))
            .rule(rule("r", "e", 10).valid(from, null, "a", Outcome.INDIVIDUAL_ASSESSMENT))
            .build();
    return CompiledPolicy.compile(p, AssumptionValues.defaults(p));
  }

  @Test
  void theNotInForceOutcomeIsTheElementsOwnAndNotTheOtherwiseOutcome() {
    CompiledPolicy p = byDefaults("2024-01-01", Outcome.APPLIES, Outcome.INDIVIDUAL_ASSESSMENT);
    CaseFacts none = CaseFacts.builder(p.pack().facts()).build();

    Finding before = p.assess(none, D).finding("e").orElseThrow();
    Finding after =
        p.assess(none.with("a", false), LocalDate.of(2024, 1, 1)).finding("e").orElseThrow();

    assertThat(before.outcome()).isEqualTo(Outcome.INDIVIDUAL_ASSESSMENT);
    assertThat(before.reason()).isEqualTo(text("e: not in force"));
    assertThat(after.outcome()).isEqualTo(Outcome.APPLIES);
    assertThat(after.reason()).isEqualTo(text("e: otherwise"));
  }

  @Test
  void anElementWithoutRulesIsNeverInForce() {
    CompiledPolicy p = byDefaults(null, Outcome.DOES_NOT_APPLY, Outcome.DOES_NOT_APPLY);

    Finding f = p.assess(CaseFacts.builder(p.pack().facts()).build(), D).findings().get(0);

    assertThat(f.element()).isEqualTo("empty");
    assertThat(f.outcome()).isEqualTo(Outcome.INDIVIDUAL_ASSESSMENT);
    assertThat(f.sources()).isEmpty();
  }

  @Test
  void aRuleOutcomeDiffersFromAnOtherwiseOutcomeOfApplies() {
    CompiledPolicy p = byDefaults(null, Outcome.APPLIES, Outcome.DOES_NOT_APPLY);
    CaseFacts none = CaseFacts.builder(p.pack().facts()).build();

    assertThat(p.assess(none.with("a", true), D).finding("e").orElseThrow().outcome())
        .isEqualTo(Outcome.INDIVIDUAL_ASSESSMENT);
    assertThat(p.assess(none.with("a", false), D).finding("e").orElseThrow().outcome())
        .isEqualTo(Outcome.APPLIES);
    assertThat(p.assess(none, D).finding("e").orElseThrow().outcome())
        .isEqualTo(Outcome.UNDETERMINED);
  }
}
