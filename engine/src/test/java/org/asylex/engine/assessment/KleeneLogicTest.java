package org.asylex.engine.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.asylex.engine.policy.TestPacks.element;
import static org.asylex.engine.policy.TestPacks.fact;
import static org.asylex.engine.policy.TestPacks.rule;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.asylex.engine.policy.AssumptionValues;
import org.asylex.engine.policy.FactType;
import org.asylex.engine.policy.Outcome;
import org.asylex.engine.policy.PolicyPack;
import org.asylex.engine.policy.TestPacks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Conditions are evaluated three-valued (Kleene): an absent fact is unknown, never false. */
class KleeneLogicTest {

  /** T, F or U (absent) as facts a, b, c. */
  private static Object[] facts(String... values) {
    List<Object> pairs = new ArrayList<>();
    String[] names = {"a", "b", "c"};
    for (int i = 0; i < values.length; i++) {
      if (!values[i].equals("U")) {
        pairs.add(names[i]);
        pairs.add(values[i].equals("T"));
      }
    }
    return pairs.toArray();
  }

  private static Tri tri(String s) {
    return switch (s) {
      case "T" -> Tri.TRUE;
      case "F" -> Tri.FALSE;
      default -> Tri.UNKNOWN;
    };
  }

  @ParameterizedTest(name = "{0} and {1} = {2}")
  @CsvSource({
    "T, T, T", "T, F, F", "T, U, U",
    "F, T, F", "F, F, F", "F, U, F",
    "U, T, U", "U, F, F", "U, U, U"
  })
  void andIsTrueOnlyWhenBothAreTrueAndFalseAsSoonAsOneIsFalse(String a, String b, String result) {
    assertThat(TinyPack.value("a and b", facts(a, b))).isEqualTo(tri(result));
  }

  @ParameterizedTest(name = "{0} or {1} = {2}")
  @CsvSource({
    "T, T, T", "T, F, T", "T, U, T",
    "F, T, T", "F, F, F", "F, U, U",
    "U, T, T", "U, F, U", "U, U, U"
  })
  void orIsTrueAsSoonAsOneIsTrueAndFalseOnlyWhenBothAreFalse(String a, String b, String result) {
    assertThat(TinyPack.value("a or b", facts(a, b))).isEqualTo(tri(result));
  }

  @ParameterizedTest(name = "not {0} = {1}")
  @CsvSource({"T, F", "F, T", "U, U"})
  void notSwapsTrueAndFalseAndKeepsUnknown(String a, String result) {
    assertThat(TinyPack.value("not a", facts(a))).isEqualTo(tri(result));
  }

  @ParameterizedTest(name = "{0} and {1} and {2} = {3}")
  @CsvSource({"T, T, T, T", "T, T, U, U", "U, T, T, U", "T, U, F, F", "F, U, U, F", "U, U, T, U"})
  void aLongConjunctionIsFalseWhenAnyOperandIsFalseWhereverItStands(
      String a, String b, String c, String result) {
    assertThat(TinyPack.value("a and b and c", facts(a, b, c))).isEqualTo(tri(result));
  }

  @ParameterizedTest(name = "{0} or {1} or {2} = {3}")
  @CsvSource({"F, F, F, F", "F, F, U, U", "U, F, F, U", "F, U, T, T", "T, U, U, T", "U, U, F, U"})
  void aLongDisjunctionIsTrueWhenAnyOperandIsTrueWhereverItStands(
      String a, String b, String c, String result) {
    assertThat(TinyPack.value("a or b or c", facts(a, b, c))).isEqualTo(tri(result));
  }

  @Test
  void falseAndUnknownIsFalseSoTheElementIsSettledWithNothingMissing() {
    Finding f = TinyPack.finding("a and b", "a", false);

    assertThat(f.outcome()).isEqualTo(Outcome.DOES_NOT_APPLY);
    assertThat(f.missingFacts()).isEmpty();
  }

  @Test
  void trueOrUnknownIsTrueSoTheElementAppliesWithNothingMissing() {
    Finding f = TinyPack.finding("a or b", "a", true);

    assertThat(f.outcome()).isEqualTo(Outcome.APPLIES);
    assertThat(f.missingFacts()).isEmpty();
  }

  @Test
  void anAbsentFactIsUnknownNeverFalse() {
    // were an absent fact false, "not a" would hold and the element would apply
    Finding f = TinyPack.finding("not a");

    assertThat(f.outcome()).isEqualTo(Outcome.UNDETERMINED);
    assertThat(f.missingFacts()).containsExactly("a");
  }

  @Test
  void aFactGivenAsJsonNullIsAbsent() {
    var raw = new HashMap<String, Object>();
    raw.put("countryOfOrigin", "XX");
    raw.put("fears", null);
    CaseInput.Validated v = CaseInput.validate(NeutralPack.PACK, raw, NeutralPack.D, "/facts");

    assertThat(v.errors()).isEmpty();
    CaseFacts facts = v.facts().orElseThrow();
    assertThat(facts.get("fears")).isEmpty();
    Finding f = NeutralPack.finding(facts, NeutralPack.D, NeutralPack.FEAR);
    assertThat(f.outcome()).isEqualTo(Outcome.UNDETERMINED);
    assertThat(f.missingFacts()).containsExactly("fears");
  }

  @Test
  void settingAFactToNullInCaseFactsMakesItUnknownAgain() {
    CompiledPolicy policy = TinyPack.compile("not a");
    CaseFacts known = TinyPack.facts(policy.pack(), "a", false);
    CaseFacts unknown = known.with("a", null);

    assertThat(policy.assess(known, TinyPack.D).findings().get(0).outcome())
        .isEqualTo(Outcome.APPLIES);
    assertThat(policy.assess(unknown, TinyPack.D).findings().get(0).outcome())
        .isEqualTo(Outcome.UNDETERMINED);
    assertThat(unknown.get("a")).isEmpty();
    assertThat(known.get("a")).contains(false);
  }

  @Test
  void literalsAreConstants() {
    assertThat(TinyPack.value("true")).isEqualTo(Tri.TRUE);
    assertThat(TinyPack.value("false")).isEqualTo(Tri.FALSE);
    assertThat(TinyPack.value("a and true", "a", true)).isEqualTo(Tri.TRUE);
    assertThat(TinyPack.value("a or false")).isEqualTo(Tri.UNKNOWN);
  }

  @Test
  void booleanAssumptionsAreConstantsWithTheirValue() {
    assertThat(TinyPack.value("@yes")).isEqualTo(Tri.TRUE);
    assertThat(TinyPack.value("@no")).isEqualTo(Tri.FALSE);
    assertThat(TinyPack.value("a and @no")).isEqualTo(Tri.FALSE);
    assertThat(TinyPack.value("a or @yes")).isEqualTo(Tri.TRUE);
  }

  @Test
  void anEnumComparisonIsUnknownWhileTheFactIsAbsent() {
    assertThat(TinyPack.value("kind = 'one'")).isEqualTo(Tri.UNKNOWN);
    assertThat(TinyPack.value("kind = 'one'", "kind", "one")).isEqualTo(Tri.TRUE);
    assertThat(TinyPack.value("kind = 'one'", "kind", "two")).isEqualTo(Tri.FALSE);
    assertThat(TinyPack.value("kind != 'one'", "kind", "two")).isEqualTo(Tri.TRUE);
    assertThat(TinyPack.value("kind != 'one'", "kind", "one")).isEqualTo(Tri.FALSE);
    assertThat(TinyPack.value("kind != 'one'")).isEqualTo(Tri.UNKNOWN);
  }

  @Test
  void membershipIsUnknownWhileTheFactIsAbsent() {
    String when = "place in ['XX-AA', 'XX-BB']";

    assertThat(TinyPack.value(when)).isEqualTo(Tri.UNKNOWN);
    assertThat(TinyPack.value(when, "place", "XX-AA")).isEqualTo(Tri.TRUE);
    assertThat(TinyPack.value(when, "place", "XX-BB")).isEqualTo(Tri.TRUE);
    assertThat(TinyPack.value(when, "place", "XX-CC")).isEqualTo(Tri.FALSE);
  }

  @Test
  void dateComparisonsFollowTheCalendar() {
    String before = "arrived < 2023-01-01";

    assertThat(TinyPack.value(before, "arrived", "2022-12-31")).isEqualTo(Tri.TRUE);
    assertThat(TinyPack.value(before, "arrived", "2023-01-01")).isEqualTo(Tri.FALSE);
    assertThat(TinyPack.value("arrived <= 2023-01-01", "arrived", "2023-01-01"))
        .isEqualTo(Tri.TRUE);
    assertThat(TinyPack.value("arrived <= 2023-01-01", "arrived", "2023-01-02"))
        .isEqualTo(Tri.FALSE);
    assertThat(TinyPack.value("arrived > 2023-01-01", "arrived", "2023-01-02")).isEqualTo(Tri.TRUE);
    assertThat(TinyPack.value("arrived > 2023-01-01", "arrived", "2023-01-01"))
        .isEqualTo(Tri.FALSE);
    assertThat(TinyPack.value("arrived >= 2023-01-01", "arrived", "2023-01-01"))
        .isEqualTo(Tri.TRUE);
    assertThat(TinyPack.value("arrived >= 2023-01-01", "arrived", "2022-12-31"))
        .isEqualTo(Tri.FALSE);
    assertThat(TinyPack.value("arrived = 2023-01-01", "arrived", "2023-01-01")).isEqualTo(Tri.TRUE);
    assertThat(TinyPack.value("arrived != 2023-01-01", "arrived", "2023-01-01"))
        .isEqualTo(Tri.FALSE);
    assertThat(TinyPack.value(before)).isEqualTo(Tri.UNKNOWN);
  }

  @Test
  void theAssessmentDateAndDateAssumptionsAreKnownValues() {
    assertThat(TinyPack.value("assessmentDate >= @cut")).isEqualTo(Tri.TRUE);
    assertThat(TinyPack.value("assessmentDate < @cut")).isEqualTo(Tri.FALSE);
    assertThat(TinyPack.value("arrived < assessmentDate", "arrived", "2023-06-14"))
        .isEqualTo(Tri.TRUE);
    assertThat(TinyPack.value("arrived < assessmentDate", "arrived", "2023-06-15"))
        .isEqualTo(Tri.FALSE);
  }

  @Test
  void anUnknownConditionMakesTheElementUndeterminedAndATrueOneMakesItApply() {
    assertThat(TinyPack.finding("a").outcome()).isEqualTo(Outcome.UNDETERMINED);
    assertThat(TinyPack.finding("a", "a", true).outcome()).isEqualTo(Outcome.APPLIES);
    assertThat(TinyPack.finding("a", "a", false).outcome()).isEqualTo(Outcome.DOES_NOT_APPLY);
  }

  @Test
  void literalsOfEveryKindCanBeCompared() {
    assertThat(TinyPack.value("a = true", "a", true)).isEqualTo(Tri.TRUE);
    assertThat(TinyPack.value("a != true", "a", true)).isEqualTo(Tri.FALSE);
    assertThat(TinyPack.value("a in [false]", "a", false)).isEqualTo(Tri.TRUE);
    assertThat(TinyPack.value("3 < 4")).isEqualTo(Tri.TRUE);
    assertThat(TinyPack.value("4 <= 3")).isEqualTo(Tri.FALSE);
    assertThat(TinyPack.value("'one' = 'one'")).isEqualTo(Tri.TRUE);
  }

  @Test
  void theFirstFactOfTheSchemaCanBeCompared() {
    PolicyPack p =
        TestPacks.pack()
            .fact(fact("kind", FactType.ENUM, 1, "one", "two"))
            .element(element("e", 1))
            .rule(rule("r", "e", 10).valid(null, null, "kind = 'two'"))
            .build();
    CompiledPolicy policy = CompiledPolicy.compile(p, AssumptionValues.defaults(p));

    Finding f =
        policy
            .assess(CaseFacts.builder(p.facts()).set("kind", "two").build(), TinyPack.D)
            .findings()
            .get(0);

    assertThat(f.outcome()).isEqualTo(Outcome.APPLIES);
    assertThat(f.factsUsed()).containsOnlyKeys("kind");
  }
}
