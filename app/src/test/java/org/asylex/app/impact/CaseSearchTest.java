package org.asylex.app.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.asylex.app.Application;
import org.asylex.app.Refused;
import org.asylex.app.TestApp;
import org.asylex.app.Today;
import org.asylex.app.impact.CaseSearch.Finding;
import org.asylex.app.impact.CaseSearch.Query;
import org.asylex.app.impact.CaseSearch.Sort;
import org.asylex.app.users.ApiTokens;
import org.asylex.store.AuditEvent;
import org.asylex.store.StoreConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The case list filtered by finding on a small caseload, today being 20 June 2023: inside the
 * moratorium, which lapses on 29 June 2023 (9 days later), and after the in-force date of the new
 * risk groups (8 June 2023 by default).
 */
class CaseSearchTest {
  static final Today TODAY =
      new Today(Clock.fixed(Instant.parse("2023-06-20T10:00:00Z"), ZoneOffset.UTC));

  @TempDir Path dir;

  private static Map<String, Object> conscriptOf22() {
    var facts = TestApp.conscript();
    facts.put("dateOfBirth", "2000-06-01");
    return facts;
  }

  private Application caseload() {
    Application app =
        Application.open(
            StoreConfig.dataDirectory(dir), TestApp.policies(), TODAY, new ApiTokens(4));
    app.cases().create("C-1", "IND-2023-007", conscriptOf22(), "/facts", "olga");
    app.cases()
        .create(
            "L-1",
            "IND-2023-011",
            Map.of("countryOfOrigin", "RU", "lawyerInPoliticallySensitiveCases", true),
            "/facts",
            "olga");
    app.cases().create("M-1", null, Map.of("countryOfOrigin", "RU"), "/facts", "olga");
    return app;
  }

  private static List<String> ids(CaseSearch.Page page) {
    return page.items().stream().map(r -> r.record().id()).toList();
  }

  private static Query where(Finding... findings) {
    return new Query("", Set.of(findings), OptionalInt.empty(), Sort.ID);
  }

  @Test
  void filtersByFindingToday() {
    try (Application app = caseload()) {
      CaseSearch search = app.caseSearch();
      assertThat(ids(search.find(where(Finding.MORATORIUM), 0, 25, "olga"))).containsExactly("C-1");
      assertThat(ids(search.find(where(Finding.RISK_GROUP), 0, 25, "olga"))).containsExactly("L-1");
      assertThat(ids(search.find(where(Finding.UNDETERMINED), 0, 25, "olga")))
          .contains("M-1", "L-1");
      assertThat(ids(search.find(where(Finding.RISK_GROUP, Finding.MORATORIUM), 0, 25, "olga")))
          .isEmpty();
      assertThat(search.find(where(Finding.MORATORIUM), 0, 25, "olga").today())
          .isEqualTo(LocalDate.parse("2023-06-20"));
    }
  }

  @Test
  void moratoriumLapsesWithinDays() {
    try (Application app = caseload()) {
      CaseSearch search = app.caseSearch();
      var within = new Query("", Set.of(), OptionalInt.of(9), Sort.ID);
      CaseSearch.Page page = search.find(within, 0, 25, "olga");
      assertThat(ids(page)).containsExactly("C-1");
      assertThat(page.items().get(0).lapses()).contains(LocalDate.parse("2023-06-29"));
      var tooSoon = new Query("", Set.of(), OptionalInt.of(8), Sort.ID);
      assertThat(ids(search.find(tooSoon, 0, 25, "olga"))).isEmpty();
      var negative = new Query("", Set.of(), OptionalInt.of(-1), Sort.ID);
      assertThatThrownBy(() -> search.find(negative, 0, 25, "olga")).isInstanceOf(Refused.class);
    }
  }

  @Test
  void searchesIdOrReferenceThenPagesAndSorts() {
    try (Application app = caseload()) {
      CaseSearch search = app.caseSearch();
      var byRef = new Query("ind-2023-011", Set.of(), OptionalInt.empty(), Sort.ID);
      assertThat(ids(search.find(byRef, 0, 25, "olga"))).containsExactly("L-1");
      var byId = new Query("m-1", Set.of(), OptionalInt.empty(), Sort.ID);
      assertThat(ids(search.find(byId, 0, 25, "olga"))).containsExactly("M-1");
      var all = new Query("-", Set.of(), OptionalInt.empty(), Sort.REFERENCE);
      CaseSearch.Page second = search.find(all, 1, 1, "olga");
      assertThat(second.total()).isEqualTo(3);
      assertThat(ids(second)).containsExactly("L-1");
      assertThat(ids(search.find(Query.all(), 0, 25, "olga"))).containsExactly("C-1", "L-1", "M-1");
    }
  }

  @Test
  void auditsEveryCaseReadAsTheCaseList() {
    try (Application app = caseload()) {
      long before = app.audit().events(1, 500).events().size();
      app.caseSearch().find(where(Finding.RISK_GROUP), 0, 25, "piet");
      List<AuditEvent> events = app.audit().events(1, 500).events();
      List<AuditEvent> mine = events.subList((int) before, events.size());
      assertThat(mine).allSatisfy(e -> assertThat(e.action()).isEqualTo("case.list"));
      assertThat(mine).allSatisfy(e -> assertThat(e.actor()).isEqualTo("piet"));
      assertThat(mine.stream().map(e -> e.caseId().orElseThrow()))
          .containsExactlyInAnyOrder("C-1", "L-1", "M-1");
      assertThat(Finding.of("risk-groups")).isEqualTo(Finding.RISK_GROUP);
      assertThatThrownBy(() -> Finding.of("nonsense")).isInstanceOf(Refused.class);
    }
  }
}
