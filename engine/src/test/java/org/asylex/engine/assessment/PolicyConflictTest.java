package org.asylex.engine.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.asylex.engine.policy.TestPacks.RULES;
import static org.asylex.engine.policy.TestPacks.assumption;
import static org.asylex.engine.policy.TestPacks.element;
import static org.asylex.engine.policy.TestPacks.fact;
import static org.asylex.engine.policy.TestPacks.pos;
import static org.asylex.engine.policy.TestPacks.rule;

import java.time.LocalDate;
import java.util.Map;
import org.asylex.engine.diagnostic.Diagnostic;
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
  void anOverrideThatMakesTwoRulesOfOneGroupOverlapIsRefusedNamingBothRulesAndTheirPlaces() {
    PolicyPack p = handOver("g");
    AssumptionValues earlier = AssumptionValues.withOverrides(p, Map.of("new-start", "2022-12-01"));

    PolicyConflictException e =
        catchThrowableOfType(
            PolicyConflictException.class, () -> CompiledPolicy.compile(p, earlier));

    assertThat(e.firstRule()).isEqualTo("old");
    assertThat(e.secondRule()).isEqualTo("new");
    assertThat(e.firstPosition()).isEqualTo(pos(RULES, 15, 7));
    assertThat(e.secondPosition()).isEqualTo(pos(RULES, 35, 7));
    assertThat(e.getMessage())
        .isEqualTo(
            "rules 'old' and 'new' both decide group 'g' of element 'e' on [2022-12-01,"
                + " 2023-01-01); make one an exception to the other, or separate their validity"
                + " (rule 'old' at rules.yaml:15:7, rule 'new' at rules.yaml:35:7)");
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
              // each version's validity
              assertThat(e.firstPosition()).isEqualTo(pos(RULES, 16, 9));
              assertThat(e.secondPosition()).isEqualTo(pos(RULES, 20, 9));
              assertThat(e.getMessage())
                  .isEqualTo(
                      "versions 1 […, 2023-03-01) and 2 [2023-01-01, …) of rule 'r' overlap"
                          + " under these assumption values (rule 'r' at rules.yaml:16:9, rule"
                          + " 'r' at rules.yaml:20:9)");
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

  /**
   * Rules rg (group g, applies) and rh (group h, individual assessment) of one element: rg until
   * {@code rgTo}, rh from {@code rhFrom} (dates or assumptions old-end and new-start, both
   * 2023-01-01 by default; null for an open end).
   */
  private static PolicyPack differentOutcomes(String rgTo, String rhFrom) {
    return TestPacks.pack()
        .fact(fact("a", FactType.BOOLEAN, 1))
        .fact(fact("b", FactType.BOOLEAN, 4))
        .element(
            element(
                "e", Slot.PARTICULARS, Outcome.DOES_NOT_APPLY, Outcome.DOES_NOT_APPLY, 1, "g", "h"))
        .assumption(assumption("old-end", Assumption.Type.DATE, "2023-01-01", 1))
        .assumption(assumption("new-start", Assumption.Type.DATE, "2023-01-01", 5))
        .rule(rule("rg", "e", 10).group("g").valid(null, rgTo, "a", Outcome.APPLIES))
        .rule(
            rule("rh", "e", 30).group("h").valid(rhFrom, null, "b", Outcome.INDIVIDUAL_ASSESSMENT))
        .build();
  }

  private static final String DIFFERENT_OUTCOMES =
      "rules 'rg' (applies) and 'rh' (individual_assessment) of element 'e' give different"
          + " outcomes and may both hold on ";

  private static final String SETTLE =
      "; give them one outcome, make one an exception to the other, or separate their validity";

  @Test
  void rulesOfOneElementThatGiveDifferentOutcomesOnOneDayAreRejectedByThePackCheck() {
    PolicyPack p = differentOutcomes(null, null);

    assertThat(PackValidator.check(p))
        .filteredOn(Diagnostic::isError)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.code()).isEqualTo("conflicting-outcomes");
              assertThat(d.message()).isEqualTo(DIFFERENT_OUTCOMES + "[…, …)" + SETTLE);
              assertThat(d.position()).isEqualTo(pos(RULES, 35, 7));
              assertThat(d.related())
                  .extracting(Diagnostic.Related::position)
                  .containsExactly(pos(RULES, 15, 7));
            });
  }

  @Test
  void compilingSuchAPackIsRefusedNamingBothRulesAndTheirPlacesNeverAtAssessment() {
    PolicyPack p = differentOutcomes(null, null);

    PolicyConflictException e =
        catchThrowableOfType(
            PolicyConflictException.class,
            () -> CompiledPolicy.compile(p, AssumptionValues.defaults(p)));

    assertThat(e.firstRule()).isEqualTo("rg");
    assertThat(e.secondRule()).isEqualTo("rh");
    assertThat(e.firstPosition()).isEqualTo(pos(RULES, 15, 7));
    assertThat(e.secondPosition()).isEqualTo(pos(RULES, 35, 7));
    assertThat(e.getMessage())
        .isEqualTo(
            DIFFERENT_OUTCOMES
                + "[…, …)"
                + SETTLE
                + " (rule 'rg' at rules.yaml:15:7, rule 'rh' at rules.yaml:35:7)");
  }

  @Test
  void rulesWithDifferentOutcomesInForceOneAfterTheOtherEachGiveTheirOwn() {
    PolicyPack p = differentOutcomes("@old-end", "@new-start");
    assertThat(PackValidator.check(p)).noneMatch(Diagnostic::isError);
    CompiledPolicy policy = CompiledPolicy.compile(p, AssumptionValues.defaults(p));
    CaseFacts both = TinyPack.facts(p, "a", true, "b", true);

    assertThat(policy.outcomes(both, LocalDate.of(2022, 6, 15)).outcome(0))
        .isEqualTo(Outcome.APPLIES);
    assertThat(policy.outcomes(both, TinyPack.D).outcome(0))
        .isEqualTo(Outcome.INDIVIDUAL_ASSESSMENT);
  }

  @Test
  void anOverrideThatBringsRulesWithDifferentOutcomesTogetherIsRefused() {
    PolicyPack p = differentOutcomes("@old-end", "@new-start");
    AssumptionValues earlier = AssumptionValues.withOverrides(p, Map.of("new-start", "2022-12-01"));

    assertThatThrownBy(() -> CompiledPolicy.compile(p, earlier))
        .isInstanceOf(PolicyConflictException.class)
        .hasMessageStartingWith(DIFFERENT_OUTCOMES + "[2022-12-01, 2023-01-01)" + SETTLE);
  }
}
