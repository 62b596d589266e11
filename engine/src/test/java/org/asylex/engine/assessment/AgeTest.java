package org.asylex.engine.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * age(date) is the whole years from the date to the assessment date, as java.time.Period counts
 * them; with a date known to the month or year, a comparison is known only when it has the same
 * value for every birth date the partial date allows.
 */
class AgeTest {
  private static final LocalDate D = TinyPack.D; // 2023-06-15

  @ParameterizedTest(name = "born {0}: {1} on {2}")
  @CsvSource({
    "2005-06-15, TRUE, 2023-06-15",
    "2005-06-16, FALSE, 2023-06-15",
    "2005-06-16, TRUE, 2023-06-16",
    "2005-01-01, TRUE, 2023-06-15",
    "2005-12-31, FALSE, 2023-06-15"
  })
  void aBirthdayOnTheAssessmentDateCounts(String born, Tri expected, LocalDate asOf) {
    assertThat(TinyPack.value("age(born) >= 18", asOf, "born", born)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "born 2004-02-29, on {0}: {1}")
  @CsvSource({
    "2022-02-28, FALSE",
    "2022-03-01, TRUE",
    "2021-03-01, FALSE",
  })
  void someoneBornOnTheTwentyNinthOfFebruaryCompletesAYearOnTheFirstOfMarch(
      LocalDate asOf, Tri eighteen) {
    assertThat(TinyPack.value("age(born) >= 18", asOf, "born", "2004-02-29")).isEqualTo(eighteen);
  }

  @Test
  void someoneBornOnTheTwentyNinthOfFebruaryCompletesAYearOnItInALeapYear() {
    assertThat(TinyPack.value("age(born) = 20", LocalDate.of(2024, 2, 29), "born", "2004-02-29"))
        .isEqualTo(Tri.TRUE);
    assertThat(TinyPack.value("age(born) = 19", LocalDate.of(2024, 2, 28), "born", "2004-02-29"))
        .isEqualTo(Tri.TRUE);
  }

  @ParameterizedTest(name = "born {0}: {1} is {2}")
  @CsvSource({
    // born in 2005: 17 or 18 on 2023-06-15
    "2005, age(born) >= 18, UNKNOWN",
    "2005, age(born) >= 17, TRUE",
    "2005, age(born) >= 19, FALSE",
    "2005, age(born) < 27, TRUE",
    "2005, age(born) < 18, UNKNOWN",
    "2005, age(born) < 17, FALSE",
    "2005, age(born) <= 18, TRUE",
    "2005, age(born) <= 17, UNKNOWN",
    "2005, age(born) <= 16, FALSE",
    "2005, age(born) > 16, TRUE",
    "2005, age(born) > 17, UNKNOWN",
    "2005, age(born) > 18, FALSE",
    // born in 2000: 22 or 23, so a range that holds for both is known
    "2000, age(born) >= 18, TRUE",
    "2000, age(born) < 27, TRUE",
    // born in June 2005: 17 or 18 on 2023-06-15
    "2005-06, age(born) >= 18, UNKNOWN",
    "2005-05, age(born) >= 18, TRUE",
    "2005-07, age(born) >= 18, FALSE",
    // born in June 2023, assessed on 15 June 2023: no birth date after the assessment date
    "2023-06, age(born) = 0, TRUE",
    "2023, age(born) < 1, TRUE"
  })
  void aComparisonWithAPartialDateIsKnownOnlyWhenItHoldsOrFailsForEveryBirthDate(
      String born, String condition, Tri expected) {
    assertThat(TinyPack.value(condition, "born", born)).isEqualTo(expected);
  }

  @Test
  void aPartialDateThatIsPreciseEnoughOnALaterDateGivesAKnownAge() {
    LocalDate july = LocalDate.of(2023, 7, 1);
    LocalDate may = LocalDate.of(2023, 5, 31);

    assertThat(TinyPack.value("age(born) >= 18", july, "born", "2005-06")).isEqualTo(Tri.TRUE);
    assertThat(TinyPack.value("age(born) >= 18", may, "born", "2005-06")).isEqualTo(Tri.FALSE);
  }

  @ParameterizedTest(name = "born {0}: {1} is {2}")
  @CsvSource({
    // 17 or 18
    "2005, age(born) = 18, UNKNOWN",
    "2005, age(born) = 17, UNKNOWN",
    "2005, age(born) = 20, FALSE",
    "2005, age(born) = 16, FALSE",
    "2005, age(born) != 20, TRUE",
    "2005, age(born) != 18, UNKNOWN",
    "2005, age(born) != 17, UNKNOWN",
    // exactly 18
    "2005-06-15, age(born) = 18, TRUE",
    "2005-06-15, age(born) = 17, FALSE",
    "2005-06-15, age(born) != 18, FALSE",
    "2005-06-15, age(born) != 17, TRUE",
    // 17 or 18, known only to the month
    "2005-06, age(born) = 18, UNKNOWN",
    "2005-05, age(born) = 18, TRUE"
  })
  void equalityOnAnAgeRangeIsKnownOnlyWhenTheNumberLiesOutsideTheRangeOrTheRangeIsOneAge(
      String born, String condition, Tri expected) {
    assertThat(TinyPack.value(condition, "born", born)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} reads as {1}")
  @CsvSource({
    "18 <= age(born), age(born) >= 18",
    "18 < age(born), age(born) > 18",
    "18 >= age(born), age(born) <= 18",
    "18 > age(born), age(born) < 18",
    "18 = age(born), age(born) = 18",
    "18 != age(born), age(born) != 18"
  })
  void aNumberOnTheLeftOfAnAgeComparisonIsMirrored(String mirrored, String plain) {
    var seen = new java.util.HashSet<Tri>();
    for (String born : new String[] {"2005", "2004-06-15", "2005-06-15", "2005-06-16", "2000"}) {
      Tri value = TinyPack.value(mirrored, "born", born);
      assertThat(value).as("born %s", born).isEqualTo(TinyPack.value(plain, "born", born));
      seen.add(value);
    }
    assertThat(seen).contains(Tri.TRUE, Tri.FALSE);
  }

  @Test
  void anAbsentDateMakesEveryAgeComparisonUnknownAndTheDateMissing() {
    Finding f = TinyPack.finding("age(born) >= 18");

    assertThat(f.trace().get(0).value()).isEqualTo(Tri.UNKNOWN);
    assertThat(f.missingFacts()).containsExactly("born");
    assertThat(f.reason().en()).endsWith("depends on: born.");
  }

  @Test
  void aTooImpreciseDateIsMissingAndAPreciseEnoughOneIsNot() {
    assertThat(TinyPack.finding("age(born) >= 18", "born", "2005").missingFacts())
        .containsExactly("born");
    assertThat(TinyPack.finding("age(born) >= 18", "born", "2000").missingFacts()).isEmpty();
  }

  @Test
  void anAgeComparedWithAnotherAgeIsKnownOnlyWhenBothAreExact() {
    assertThat(TinyPack.value("age(born) = age(born)", "born", "2005-06-15")).isEqualTo(Tri.TRUE);
    assertThat(TinyPack.value("age(born) >= age(born)", "born", "2023")).isEqualTo(Tri.TRUE);
    Finding imprecise = TinyPack.finding("age(born) = age(born)", "born", "2005");
    assertThat(imprecise.trace().get(0).value()).isEqualTo(Tri.UNKNOWN);
    assertThat(imprecise.missingFacts()).containsExactly("born");
    assertThat(TinyPack.finding("age(born) = age(born)").missingFacts()).containsExactly("born");
  }

  @Test
  void theAgeOfAFullDateFactIsExact() {
    assertThat(TinyPack.value("age(arrived) >= 1", "arrived", "2022-06-15")).isEqualTo(Tri.TRUE);
    assertThat(TinyPack.value("age(arrived) >= 1", "arrived", "2022-06-16")).isEqualTo(Tri.FALSE);
    assertThat(TinyPack.value("age(arrived) = 0", "arrived", "2023-06-15")).isEqualTo(Tri.TRUE);
  }

  @Test
  void aBirthDateAfterTheAssessmentDateGivesAgeZeroNeverANegativeAge() {
    // CaseInput refuses such a date; facts built in code are not checked against the date
    assertThat(TinyPack.value("age(born) = 0", "born", "2030")).isEqualTo(Tri.TRUE);
    assertThat(TinyPack.value("age(born) = 0", "born", "2030-05-05")).isEqualTo(Tri.TRUE);
    assertThat(TinyPack.value("age(born) < 0", "born", "2030")).isEqualTo(Tri.FALSE);
  }
}
