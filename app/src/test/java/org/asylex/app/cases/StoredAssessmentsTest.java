package org.asylex.app.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.asylex.app.Application;
import org.asylex.app.Refusal;
import org.asylex.app.Refused;
import org.asylex.app.TestApp;
import org.asylex.app.audit.AuditLog;
import org.asylex.app.policy.AssumptionSettings;
import org.asylex.app.policy.PolicyCatalog;
import org.asylex.json.RerunReason;
import org.asylex.store.AuditEvent;
import org.asylex.store.CaseFilter;
import org.asylex.store.StoredAssessment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoredAssessmentsTest {
  @TempDir Path data;

  @Test
  void aReceiptReRunWithTheSamePackIsIdenticalAndSaysTheEngineIsTheSame() {
    try (Application app = TestApp.open(data)) {
      app.cases().create("A-1", null, TestApp.conscript(), "/facts", "olga");
      StoredAssessment stored = app.assessments().assess("A-1", Optional.empty(), Map.of(), "olga");

      assertThat(stored.asOf()).isEqualTo(LocalDate.of(2023, 1, 15));
      Reproduction r = app.assessments().reproduce(stored.id(), "olga");

      assertThat(r).isInstanceOf(Reproduction.Identical.class);
      assertThat(((Reproduction.Identical) r).notes()).isEmpty();
    }
  }

  @Test
  void aReceiptReRunWithAnEditedPackIsDifferentAndNamesThePackChangeFirst(@TempDir Path packs)
      throws Exception {
    copyPack(packs);
    try (Application app = TestApp.open(data)) {
      app.cases().create("A-1", null, TestApp.conscript(), "/facts", "olga");
      StoredAssessment stored = app.assessments().assess("A-1", Optional.empty(), Map.of(), "olga");

      // The moratorium now ends a day earlier than the letter says, in a copy of the pack.
      Path rules = packs.resolve("ru/rules.yaml");
      Files.writeString(
          rules, Files.readString(rules).replace("to: 2023-06-29}", "to: 2023-01-15}"));
      Reproduction r;
      try (Application later =
          TestApp.open(data, PolicyCatalog.of(packs, AssumptionSettings.none()))) {
        r = later.assessments().reproduce(stored);
      }

      assertThat(r).isInstanceOf(Reproduction.Different.class);
      var d = (Reproduction.Different) r;
      assertThat(d.reasons().get(0)).isInstanceOf(RerunReason.PackChanged.class);
      assertThat(d.differences()).isNotEmpty();
    }
  }

  @Test
  void storedFactsThatTheCurrentPackRefusesAreReportedAsData(@TempDir Path packs) throws Exception {
    copyPack(packs);
    try (Application app = TestApp.open(data)) {
      app.cases().create("A-1", null, TestApp.conscript(), "/facts", "olga");
      StoredAssessment stored = app.assessments().assess("A-1", Optional.empty(), Map.of(), "olga");

      Path facts = packs.resolve("ru/facts.yaml");
      Files.writeString(
          facts, Files.readString(facts).replace("name: desertion", "name: deserted"));
      Files.writeString(
          packs.resolve("ru/rules.yaml"),
          Files.readString(packs.resolve("ru/rules.yaml")).replace("desertion", "deserted"));
      Reproduction r;
      try (Application later =
          TestApp.open(data, PolicyCatalog.of(packs, AssumptionSettings.none()))) {
        r = later.assessments().reproduce(stored);
      }

      assertThat(r).isInstanceOf(Reproduction.FactsInvalid.class);
      var f = (Reproduction.FactsInvalid) r;
      assertThat(f.errors()).extracting(e -> e.pointer()).contains("/desertion");
      assertThat(f.reasons()).anyMatch(RerunReason.PackFactsChanged.class::isInstance);
    }
  }

  @Test
  void aReceiptWhosePackIsGoneCannotBeReRun(@TempDir Path empty) {
    try (Application app = TestApp.open(data)) {
      app.cases().create("A-1", null, TestApp.conscript(), "/facts", "olga");
      StoredAssessment stored = app.assessments().assess("A-1", Optional.empty(), Map.of(), "olga");

      Reproduction r;
      try (Application later =
          TestApp.open(data, PolicyCatalog.of(empty, AssumptionSettings.none()))) {
        r = later.assessments().reproduce(stored);
      }

      assertThat(r).isInstanceOf(Reproduction.PackGone.class);
    }
  }

  @Test
  void theStoredFactsAreCheckedAsOfTheAssessmentDateAndARefusalNamesThem() {
    try (Application app = TestApp.open(data)) {
      app.cases().create("A-1", null, TestApp.conscript(), "/facts", "olga");

      assertThatThrownBy(
              () ->
                  app.assessments()
                      .assess("A-1", Optional.of(LocalDate.of(2000, 1, 1)), Map.of(), "olga"))
          .isInstanceOfSatisfying(
              Refused.class,
              e -> {
                assertThat(e.refusal()).isInstanceOf(Refusal.InvalidFacts.class);
                var invalid = (Refusal.InvalidFacts) e.refusal();
                assertThat(invalid.stored()).isTrue();
                assertThat(invalid.errors().get(0).messageWithoutValue())
                    .isEqualTo("dateOfBirth lies after the assessment date 2000-01-01");
              });
    }
  }

  @Test
  void anUnknownCaseIsRefusedAsNotFound() {
    try (Application app = TestApp.open(data)) {
      assertThatThrownBy(() -> app.assessments().assess("nope", Optional.empty(), Map.of(), "o"))
          .isInstanceOfSatisfying(
              Refused.class,
              e -> assertThat(e.refusal()).isEqualTo(new Refusal.CaseNotFound("nope")));
    }
  }

  @Test
  void assessingEveryCaseStoresEachThroughSharedCommitsAndReportsRefusals() {
    try (Application app = TestApp.open(data)) {
      for (int i = 0; i < 120; i++) {
        app.cases().create("C-" + i, null, TestApp.conscript(), "/facts", "olga");
      }
      var outcomes = new ArrayList<StoredAssessments.Outcome>();
      StoredAssessments.Counts counts =
          app.assessments()
              .assessAll(CaseFilter.all(), 1000, LocalDate.of(2000, 6, 1), "olga", outcomes::add);

      // Everyone was born after 2000-06-01 in these facts: each case is refused, none stored.
      assertThat(counts.stored()).isZero();
      assertThat(counts.refused()).isEqualTo(120);

      outcomes.clear();
      counts =
          app.assessments()
              .assessAll(CaseFilter.all(), 100, LocalDate.of(2023, 1, 15), "olga", outcomes::add);
      assertThat(counts.stored()).isEqualTo(100);
      assertThat(outcomes)
          .allMatch(StoredAssessments.Outcome.Stored.class::isInstance)
          .extracting(StoredAssessments.Outcome::caseId)
          .doesNotHaveDuplicates();
      List<StoredAssessment> first = app.assessments().forCase("C-0", "olga");
      assertThat(first).hasSize(1);
      // Each read of a case is on record, a refused one's too, before the receipt made of it.
      assertThat(
              app.audit().events(0, AuditLog.MAX_PAGE).events().stream()
                  .filter(e -> e.caseId().equals(Optional.of("C-0")))
                  .map(AuditEvent::action))
          .containsExactly(
              "case.create", "case.list", "case.list", "case.assess", "assessment.list");
      assertThat(app.audit().verify().intact()).isTrue();
    }
  }

  private static void copyPack(Path packs) throws Exception {
    Path from = TestApp.POLICIES.resolve("ru");
    Path to = packs.resolve("ru");
    try (var files = Files.walk(from)) {
      for (Path p : files.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }
}
