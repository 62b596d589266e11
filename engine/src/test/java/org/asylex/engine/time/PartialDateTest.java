package org.asylex.engine.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PartialDateTest {

  private static PartialDate parse(String text) {
    return PartialDate.parse(text).orElseThrow(() -> new AssertionError("did not parse " + text));
  }

  @Test
  void aYearAloneIsKnownToTheYear() {
    PartialDate d = parse("2022");

    assertThat(d).isEqualTo(new PartialDate(2022, 0, 0));
    assertThat(d.precision()).isEqualTo(PartialDate.Precision.YEAR);
    assertThat(d.exact()).isEmpty();
  }

  @Test
  void aYearAndMonthIsKnownToTheMonth() {
    PartialDate d = parse("2022-12");

    assertThat(d).isEqualTo(new PartialDate(2022, 12, 0));
    assertThat(d.precision()).isEqualTo(PartialDate.Precision.MONTH);
    assertThat(d.exact()).isEmpty();
  }

  @Test
  void aFullDateIsKnownToTheDay() {
    PartialDate d = parse("2023-06-08");

    assertThat(d).isEqualTo(new PartialDate(2023, 6, 8));
    assertThat(d.precision()).isEqualTo(PartialDate.Precision.DAY);
    assertThat(d.exact()).contains(LocalDate.of(2023, 6, 8));
  }

  @Test
  void theTwentyNinthOfFebruaryExistsInALeapYear() {
    assertThat(PartialDate.parse("2024-02-29")).contains(new PartialDate(2024, 2, 29));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2023-02-29",
        "2023-02-30",
        "2023-04-31",
        "2023-13",
        "2023-00",
        "2023-00-00",
        "2023-13-01",
        "2023-01-00",
        "2023-01-32",
        "0000",
        "22",
        "20222",
        "2022-1",
        "2022-01-1",
        "2022/01/01",
        "2022-",
        " 2022",
        "2022-01-01T00:00",
        "",
        "２０２２"
      })
  void aDateThatDoesNotExistOrIsWrittenOtherwiseIsRejected(String text) {
    assertThat(PartialDate.parse(text)).isEmpty();
  }

  @Test
  void theConstructorRejectsADayWithoutAMonth() {
    assertThatThrownBy(() -> new PartialDate(2022, 0, 5))
        .isInstanceOf(DateTimeException.class)
        .hasMessage("a day needs a month");
  }

  @Test
  void theConstructorRejectsADayThatDoesNotExist() {
    assertThatThrownBy(() -> new PartialDate(2023, 2, 29)).isInstanceOf(DateTimeException.class);
  }

  @Test
  void theConstructorRejectsAYearOutsideFourDigits() {
    assertThatThrownBy(() -> new PartialDate(10_000, 1, 1))
        .isInstanceOf(DateTimeException.class)
        .hasMessageContaining("year 10000");
    assertThatThrownBy(() -> new PartialDate(0, 1, 1)).isInstanceOf(DateTimeException.class);
  }

  @Test
  void theFirstAndLastFourDigitYearsAreAccepted() {
    assertThat(new PartialDate(1, 1, 1).earliest()).isEqualTo(LocalDate.of(1, 1, 1));
    assertThat(new PartialDate(9999, 12, 31).latest()).isEqualTo(LocalDate.of(9999, 12, 31));
    assertThat(new PartialDate(2023, 12, 0).latest()).isEqualTo(LocalDate.of(2023, 12, 31));
  }

  @Test
  void aYearStandsForItsFirstToItsLastDay() {
    PartialDate d = parse("2022");

    assertThat(d.earliest()).isEqualTo(LocalDate.of(2022, 1, 1));
    assertThat(d.latest()).isEqualTo(LocalDate.of(2022, 12, 31));
  }

  @Test
  void aMonthStandsForItsFirstToItsLastDay() {
    assertThat(parse("2022-12").earliest()).isEqualTo(LocalDate.of(2022, 12, 1));
    assertThat(parse("2022-12").latest()).isEqualTo(LocalDate.of(2022, 12, 31));
    assertThat(parse("2023-02").latest()).isEqualTo(LocalDate.of(2023, 2, 28));
    assertThat(parse("2024-02").latest()).isEqualTo(LocalDate.of(2024, 2, 29));
    assertThat(parse("2023-04").latest()).isEqualTo(LocalDate.of(2023, 4, 30));
  }

  @Test
  void aDayStandsForItselfAlone() {
    PartialDate d = parse("2023-06-08");

    assertThat(d.earliest()).isEqualTo(LocalDate.of(2023, 6, 8));
    assertThat(d.latest()).isEqualTo(LocalDate.of(2023, 6, 8));
  }

  @Test
  void aLocalDateBecomesAPartialDateKnownToTheDay() {
    assertThat(PartialDate.of(LocalDate.of(2023, 6, 29))).isEqualTo(new PartialDate(2023, 6, 29));
  }

  @Test
  void partialDatesAreWrittenAsTheyAreParsed() {
    for (String text : List.of("2022", "2022-12", "2023-06-08", "0001", "0999-01-05")) {
      assertThat(parse(text)).hasToString(text);
    }
  }

  @Test
  void partialDatesOrderByTheirFirstDayAndThenTheLessPreciseFirst() {
    List<PartialDate> dates =
        new ArrayList<>(
            List.of(
                parse("2023-01-01"),
                parse("2022-12-31"),
                parse("2023"),
                parse("2022-12"),
                parse("2023-01"),
                parse("2022-12-01"),
                parse("2021-06-30")));
    Collections.shuffle(dates, new java.util.Random(7));
    Collections.sort(dates);

    assertThat(dates)
        .extracting(PartialDate::toString)
        .containsExactly(
            "2021-06-30", "2022-12", "2022-12-01", "2022-12-31", "2023", "2023-01", "2023-01-01");
  }

  @Test
  void aPartialDateComparesEqualOnlyToItself() {
    assertThat(parse("2022-12").compareTo(parse("2022-12"))).isZero();
    assertThat(parse("2022-12").compareTo(parse("2022-12-01"))).isNegative();
    assertThat(parse("2022-12-01").compareTo(parse("2022-12"))).isPositive();
    assertThat(parse("2022").compareTo(parse("2022-01"))).isNegative();
  }
}
