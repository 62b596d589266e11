package org.asylex.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.asylex.engine.policy.TestPacks.ELEMENTS;
import static org.asylex.engine.policy.TestPacks.FACTS;
import static org.asylex.engine.policy.TestPacks.RULES;
import static org.asylex.engine.policy.TestPacks.element;
import static org.asylex.engine.policy.TestPacks.fact;
import static org.asylex.engine.policy.TestPacks.pos;
import static org.asylex.engine.policy.TestPacks.rule;

import java.util.List;
import org.asylex.engine.diagnostic.Diagnostic;
import org.asylex.engine.diagnostic.SourcePosition;
import org.junit.jupiter.api.Test;

/** The country fact every pack declares, and the limits of {@link PackLimits}, as errors. */
class PackValidatorLimitsTest {

  private static List<Diagnostic> errors(TestPacks.PackBuilder pack) {
    return PackValidator.check(pack.build()).stream().filter(Diagnostic::isError).toList();
  }

  private static Diagnostic onlyError(TestPacks.PackBuilder pack, String code) {
    List<Diagnostic> errors = errors(pack);
    assertThat(errors).as("errors").extracting(Diagnostic::code).containsExactly(code);
    return errors.get(0);
  }

  private static TestPacks.PackBuilder withoutCountry() {
    return TestPacks.pack()
        .withoutCountryFact()
        .fact(fact("a", FactType.BOOLEAN, 1))
        .fact(fact("b", FactType.BOOLEAN, 4))
        .element(element("e", 1))
        .rule(rule("r", "e", 10).valid(null, null, "a"));
  }

  @Test
  void theCountryFactHasTheNameCaseInputReadsACaseByAndTheTestPacksDeclareIt() {
    assertThat(FactSchema.COUNTRY_FACT)
        .isEqualTo(org.asylex.engine.assessment.CaseInput.COUNTRY_FACT);
    assertThat(errors(TestPacks.pack().fact(fact("a", FactType.BOOLEAN, 1)))).isEmpty();
  }

  @Test
  void aPackWithoutTheCountryFactIsAnErrorAtItsFirstFact() {
    Diagnostic d = onlyError(withoutCountry(), "missing-country-fact");

    assertThat(d.position()).isEqualTo(pos(FACTS, 1, 5));
    assertThat(d.message())
        .isEqualTo(
            "the pack declares no fact 'countryOfOrigin' (type country): every case names its"
                + " country of origin, which selects the pack");
  }

  @Test
  void aMisspeltCountryFactIsTheOneReportedAndSuggested() {
    Diagnostic d =
        onlyError(
            withoutCountry().fact(fact("countryOfOrign", FactType.COUNTRY, 7)),
            "missing-country-fact");

    assertThat(d.position()).isEqualTo(pos(FACTS, 7, 5));
    assertThat(d.message()).endsWith("; is 'countryOfOrign' misspelt?");
  }

  @Test
  void aPackWithoutFactsReportsTheMissingCountryFactAtTheFactsFile() {
    Diagnostic d =
        onlyError(
            TestPacks.pack()
                .withoutCountryFact()
                .element(element("e", 1))
                .rule(rule("r", "e", 10).valid(null, null, "true")),
            "missing-country-fact");

    assertThat(d.position()).isEqualTo(SourcePosition.ofFile("facts.yaml"));
  }

  @Test
  void theCountryFactMustBeOfTypeCountryReportedAtItsType() {
    Diagnostic d =
        onlyError(
            withoutCountry().fact(fact("countryOfOrigin", FactType.ENUM, 7, "RU", "ZZ")),
            "country-fact-type");

    assertThat(d.position()).isEqualTo(pos(FACTS, 8, 5));
    assertThat(d.message())
        .isEqualTo(
            "fact 'countryOfOrigin' selects the pack for a case and must be of type country, not"
                + " enum");
  }

  /** {@code n} boolean facts f0, f1, ... (the last of them the country fact) and one rule. */
  private static TestPacks.PackBuilder facts(int n) {
    var pack = TestPacks.pack().withoutCountryFact();
    for (int i = 0; i < n - 1; i++) {
      pack.fact(fact("f" + i, FactType.BOOLEAN, 1 + 3 * i));
    }
    return pack.fact(fact(FactSchema.COUNTRY_FACT, FactType.COUNTRY, 1 + 3 * (n - 1)))
        .element(element("e", 1))
        .rule(rule("r", "e", 10).valid(null, null, "f0"));
  }

  @Test
  void sixtyFourFactsAreAllowed() {
    assertThat(errors(facts(PackLimits.MAX_FACTS))).isEmpty();
  }

  @Test
  void theSixtyFifthFactIsAnErrorAtItsName() {
    Diagnostic d = onlyError(facts(65), "too-many-facts");

    assertThat(d.position()).isEqualTo(pos(FACTS, 1 + 3 * 64, 5));
    assertThat(d.message())
        .isEqualTo(
            "the pack declares 65 facts; at most 64 are allowed (the engine keeps a case's facts"
                + " as bits of a 64-bit word)");
  }

  /** Element e with {@code n} groups and one rule per group, each reading its own fact. */
  private static TestPacks.PackBuilder rules(int n) {
    var pack = TestPacks.pack();
    String[] groups = new String[n];
    for (int i = 0; i < n; i++) {
      groups[i] = "g" + i;
      pack.fact(fact("f" + i, FactType.BOOLEAN, 1 + 3 * i));
    }
    pack.element(element("e", 1, groups));
    for (int i = 0; i < n; i++) {
      pack.rule(rule("r" + i, "e", 100 + 20 * i).group("g" + i).valid(null, null, "f" + i));
    }
    return pack;
  }

  @Test
  void twelveRulesAndExceptionsPerElementAreAllowed() {
    assertThat(errors(rules(PackLimits.MAX_CONDITIONS_PER_ELEMENT))).isEmpty();
  }

  @Test
  void theThirteenthRuleOfAnElementIsAnErrorAtThatRuleRelatedToTheElement() {
    Diagnostic d = onlyError(rules(13), "too-many-conditions");

    assertThat(d.position()).isEqualTo(pos(RULES, 100 + 20 * 12, 3));
    assertThat(d.message())
        .startsWith("element 'e' has 13 rules and exceptions; at most 12 are allowed");
    assertThat(d.related())
        .extracting(Diagnostic.Related::position)
        .containsExactly(pos(ELEMENTS, 1, 3));
  }

  @Test
  void andCompilingAnUncheckedPackOverTheLimitIsRefusedBeforeAnyCase() {
    PolicyPack p = rules(13).build();

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                org.asylex.engine.assessment.CompiledPolicy.compile(
                    p, AssumptionValues.defaults(p)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "element 'e' has more than 12 rules and exceptions; the pack check reports this");
  }
}
