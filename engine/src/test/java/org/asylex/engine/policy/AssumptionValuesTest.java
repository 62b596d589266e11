package org.asylex.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.asylex.engine.policy.TestPacks.assumption;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.asylex.engine.expr.Value;
import org.junit.jupiter.api.Test;

class AssumptionValuesTest {

  private static final PolicyPack PACK =
      TestPacks.pack()
          .assumption(assumption("in-force-date", Assumption.Type.DATE, "2023-06-08", 1))
          .assumption(assumption("age-27-included", Assumption.Type.BOOLEAN, "true", 5))
          .assumption(assumption("women-read-as-gender", Assumption.Type.TEXT, "gender", 9))
          .assumption(assumption("broken-date", Assumption.Type.DATE, "2023-02-29", 13))
          .assumption(TestPacks.choice("reading", 17, "liable", "serving"))
          .build();

  private static final DateRef IN_FORCE = new DateRef.FromAssumption("in-force-date");

  @Test
  void theDefaultsAreThePacksValuesParsedByType() {
    AssumptionValues values = AssumptionValues.defaults(PACK);

    assertThat(values.get("in-force-date")).contains(new Value.Date(LocalDate.of(2023, 6, 8)));
    assertThat(values.get("age-27-included")).contains(new Value.Bool(true));
    assertThat(values.get("women-read-as-gender")).contains(new Value.Text("gender"));
  }

  @Test
  void aDefaultThatDoesNotParseIsLeftOutForThePackCheckToReport() {
    assertThat(AssumptionValues.defaults(PACK).get("broken-date")).isEmpty();
  }

  @Test
  void anUnknownIdHasNoValue() {
    assertThat(AssumptionValues.defaults(PACK).get("no-such-assumption")).isEmpty();
  }

  @Test
  void noDefaultIsOverridden() {
    AssumptionValues values = AssumptionValues.defaults(PACK);

    assertThat(values.isOverridden("in-force-date")).isFalse();
    assertThat(values.isOverridden("age-27-included")).isFalse();
  }

  @Test
  void anOverrideChangesTheDateABoundaryStandsForAndIsMarkedOverridden() {
    AssumptionValues defaults = AssumptionValues.defaults(PACK);
    AssumptionValues overridden =
        AssumptionValues.withOverrides(PACK, Map.of("in-force-date", "2023-07-01"));

    assertThat(defaults.date(IN_FORCE)).isEqualTo(LocalDate.of(2023, 6, 8));
    assertThat(overridden.date(IN_FORCE)).isEqualTo(LocalDate.of(2023, 7, 1));
    assertThat(overridden.isOverridden("in-force-date")).isTrue();
    assertThat(overridden.isOverridden("age-27-included")).isFalse();
    assertThat(overridden.get("age-27-included")).contains(new Value.Bool(true));
  }

  @Test
  void aBooleanOverrideReplacesTheDefault() {
    AssumptionValues values =
        AssumptionValues.withOverrides(PACK, Map.of("age-27-included", "false"));

    assertThat(values.get("age-27-included")).contains(new Value.Bool(false));
    assertThat(values.isOverridden("age-27-included")).isTrue();
  }

  @Test
  void anOverrideCanRepairADefaultThatDidNotParse() {
    AssumptionValues values =
        AssumptionValues.withOverrides(PACK, Map.of("broken-date", "2024-02-29"));

    assertThat(values.date(new DateRef.FromAssumption("broken-date")))
        .isEqualTo(LocalDate.of(2024, 2, 29));
  }

  @Test
  void noOverridesAreTheDefaults() {
    AssumptionValues values = AssumptionValues.withOverrides(PACK, Map.of());

    assertThat(values.date(IN_FORCE)).isEqualTo(LocalDate.of(2023, 6, 8));
    assertThat(values.isOverridden("in-force-date")).isFalse();
  }

  @Test
  void aFixedDateIsItselfWhateverTheAssumptions() {
    DateRef fixed = new DateRef.Fixed(LocalDate.of(2022, 6, 29));

    assertThat(
            AssumptionValues.withOverrides(PACK, Map.of("in-force-date", "2030-01-01")).date(fixed))
        .isEqualTo(LocalDate.of(2022, 6, 29));
  }

  @Test
  void anOverrideOfAnUnknownAssumptionIsRejectedWithTheNearestIdSuggested() {
    AssumptionValues.InvalidOverrides e =
        catchThrowableOfType(
            AssumptionValues.InvalidOverrides.class,
            () -> AssumptionValues.withOverrides(PACK, Map.of("in-force-dat", "2023-07-01")));

    assertThat(e).isNotNull();
    assertThat(e.problems())
        .containsExactly(
            "unknown assumption 'in-force-dat' in pack XX; did you mean 'in-force-date'?");
    assertThat(e).hasMessage(e.problems().get(0));
  }

  @Test
  void anOverrideOfTheWrongTypeIsRejectedSayingWhatTheAssumptionTakes() {
    assertThatThrownBy(() -> AssumptionValues.withOverrides(PACK, Map.of("age-27-included", "yes")))
        .isInstanceOf(AssumptionValues.InvalidOverrides.class)
        .hasMessage("assumption 'age-27-included' takes true or false, not 'yes'");
  }

  @Test
  void aDateOverrideThatDoesNotExistIsRejected() {
    assertThatThrownBy(
            () -> AssumptionValues.withOverrides(PACK, Map.of("in-force-date", "2023-02-29")))
        .isInstanceOf(AssumptionValues.InvalidOverrides.class)
        .hasMessage(
            "assumption 'in-force-date' takes a date that exists, written YYYY-MM-DD, not"
                + " '2023-02-29'");
  }

  @Test
  void everyBadOverrideIsNamedNotOnlyTheFirst() {
    var overrides = new LinkedHashMap<String, String>();
    overrides.put("in-force-date", "soon");
    overrides.put("no-such-thing", "x");
    overrides.put("age-27-included", "false");

    AssumptionValues.InvalidOverrides e =
        catchThrowableOfType(
            AssumptionValues.InvalidOverrides.class,
            () -> AssumptionValues.withOverrides(PACK, overrides));

    assertThat(e).isNotNull();
    assertThat(e.problems())
        .containsExactly(
            "assumption 'in-force-date' takes a date that exists, written YYYY-MM-DD, not 'soon'",
            "unknown assumption 'no-such-thing' in pack XX");
  }

  /** Issue 13, defect 4: a text assumption was reported as applied whatever value it was given. */
  @Test
  void aTextAssumptionTakesNoOtherValueThanItsOwn() {
    assertThatThrownBy(
            () ->
                AssumptionValues.withOverrides(
                    PACK, Map.of("women-read-as-gender", "sex at birth")))
        .isInstanceOf(AssumptionValues.InvalidOverrides.class)
        .hasMessage(
            "assumption 'women-read-as-gender' records a reading in words that the engine does"
                + " not interpret (type text), so it cannot be given another value");

    AssumptionValues same =
        AssumptionValues.withOverrides(PACK, Map.of("women-read-as-gender", "gender"));
    assertThat(same.get("women-read-as-gender")).contains(new Value.Text("gender"));
    assertThat(same.isOverridden("women-read-as-gender")).isFalse();
  }

  @Test
  void aChoiceTakesOnlyItsDeclaredValuesAndTheErrorListsThemInThePacksOrder() {
    AssumptionValues values = AssumptionValues.withOverrides(PACK, Map.of("reading", "serving"));
    assertThat(values.get("reading")).contains(new Value.Text("serving"));
    assertThat(values.isOverridden("reading")).isTrue();
    assertThat(AssumptionValues.defaults(PACK).get("reading")).contains(new Value.Text("liable"));

    assertThatThrownBy(() -> AssumptionValues.withOverrides(PACK, Map.of("reading", "Serving")))
        .isInstanceOf(AssumptionValues.InvalidOverrides.class)
        .hasMessage("assumption 'reading' takes one of liable, serving, not 'Serving'");
  }

  @Test
  void theDateOfANonDateAssumptionIsAnIllegalState() {
    assertThatThrownBy(
            () ->
                AssumptionValues.defaults(PACK).date(new DateRef.FromAssumption("age-27-included")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'age-27-included' has no date value");
  }

  @Test
  void parsingReadsBooleansOnlyAsTrueOrFalse() {
    assertThat(AssumptionValues.parse(Assumption.Type.BOOLEAN, "true"))
        .contains(new Value.Bool(true));
    assertThat(AssumptionValues.parse(Assumption.Type.BOOLEAN, "false"))
        .contains(new Value.Bool(false));
    assertThat(AssumptionValues.parse(Assumption.Type.BOOLEAN, "TRUE")).isEmpty();
    assertThat(AssumptionValues.parse(Assumption.Type.BOOLEAN, "no")).isEmpty();
  }

  @Test
  void parsingReadsDatesOnlyAsExistingFullDates() {
    assertThat(AssumptionValues.parse(Assumption.Type.DATE, "2024-02-29"))
        .contains(new Value.Date(LocalDate.of(2024, 2, 29)));
    assertThat(AssumptionValues.parse(Assumption.Type.DATE, "2023-02-29")).isEmpty();
    assertThat(AssumptionValues.parse(Assumption.Type.DATE, "2023-06")).isEmpty();
    assertThat(AssumptionValues.parse(Assumption.Type.DATE, "+2023-06-08")).isEmpty();
    assertThat(AssumptionValues.parse(Assumption.Type.DATE, " 2023-06-08")).isEmpty();
  }

  @Test
  void whatAValueLooksLikeIsDescribedPerType() {
    assertThat(AssumptionValues.expected(Assumption.Type.BOOLEAN)).isEqualTo("true or false");
    assertThat(AssumptionValues.expected(Assumption.Type.DATE))
        .isEqualTo("a date that exists, written YYYY-MM-DD");
    assertThat(AssumptionValues.expected(Assumption.Type.TEXT)).isEqualTo("a text");
  }
}
