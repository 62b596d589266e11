package org.asylex.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.asylex.engine.policy.TestPacks.assumption;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ValidityTest {

  private static final LocalDate JUNE_29_2022 = LocalDate.of(2022, 6, 29);
  private static final LocalDate JUNE_29_2023 = LocalDate.of(2023, 6, 29);

  private static Validity.Interval interval(LocalDate from, LocalDate to) {
    return new Validity.Interval(Optional.ofNullable(from), Optional.ofNullable(to));
  }

  @Nested
  class Contains {

    private final Validity.Interval moratorium = interval(JUNE_29_2022, JUNE_29_2023);

    @Test
    void theFirstDayIsIncluded() {
      assertThat(moratorium.contains(JUNE_29_2022)).isTrue();
    }

    @Test
    void theDayBeforeTheFirstDayIsExcluded() {
      assertThat(moratorium.contains(JUNE_29_2022.minusDays(1))).isFalse();
    }

    @Test
    void theLastDayBeforeTheEndIsIncluded() {
      assertThat(moratorium.contains(JUNE_29_2023.minusDays(1))).isTrue();
    }

    @Test
    void theEndDayItselfIsExcluded() {
      assertThat(moratorium.contains(JUNE_29_2023)).isFalse();
    }

    @Test
    void anOpenStartReachesIntoThePast() {
      assertThat(interval(null, JUNE_29_2023).contains(LocalDate.of(1900, 1, 1))).isTrue();
    }

    @Test
    void anOpenEndReachesIntoTheFuture() {
      assertThat(interval(JUNE_29_2022, null).contains(LocalDate.of(9999, 12, 31))).isTrue();
      assertThat(interval(JUNE_29_2022, null).contains(JUNE_29_2022.minusDays(1))).isFalse();
    }

    @Test
    void anIntervalOpenAtBothEndsContainsEveryDay() {
      assertThat(interval(null, null).contains(LocalDate.MIN)).isTrue();
      assertThat(interval(null, null).contains(LocalDate.MAX)).isTrue();
    }
  }

  @Nested
  class Emptiness {

    @Test
    void anIntervalThatEndsOnItsFirstDayIsEmpty() {
      assertThat(interval(JUNE_29_2022, JUNE_29_2022).isEmpty()).isTrue();
    }

    @Test
    void anIntervalThatEndsBeforeItStartsIsEmpty() {
      assertThat(interval(JUNE_29_2023, JUNE_29_2022).isEmpty()).isTrue();
    }

    @Test
    void anIntervalOfOneDayIsNotEmpty() {
      assertThat(interval(JUNE_29_2022, JUNE_29_2022.plusDays(1)).isEmpty()).isFalse();
    }

    @Test
    void anOpenIntervalIsNeverEmpty() {
      assertThat(interval(null, JUNE_29_2022).isEmpty()).isFalse();
      assertThat(interval(JUNE_29_2022, null).isEmpty()).isFalse();
      assertThat(interval(null, null).isEmpty()).isFalse();
    }
  }

  @Nested
  class Intersection {

    @Test
    void overlappingIntervalsShareTheLaterStartAndTheEarlierEnd() {
      Validity.Interval a = interval(JUNE_29_2022, JUNE_29_2023);
      Validity.Interval b = interval(LocalDate.of(2023, 1, 1), LocalDate.of(2024, 1, 1));

      assertThat(a.intersection(b)).contains(interval(LocalDate.of(2023, 1, 1), JUNE_29_2023));
      assertThat(b.intersection(a)).isEqualTo(a.intersection(b));
    }

    @Test
    void intervalsThatMeetAtADayDoNotIntersect() {
      Validity.Interval before = interval(null, JUNE_29_2023);
      Validity.Interval after = interval(JUNE_29_2023, null);

      assertThat(before.intersection(after)).isEmpty();
    }

    @Test
    void anOpenIntervalIntersectsToTheOtherInterval() {
      Validity.Interval bounded = interval(JUNE_29_2022, JUNE_29_2023);

      assertThat(interval(null, null).intersection(bounded)).contains(bounded);
    }

    @Test
    void twoIntervalsOpenOnTheSameSideStayOpenThere() {
      assertThat(interval(null, JUNE_29_2023).intersection(interval(null, JUNE_29_2022)))
          .contains(interval(null, JUNE_29_2022));
    }

    @Test
    void intervalsOpenOnOppositeSidesShareTheStartOfOneAndTheEndOfTheOther() {
      Validity.Interval until = interval(null, JUNE_29_2023);
      Validity.Interval since = interval(JUNE_29_2022, null);

      assertThat(until.intersection(since)).contains(interval(JUNE_29_2022, JUNE_29_2023));
      assertThat(since.intersection(until)).contains(interval(JUNE_29_2022, JUNE_29_2023));
    }

    @Test
    void disjointIntervalsDoNotIntersect() {
      assertThat(
              interval(LocalDate.of(2020, 1, 1), LocalDate.of(2021, 1, 1))
                  .intersection(interval(JUNE_29_2022, JUNE_29_2023)))
          .isEmpty();
    }
  }

  @Test
  void anIntervalIsWrittenHalfOpenWithAnEllipsisForAnOpenEnd() {
    assertThat(interval(JUNE_29_2022, JUNE_29_2023)).hasToString("[2022-06-29, 2023-06-29)");
    assertThat(interval(null, JUNE_29_2023)).hasToString("[…, 2023-06-29)");
    assertThat(interval(JUNE_29_2022, null)).hasToString("[2022-06-29, …)");
  }

  @Test
  void alwaysIsOpenAtBothEnds() {
    Validity always = Validity.always(Origin.of(TestPacks.pos("rules.yaml", 1, 1)));

    assertThat(always.from()).isEmpty();
    assertThat(always.to()).isEmpty();
    assertThat(always.resolve(AssumptionValues.defaults(TestPacks.pack().build())))
        .isEqualTo(interval(null, null));
  }

  @Test
  void aValidityResolvesAnAssumptionBoundaryToTheAssumptionsValue() {
    PolicyPack pack =
        TestPacks.pack()
            .assumption(assumption("in-force-date", Assumption.Type.DATE, "2023-06-08", 1))
            .build();
    Validity validity = TestPacks.validity("@in-force-date", "2024-01-01", 10);

    assertThat(validity.resolve(AssumptionValues.defaults(pack)))
        .isEqualTo(interval(LocalDate.of(2023, 6, 8), LocalDate.of(2024, 1, 1)));
    assertThat(
            validity.resolve(
                AssumptionValues.withOverrides(pack, Map.of("in-force-date", "2023-07-01"))))
        .isEqualTo(interval(LocalDate.of(2023, 7, 1), LocalDate.of(2024, 1, 1)));
  }
}
