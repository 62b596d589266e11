package org.asylex.app.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.asylex.app.Application;
import org.asylex.app.Refusal;
import org.asylex.app.Refused;
import org.asylex.app.TestApp;
import org.asylex.app.Today;
import org.asylex.app.users.ApiTokens;
import org.asylex.json.ReceiptJson;
import org.asylex.store.StoreConfig;
import org.asylex.store.StoredAssessment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two times: the facts as they were recorded at one time, under the policy in force on a date. A
 * conscript's refusal of service is recorded before the decision date and found not credible after
 * it; assessed as of the decision date with the facts of that day, the moratorium applies, as the
 * officer would have found; with today's facts it does not.
 */
class FactsAsOfTest {
  private static final Instant CREATED = Instant.parse("2023-05-01T10:00:00Z");
  private static final Instant REFUSAL_RECORDED = Instant.parse("2023-06-10T10:00:00Z");
  private static final Instant NOT_CREDIBLE = Instant.parse("2023-07-10T10:00:00Z");
  private static final LocalDate DECISION = LocalDate.of(2023, 6, 20);

  @TempDir Path data;

  /** A clock the test moves by hand: the store stamps each change with it. */
  static final class HandClock extends Clock {
    private Instant now;

    HandClock(Instant now) {
      this.now = now;
    }

    void set(Instant to) {
      now = to;
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  private final HandClock clock = new HandClock(CREATED);

  private Application open() {
    return Application.open(
        StoreConfig.dataDirectory(data).withClock(clock),
        TestApp.policies(),
        new Today(clock),
        new ApiTokens(4));
  }

  /** Created, the refusal recorded, then found not credible; the clock left at 1 August 2023. */
  private Application withHistory() {
    Application app = open();
    var facts = new LinkedHashMap<>(TestApp.conscript());
    facts.put("refusesMilitaryService", false);
    app.cases().create("A-1", null, facts, "/facts", "olga");
    clock.set(REFUSAL_RECORDED);
    TestApp.recordRefusal(app, "A-1", true, "interview", "olga");
    clock.set(NOT_CREDIBLE);
    TestApp.recordRefusal(app, "A-1", false, "found not credible", "piet");
    clock.set(Instant.parse("2023-08-01T08:00:00Z"));
    return app;
  }

  private static Object moratorium(StoredAssessment receipt) {
    return ((Map<?, ?>) ReceiptJson.summary(receipt).get("outcomes")).get("decision-moratorium");
  }

  @Test
  void theFactsOfTheDecisionDateGiveTheOutcomeTheOfficerWouldHaveFoundAndReproduce() {
    try (Application app = withHistory()) {
      Instant endOfDecisionDay = FactsAsOf.parse("--facts-as-of", DECISION.toString());

      StoredAssessment then =
          app.assessments()
              .assess("A-1", Optional.of(DECISION), Optional.of(endOfDecisionDay), Map.of(), "lea");
      StoredAssessment now =
          app.assessments().assess("A-1", Optional.of(DECISION), Map.of(), "lea");

      assertThat(then.factsAsOf()).contains(Instant.parse("2023-06-20T21:59:59.999999Z"));
      assertThat(then.asOf()).isEqualTo(DECISION);
      assertThat(then.caseVersion()).isEqualTo(2);
      assertThat(then.factsSnapshot()).containsEntry("refusesMilitaryService", true);
      assertThat(moratorium(then)).isEqualTo("applies");
      assertThat(now.factsAsOf()).isEmpty();
      assertThat(now.caseVersion()).isEqualTo(3);
      assertThat(moratorium(now)).isNotEqualTo(moratorium(then));
      assertThat(ReceiptJson.full(then, null))
          .containsEntry("asOf", "2023-06-20")
          .containsEntry("factsAsOf", "2023-06-20T21:59:59.999999Z");
      assertThat(ReceiptJson.full(now, null)).doesNotContainKey("factsAsOf");

      StoredAssessment read = app.assessments().find(then.id(), "lea");
      assertThat(read).isEqualTo(then);
      assertThat(app.assessments().reproduce(then.id(), "lea"))
          .isInstanceOf(Reproduction.Identical.class);
      assertThat(app.assessments().reproduce(now.id(), "lea"))
          .isInstanceOf(Reproduction.Identical.class);
      assertThat(app.audit().verify().intact()).isTrue();
    }
  }

  @Test
  void anInstantBetweenThePatchesSeesTheFirstAndOneBeforeTheFirstPatchSeesTheCreatedFacts() {
    try (Application app = withHistory()) {
      StoredAssessment justBefore =
          app.assessments()
              .assess(
                  "A-1",
                  Optional.of(DECISION),
                  Optional.of(FactsAsOf.parse("t", "2023-06-10T11:59:59+02:00")),
                  Map.of(),
                  "lea");
      StoredAssessment atIt =
          app.assessments()
              .assess(
                  "A-1",
                  Optional.of(DECISION),
                  Optional.of(FactsAsOf.parse("t", "2023-06-10T12:00:00+02:00")),
                  Map.of(),
                  "lea");

      assertThat(justBefore.caseVersion()).isEqualTo(1);
      assertThat(justBefore.factsSnapshot()).containsEntry("refusesMilitaryService", false);
      assertThat(atIt.caseVersion()).isEqualTo(2);
      assertThat(atIt.factsSnapshot()).containsEntry("refusesMilitaryService", true);
    }
  }

  @Test
  void aTimeBeforeTheCaseExistedIsRefusedNamingItsCreationTime() {
    try (Application app = withHistory()) {
      assertThatThrownBy(
              () ->
                  app.assessments()
                      .assess(
                          "A-1",
                          Optional.of(DECISION),
                          Optional.of(FactsAsOf.parse("t", "2023-04-30")),
                          Map.of(),
                          "lea"))
          .isInstanceOfSatisfying(
              Refused.class,
              e -> {
                var v = (Refusal.InvalidValue) e.refusal();
                assertThat(v.field()).isEqualTo("factsAsOf");
                assertThat(v.code()).isEqualTo("before-case");
                assertThat(v.problem())
                    .contains("case A-1 did not exist yet at 2023-04-30T21:59:59.999999Z")
                    .contains("created at 2023-05-01T10:00:00Z");
              });
      assertThat(app.assessments().forCase("A-1", "lea")).isEmpty();
    }
  }

  @Test
  void aTimeInTheFutureIsRefused() {
    try (Application app = withHistory()) {
      assertThatThrownBy(
              () ->
                  app.assessments()
                      .assess(
                          "A-1",
                          Optional.empty(),
                          Optional.of(Instant.parse("2023-08-01T08:00:01Z")),
                          Map.of(),
                          "lea"))
          .isInstanceOfSatisfying(
              Refused.class,
              e -> {
                var v = (Refusal.InvalidValue) e.refusal();
                assertThat(v.code()).isEqualTo("in-future");
                assertThat(v.message())
                    .startsWith("factsAsOf: 2023-08-01T08:00:01Z lies in the future")
                    .contains("2023-08-01T08:00:00Z");
              });
      assertThat(app.assessments().forCase("A-1", "lea")).isEmpty();
    }
  }

  @Test
  void aDateIsTheEndOfThatDayInTheNetherlandsAndAnInstantKeepsItsOffset() {
    assertThat(FactsAsOf.parse("x", "2023-06-20"))
        .isEqualTo(Instant.parse("2023-06-20T21:59:59.999999Z"));
    assertThat(FactsAsOf.parse("x", "2023-01-15"))
        .isEqualTo(Instant.parse("2023-01-15T22:59:59.999999Z"));
    assertThat(FactsAsOf.parse("x", "2023-06-20T12:00:00+02:00"))
        .isEqualTo(Instant.parse("2023-06-20T10:00:00Z"));
    assertThat(FactsAsOf.parse("x", " 2023-06-20T10:00:00.5Z "))
        .isEqualTo(Instant.parse("2023-06-20T10:00:00.5Z"));
  }

  @Test
  void aTimeThatCannotBeReadIsRefusedNamingTheParameter() {
    for (String bad :
        new String[] {"2023-02-30", "yesterday", "2023-06-20T12:00:00", "2023-06-20T25:00Z", ""}) {
      assertThatThrownBy(() -> FactsAsOf.parse("--facts-as-of", bad))
          .as(bad)
          .isInstanceOfSatisfying(
              Refused.class,
              e -> {
                var v = (Refusal.InvalidValue) e.refusal();
                assertThat(v.field()).isEqualTo("--facts-as-of");
                assertThat(v.code()).isEqualTo("bad-time");
                assertThat(v.message()).startsWith("--facts-as-of: '" + bad + "' is not a time");
              });
    }
  }
}
