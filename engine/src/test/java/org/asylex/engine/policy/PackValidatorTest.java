package org.asylex.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.asylex.engine.policy.TestPacks.ASSUMPTIONS;
import static org.asylex.engine.policy.TestPacks.RULES;
import static org.asylex.engine.policy.TestPacks.assumption;
import static org.asylex.engine.policy.TestPacks.definition;
import static org.asylex.engine.policy.TestPacks.element;
import static org.asylex.engine.policy.TestPacks.fact;
import static org.asylex.engine.policy.TestPacks.pos;
import static org.asylex.engine.policy.TestPacks.rule;
import static org.asylex.engine.policy.TestPacks.version;

import java.util.Comparator;
import java.util.List;
import org.asylex.engine.diagnostic.Diagnostic;
import org.asylex.engine.diagnostic.Severity;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PackValidatorTest {

  private static final String MORATORIUM_RULE = "decision-moratorium-conscripts";

  /**
   * A small pack without problems: two elements (one with groups), a date and a boolean assumption,
   * a definition, and three rules, two of which decide different groups of one element at the same
   * time.
   */
  private static TestPacks.PackBuilder validPack() {
    return TestPacks.pack()
        .fact(fact("politicalActivist", FactType.BOOLEAN, 1))
        .fact(fact("criticisesAuthorities", FactType.BOOLEAN, 4))
        .fact(fact("lawyer", FactType.BOOLEAN, 7))
        .fact(fact("dateOfBirth", FactType.PARTIAL_DATE, 10))
        .fact(fact("militaryStatus", FactType.ENUM, 13, "conscript", "reservist", "none"))
        .element(element("risk-group", 1, "critics", "lawyers"))
        .element(element("decision-moratorium", 10))
        .assumption(assumption("in-force-date", Assumption.Type.DATE, "2023-06-08", 1))
        .assumption(assumption("age-27-included", Assumption.Type.BOOLEAN, "true", 5))
        .definition(definition("critic", "politicalActivist and criticisesAuthorities", 1))
        .rule(
            rule("risk-group-critics", "risk-group", 10)
                .group("critics")
                .valid(null, "@in-force-date", "critic")
                .valid("@in-force-date", null, "politicalActivist"))
        .rule(
            rule("risk-group-lawyers", "risk-group", 30)
                .group("lawyers")
                .valid("@in-force-date", null, "lawyer"))
        .rule(
            rule(MORATORIUM_RULE, "decision-moratorium", 50)
                .valid(
                    "2022-06-29",
                    "2023-06-29",
                    "militaryStatus = 'conscript' and age(dateOfBirth) >= 18"
                        + " and (age(dateOfBirth) < 27 or @age-27-included)"));
  }

  private static List<Diagnostic> check(TestPacks.PackBuilder pack) {
    return PackValidator.check(pack.build());
  }

  private static List<Diagnostic> withCode(List<Diagnostic> all, String code) {
    return all.stream().filter(d -> d.code().equals(code)).toList();
  }

  private static Diagnostic only(TestPacks.PackBuilder pack, String code) {
    List<Diagnostic> all = check(pack);
    List<Diagnostic> matching = withCode(all, code);
    assertThat(matching).as("diagnostics '%s' among %s", code, all).hasSize(1);
    return matching.get(0);
  }

  @Test
  void aSmallValidPackHasNoDiagnostics() {
    assertThat(check(validPack())).isEmpty();
  }

  @Test
  void diagnosticsAreSortedByFileLineAndColumn() {
    List<Diagnostic> all =
        check(
            validPack()
                .assumption(assumption("unused-later", Assumption.Type.BOOLEAN, "maybe", 20))
                .rule(rule("b-rule", "nowhere", 90).valid(null, null, "lawyer"))
                .rule(rule("a-rule", "nowhere", 70).valid(null, null, "lawyr")));

    assertThat(all).hasSizeGreaterThan(3);
    assertThat(all)
        .isSortedAccordingTo(
            Comparator.comparing((Diagnostic d) -> d.position().file())
                .thenComparingInt(d -> d.position().line())
                .thenComparingInt(d -> d.position().column()));
  }

  @Nested
  class VersionsAndConflicts {

    @Test
    void overlappingVersionsOfOneRuleAreAnErrorAtTheLaterVersionWithTheOtherRelated() {
      Diagnostic d =
          only(
              validPack()
                  .element(element("particulars", 30))
                  .rule(
                      rule("r", "particulars", 70)
                          .valid("2022-01-01", "2023-01-01", "lawyer")
                          .valid("2022-06-01", null, "lawyer")),
              "overlapping-versions");

      // the versions are at lines 75 and 79, their validity one line below
      assertThat(d.severity()).isEqualTo(Severity.ERROR);
      assertThat(d.position()).isEqualTo(pos(RULES, 80, 9));
      assertThat(d.message())
          .isEqualTo(
              "versions of rule 'r' overlap: [2022-01-01, 2023-01-01) and [2022-06-01, …) both"
                  + " hold on [2022-06-01, 2023-01-01)");
      assertThat(d.related())
          .extracting(Diagnostic.Related::position, Diagnostic.Related::note)
          .containsExactly(tuple(pos(RULES, 76, 9), "the other version's validity"));
    }

    @Test
    void versionsThatMeetAtADateDoNotOverlap() {
      assertThat(
              check(
                  validPack()
                      .element(element("particulars", 30))
                      .rule(
                          rule("r", "particulars", 70)
                              .valid(null, "2023-01-01", "lawyer")
                              .valid("2023-01-01", null, "lawyer"))))
          .isEmpty();
    }

    @Test
    void versionsOverlapWhenAnAssumptionDateFallsInsideTheOtherVersion() {
      Diagnostic d =
          only(
              validPack()
                  .element(element("particulars", 30))
                  .rule(
                      rule("r", "particulars", 70)
                          .valid(null, "2023-12-31", "lawyer")
                          .valid("@in-force-date", null, "lawyer")),
              "overlapping-versions");

      assertThat(d.message()).endsWith("both hold on [2023-06-08, 2023-12-31)");
    }

    @Test
    void twoRulesOfAnElementWithoutGroupsThatHoldAtOnceConflict() {
      Diagnostic d =
          only(
              validPack()
                  .rule(
                      rule("moratorium-extended", "decision-moratorium", 70)
                          .valid("2023-01-01", null, "lawyer")),
              "conflicting-rules");

      assertThat(d.severity()).isEqualTo(Severity.ERROR);
      assertThat(d.position()).isEqualTo(pos(RULES, 75, 7));
      assertThat(d.message())
          .isEqualTo(
              "rules '"
                  + MORATORIUM_RULE
                  + "' and 'moratorium-extended' both decide element 'decision-moratorium' on"
                  + " [2023-01-01, 2023-06-29); make one an exception to the other, or separate"
                  + " their validity");
      assertThat(d.related())
          .extracting(Diagnostic.Related::position, Diagnostic.Related::note)
          .containsExactly(tuple(pos(RULES, 55, 7), "rule '" + MORATORIUM_RULE + "'"));
    }

    @Test
    void twoRulesThatDecideTheSameGroupAtOnceConflict() {
      Diagnostic d =
          only(
              validPack()
                  .rule(
                      rule("risk-group-critics-too", "risk-group", 70)
                          .group("critics")
                          .valid("2023-01-01", "2023-02-01", "lawyer")),
              "conflicting-rules");

      assertThat(d.message())
          .contains("'risk-group-critics' and 'risk-group-critics-too'")
          .contains("group 'critics' of element 'risk-group' on [2023-01-01, 2023-02-01)");
      assertThat(d.position()).isEqualTo(pos(RULES, 75, 7));
      assertThat(d.related())
          .extracting(Diagnostic.Related::position)
          .containsExactly(pos(RULES, 15, 7));
    }

    @Test
    void rulesOfOneElementThatDecideDifferentGroupsDoNotConflict() {
      TestPacks.PackBuilder pack =
          TestPacks.pack()
              .fact(fact("critic", FactType.BOOLEAN, 1))
              .fact(fact("lawyer", FactType.BOOLEAN, 4))
              .element(element("risk-group", 1, "critics", "lawyers"))
              .rule(rule("critics", "risk-group", 10).group("critics").valid(null, null, "critic"))
              .rule(rule("lawyers", "risk-group", 30).group("lawyers").valid(null, null, "lawyer"));

      assertThat(check(pack)).isEmpty();
    }

    @Test
    void anExceptionDoesNotConflictWithTheRuleItLifts() {
      assertThat(
              check(
                  validPack()
                      .rule(
                          rule("moratorium-lifted", "decision-moratorium", 70)
                              .exceptionTo(MORATORIUM_RULE)
                              .valid(null, null, "lawyer"))))
          .isEmpty();
    }

    @Test
    void rulesOfOneElementThatHoldOneAfterTheOtherDoNotConflict() {
      assertThat(
              check(
                  validPack()
                      .rule(
                          rule("moratorium-after", "decision-moratorium", 70)
                              .valid("2023-06-29", null, "lawyer"))))
          .isEmpty();
    }

    @Test
    void rulesOfDifferentElementsDoNotConflict() {
      assertThat(
              check(
                  validPack()
                      .element(element("particulars", 30))
                      .rule(rule("particular", "particulars", 70).valid(null, null, "lawyer"))))
          .isEmpty();
    }
  }

  @Nested
  class Exceptions {

    @Test
    void anExceptionToAnUnknownRuleIsAnErrorWithTheNearestRuleSuggested() {
      Diagnostic d =
          only(
              validPack()
                  .rule(
                      rule("lifted", "decision-moratorium", 70)
                          .exceptionTo("decision-moratorium-conscript")
                          .valid(null, null, "lawyer")),
              "unknown-rule");

      assertThat(d.position()).isEqualTo(pos(RULES, 73, 5));
      assertThat(d.message())
          .isEqualTo(
              "rule 'lifted' is an exception to unknown rule 'decision-moratorium-conscript'; did"
                  + " you mean '"
                  + MORATORIUM_RULE
                  + "'?");
    }

    @Test
    void anExceptionToARuleOfAnotherElementIsAnErrorRelatedToThatRule() {
      Diagnostic d =
          only(
              validPack()
                  .rule(
                      rule("lawyers-lift-moratorium", "risk-group", 70)
                          .group("lawyers")
                          .exceptionTo(MORATORIUM_RULE)
                          .valid(null, null, "lawyer")),
              "exception-across-elements");

      assertThat(d.position()).isEqualTo(pos(RULES, 73, 5));
      assertThat(d.message())
          .isEqualTo(
              "rule 'lawyers-lift-moratorium' (element 'risk-group') cannot lift rule '"
                  + MORATORIUM_RULE
                  + "' of element 'decision-moratorium'");
      assertThat(d.related())
          .extracting(Diagnostic.Related::position, Diagnostic.Related::note)
          .containsExactly(tuple(pos(RULES, 50, 3), "the lifted rule"));
    }

    @Test
    void rulesThatAreExceptionsToEachOtherFormACycleReportedAtEach() {
      List<Diagnostic> cycles =
          withCode(
              check(
                  validPack()
                      .element(element("particulars", 30))
                      .rule(
                          rule("first", "particulars", 70)
                              .exceptionTo("second")
                              .valid(null, null, "lawyer"))
                      .rule(
                          rule("second", "particulars", 90)
                              .exceptionTo("third")
                              .valid(null, null, "lawyer"))
                      .rule(
                          rule("third", "particulars", 110)
                              .exceptionTo("first")
                              .valid(null, null, "lawyer"))),
              "exception-cycle");

      assertThat(cycles)
          .extracting(Diagnostic::position, Diagnostic::message)
          .containsExactly(
              tuple(
                  pos(RULES, 73, 5),
                  "rule 'first' is, through its exceptions, an exception to itself"),
              tuple(
                  pos(RULES, 93, 5),
                  "rule 'second' is, through its exceptions, an exception to itself"),
              tuple(
                  pos(RULES, 113, 5),
                  "rule 'third' is, through its exceptions, an exception to itself"));
    }

    @Test
    void aRuleThatIsAnExceptionToItselfIsOneErrorNotAlsoACycle() {
      List<Diagnostic> all =
          check(
              validPack()
                  .element(element("particulars", 30))
                  .rule(
                      rule("selfish", "particulars", 70)
                          .exceptionTo("selfish")
                          .valid(null, null, "lawyer")));

      assertThat(all)
          .extracting(Diagnostic::code, Diagnostic::position, Diagnostic::message)
          .containsExactly(
              tuple(
                  "exception-to-itself",
                  pos(RULES, 73, 5),
                  "rule 'selfish' cannot be an exception to itself"));
    }

    @Test
    void aChainOfExceptionsWithoutACycleIsFine() {
      assertThat(
              check(
                  validPack()
                      .rule(
                          rule("lift", "decision-moratorium", 70)
                              .exceptionTo(MORATORIUM_RULE)
                              .valid(null, null, "lawyer"))
                      .rule(
                          rule("lift-the-lift", "decision-moratorium", 90)
                              .exceptionTo("lift", MORATORIUM_RULE)
                              .valid(null, null, "politicalActivist"))))
          .isEmpty();
    }
  }

  @Nested
  class ElementsAndGroups {

    @Test
    void aRuleOfAnUnknownElementIsAnErrorWithTheNearestElementSuggested() {
      Diagnostic d =
          only(
              validPack()
                  .rule(rule("r", "risk-groups", 70).group("critics").valid(null, null, "lawyer")),
              "unknown-element");

      assertThat(d.position()).isEqualTo(pos(RULES, 71, 5));
      assertThat(d.message())
          .isEqualTo("rule 'r' decides unknown element 'risk-groups'; did you mean 'risk-group'?");
    }

    @Test
    void anUnknownElementFarFromAnyIsAnErrorListingTheKnownElements() {
      Diagnostic d =
          only(
              validPack().rule(rule("r", "asylum", 70).valid(null, null, "lawyer")),
              "unknown-element");

      assertThat(d.message())
          .isEqualTo(
              "rule 'r' decides unknown element 'asylum' (known: risk-group,"
                  + " decision-moratorium)");
    }

    @Test
    void anUnknownGroupIsAnErrorWithTheNearestGroupSuggested() {
      Diagnostic d =
          only(
              validPack()
                  .rule(
                      rule("r", "risk-group", 70)
                          .group("critic")
                          .valid("2000-01-01", "2000-01-02", "lawyer")),
              "unknown-group");

      assertThat(d.position()).isEqualTo(pos(RULES, 72, 5));
      assertThat(d.message())
          .isEqualTo("unknown group 'critic' of element 'risk-group'; did you mean 'critics'?");
    }

    @Test
    void aGroupOnAnElementWithoutGroupsIsAnError() {
      Diagnostic d =
          only(
              validPack()
                  .rule(
                      rule("r", "decision-moratorium", 70)
                          .group("conscripts")
                          .valid("2000-01-01", "2000-01-02", "lawyer")),
              "unknown-group");

      assertThat(d.message())
          .isEqualTo(
              "element 'decision-moratorium' has no groups, but rule 'r' names group"
                  + " 'conscripts'");
    }

    @Test
    void aRuleWithoutAGroupOfAnElementWithGroupsIsAnErrorAtTheRule() {
      Diagnostic d =
          only(
              validPack()
                  .rule(rule("r", "risk-group", 70).valid("2000-01-01", "2000-01-02", "lawyer")),
              "missing-group");

      assertThat(d.position()).isEqualTo(pos(RULES, 70, 3));
      assertThat(d.message())
          .isEqualTo(
              "rule 'r' must name the group it decides; element 'risk-group' has groups critics,"
                  + " lawyers");
    }

    @Test
    void anElementWithoutRulesIsAWarning() {
      Diagnostic d = only(validPack().element(element("particulars", 30)), "element-without-rules");

      assertThat(d.severity()).isEqualTo(Severity.WARNING);
      assertThat(d.position()).isEqualTo(pos(TestPacks.ELEMENTS, 30, 3));
    }
  }

  @Nested
  class ValidityAndAssumptions {

    @Test
    void aValidityFromAnUndefinedAssumptionIsAnErrorAtThatBoundary() {
      Diagnostic d =
          only(
              validPack()
                  .element(element("particulars", 30))
                  .rule(rule("r", "particulars", 70).valid("@in-force-dat", null, "lawyer")),
              "undefined-assumption");

      assertThat(d.position()).isEqualTo(pos(RULES, 76, 16));
      assertThat(d.message())
          .isEqualTo("undefined assumption '@in-force-dat'; did you mean '@in-force-date'?");
    }

    @Test
    void aValidityUntilABooleanAssumptionIsATypeMismatchAtThatBoundary() {
      Diagnostic d =
          only(
              validPack()
                  .element(element("particulars", 30))
                  .rule(rule("r", "particulars", 70).valid(null, "@age-27-included", "lawyer")),
              "type-mismatch");

      assertThat(d.position()).isEqualTo(pos(RULES, 76, 40));
      assertThat(d.message())
          .isEqualTo(
              "a validity boundary needs a date, but assumption 'age-27-included' is boolean");
    }

    @Test
    void aValidityThatEndsBeforeItStartsIsEmpty() {
      Diagnostic d =
          only(
              validPack()
                  .element(element("particulars", 30))
                  .rule(rule("r", "particulars", 70).valid("2023-06-29", "2022-06-29", "lawyer")),
              "empty-validity");

      assertThat(d.position()).isEqualTo(pos(RULES, 76, 9));
      assertThat(d.message())
          .isEqualTo("validity [2023-06-29, 2022-06-29) is empty: 'from' must be before 'to'");
    }

    @Test
    void aValidityThatEndsOnTheDayItStartsIsEmpty() {
      Diagnostic d =
          only(
              validPack()
                  .element(element("particulars", 30))
                  .rule(
                      rule("r", "particulars", 70).valid("@in-force-date", "2023-06-08", "lawyer")),
              "empty-validity");

      assertThat(d.message()).startsWith("validity [2023-06-08, 2023-06-08) is empty");
    }

    @Test
    void aDateAssumptionWhoseDefaultIsNotADateIsAnErrorAtTheDefault() {
      Diagnostic d =
          only(
              validPack()
                  .assumption(assumption("end-date", Assumption.Type.DATE, "2023-02-30", 20))
                  .element(element("particulars", 30))
                  .rule(rule("r", "particulars", 70).valid("2023-01-01", "@end-date", "lawyer")),
              "bad-assumption-value");

      assertThat(d.position()).isEqualTo(pos(ASSUMPTIONS, 21, 5));
      assertThat(d.message())
          .isEqualTo(
              "default of 'end-date' must be a date that exists, written YYYY-MM-DD, not"
                  + " '2023-02-30'");
    }

    @Test
    void aValidityOnAnAssumptionWithABadDefaultGetsNoFurtherError() {
      List<Diagnostic> all =
          check(
              validPack()
                  .assumption(assumption("end-date", Assumption.Type.DATE, "someday", 20))
                  .element(element("particulars", 30))
                  .rule(
                      rule("r", "particulars", 70)
                          .valid("2023-01-01", "@end-date", "lawyer")
                          .valid("2022-01-01", null, "lawyer")));

      assertThat(all).extracting(Diagnostic::code).containsExactly("bad-assumption-value");
    }

    @Test
    void aBooleanAssumptionWhoseDefaultIsNotTrueOrFalseIsAnError() {
      Diagnostic d =
          only(
              validPack()
                  .assumption(assumption("maybe", Assumption.Type.BOOLEAN, "yes", 20))
                  .rule(
                      rule("r", "risk-group", 70)
                          .restsOn("maybe")
                          .group("lawyers")
                          .valid("2000-01-01", "2000-01-02", "lawyer")),
              "bad-assumption-value");

      assertThat(d.message()).isEqualTo("default of 'maybe' must be true or false, not 'yes'");
    }

    @Test
    void anAssumptionNoRuleRestsOnIsAWarningAtTheAssumption() {
      Diagnostic d =
          only(
              validPack().assumption(assumption("forgotten", Assumption.Type.TEXT, "anything", 20)),
              "unused-assumption");

      assertThat(d.severity()).isEqualTo(Severity.WARNING);
      assertThat(d.position()).isEqualTo(pos(ASSUMPTIONS, 20, 3));
      assertThat(d.message())
          .isEqualTo(
              "no rule rests on assumption 'forgotten'; name it in a rule's rests-on or remove it");
    }

    @Test
    void anAssumptionNamedOnlyInRestsOnIsUsed() {
      assertThat(
              check(
                  validPack()
                      .assumption(assumption("reading", Assumption.Type.TEXT, "a reading", 20))
                      .rule(
                          rule("r", "risk-group", 70)
                              .group("lawyers")
                              .restsOn("reading")
                              .valid("2000-01-01", "2000-01-02", "lawyer"))))
          .isEmpty();
    }

    @Test
    void restingOnAnUndefinedAssumptionIsAnErrorWithASuggestion() {
      Diagnostic d =
          only(
              validPack()
                  .rule(
                      rule("r", "risk-group", 70)
                          .group("lawyers")
                          .restsOn("age-27-include")
                          .valid("2000-01-01", "2000-01-02", "lawyer")),
              "undefined-assumption");

      assertThat(d.position()).isEqualTo(pos(RULES, 74, 5));
      assertThat(d.message())
          .isEqualTo(
              "rule 'r' rests on undefined assumption 'age-27-include'; did you mean"
                  + " 'age-27-included'?");
    }
  }

  @Nested
  class ConditionsAndDefinitions {

    @Test
    void aTypeProblemInAConditionIsReportedAtItsColumnInTheFile() {
      Diagnostic d =
          only(
              validPack()
                  .element(element("particulars", 30))
                  .rule(
                      rule("r", "particulars", 70)
                          .valid(null, null, "lawyer and politicalActivst")),
              "unknown-fact");

      // the condition is at line 77, offset 11 is column 5 + 11
      assertThat(d.position()).isEqualTo(pos(RULES, 77, 16));
      assertThat(d.message()).endsWith("did you mean 'politicalActivist'?");
    }

    @Test
    void aTypeProblemInADefinitionIsReportedAtItsColumnInTheFile() {
      Diagnostic d =
          only(
              validPack()
                  .definition(definition("broken", "lawyer and dateOfBirth < 2000-01-01", 40)),
              "partial-date-compared");

      assertThat(d.position()).isEqualTo(pos(RULES, 41, 16));
    }

    @Test
    void definitionsThatUseEachOtherFormACycleReportedAtEach() {
      List<Diagnostic> cycles =
          withCode(
              check(
                  validPack()
                      .definition(definition("ping", "pong and lawyer", 40))
                      .definition(definition("pong", "ping or lawyer", 43))),
              "definition-cycle");

      assertThat(cycles)
          .extracting(Diagnostic::position, Diagnostic::message)
          .containsExactly(
              tuple(
                  pos(RULES, 40, 5),
                  "definition 'ping' refers to itself (directly or through other definitions)"),
              tuple(
                  pos(RULES, 43, 5),
                  "definition 'pong' refers to itself (directly or through other definitions)"));
    }

    @Test
    void aDefinitionThatUsesItselfIsACycle() {
      Diagnostic d =
          only(
              validPack().definition(definition("loop", "loop or lawyer", 40)), "definition-cycle");

      assertThat(d.position()).isEqualTo(pos(RULES, 40, 5));
    }

    @Test
    void aDefinitionUsingAnotherDefinitionIsNotACycle() {
      assertThat(
              check(
                  validPack()
                      .definition(definition("outer", "critic or lawyer", 40))
                      .rule(
                          rule("r", "decision-moratorium", 70)
                              .valid("2000-01-01", "2000-01-02", "outer"))))
          .isEmpty();
    }

    @Test
    void aRuleVersionWithoutSourcesIsAnErrorAtItsSources() {
      Diagnostic d =
          only(
              validPack()
                  .element(element("particulars", 30))
                  .rule(
                      rule("r", "particulars", 70)
                          .version(version(null, null, "lawyer", 75, List.of()))),
              "rule-without-source");

      assertThat(d.position()).isEqualTo(pos(RULES, 78, 9));
      assertThat(d.message())
          .isEqualTo(
              "rule 'r' cites no source: every rule version needs at least one verbatim quote");
    }

    @Test
    void aRuleWithoutVersionsIsAnError() {
      Diagnostic d =
          only(
              validPack().element(element("particulars", 30)).rule(rule("r", "particulars", 70)),
              "rule-without-versions");

      assertThat(d.position()).isEqualTo(pos(RULES, 70, 3));
    }
  }

  /**
   * The engine's missing facts treat the rules of an element as independent; rules in force
   * together that read the same fact get a warning, never an error.
   */
  @Nested
  class SharedFacts {

    private TestPacks.PackBuilder twoGroups(String first, String second) {
      return TestPacks.pack()
          .fact(fact("critic", FactType.BOOLEAN, 1))
          .fact(fact("lawyer", FactType.BOOLEAN, 4))
          .fact(fact("judge", FactType.BOOLEAN, 7))
          .element(element("risk-group", 1, "critics", "lawyers"))
          .definition(definition("critical", "critic and judge", 1))
          .rule(rule("critics", "risk-group", 10).group("critics").valid(null, null, first))
          .rule(rule("lawyers", "risk-group", 30).group("lawyers").valid(null, null, second));
    }

    @Test
    void rulesOfOneElementInForceTogetherThatReadAFactGetAWarningAtTheLaterRule() {
      Diagnostic d = only(twoGroups("critic and lawyer", "lawyer or judge"), "shared-fact");

      assertThat(d.severity()).isEqualTo(Severity.WARNING);
      assertThat(d.position()).isEqualTo(pos(RULES, 35, 7));
      assertThat(d.related())
          .extracting(Diagnostic.Related::position)
          .containsExactly(pos(RULES, 15, 7));
      assertThat(d.related())
          .extracting(Diagnostic.Related::note)
          .containsExactly("rule 'critics'");
      assertThat(d.message())
          .isEqualTo(
              "rules 'critics' and 'lawyers' of element 'risk-group' both read lawyer; the missing"
                  + " facts the engine lists for this element may be imprecise");
    }

    @Test
    void factsReadThroughDefinitionsCountAndAreListedInAlphabeticalOrder() {
      Diagnostic d = only(twoGroups("critical", "judge or lawyer or critic"), "shared-fact");

      assertThat(d.message()).contains("both read critic, judge;");
    }

    @Test
    void factsReadThroughADefinitionOfADefinitionCount() {
      Diagnostic d =
          only(
              twoGroups("critical", "outer")
                  .definition(definition("outer", "lawyer or critical", 40)),
              "shared-fact");

      assertThat(d.message()).contains("both read critic, judge;");
    }

    @Test
    void rulesThatReadDifferentFactsGetNoWarning() {
      assertThat(check(twoGroups("critic", "lawyer"))).isEmpty();
    }

    @Test
    void rulesOfDifferentElementsThatReadAFactGetNoWarning() {
      assertThat(
              check(
                  twoGroups("critic", "lawyer")
                      .element(element("particulars", 30))
                      .rule(rule("particular", "particulars", 70).valid(null, null, "critic"))))
          .isEmpty();
    }

    @Test
    void rulesThatAreNeverInForceTogetherGetNoWarning() {
      TestPacks.PackBuilder pack =
          TestPacks.pack()
              .fact(fact("critic", FactType.BOOLEAN, 1))
              .element(element("risk-group", 1, "critics", "lawyers"))
              .assumption(assumption("in-force-date", Assumption.Type.DATE, "2023-06-08", 1))
              .rule(
                  rule("critics", "risk-group", 10)
                      .group("critics")
                      .valid(null, "@in-force-date", "critic"))
              .rule(
                  rule("lawyers", "risk-group", 30)
                      .group("lawyers")
                      .valid("@in-force-date", null, "critic"));

      assertThat(check(pack)).isEmpty();
    }

    @Test
    void everyPairOfVersionsInForceTogetherIsReported() {
      TestPacks.PackBuilder pack =
          TestPacks.pack()
              .fact(fact("critic", FactType.BOOLEAN, 1))
              .element(element("risk-group", 1, "critics", "lawyers"))
              .assumption(assumption("in-force-date", Assumption.Type.DATE, "2023-06-08", 1))
              .rule(
                  rule("critics", "risk-group", 10)
                      .group("critics")
                      .valid(null, "@in-force-date", "critic")
                      .valid("@in-force-date", null, "critic"))
              .rule(rule("lawyers", "risk-group", 30).group("lawyers").valid(null, null, "critic"));

      assertThat(withCode(check(pack), "shared-fact"))
          .extracting(d -> d.related().get(0).position())
          .containsExactly(pos(RULES, 15, 7), pos(RULES, 19, 7));
    }
  }
}
