package org.asylex.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.asylex.engine.policy.TestPacks.ASSUMPTIONS;
import static org.asylex.engine.policy.TestPacks.ELEMENTS;
import static org.asylex.engine.policy.TestPacks.FACTS;
import static org.asylex.engine.policy.TestPacks.RULES;
import static org.asylex.engine.policy.TestPacks.assumption;
import static org.asylex.engine.policy.TestPacks.definition;
import static org.asylex.engine.policy.TestPacks.element;
import static org.asylex.engine.policy.TestPacks.fact;
import static org.asylex.engine.policy.TestPacks.pos;
import static org.asylex.engine.policy.TestPacks.rule;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.asylex.engine.diagnostic.Diagnostic;
import org.asylex.engine.diagnostic.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Names and declarations: each item is declared once, under a name of the right shape. */
class PackValidatorNamesTest {

  /**
   * One fact, one element, one rule from 2010: a pack without problems to add one to. Rules added
   * for the year 2000 neither conflict with it nor share its facts at any one time.
   */
  private static TestPacks.PackBuilder base() {
    return TestPacks.pack()
        .fact(fact("member", FactType.BOOLEAN, 1))
        .element(element("e", 1))
        .rule(rule("r", "e", 10).valid("2010-01-01", null, "member"));
  }

  private static List<Diagnostic> check(TestPacks.PackBuilder pack) {
    return PackValidator.check(pack.build());
  }

  private static Diagnostic only(TestPacks.PackBuilder pack, String code) {
    List<Diagnostic> all = check(pack);
    List<Diagnostic> matching = all.stream().filter(d -> d.code().equals(code)).toList();
    assertThat(matching).as("diagnostics '%s' among %s", code, all).hasSize(1);
    return matching.get(0);
  }

  @Test
  void theBasePackHasNoProblem() {
    assertThat(check(base())).isEmpty();
  }

  @Test
  void aFactDeclaredTwiceIsAnErrorAtTheSecondRelatedToTheFirst() {
    Diagnostic d = only(base().fact(fact("member", FactType.BOOLEAN, 4)), "duplicate-fact");

    assertThat(d.severity()).isEqualTo(Severity.ERROR);
    assertThat(d.position()).isEqualTo(pos(FACTS, 4, 5));
    assertThat(d.message()).isEqualTo("fact 'member' is declared twice");
    assertThat(d.related())
        .containsExactly(new Diagnostic.Related(pos(FACTS, 1, 3), "first declared here"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Member", "place_of_birth", "1st", "and", "age", "assessmentDate"})
  void aFactNameThatIsNotCamelCaseOrIsAKeywordIsAnError(String name) {
    Diagnostic d = only(base().fact(fact(name, FactType.BOOLEAN, 4)), "bad-name");

    assertThat(d.position()).isEqualTo(pos(FACTS, 4, 5));
    assertThat(d.message()).startsWith("fact name '" + name + "' must be camelCase");
  }

  @Test
  void anEnumWithoutValuesIsAnErrorAtItsType() {
    Diagnostic d = only(base().fact(fact("status", FactType.ENUM, 4)), "enum-without-values");

    assertThat(d.position()).isEqualTo(pos(FACTS, 5, 5));
    assertThat(d.message()).isEqualTo("an enum fact needs 'values'");
  }

  @Test
  void valuesOnAFactThatIsNotAnEnumAreAnErrorAtTheValues() {
    Diagnostic d = only(base().fact(fact("flag", FactType.BOOLEAN, 4, "x")), "values-on-non-enum");

    assertThat(d.position()).isEqualTo(pos(FACTS, 6, 5));
    assertThat(d.message()).isEqualTo("only an enum fact takes 'values'; 'flag' is boolean");
  }

  @Test
  void anEnumWithValuesIsFine() {
    assertThat(check(base().fact(fact("status", FactType.ENUM, 4, "a", "b")))).isEmpty();
  }

  @Test
  void anElementDeclaredTwiceIsAnError() {
    Diagnostic d = only(base().element(element("e", 10)), "duplicate-element");

    assertThat(d.position()).isEqualTo(pos(ELEMENTS, 10, 5));
    assertThat(d.message()).isEqualTo("element 'e' is declared twice");
    assertThat(d.related())
        .extracting(Diagnostic.Related::position)
        .containsExactly(pos(ELEMENTS, 1, 3));
  }

  @Test
  void anElementIdThatIsNotKebabCaseIsAnError() {
    Diagnostic d =
        only(
            TestPacks.pack()
                .fact(fact("member", FactType.BOOLEAN, 1))
                .element(element("Risk_Group", 1))
                .rule(rule("r", "Risk_Group", 10).valid(null, null, "member")),
            "bad-name");

    assertThat(d.position()).isEqualTo(pos(ELEMENTS, 1, 5));
    assertThat(d.message())
        .isEqualTo("element id 'Risk_Group' must be kebab-case (lower-case words joined by '-')");
  }

  @Test
  void aGroupIdThatIsNotKebabCaseIsAnErrorAtTheGroup() {
    Diagnostic d =
        only(
            TestPacks.pack()
                .fact(fact("member", FactType.BOOLEAN, 1))
                .element(element("e", 1, "ok", "Not-OK"))
                .rule(rule("r", "e", 10).group("ok").valid(null, null, "member")),
            "bad-name");

    assertThat(d.position()).isEqualTo(pos(ELEMENTS, 3, 9));
    assertThat(d.message()).startsWith("group id 'Not-OK' must be kebab-case");
  }

  @Test
  void aGroupDeclaredTwiceInAnElementIsAnError() {
    Diagnostic d =
        only(
            TestPacks.pack()
                .fact(fact("member", FactType.BOOLEAN, 1))
                .element(element("e", 1, "g", "g"))
                .rule(rule("r", "e", 10).group("g").valid(null, null, "member")),
            "duplicate-group");

    assertThat(d.position()).isEqualTo(pos(ELEMENTS, 3, 9));
    assertThat(d.message()).isEqualTo("group 'g' is declared twice in element 'e'");
  }

  @Test
  void anAssumptionDeclaredTwiceIsAnError() {
    Diagnostic d =
        only(
            base()
                .assumption(assumption("x", Assumption.Type.TEXT, "a", 1))
                .assumption(assumption("x", Assumption.Type.TEXT, "b", 5))
                .rule(rule("s", "e", 30).restsOn("x").valid("2000-01-01", "2000-01-02", "member")),
            "duplicate-assumption");

    assertThat(d.position()).isEqualTo(pos(ASSUMPTIONS, 5, 5));
    assertThat(d.message()).isEqualTo("assumption 'x' is declared twice");
    assertThat(d.related())
        .extracting(Diagnostic.Related::position)
        .containsExactly(pos(ASSUMPTIONS, 1, 3));
  }

  @Test
  void anAssumptionIdThatIsNotKebabCaseIsAnError() {
    Diagnostic d =
        only(
            base()
                .assumption(assumption("In_Force", Assumption.Type.TEXT, "a", 1))
                .rule(
                    rule("s", "e", 30)
                        .restsOn("In_Force")
                        .valid("2000-01-01", "2000-01-02", "member")),
            "bad-name");

    assertThat(d.position()).isEqualTo(pos(ASSUMPTIONS, 1, 5));
    assertThat(d.message()).startsWith("assumption id 'In_Force' must be kebab-case");
  }

  @Test
  void anAlternativeValueOfTheWrongTypeIsAnErrorAtThatValue() {
    Assumption plain = assumption("flag", Assumption.Type.BOOLEAN, "true", 1);
    var alternative =
        new Assumption.Alternative(
            Optional.of("maybe"),
            TestPacks.text("or not"),
            new Origin(pos(ASSUMPTIONS, 3, 7), Map.of("value", pos(ASSUMPTIONS, 4, 9))));
    var good =
        new Assumption.Alternative(
            Optional.of("false"), TestPacks.text("no"), Origin.of(pos(ASSUMPTIONS, 5, 7)));
    var none =
        new Assumption.Alternative(
            Optional.empty(), TestPacks.text("open"), Origin.of(pos(ASSUMPTIONS, 6, 7)));
    Assumption withAlternatives =
        new Assumption(
            plain.id(),
            plain.kind(),
            plain.type(),
            plain.defaultValue(),
            plain.statement(),
            List.of(alternative, good, none),
            plain.sources(),
            plain.origin());

    Diagnostic d =
        only(
            base()
                .assumption(withAlternatives)
                .rule(
                    rule("s", "e", 30).restsOn("flag").valid("2000-01-01", "2000-01-02", "member")),
            "bad-assumption-value");

    assertThat(d.position()).isEqualTo(pos(ASSUMPTIONS, 4, 9));
    assertThat(d.message())
        .isEqualTo("alternative value of 'flag' must be true or false, not 'maybe'");
  }

  @Test
  void aDefinitionDeclaredTwiceIsAnError() {
    Diagnostic d =
        only(
            base()
                .definition(definition("active", "member", 1))
                .definition(definition("active", "not member", 5))
                .rule(rule("s", "e", 30).valid("2000-01-01", "2000-01-02", "active")),
            "duplicate-definition");

    assertThat(d.position()).isEqualTo(pos(RULES, 5, 5));
    assertThat(d.message()).isEqualTo("definition 'active' is declared twice");
    assertThat(d.related())
        .extracting(Diagnostic.Related::position)
        .containsExactly(pos(RULES, 1, 3));
  }

  @Test
  void aDefinitionWithTheNameOfAFactIsAnError() {
    Diagnostic d =
        only(base().definition(definition("member", "true", 1)), "definition-shadows-fact");

    assertThat(d.position()).isEqualTo(pos(RULES, 1, 5));
    assertThat(d.message()).isEqualTo("definition 'member' has the name of a fact");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Active", "is_active", "not"})
  void aDefinitionNameThatIsNotCamelCaseOrIsAKeywordIsAnError(String name) {
    Diagnostic d = only(base().definition(definition(name, "member", 1)), "bad-name");

    assertThat(d.position()).isEqualTo(pos(RULES, 1, 5));
    assertThat(d.message())
        .isEqualTo("definition name '" + name + "' must be camelCase and not a keyword");
  }

  @Test
  void aRuleDeclaredTwiceIsAnError() {
    Diagnostic d =
        only(
            base().rule(rule("r", "e", 30).valid("2000-01-01", "2000-01-02", "member")),
            "duplicate-rule");

    assertThat(d.position()).isEqualTo(pos(RULES, 30, 5));
    assertThat(d.message()).isEqualTo("rule 'r' is declared twice");
    assertThat(d.related())
        .extracting(Diagnostic.Related::position)
        .containsExactly(pos(RULES, 10, 3));
  }

  @Test
  void aRuleIdThatIsNotKebabCaseIsAnError() {
    Diagnostic d =
        only(
            base().rule(rule("Rule_2", "e", 30).valid("2000-01-01", "2000-01-02", "member")),
            "bad-name");

    assertThat(d.position()).isEqualTo(pos(RULES, 30, 5));
    assertThat(d.message()).startsWith("rule id 'Rule_2' must be kebab-case");
  }

  @ParameterizedTest
  @ValueSource(strings = {"a", "a-b", "a1-2b-c3"})
  void kebabCaseIdsAreFine(String id) {
    assertThat(check(base().rule(rule(id, "e", 30).valid("2000-01-01", "2000-01-02", "member"))))
        .isEmpty();
  }

  @Test
  void anUnknownElementWithoutANearNameListsTheKnownElements() {
    Diagnostic d =
        only(base().rule(rule("s", "zzzzzzzz", 30).valid(null, null, "member")), "unknown-element");

    assertThat(d.message()).isEqualTo("rule 's' decides unknown element 'zzzzzzzz' (known: e)");
  }

  @Test
  void anUnknownElementAmongMoreThanEightElementsListsNone() {
    var pack = base();
    for (int i = 0; i < 8; i++) {
      pack.element(element("element-" + i, 20 + 10 * i))
          .rule(rule("r-" + i, "element-" + i, 100 + 20 * i).valid(null, null, "member"));
    }
    Diagnostic d =
        only(pack.rule(rule("s", "zzzzzzzz", 400).valid(null, null, "member")), "unknown-element");

    assertThat(d.message()).isEqualTo("rule 's' decides unknown element 'zzzzzzzz'");
  }

  @Test
  void anUnknownElementAmongExactlyEightElementsListsThem() {
    var pack = base();
    for (int i = 0; i < 7; i++) {
      pack.element(element("element-" + i, 20 + 10 * i))
          .rule(rule("r-" + i, "element-" + i, 100 + 20 * i).valid(null, null, "member"));
    }
    Diagnostic d =
        only(pack.rule(rule("s", "zzzzzzzz", 400).valid(null, null, "member")), "unknown-element");

    assertThat(d.message()).contains("(known: e, element-0, ");
  }

  @Test
  void aChainOfExceptionsBackToTheFirstRuleIsACycleAtEveryRuleOfIt() {
    List<Diagnostic> all =
        check(
            base()
                .rule(rule("x1", "e", 30).exceptionTo("x2").valid(null, null, "member"))
                .rule(rule("x2", "e", 50).exceptionTo("x3").valid(null, null, "member"))
                .rule(rule("x3", "e", 70).exceptionTo("x1").valid(null, null, "member")));

    assertThat(all)
        .filteredOn(d -> d.code().equals("exception-cycle"))
        .extracting(Diagnostic::position)
        .containsExactly(pos(RULES, 33, 5), pos(RULES, 53, 5), pos(RULES, 73, 5));
  }

  @Test
  void anExceptionToARuleThatIsAnExceptionToAnotherIsNoCycle() {
    assertThat(
            check(
                base()
                    .rule(rule("x1", "e", 30).exceptionTo("r").valid(null, null, "member"))
                    .rule(rule("x2", "e", 50).exceptionTo("x1").valid(null, null, "member"))))
        .noneMatch(d -> d.code().equals("exception-cycle"));
  }

  @Test
  void anExceptionToAnUnknownRuleIsNoCycle() {
    List<Diagnostic> all =
        check(
            base().rule(rule("x", "e", 30).exceptionTo("r", "ghost").valid(null, null, "member")));

    assertThat(all).extracting(Diagnostic::code).contains("unknown-rule");
    assertThat(all).noneMatch(d -> d.code().equals("exception-cycle"));
  }
}
