package org.asylex.engine.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.asylex.engine.policy.TestPacks.element;
import static org.asylex.engine.policy.TestPacks.fact;
import static org.asylex.engine.policy.TestPacks.rule;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.asylex.engine.policy.FactType;
import org.asylex.engine.policy.PolicyPack;
import org.asylex.engine.policy.TestPacks;
import org.asylex.engine.time.PartialDate;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Case facts from outside are checked before anything is evaluated; every problem is reported at
 * once, each with the JSON pointer of its field.
 */
class CaseInputTest {
  private static final LocalDate AS_OF = LocalDate.of(2023, 6, 15);

  static final PolicyPack PACK =
      TestPacks.pack()
          .fact(fact("countryOfOrigin", FactType.COUNTRY, 1))
          .fact(fact("born", FactType.PARTIAL_DATE, 4))
          .fact(fact("arrived", FactType.DATE, 7))
          .fact(fact("status", FactType.ENUM, 10, "enlisted", "reserve", "none"))
          .fact(fact("member", FactType.BOOLEAN, 13))
          .fact(fact("region", FactType.REGION, 16))
          .element(element("e", 1))
          .rule(rule("r", "e", 10).valid(null, null, "member"))
          .build();

  /** A case of country XX with the given facts, in order. */
  private static Map<String, Object> raw(Object... pairs) {
    var map = new LinkedHashMap<String, Object>();
    map.put("countryOfOrigin", "XX");
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], pairs[i + 1]);
    }
    return map;
  }

  private static CaseInput.Validated validate(Map<String, ?> raw) {
    return CaseInput.validate(PACK, raw, AS_OF, "/facts");
  }

  private static InputError onlyError(Object... pairs) {
    CaseInput.Validated v = validate(raw(pairs));
    assertThat(v.errors()).hasSize(1);
    assertThat(v.isValid()).isFalse();
    assertThat(v.facts()).isEmpty();
    return v.errors().get(0);
  }

  @Test
  void validFactsAreConvertedToTheirTypes() {
    CaseInput.Validated v =
        validate(
            raw(
                "born",
                "2001-05",
                "arrived",
                "2022-12-31",
                "status",
                "reserve",
                "member",
                true,
                "region",
                "XX-A1"));

    assertThat(v.isValid()).isTrue();
    assertThat(v.errors()).isEmpty();
    CaseFacts facts = v.facts().orElseThrow();
    assertThat(facts.get("countryOfOrigin")).contains("XX");
    assertThat(facts.get("born")).contains(new PartialDate(2001, 5, 0));
    assertThat(facts.get("arrived")).contains(LocalDate.of(2022, 12, 31));
    assertThat(facts.get("status")).contains("reserve");
    assertThat(facts.get("member")).contains(true);
    assertThat(facts.get("region")).contains("XX-A1");
  }

  @Test
  void aNullFactIsAbsentAndNoError() {
    var raw = raw();
    raw.put("member", null);
    raw.put("born", null);

    CaseInput.Validated v = validate(raw);

    assertThat(v.errors()).isEmpty();
    assertThat(v.facts().orElseThrow().known()).containsOnlyKeys("countryOfOrigin");
  }

  @Test
  void anUnknownFactIsAnErrorWithTheNearestNameSuggested() {
    InputError e = onlyError("membr", true);

    assertThat(e.pointer()).isEqualTo("/facts/membr");
    assertThat(e.code()).isEqualTo("unknown-fact");
    assertThat(e.message()).isEqualTo("unknown fact 'membr'; did you mean 'member'?");
  }

  @Test
  void anUnknownFactFarFromEveryNameHasNoSuggestion() {
    InputError e = onlyError("qwertyuiop", true);

    assertThat(e.message()).isEqualTo("unknown fact 'qwertyuiop'");
  }

  @Test
  void anUnknownFactIsReportedEvenWhenItsValueIsNull() {
    var raw = raw();
    raw.put("membr", null);

    assertThat(validate(raw).errors()).extracting(InputError::code).containsExactly("unknown-fact");
  }

  @Test
  void aKeyIsEscapedInThePointer() {
    assertThat(onlyError("a/b~c", true).pointer()).isEqualTo("/facts/a~1b~0c");
  }

  @Test
  void aBooleanGivenAsTheTextTrueIsTheWrongType() {
    InputError e = onlyError("member", "true");

    assertThat(e.pointer()).isEqualTo("/facts/member");
    assertThat(e.code()).isEqualTo("wrong-type");
    assertThat(e.message())
        .isEqualTo(
            "member must be true or false (JSON booleans, not strings or numbers), not the text"
                + " \"true\"");
  }

  @Test
  void aBooleanGivenAsANumberIsTheWrongType() {
    assertThat(onlyError("member", 1).message()).endsWith(", not the number 1");
    assertThat(onlyError("member", new BigDecimal("1.5")).message())
        .endsWith(", not the number 1.5");
    assertThat(onlyError("member", 1L).code()).isEqualTo("wrong-type");
  }

  @Test
  void valuesOfOtherJsonTypesAreDescribedWithoutEchoingThem() {
    assertThat(onlyError("member", Map.of("x", 1)).message()).endsWith(", not an object");
    assertThat(onlyError("member", List.of(true)).message()).endsWith(", not a list");
    assertThat(onlyError("member", "x".repeat(41)).message())
        .endsWith(", not a text of 41 characters");
    assertThat(onlyError("member", "x".repeat(40)).message())
        .endsWith(", not the text \"" + "x".repeat(40) + "\"");
    assertThat(onlyError("status", true).message()).endsWith(", not the boolean true");
    assertThat(onlyError("member", 'c').message()).endsWith(", not a Character");
  }

  @Test
  void anEnumValueIsCaseSensitiveAndTheNearestValueIsSuggested() {
    InputError e = onlyError("status", "Enlisted");

    assertThat(e.pointer()).isEqualTo("/facts/status");
    assertThat(e.code()).isEqualTo("unknown-value");
    assertThat(e.message())
        .isEqualTo(
            "'Enlisted' is not a value of status (enlisted, reserve, none); did you mean"
                + " 'enlisted'?");
  }

  @Test
  void anEnumGivenANumberIsTheWrongType() {
    InputError e = onlyError("status", 3);

    assertThat(e.code()).isEqualTo("wrong-type");
    assertThat(e.message())
        .isEqualTo("status must be one of enlisted, reserve, none, not the number 3");
  }

  @ParameterizedTest
  @ValueSource(strings = {"2023-02-30", "2023-13-01", "2023-00-10", "2023-01-00"})
  void aDateThatDoesNotExistIsAnError(String date) {
    InputError e = onlyError("arrived", date);

    assertThat(e.pointer()).isEqualTo("/facts/arrived");
    assertThat(e.code()).isEqualTo("bad-date");
    assertThat(e.message()).isEqualTo("the date " + date + " does not exist");
  }

  @ParameterizedTest
  @ValueSource(strings = {"2023-02-30", "2023-13", "2023-00", "0000"})
  void aPartialDateThatDoesNotExistIsAnError(String date) {
    InputError e = onlyError("born", date);

    assertThat(e.code()).isEqualTo("bad-date");
    assertThat(e.message()).isEqualTo("the date " + date + " does not exist");
  }

  @ParameterizedTest
  @ValueSource(strings = {"2023-1", "23", "2023-01-1", "2023/01/01", "1 May 2001", ""})
  void aPartialDateOfAnotherShapeIsAnErrorNamingTheShapes(String date) {
    InputError e = onlyError("born", date);

    assertThat(e.code()).isEqualTo("bad-date");
    assertThat(e.message())
        .isEqualTo("born must be a date YYYY-MM-DD, YYYY-MM or YYYY, not '" + date + "'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"2023-01", "2023"})
  void aFullDateFactDoesNotTakeAPartialDate(String date) {
    InputError e = onlyError("arrived", date);

    assertThat(e.code()).isEqualTo("bad-date");
    assertThat(e.message()).isEqualTo("arrived must be a date YYYY-MM-DD, not '" + date + "'");
  }

  @Test
  void aDateGivenAsANumberIsTheWrongType() {
    assertThat(onlyError("born", 2001).message())
        .isEqualTo("born must be a date YYYY-MM-DD, YYYY-MM or YYYY, not the number 2001");
    assertThat(onlyError("arrived", 2001).code()).isEqualTo("wrong-type");
  }

  @Test
  void aDateAfterTheAssessmentDateIsAnError() {
    InputError e = onlyError("born", "2023-07");

    assertThat(e.code()).isEqualTo("date-after-assessment");
    assertThat(e.message()).isEqualTo("born 2023-07 lies after the assessment date 2023-06-15");
    assertThat(onlyError("arrived", "2023-06-16").code()).isEqualTo("date-after-assessment");
  }

  @Test
  void aPartialDateThatMayLieBeforeTheAssessmentDateIsAccepted() {
    assertThat(validate(raw("born", "2023-06", "arrived", "2023-06-15")).errors()).isEmpty();
    assertThat(validate(raw("born", "2023")).errors()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"XX-ABCD", "xx-aa", "XX", "XXAA", "XX-", "X-AA", "XX-A_"})
  void aRegionThatIsNotAnIso3166Dash2CodeIsAnError(String region) {
    InputError e = onlyError("region", region);

    assertThat(e.pointer()).isEqualTo("/facts/region");
    assertThat(e.code()).isEqualTo("wrong-type");
    assertThat(e.message()).startsWith("region must be an ISO 3166-2 code such as ");
    assertThat(e.message()).endsWith(", not the text \"" + region + "\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"XX-A", "XX-AB", "XX-ABC", "XX-12", "XX-1A2"})
  void aRegionCodeWithOneToThreeLettersOrDigitsIsAccepted(String region) {
    assertThat(validate(raw("region", region)).errors()).isEmpty();
  }

  @Test
  void aRegionGivenAsANumberIsTheWrongType() {
    assertThat(onlyError("region", 5).message()).endsWith(", not the number 5");
  }

  @Test
  void aMissingCountryIsAnError() {
    CaseInput.Validated v = validate(new HashMap<>(Map.of("member", true)));

    assertThat(v.errors())
        .extracting(InputError::pointer, InputError::code, InputError::message)
        .containsExactly(
            tuple("/facts/countryOfOrigin", "missing-country", "countryOfOrigin is required"));
  }

  @Test
  void aNullCountryIsAMissingCountry() {
    var raw = new HashMap<String, Object>();
    raw.put("countryOfOrigin", null);

    assertThat(validate(raw).errors())
        .extracting(InputError::pointer, InputError::code)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("/facts/countryOfOrigin", "missing-country"));
  }

  @Test
  void aCaseFromAnotherCountryIsAnErrorForThisPack() {
    InputError e = onlyError("countryOfOrigin", "YY");

    assertThat(e.pointer()).isEqualTo("/facts/countryOfOrigin");
    assertThat(e.code()).isEqualTo("wrong-pack");
    assertThat(e.message()).isEqualTo("the case comes from YY, but pack XX is for XX");
  }

  @Test
  void aCountryInLowerCaseIsTheWrongTypeAndNotAlsoTheWrongPack() {
    InputError e = onlyError("countryOfOrigin", "xx");

    assertThat(e.code()).isEqualTo("wrong-type");
    assertThat(e.message()).startsWith("countryOfOrigin must be an ISO 3166-1 alpha-2 code");
  }

  @Test
  void everyErrorIsReportedAtOnceInTheOrderOfTheInput() {
    CaseInput.Validated v =
        validate(
            raw(
                "countryOfOrigin",
                "YY",
                "membr",
                true,
                "member",
                "yes",
                "status",
                "NONE",
                "born",
                "2030",
                "arrived",
                "2023-02-30",
                "region",
                "XX-ABCD"));

    assertThat(v.facts()).isEmpty();
    assertThat(v.errors())
        .extracting(InputError::pointer, InputError::code)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("/facts/membr", "unknown-fact"),
            org.assertj.core.groups.Tuple.tuple("/facts/member", "wrong-type"),
            org.assertj.core.groups.Tuple.tuple("/facts/status", "unknown-value"),
            org.assertj.core.groups.Tuple.tuple("/facts/born", "date-after-assessment"),
            org.assertj.core.groups.Tuple.tuple("/facts/arrived", "bad-date"),
            org.assertj.core.groups.Tuple.tuple("/facts/region", "wrong-type"),
            org.assertj.core.groups.Tuple.tuple("/facts/countryOfOrigin", "wrong-pack"));
  }

  @Test
  void theErrorListOfAValidatedCaseCannotBeChanged() {
    var errors = new ArrayList<InputError>();
    errors.add(InputError.ofDocument(InputError.Kind.EMPTY, "m"));
    var v = new CaseInput.Validated(Optional.empty(), errors);
    errors.clear();

    assertThat(v.errors()).hasSize(1);
  }

  @Test
  void withoutAPrefixThePointerStartsAtTheRoot() {
    CaseInput.Validated v = CaseInput.validate(PACK, raw("membr", true), AS_OF, "");

    assertThat(v.errors()).extracting(InputError::pointer).containsExactly("/membr");
  }

  @Test
  void anInputErrorReadsAsPointerAndMessage() {
    assertThat(onlyError("member", 1))
        .hasToString("/facts/member: " + onlyError("member", 1).message());
    assertThat(InputError.ofDocument(InputError.Kind.EMPTY, "bad")).hasToString("(the case): bad");
  }

  @Test
  void everyErrorCanBeWordedWithoutTheValueThatWasGiven() {
    assertThat(onlyError("member", "secret text").messageWithoutValue())
        .isEqualTo("member must be true or false (JSON booleans, not strings or numbers)");
    // no suggestion without the value: the nearest value would hint at the one given
    assertThat(onlyError("status", "Enlistd").messageWithoutValue())
        .isEqualTo("not a value of status (enlisted, reserve, none)");
    assertThat(onlyError("born", "2023-02-30").messageWithoutValue())
        .isEqualTo("the date does not exist");
    assertThat(onlyError("arrived", "1 May").messageWithoutValue())
        .isEqualTo("arrived must be a date YYYY-MM-DD");
    assertThat(onlyError("born", "2099").messageWithoutValue())
        .isEqualTo(
            "born lies after the assessment date "
                + onlyError("born", "2099").expected().orElseThrow());
    assertThat(onlyError("region", "Moscow").messageWithoutValue()).doesNotContain("Moscow");
  }

  @Test
  void anErrorIsDataNamingTheFactWhatWasExpectedAndWhatWasGiven() {
    InputError e = onlyError("status", "Enlistd");

    assertThat(e.kind()).isEqualTo(InputError.Kind.UNKNOWN_VALUE);
    assertThat(e.fact()).contains("status");
    assertThat(e.expected()).contains("enlisted, reserve, none");
    assertThat(e.given()).contains("Enlistd");
    assertThat(e.suggestion()).contains("enlisted");
  }

  @Test
  void aDateAfterTodayIsADateInTheFutureWhenTheFactsAreCheckedAsOfToday() {
    var raw = raw();
    raw.put("born", "2099-01-01");
    InputError e = CaseInput.validate(PACK, raw, AS_OF, "/facts", true).errors().get(0);

    assertThat(e.code()).isEqualTo("date-after-assessment");
    assertThat(e.message())
        .isEqualTo("born 2099-01-01 lies in the future (after today, 2023-06-15)");
    assertThat(e.messageWithoutValue())
        .isEqualTo("born lies in the future (after today, 2023-06-15)");
  }

  @Nested
  class Country {
    private final List<String> countries = List.of("XX", "ZZ");

    private Optional<String> country(Map<String, ?> raw, List<InputError> errors) {
      return CaseInput.country(raw, countries, "/facts", errors);
    }

    @Test
    void aCountryWithAPackIsSelected() {
      var errors = new ArrayList<InputError>();

      assertThat(country(Map.of("countryOfOrigin", "ZZ"), errors)).contains("ZZ");
      assertThat(errors).isEmpty();
    }

    @Test
    void aMissingCountryIsAnErrorThatNamesAnExample() {
      var errors = new ArrayList<InputError>();

      assertThat(country(Map.of(), errors)).isEmpty();
      assertThat(errors)
          .extracting(InputError::pointer, InputError::code, InputError::message)
          .containsExactly(
              tuple(
                  "/facts/countryOfOrigin",
                  "missing-country",
                  "countryOfOrigin is required: an ISO 3166-1 alpha-2 code such as XX"));
    }

    @Test
    void withoutAnyPackTheExampleIsStillACode() {
      var errors = new ArrayList<InputError>();

      CaseInput.country(Map.of(), List.of(), "", errors);

      assertThat(errors.get(0).pointer()).isEqualTo("/countryOfOrigin");
      assertThat(errors.get(0).message())
          .matches("countryOfOrigin is required: an ISO 3166-1 alpha-2 code such as [A-Z]{2}");
    }

    @Test
    void aNullCountryIsMissing() {
      var raw = new HashMap<String, Object>();
      raw.put("countryOfOrigin", null);
      var errors = new ArrayList<InputError>();

      assertThat(country(raw, errors)).isEmpty();
      assertThat(errors).extracting(InputError::code).containsExactly("missing-country");
    }

    @ParameterizedTest
    @ValueSource(strings = {"xx", "XXX", "X", "X1", ""})
    void aCountryThatIsNotTwoCapitalsIsTheWrongType(String code) {
      var errors = new ArrayList<InputError>();

      assertThat(country(Map.of("countryOfOrigin", code), errors)).isEmpty();
      assertThat(errors).hasSize(1);
      assertThat(errors.get(0).code()).isEqualTo("wrong-type");
      assertThat(errors.get(0).message())
          .startsWith("countryOfOrigin must be an ISO 3166-1 alpha-2 code in capitals")
          .endsWith("not the text \"" + code + "\"");
    }

    @Test
    void aCountryGivenAsANumberIsTheWrongType() {
      var errors = new ArrayList<InputError>();

      assertThat(country(Map.of("countryOfOrigin", 7), errors)).isEmpty();
      assertThat(errors.get(0).message()).endsWith("not the number 7");
    }

    @Test
    void aCountryWithoutAPackIsAnErrorListingThePacks() {
      var errors = new ArrayList<InputError>();

      assertThat(country(Map.of("countryOfOrigin", "YY"), errors)).isEmpty();
      assertThat(errors)
          .extracting(InputError::pointer, InputError::code, InputError::message)
          .containsExactly(
              tuple(
                  "/facts/countryOfOrigin",
                  "no-pack",
                  "there is no policy pack for country 'YY' (packs: XX, ZZ)"));
      assertThat(errors.get(0).messageWithoutValue())
          .isEqualTo("there is no policy pack for this country (packs: XX, ZZ)");
    }
  }
}
