package org.asylex.engine.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TypeCheckerTest {

  /** A vocabulary written out by hand: one fact of each type, a definition, two assumptions. */
  private static final class TestVocabulary implements Vocabulary {
    private final Map<String, Symbol> names = new LinkedHashMap<>();
    private final Map<String, ExprType> assumptions = new LinkedHashMap<>();

    TestVocabulary() {
      fact("politicalActivist", ExprType.CONDITION);
      fact("humanRightsActivist", ExprType.CONDITION);
      fact("numberOfChildren", ExprType.NUMBER);
      fact("dateOfEntry", ExprType.DATE);
      fact("dateOfBirth", ExprType.PARTIAL_DATE);
      fact("nickname", ExprType.TEXT);
      names.put(
          "militaryStatus",
          new Symbol(
              Symbol.Kind.FACT,
              ExprType.TEXT,
              List.of("conscript", "reservist", "contractSoldier", "none"),
              null));
      names.put(
          "regionOfOrigin",
          new Symbol(Symbol.Kind.FACT, ExprType.TEXT, List.of(), "[A-Z]{2}-[A-Z0-9]{1,3}"));
      names.put(
          "moratoriumGroup",
          new Symbol(Symbol.Kind.DEFINITION, ExprType.CONDITION, List.of(), null));
      assumptions.put("moratorium-age-27-included", ExprType.CONDITION);
      assumptions.put("in-force-date", ExprType.DATE);
      assumptions.put("conscript-reading", ExprType.TEXT);
    }

    @Override
    public List<String> assumptionValues(String id) {
      return id.equals("conscript-reading") ? List.of("liable", "serving") : List.of();
    }

    private void fact(String name, ExprType type) {
      names.put(name, new Symbol(Symbol.Kind.FACT, type, List.of(), null));
    }

    @Override
    public Optional<Symbol> name(String name) {
      return Optional.ofNullable(names.get(name));
    }

    @Override
    public Optional<ExprType> assumption(String id) {
      return Optional.ofNullable(assumptions.get(id));
    }

    @Override
    public Collection<String> names() {
      return names.keySet();
    }

    @Override
    public Collection<String> assumptionIds() {
      return assumptions.keySet();
    }
  }

  private static final Vocabulary VOCABULARY = new TestVocabulary();

  private static TypeChecker.Result check(String condition) {
    return TypeChecker.checkCondition(ExpressionParser.parse(condition), VOCABULARY);
  }

  /** The single problem of {@code condition}, with the text its span covers. */
  private static ExprProblem onlyProblem(String condition) {
    List<ExprProblem> problems = check(condition).problems();
    assertThat(problems).as("problems of <%s>", condition).hasSize(1);
    return problems.get(0);
  }

  private static String under(String condition, ExprProblem p) {
    return condition.substring(p.start(), p.end());
  }

  @Test
  void aWellTypedConditionHasNoProblemsAndIsACondition() {
    TypeChecker.Result result =
        check(
            "militaryStatus = 'conscript' and age(dateOfBirth) >= 18"
                + " and regionOfOrigin in ['RU-CE', 'RU-IN'] and dateOfEntry < @in-force-date"
                + " and (not @moratorium-age-27-included or moratoriumGroup)"
                + " and numberOfChildren > 2 and nickname != 'x' and assessmentDate >= 2023-06-08");

    assertThat(result.problems()).isEmpty();
    assertThat(result.type()).contains(ExprType.CONDITION);
  }

  @Test
  void aChoiceAssumptionIsComparedWithItsDeclaredValuesOnly() {
    assertThat(check("@conscript-reading = 'serving' or 'liable' = @conscript-reading").problems())
        .isEmpty();

    String condition = "@conscript-reading = 'servng'";
    ExprProblem p = onlyProblem(condition);
    assertThat(p.code()).isEqualTo("unknown-value");
    assertThat(under(condition, p)).isEqualTo("'servng'");
    assertThat(p.message())
        .isEqualTo(
            "'servng' is not a value of @conscript-reading (liable, serving); did you mean"
                + " 'serving'?");
    assertThat(onlyProblem("@conscript-reading in ['liable', 'both']").code())
        .isEqualTo("unknown-value");
  }

  @Test
  void theResultNamesTheFactsDefinitionsAndAssumptionsTheConditionReads() {
    TypeChecker.Result result =
        check(
            "moratoriumGroup and politicalActivist and @moratorium-age-27-included"
                + " and age(dateOfBirth) >= 18 and dateOfEntry < @in-force-date"
                + " and politicalActivist");

    assertThat(result.facts())
        .containsExactlyInAnyOrder("politicalActivist", "dateOfBirth", "dateOfEntry");
    assertThat(result.definitions()).containsExactly("moratoriumGroup");
    assertThat(result.assumptions())
        .containsExactlyInAnyOrder("moratorium-age-27-included", "in-force-date");
  }

  @Test
  void anUnknownNameIsNotCountedAsAFact() {
    TypeChecker.Result result = check("politicalActivst or humanRightsActivist");

    assertThat(result.facts()).containsExactly("humanRightsActivist");
    assertThat(result.definitions()).isEmpty();
  }

  @Test
  void aMisspeltFactIsUnknownWithTheNearestFactSuggested() {
    String condition = "humanRightsActivist or politicalActivst";

    ExprProblem p = onlyProblem(condition);

    assertThat(p.code()).isEqualTo("unknown-fact");
    assertThat(p.message())
        .isEqualTo(
            "unknown fact or definition 'politicalActivst'; did you mean 'politicalActivist'?");
    assertThat(under(condition, p)).isEqualTo("politicalActivst");
  }

  @Test
  void aMisspeltDefinitionIsSuggestedToo() {
    ExprProblem p = onlyProblem("moratoriumGroep");

    assertThat(p.code()).isEqualTo("unknown-fact");
    assertThat(p.message()).endsWith("did you mean 'moratoriumGroup'?");
  }

  @Test
  void aNameUnlikeAnyFactIsUnknownWithoutASuggestion() {
    ExprProblem p = onlyProblem("somethingElseEntirely");

    assertThat(p.code()).isEqualTo("unknown-fact");
    assertThat(p.message()).isEqualTo("unknown fact or definition 'somethingElseEntirely'");
  }

  @Test
  void aMisspeltAssumptionIsUndefinedWithTheNearestAssumptionSuggested() {
    String condition = "politicalActivist and dateOfEntry < @in-force-dat";

    ExprProblem p = onlyProblem(condition);

    assertThat(p.code()).isEqualTo("undefined-assumption");
    assertThat(p.message())
        .isEqualTo("undefined assumption '@in-force-dat'; did you mean '@in-force-date'?");
    assertThat(under(condition, p)).isEqualTo("@in-force-dat");
  }

  @Test
  void anAssumptionUnlikeAnyIsUndefinedWithAnExplanationOfWhatConditionsCanRead() {
    ExprProblem p = onlyProblem("@women-read-as-gender-female");

    assertThat(p.code()).isEqualTo("undefined-assumption");
    assertThat(p.message())
        .isEqualTo(
            "undefined assumption '@women-read-as-gender-female' (conditions can read boolean,"
                + " date and choice assumptions of assumptions.yaml)");
  }

  @Test
  void anEnumLiteralThatIsNotAValueIsUnknownWithTheNearestValueSuggested() {
    String condition = "militaryStatus = 'conscrpt'";

    ExprProblem p = onlyProblem(condition);

    assertThat(p.code()).isEqualTo("unknown-value");
    assertThat(p.message())
        .isEqualTo(
            "'conscrpt' is not a value of militaryStatus (conscript, reservist, contractSoldier,"
                + " none); did you mean 'conscript'?");
    assertThat(under(condition, p)).isEqualTo("'conscrpt'");
  }

  @Test
  void anEnumValueIsCheckedWhicheverSideOfTheComparisonItStandsOn() {
    String condition = "'reservists' != militaryStatus";

    ExprProblem p = onlyProblem(condition);

    assertThat(p.code()).isEqualTo("unknown-value");
    assertThat(under(condition, p)).isEqualTo("'reservists'");
  }

  @Test
  void everyValueOfAnInListIsCheckedAgainstTheEnum() {
    String condition = "militaryStatus in ['conscript', 'Reservist', 'none', 'sailor']";

    List<ExprProblem> problems = check(condition).problems();

    assertThat(problems)
        .extracting(ExprProblem::code, p -> under(condition, p))
        .containsExactly(tuple("unknown-value", "'Reservist'"), tuple("unknown-value", "'sailor'"));
  }

  @Test
  void aRegionLiteralThatDoesNotMatchThePatternIsAnUnknownValue() {
    String condition = "regionOfOrigin = 'Chechnya'";

    ExprProblem p = onlyProblem(condition);

    assertThat(p.code()).isEqualTo("unknown-value");
    assertThat(p.message())
        .isEqualTo(
            "'Chechnya' is not a valid code for regionOfOrigin (expected [A-Z]{2}-[A-Z0-9]{1,3})");
    assertThat(under(condition, p)).isEqualTo("'Chechnya'");
  }

  @Test
  void aRegionCodeInAListIsCheckedAgainstThePattern() {
    String condition = "regionOfOrigin in ['RU-CE', 'ru-in', 'RU-DA']";

    ExprProblem p = onlyProblem(condition);

    assertThat(p.code()).isEqualTo("unknown-value");
    assertThat(under(condition, p)).isEqualTo("'ru-in'");
  }

  @Test
  void aTextFactWithoutValuesOrPatternTakesAnyText() {
    assertThat(check("nickname = 'whatever you like'").problems()).isEmpty();
  }

  @Test
  void orderingTextsIsATypeMismatchOverTheWholeComparison() {
    String condition = "politicalActivist and militaryStatus < 'none'";

    ExprProblem p = onlyProblem(condition);

    assertThat(p.code()).isEqualTo("type-mismatch");
    assertThat(p.message()).isEqualTo("'<' orders numbers and dates only, not a text");
    assertThat(under(condition, p)).isEqualTo("militaryStatus < 'none'");
  }

  @Test
  void orderingConditionsIsATypeMismatch() {
    ExprProblem p = onlyProblem("politicalActivist >= humanRightsActivist");

    assertThat(p.code()).isEqualTo("type-mismatch");
    assertThat(p.message())
        .isEqualTo("'>=' orders numbers and dates only, not a condition (true/false)");
  }

  @Test
  void comparingADateWithANumberIsATypeMismatch() {
    String condition = "dateOfEntry = 18";

    ExprProblem p = onlyProblem(condition);

    assertThat(p.code()).isEqualTo("type-mismatch");
    assertThat(p.message()).isEqualTo("'=' compares a date with a whole number");
    assertThat(under(condition, p)).isEqualTo(condition);
  }

  @Test
  void aListOfAnotherTypeThanItsValueIsATypeMismatchAtTheOffendingLiteral() {
    String condition = "numberOfChildren in [1, '2', 3]";

    ExprProblem p = onlyProblem(condition);

    assertThat(p.code()).isEqualTo("type-mismatch");
    assertThat(p.message())
        .isEqualTo("the list holds a text, but the value before 'in' is a whole number");
    assertThat(under(condition, p)).isEqualTo("'2'");
  }

  @Test
  void andOverANonConditionIsATypeMismatchAtThatOperand() {
    String condition = "politicalActivist and dateOfEntry";

    ExprProblem p = onlyProblem(condition);

    assertThat(p.code()).isEqualTo("type-mismatch");
    assertThat(p.message())
        .isEqualTo("'and' needs a condition (true/false) here, but this is a date");
    assertThat(under(condition, p)).isEqualTo("dateOfEntry");
  }

  @Test
  void orOverANonConditionIsATypeMismatchAtThatOperand() {
    String condition = "'conscript' or politicalActivist";

    ExprProblem p = onlyProblem(condition);

    assertThat(p.code()).isEqualTo("type-mismatch");
    assertThat(p.message())
        .isEqualTo("'or' needs a condition (true/false) here, but this is a text");
    assertThat(under(condition, p)).isEqualTo("'conscript'");
  }

  @Test
  void notOverANonConditionIsATypeMismatchAtItsOperand() {
    String condition = "not numberOfChildren";

    ExprProblem p = onlyProblem(condition);

    assertThat(p.code()).isEqualTo("type-mismatch");
    assertThat(p.message())
        .isEqualTo("'not' needs a condition (true/false) here, but this is a whole number");
    assertThat(under(condition, p)).isEqualTo("numberOfChildren");
  }

  @Test
  void comparingAPartialDateFactDirectlyIsReportedAtThatFact() {
    String condition = "politicalActivist and dateOfBirth < 2000-01-01";

    ExprProblem p = onlyProblem(condition);

    assertThat(p.code()).isEqualTo("partial-date-compared");
    assertThat(p.message())
        .isEqualTo("a date fact that may be partial can only be read through age(...)");
    assertThat(under(condition, p)).isEqualTo("dateOfBirth");
  }

  @Test
  void aPartialDateOnTheRightOfAComparisonIsReportedThere() {
    String condition = "assessmentDate >= dateOfBirth";

    ExprProblem p = onlyProblem(condition);

    assertThat(p.code()).isEqualTo("partial-date-compared");
    assertThat(under(condition, p)).isEqualTo("dateOfBirth");
  }

  @Test
  void ageReadsAPartialDateAndAFullDateAndGivesANumber() {
    assertThat(check("age(dateOfBirth) >= 18 and age(dateOfEntry) < 2").problems()).isEmpty();
  }

  @Test
  void ageWithTwoArgumentsIsWrongArgumentsOverTheWholeCall() {
    String condition = "age(dateOfBirth, dateOfEntry) >= 18";

    ExprProblem p = onlyProblem(condition);

    assertThat(p.code()).isEqualTo("wrong-arguments");
    assertThat(p.message()).isEqualTo("age(...) takes one date fact, e.g. age(birthDate)");
    assertThat(under(condition, p)).isEqualTo("age(dateOfBirth, dateOfEntry)");
  }

  @Test
  void ageOfALiteralDateIsWrongArgumentsAtTheArgument() {
    String condition = "age(2000-01-01) >= 18";

    ExprProblem p = onlyProblem(condition);

    assertThat(p.code()).isEqualTo("wrong-arguments");
    assertThat(p.message()).isEqualTo("age(...) takes the name of a date fact");
    assertThat(under(condition, p)).isEqualTo("2000-01-01");
  }

  @Test
  void ageOfANonDateFactIsATypeMismatchAtTheArgument() {
    String condition = "age(politicalActivist) >= 18";

    ExprProblem p = onlyProblem(condition);

    assertThat(p.code()).isEqualTo("type-mismatch");
    assertThat(p.message())
        .isEqualTo("age(...) needs a date fact, but this is a condition (true/false)");
    assertThat(under(condition, p)).isEqualTo("politicalActivist");
  }

  @Test
  void aFunctionOtherThanAgeIsUnknown() {
    String condition = "politicalActivist and years(dateOfBirth) > 3";

    ExprProblem p = onlyProblem(condition);

    assertThat(p.code()).isEqualTo("unknown-function");
    assertThat(p.message())
        .isEqualTo("unknown function 'years'; the only function is age(dateFact)");
    assertThat(under(condition, p)).isEqualTo("years(dateOfBirth)");
  }

  @Test
  void theArgumentsOfAnUnknownFunctionAreStillChecked() {
    List<ExprProblem> problems = check("years(dateOfBrith) > 3").problems();

    assertThat(problems)
        .extracting(ExprProblem::code)
        .containsExactlyInAnyOrder("unknown-function", "unknown-fact");
  }

  @Test
  void aNumberAtTheTopLevelIsNotACondition() {
    String condition = "age(dateOfBirth)";

    TypeChecker.Result result = check(condition);

    assertThat(result.type()).contains(ExprType.NUMBER);
    assertThat(result.problems())
        .extracting(ExprProblem::code, ExprProblem::message, ExprProblem::start, ExprProblem::end)
        .containsExactly(
            tuple(
                "not-a-condition",
                "this is a whole number, but a rule needs a condition (true/false)",
                0,
                16));
  }

  @Test
  void aTextAtTheTopLevelIsNotACondition() {
    ExprProblem p = onlyProblem("militaryStatus");

    assertThat(p.code()).isEqualTo("not-a-condition");
    assertThat(p.message()).startsWith("this is a text,");
  }

  @Test
  void anAssumptionThatIsADateIsNotACondition() {
    ExprProblem p = onlyProblem("@in-force-date");

    assertThat(p.code()).isEqualTo("not-a-condition");
  }

  @Test
  void aBooleanAssumptionAndALiteralAreConditions() {
    assertThat(check("@moratorium-age-27-included or true").problems()).isEmpty();
  }

  @Test
  void anUnknownNameIsReportedOnceNotAgainByTheComparisonAroundIt() {
    ExprProblem p = onlyProblem("dateOfEntri < 2023-01-01");

    assertThat(p.code()).isEqualTo("unknown-fact");
  }

  @Test
  void everyProblemOfAConditionIsReportedNotOnlyTheFirst() {
    String condition =
        "politicalActivst and militaryStatus = 'conscrpt' and dateOfBirth < 2000-01-01"
            + " and @in-force-dat";

    List<ExprProblem> problems = check(condition).problems();

    assertThat(problems)
        .extracting(ExprProblem::code, p -> under(condition, p))
        .containsExactly(
            tuple("unknown-fact", "politicalActivst"),
            tuple("unknown-value", "'conscrpt'"),
            tuple("partial-date-compared", "dateOfBirth"),
            tuple("undefined-assumption", "@in-force-dat"));
  }
}
