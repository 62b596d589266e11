package org.asylex.app.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.asylex.app.Application;
import org.asylex.app.Refusal;
import org.asylex.app.Refused;
import org.asylex.app.TestApp;
import org.asylex.app.Today;
import org.asylex.app.impact.ChangedFinding;
import org.asylex.app.impact.Impact;
import org.asylex.app.impact.ImpactJson;
import org.asylex.app.impact.ImpactPoint;
import org.asylex.app.impact.ImpactReport;
import org.asylex.app.users.ApiTokens;
import org.asylex.engine.policy.Outcome;
import org.asylex.store.AuditEvent;
import org.asylex.store.CaseFilter;
import org.asylex.store.StoreConfig;
import org.asylex.store.StoredAssessment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two times over a whole caseload ({@code impact --store --facts-as-of}, {@code case assess --all
 * --facts-as-of}): every case read as it was recorded at T by one streaming read of the history,
 * with the same facts and version as the single-case {@code case assess ID --facts-as-of T}; a case
 * created after T left out and counted.
 */
class FactsAsOfCaseloadTest {
  private static final Instant CREATED = Instant.parse("2023-05-01T10:00:00Z");
  private static final Instant REFUSAL_RECORDED = Instant.parse("2023-06-10T10:00:00Z");
  private static final Instant NOT_CREDIBLE = Instant.parse("2023-07-10T10:00:00Z");
  private static final Instant LATE_CASE = Instant.parse("2023-07-01T09:00:00Z");
  private static final Instant NOW = Instant.parse("2023-08-01T08:00:00Z");
  private static final LocalDate DECISION = LocalDate.of(2023, 6, 20);
  private static final LocalDate AFTER_LAPSE = LocalDate.of(2023, 6, 30);

  @TempDir Path data;

  private final FactsAsOfTest.HandClock clock = new FactsAsOfTest.HandClock(CREATED);

  /**
   * a conscript whose refusal of service is recorded on 10 June and found not credible on 10
   * July (its facts changed after the decision date); A-3: a woman, never changed; A-2: a conscript
   * refusing service, created on 1 July. The clock is left at 1 August 2023.
   */
  private Application withHistory() {
    Application app =
        Application.open(
            StoreConfig.dataDirectory(data).withClock(clock),
            TestApp.policies(),
            new Today(clock),
            new ApiTokens(4));
    var a1 = new LinkedHashMap<>(TestApp.conscript());
    a1.put("refusesMilitaryService", false);
    app.cases().create("A-1", null, a1, "/facts", "olga");
    var a3 = new LinkedHashMap<String, Object>();
    a3.put("countryOfOrigin", "RU");
    a3.put("lgbti", null); // not established: stored, but no value in the history
    a3.put("gender", "female");
    app.cases().create("A-3", "REF 3", a3, "/facts", "olga");
    clock.set(REFUSAL_RECORDED);
    TestApp.recordRefusal(app, "A-1", true, "interview", "olga");
    clock.set(LATE_CASE);
    var a2 = new LinkedHashMap<>(TestApp.conscript());
    a2.put("refusesMilitaryService", true);
    app.cases().create("A-2", null, a2, "/facts", "olga");
    clock.set(NOT_CREDIBLE);
    TestApp.recordRefusal(app, "A-1", false, "found not credible", "piet");
    clock.set(NOW);
    return app;
  }

  private record Run(ImpactReport report, List<ChangedFinding> changed) {}

  private static Run impact(Application app, Optional<Instant> factsAsOf) throws Exception {
    var changed = new ArrayList<ChangedFinding>();
    Impact.Listener listener =
        new Impact.Listener() {
          @Override
          public void changed(ChangedFinding finding) {
            changed.add(finding);
          }
        };
    var before = new ImpactPoint(TestApp.policies(), DECISION, Map.of());
    var after = new ImpactPoint(TestApp.policies(), AFTER_LAPSE, Map.of());
    ImpactReport r =
        factsAsOf.isPresent()
            ? app.impact().compareStored("lea", factsAsOf.get(), before, after, listener)
            : app.impact().compareStored("lea", before, after, listener);
    return new Run(r, changed);
  }

  @Test
  void theImpactOnTheFactsOfTheDecisionDaySeesTheRefusalLaterFoundNotCredible() throws Exception {
    try (Application app = withHistory()) {
      Instant decisionDay = FactsAsOf.parse("--facts-as-of", DECISION.toString());
      long eventsBefore = app.audit().events(1, 500).events().size();

      Run then = impact(app, Optional.of(decisionDay));
      Run now = impact(app, Optional.empty());

      // then: A-1 refused service and loses the moratorium at the lapse; A-2 did not exist (A-3,
      // whose military facts are missing, goes from undetermined to does-not-apply either way)
      assertThat(then.report().cases()).isEqualTo(2);
      assertThat(then.report().factsAsOf()).contains(new ImpactReport.FactsTime(decisionDay, 1));
      assertThat(then.changed())
          .filteredOn(c -> c.element().equals("decision-moratorium"))
          .filteredOn(c -> c.before().equals(Optional.of(Outcome.APPLIES)))
          .extracting(ChangedFinding::id)
          .containsExactly("A-1");
      // now: A-1 is found not to refuse; A-2 is the one who loses it
      assertThat(now.report().cases()).isEqualTo(3);
      assertThat(now.report().factsAsOf()).isEmpty();
      assertThat(now.changed())
          .filteredOn(c -> c.element().equals("decision-moratorium"))
          .filteredOn(c -> c.before().equals(Optional.of(Outcome.APPLIES)))
          .extracting(ChangedFinding::id)
          .containsExactly("A-2");
      assertThat(ImpactJson.report(then.report()))
          .containsEntry("factsAsOf", "2023-06-20T21:59:59.999999Z")
          .containsEntry("createdAfter", 1L);
      assertThat(ImpactJson.report(now.report())).doesNotContainKeys("factsAsOf", "createdAfter");
      // one export event per run, none per case read
      List<AuditEvent> events = app.audit().events(1, 500).events();
      assertThat(events.subList((int) eventsBefore, events.size()))
          .extracting(AuditEvent::action)
          .containsExactly("case.export", "case.export");
      assertThat(app.audit().verify().intact()).isTrue();
    }
  }

  @Test
  void everyCaseIsReadAsTheSingleCaseAssessmentReadsItAtEachInstant() {
    try (Application app = withHistory()) {
      for (Instant t :
          List.of(
              CREATED,
              REFUSAL_RECORDED.minusNanos(1000),
              REFUSAL_RECORDED,
              LATE_CASE,
              NOT_CREDIBLE,
              NOW)) {
        var read = new LinkedHashMap<String, org.asylex.store.CaseRecord>();
        long createdAfter = app.cases().exportAsOf(t, "lea", c -> read.put(c.id(), c));
        assertThat(createdAfter).as("%s", t).isEqualTo(t.isBefore(LATE_CASE) ? 1 : 0);
        for (String id : List.of("A-1", "A-2", "A-3")) {
          if (id.equals("A-2") && t.isBefore(LATE_CASE)) {
            assertThat(read).doesNotContainKey(id);
            continue;
          }
          StoredAssessment one =
              app.assessments().assess(id, Optional.of(DECISION), Optional.of(t), Map.of(), "lea");
          assertThat(read.get(id).facts()).as("%s at %s", id, t).isEqualTo(one.factsSnapshot());
          assertThat(read.get(id).version()).as("%s at %s", id, t).isEqualTo(one.caseVersion());
        }
        assertThat(read.get("A-3").reference()).contains("REF 3");
      }
    }
  }

  @Test
  void assessingEveryCaseOnTheFactsOfThenStoresReceiptsThatReproduce() {
    try (Application app = withHistory()) {
      Instant decisionDay = FactsAsOf.parse("--facts-as-of", DECISION.toString());
      var outcomes = new ArrayList<StoredAssessments.Outcome>();

      StoredAssessments.Counts counts =
          app.assessments()
              .assessAll(
                  CaseFilter.all(),
                  Long.MAX_VALUE,
                  DECISION,
                  Optional.of(decisionDay),
                  "lea",
                  outcomes::add);

      assertThat(counts).isEqualTo(new StoredAssessments.Counts(2, 0, 1));
      assertThat(outcomes)
          .extracting(StoredAssessments.Outcome::caseId)
          .containsExactly("A-1", "A-3");
      var a1 = ((StoredAssessments.Outcome.Stored) outcomes.get(0)).receipt();
      assertThat(a1.factsAsOf()).contains(decisionDay);
      assertThat(a1.caseVersion()).isEqualTo(2);
      assertThat(a1.factsSnapshot()).containsEntry("refusesMilitaryService", true);
      assertThat(app.assessments().reproduce(a1.id(), "lea"))
          .isInstanceOf(Reproduction.Identical.class);
      assertThat(app.audit().verify().intact()).isTrue();
    }
  }

  @Test
  void theFilterSelectsOnTheFactsOfThenAndTheLimitStopsTheRead() {
    try (Application app = withHistory()) {
      Instant decisionDay = FactsAsOf.parse("--facts-as-of", DECISION.toString());
      var ids = new ArrayList<String>();

      var counts =
          app.assessments()
              .assessAll(
                  CaseFilter.where("refusesMilitaryService", true),
                  Long.MAX_VALUE,
                  DECISION,
                  Optional.of(decisionDay),
                  "lea",
                  o -> ids.add(o.caseId()));
      assertThat(ids).containsExactly("A-1"); // A-1 refused then; A-2 did not exist yet
      assertThat(counts.stored()).isEqualTo(1);

      ids.clear();
      app.assessments()
          .assessAll(
              CaseFilter.all(), 1, DECISION, Optional.of(NOW), "lea", o -> ids.add(o.caseId()));
      assertThat(ids).containsExactly("A-1");
    }
  }

  @Test
  void aTimeInTheFutureIsRefusedForTheCaseloadAsForOneCase() {
    try (Application app = withHistory()) {
      Instant later = NOW.plusSeconds(1);
      for (Runnable r :
          List.<Runnable>of(
              () -> {
                try {
                  impact(app, Optional.of(later));
                } catch (Refused e) {
                  throw e;
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              },
              () ->
                  app.assessments()
                      .assessAll(
                          CaseFilter.all(),
                          Long.MAX_VALUE,
                          DECISION,
                          Optional.of(later),
                          "lea",
                          o -> {}))) {
        assertThatThrownBy(r::run)
            .isInstanceOfSatisfying(
                Refused.class,
                e -> {
                  var v = (Refusal.InvalidValue) e.refusal();
                  assertThat(v.field()).isEqualTo("factsAsOf");
                  assertThat(v.code()).isEqualTo("in-future");
                });
      }
      assertThat(app.assessments().forCase("A-1", "lea")).isEmpty();
    }
  }
}
