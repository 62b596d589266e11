package org.asylex.engine.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.asylex.engine.assessment.NeutralPack.AFTER;
import static org.asylex.engine.assessment.NeutralPack.CHANGE;
import static org.asylex.engine.assessment.NeutralPack.D;
import static org.asylex.engine.assessment.NeutralPack.FEAR;
import static org.asylex.engine.assessment.NeutralPack.PAUSE;
import static org.asylex.engine.assessment.NeutralPack.RELOCATION;
import static org.asylex.engine.assessment.NeutralPack.RISK;
import static org.asylex.engine.assessment.NeutralPack.SERVICE;
import static org.asylex.engine.assessment.NeutralPack.facts;
import static org.asylex.engine.assessment.NeutralPack.finding;
import static org.asylex.engine.policy.TestPacks.assumption;
import static org.asylex.engine.policy.TestPacks.definition;
import static org.asylex.engine.policy.TestPacks.element;
import static org.asylex.engine.policy.TestPacks.fact;
import static org.asylex.engine.policy.TestPacks.rule;

import java.time.LocalDate;
import java.util.Optional;
import org.asylex.engine.policy.Assumption;
import org.asylex.engine.policy.AssumptionValues;
import org.asylex.engine.policy.FactType;
import org.asylex.engine.policy.Outcome;
import org.asylex.engine.policy.PolicyPack;
import org.asylex.engine.policy.SourceQuote;
import org.asylex.engine.policy.TestPacks;
import org.asylex.engine.policy.Validity;
import org.asylex.engine.time.PartialDate;
import org.junit.jupiter.api.Test;

/**
 * Every finding carries what is needed to check it: the deciding rule, the versions in force, the
 * sources, the facts used and the assumptions it rests on.
 */
class FindingContentsTest {

  private static Validity.Interval interval(String from, String to) {
    return new Validity.Interval(
        Optional.ofNullable(from).map(LocalDate::parse),
        Optional.ofNullable(to).map(LocalDate::parse));
  }

  @Test
  void rulesInForceNameEachVersionAsNOfMWithItsInterval() {
    Finding pause = finding(facts(), D, PAUSE);
    Finding risk = finding(facts(), D, RISK);
    Finding before = finding(facts(), CHANGE.minusDays(1), RISK);

    assertThat(pause.rulesInForce())
        .extracting(Views::inForce)
        .containsExactly(Views.inForce("pause-rule", 1, 1, interval("2022-06-29", "2023-06-29")));
    assertThat(risk.rulesInForce())
        .extracting(Views::inForce)
        .containsExactly(
            Views.inForce("critics", 2, 2, interval("2023-06-08", null)),
            Views.inForce("defenders", 1, 1, interval("2023-06-08", null)),
            Views.inForce("networkers", 1, 1, interval("2023-06-08", null)));
    assertThat(before.rulesInForce())
        .extracting(Views::inForce)
        .containsExactly(Views.inForce("critics", 1, 2, interval(null, "2023-06-08")));
  }

  @Test
  void exceptionsInForceAreListedAfterTheRules() {
    assertThat(finding(facts(), D, RELOCATION).rulesInForce())
        .extracting(RuleInForce::ruleId)
        .containsExactly("regional", "minority-ground", "settle-elsewhere");
  }

  @Test
  void theDecidingRulesReasonsAndSourcesAreGivenAndTheFirstRuleIsNamed() {
    Finding f = finding(facts("defender", true, "network", true), D, RISK);

    assertThat(f.rule()).contains("defenders");
    assertThat(f.reason().en()).isEqualTo("defenders v1 networkers v1");
    assertThat(f.reason().nl()).isEqualTo("nl: defenders v1 nl: networkers v1");
    assertThat(f.sources())
        .extracting(SourceQuote::quote)
        .containsExactly("defenders v1", "networkers v1");
  }

  @Test
  void anOtherwiseOutcomeCitesEveryRuleVersionInForce() {
    Finding f =
        finding(
            facts("member", false, "leader", false, "defender", false, "network", false), D, RISK);

    assertThat(f.outcome()).isEqualTo(Outcome.DOES_NOT_APPLY);
    assertThat(f.sources())
        .extracting(SourceQuote::quote)
        .containsExactly("critics v2", "defenders v1", "networkers v1");
  }

  @Test
  void anUndeterminedFindingCitesEveryRuleAndExceptionInForce() {
    Finding f = finding(facts(), D, RELOCATION);

    assertThat(f.sources())
        .extracting(SourceQuote::quote)
        .containsExactly("regional v1", "minority-ground v1", "settle-elsewhere v1");
  }

  @Test
  void aFindingForAnElementNotInForceCitesEveryVersionOfItsRules() {
    assertThat(finding(facts(), AFTER, PAUSE).sources())
        .extracting(SourceQuote::quote)
        .containsExactly("pause-rule v1");
    assertThat(finding(facts(), CHANGE.minusDays(1), RELOCATION).sources())
        .extracting(SourceQuote::quote)
        .containsExactly("regional v1", "minority-ground v1", "settle-elsewhere v1");
  }

  @Test
  void factsUsedAreTheKnownFactsReadByTheRulesInForceInSchemaOrder() {
    CaseFacts c =
        facts(
            "countryOfOrigin",
            "XX",
            "vocalStrongly",
            true,
            "member",
            true,
            "fears",
            true,
            "born",
            "2001-05");

    assertThat(finding(c, D, RISK).factsUsed())
        .containsExactly(java.util.Map.entry("member", true));
    assertThat(finding(c, CHANGE.minusDays(1), RISK).factsUsed())
        .containsExactly(
            java.util.Map.entry("member", true), java.util.Map.entry("vocalStrongly", true));
    assertThat(finding(c, D, PAUSE).factsUsed())
        .containsExactly(java.util.Map.entry("born", PartialDate.parse("2001-05").orElseThrow()));
    assertThat(finding(c, AFTER, PAUSE).factsUsed()).isEmpty();
    assertThat(finding(c, D, FEAR).factsUsed()).containsOnlyKeys("fears");
  }

  @Test
  void factsReadByAnExceptionInForceAreUsed() {
    assertThat(finding(facts("settle", false, "fears", true), D, RELOCATION).factsUsed())
        .containsOnlyKeys("settle");
  }

  @Test
  void assumptionsAreThoseTheRulesRestOnReadOrAreBoundedByInPackOrder() {
    assertThat(finding(facts(), D, PAUSE).assumptions()).isEmpty();
    assertThat(finding(facts(), D, RISK).assumptions())
        .extracting(AssumptionUse::id)
        .containsExactly("change-date", "critics-reading");
    assertThat(finding(facts(), D, RELOCATION).assumptions())
        .extracting(AssumptionUse::id)
        .containsExactly("change-date");
    assertThat(finding(facts(), D, SERVICE).assumptions())
        .extracting(AssumptionUse::id)
        .containsExactly("desertion-counts");
    assertThat(finding(facts(), D, FEAR).assumptions()).isEmpty();
  }

  @Test
  void anAssumptionIsShownWithItsKindValueAndDefault() {
    assertThat(finding(facts(), D, RISK).assumptions())
        .extracting(Views::use)
        .containsExactly(
            Views.use("change-date", "2023-06-08", "2023-06-08", false),
            Views.use("critics-reading", "any criticism", "any criticism", false));
  }

  /** Two elements whose rules read one definition that reads an assumption. */
  private static PolicyPack sharedDefinition() {
    return TestPacks.pack()
        .fact(fact("a", FactType.BOOLEAN, 1))
        .element(element("one", 1))
        .element(element("two", 10))
        .assumption(assumption("gate", Assumption.Type.BOOLEAN, "true", 1))
        .assumption(assumption("start", Assumption.Type.DATE, "2020-01-01", 5))
        .definition(definition("gated", "a and @gate", 1))
        .rule(rule("r1", "one", 10).valid(null, null, "gated"))
        .rule(rule("r2", "two", 30).valid("@start", null, "not gated"))
        .build();
  }

  @Test
  void anAssumptionReadThroughADefinitionIsNamedByEveryFindingThatUsesIt() {
    PolicyPack p = sharedDefinition();
    CompiledPolicy policy = CompiledPolicy.compile(p, AssumptionValues.defaults(p));

    Assessment a = policy.assess(CaseFacts.builder(p.facts()).set("a", true).build(), D);

    assertThat(a.finding("one").orElseThrow().assumptions())
        .extracting(AssumptionUse::id)
        .containsExactly("gate");
    assertThat(a.finding("two").orElseThrow().assumptions())
        .extracting(AssumptionUse::id)
        .containsExactly("gate", "start");
    assertThat(a.finding("one").orElseThrow().outcome()).isEqualTo(Outcome.APPLIES);
    assertThat(a.finding("two").orElseThrow().outcome()).isEqualTo(Outcome.DOES_NOT_APPLY);
  }

  @Test
  void aDefinitionReadTwiceIsEvaluatedOnceWithOneValue() {
    PolicyPack p = sharedDefinition();
    CompiledPolicy policy =
        CompiledPolicy.compile(
            p, AssumptionValues.withOverrides(p, java.util.Map.of("gate", "false")));

    Assessment a = policy.assess(CaseFacts.builder(p.facts()).build(), D, true);

    assertThat(a.finding("one").orElseThrow().outcome()).isEqualTo(Outcome.DOES_NOT_APPLY);
    assertThat(a.finding("two").orElseThrow().outcome()).isEqualTo(Outcome.APPLIES);
    assertThat(a.finding("two").orElseThrow().trace().get(0).condition().children().get(0).value())
        .isEqualTo(Tri.FALSE);
  }

  @Test
  void aMissingFactThatIsKnownButTooImpreciseIsAlsoListedAsImprecise() {
    CaseFacts c = facts("status", "enlisted", "refuses", true, "born", "2005");

    assertThat(finding(c, D, PAUSE).imprecise()).containsExactly("born");
    assertThat(finding(c.with("born", null), D, PAUSE).imprecise()).isEmpty();
    assertThat(finding(c.with("born", null), D, PAUSE).missingFacts()).containsExactly("born");
    assertThat(finding(c.with("refuses", null), D, PAUSE).imprecise()).containsExactly("born");
  }

  @Test
  void everyDecidingRuleIsNamed() {
    assertThat(finding(facts("defender", true, "network", true), D, RISK).decidingRules())
        .containsExactly("defenders", "networkers");
    assertThat(
            finding(facts("gender", "male", "minority", true, "settle", true), D, RELOCATION)
                .decidingRules())
        .containsExactly("settle-elsewhere");
    assertThat(finding(facts("fears", false), D, FEAR).decidingRules()).isEmpty();
    assertThat(finding(facts(), D, FEAR).decidingRules()).isEmpty();
  }

  @Test
  void aVersionInForceNamesTheAssumptionsItsBoundariesRestOn() {
    RuleInForce second = finding(facts(), D, RISK).rulesInForce().get(0);
    RuleInForce first = finding(facts(), CHANGE.minusDays(1), RISK).rulesInForce().get(0);
    RuleInForce fixed = finding(facts(), D, PAUSE).rulesInForce().get(0);

    assertThat(second.fromAssumption()).contains("change-date");
    assertThat(second.toAssumption()).isEmpty();
    assertThat(first.fromAssumption()).isEmpty();
    assertThat(first.toAssumption()).contains("change-date");
    assertThat(fixed.fromAssumption()).isEmpty();
    assertThat(fixed.toAssumption()).isEmpty();
  }

  @Test
  void anAssumptionIsShownWithItsType() {
    Assessment a = NeutralPack.defaults().assess(facts(), D);

    assertThat(a.assumptions())
        .extracting(AssumptionUse::id, AssumptionUse::type)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("change-date", Assumption.Type.DATE),
            org.assertj.core.groups.Tuple.tuple("desertion-counts", Assumption.Type.BOOLEAN),
            org.assertj.core.groups.Tuple.tuple("critics-reading", Assumption.Type.TEXT),
            org.assertj.core.groups.Tuple.tuple("unused-reading", Assumption.Type.TEXT));
  }

  @Test
  void aSentenceTwoRulesCiteIsCitedOnce() {
    PolicyPack p =
        TestPacks.pack()
            .fact(fact("a", FactType.BOOLEAN, 1))
            .fact(fact("b", FactType.BOOLEAN, 4))
            .element(element("e", 1, "g", "h"))
            .rule(
                rule("rg", "e", 10)
                    .group("g")
                    .version(
                        TestPacks.version(
                            null, null, "a", 15, java.util.List.of(TestPacks.quote("same")))))
            .rule(
                rule("rh", "e", 30)
                    .group("h")
                    .version(
                        TestPacks.version(
                            null,
                            null,
                            "b",
                            35,
                            java.util.List.of(TestPacks.quote("same"), TestPacks.quote("other")))))
            .build();
    CompiledPolicy policy = CompiledPolicy.compile(p, AssumptionValues.defaults(p));

    Finding both =
        policy
            .assess(CaseFacts.builder(p.facts()).set("a", true).set("b", true).build(), D)
            .findings()
            .get(0);
    Finding none = policy.assess(CaseFacts.builder(p.facts()).build(), D).findings().get(0);

    assertThat(both.sources()).extracting(SourceQuote::quote).containsExactly("same", "other");
    assertThat(none.sources()).extracting(SourceQuote::quote).containsExactly("same", "other");
  }

  @Test
  void anAssumptionThatOnlyEndsAVersionIsNamedToo() {
    PolicyPack p =
        TestPacks.pack()
            .fact(fact("a", FactType.BOOLEAN, 1))
            .element(element("e", 1))
            .assumption(assumption("end", Assumption.Type.DATE, "2030-01-01", 1))
            .rule(rule("r", "e", 10).valid(null, "@end", "a"))
            .build();
    CompiledPolicy policy = CompiledPolicy.compile(p, AssumptionValues.defaults(p));

    Finding f = policy.assess(CaseFacts.builder(p.facts()).build(), D).findings().get(0);

    assertThat(f.assumptions()).extracting(AssumptionUse::id).containsExactly("end");
    assertThat(f.rulesInForce().get(0).toAssumption()).contains("end");
  }
}
