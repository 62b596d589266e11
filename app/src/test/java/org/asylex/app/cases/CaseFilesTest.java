package org.asylex.app.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.asylex.app.Application;
import org.asylex.app.Refusal;
import org.asylex.app.Refused;
import org.asylex.app.TestApp;
import org.asylex.engine.assessment.InputError;
import org.asylex.store.CaseFilter;
import org.asylex.store.CaseRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaseFilesTest {
  @TempDir Path data;

  private static Refusal refusal(Runnable r) {
    try {
      r.run();
    } catch (Refused e) {
      return e.refusal();
    }
    throw new AssertionError("not refused");
  }

  @Test
  void aCaseIsCreatedWithItsFactsWithoutTheNullOnes() {
    try (Application app = TestApp.open(data)) {
      var facts = new HashMap<>(TestApp.conscript());
      facts.put("lgbti", null);

      CaseRecord c = app.cases().create("A-1", "ref 7", facts, "/facts", "olga");

      assertThat(c.version()).isEqualTo(1);
      assertThat(c.facts()).doesNotContainKey("lgbti").containsEntry("militaryStatus", "conscript");
      assertThat(app.cases().find("A-1", "olga").reference()).contains("ref 7");
    }
  }

  @Test
  void everyWayInTakesOnlyIdsThatFollowTheOneRule() {
    try (Application app = TestApp.open(data)) {
      for (String bad : new String[] {"..", "a/../b", "x' OR 1=1 --", "-a", "a b", ""}) {
        assertThat(refusal(() -> app.cases().create(bad, null, TestApp.conscript(), "", "o")))
            .as(bad)
            .isInstanceOf(Refusal.BadCaseId.class);
      }
      assertThat(CaseIds.valid("A-1.2_3~x:y")).isTrue();
    }
  }

  @Test
  void factsThatAreNotValidAreRefusedAndNothingIsStored() {
    try (Application app = TestApp.open(data)) {
      var facts = new HashMap<>(TestApp.conscript());
      facts.put("lgbti", "yes");

      Refusal r = refusal(() -> app.cases().create("A-1", null, facts, "/facts", "olga"));

      assertThat(r).isInstanceOf(Refusal.InvalidFacts.class);
      InputError e = ((Refusal.InvalidFacts) r).errors().get(0);
      assertThat(e.pointer()).isEqualTo("/facts/lgbti");
      assertThat(e.messageWithoutValue()).doesNotContain("yes");
      assertThat(app.cases().list(CaseFilter.all(), 0, 10, "olga").total()).isZero();
    }
  }

  @Test
  void aChangeToAnOldVersionIsRefusedAndLosesNobodysChange() {
    try (Application app = TestApp.open(data)) {
      app.cases().create("A-1", null, TestApp.conscript(), "", "olga");
      app.cases().change("A-1", Optional.of(1L), Map.of("lgbti", true), "found", "", "olga");

      Refusal r =
          refusal(
              () ->
                  app.cases()
                      .change("A-1", Optional.of(1L), Map.of("lgbti", false), null, "", "piet"));

      assertThat(r).isEqualTo(new Refusal.StaleVersion("A-1", 1, 2));
      assertThat(app.cases().find("A-1", "olga").facts()).containsEntry("lgbti", true);
    }
  }

  @Test
  void removingAFactThePackDoesNotKnowIsAnErrorNotANoOp() {
    try (Application app = TestApp.open(data)) {
      app.cases().create("A-1", null, TestApp.conscript(), "", "olga");
      var changes = new HashMap<String, Object>();
      changes.put("lgbtti", null);

      Refusal r =
          refusal(() -> app.cases().change("A-1", Optional.empty(), changes, null, "/facts", "o"));

      assertThat(((Refusal.InvalidFacts) r).errors())
          .extracting(InputError::pointer, InputError::code)
          .containsExactly(org.assertj.core.groups.Tuple.tuple("/facts/lgbtti", "unknown-fact"));
    }
  }

  @Test
  void aFilterValueIsTypedByItsFactAndAnUnknownFactIsRefused() {
    try (Application app = TestApp.open(data)) {
      app.cases().create("A-1", null, TestApp.conscript(), "", "olga");

      CaseFilter filter = app.cases().filter(Map.of("refusesMilitaryService", "true"));
      assertThat(filter.facts()).containsEntry("refusesMilitaryService", true);
      assertThat(app.cases().list(filter, 0, 10, "olga").total()).isEqualTo(1);
      assertThat(app.cases().filter(Map.of("lgbti", "")).facts()).containsEntry("lgbti", null);
      assertThat(refusal(() -> app.cases().filter(Map.of("lgbtti", "true"))))
          .isInstanceOf(Refusal.InvalidValue.class);
      assertThat(refusal(() -> app.cases().filter(Map.of("lgbti", "yes"))).message())
          .contains("lgbti must be true or false");
    }
  }
}
