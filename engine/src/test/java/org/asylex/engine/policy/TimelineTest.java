package org.asylex.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.asylex.engine.policy.TestPacks.assumption;
import static org.asylex.engine.policy.TestPacks.element;
import static org.asylex.engine.policy.TestPacks.fact;
import static org.asylex.engine.policy.TestPacks.milestone;
import static org.asylex.engine.policy.TestPacks.rule;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.asylex.engine.time.PartialDate;
import org.junit.jupiter.api.Test;

class TimelineTest {

  private static PolicyPack pack(Element.Milestone... moratoriumMilestones) {
    return TestPacks.pack()
        .fact(fact("conscript", FactType.BOOLEAN, 1))
        .fact(fact("lawyer", FactType.BOOLEAN, 4))
        .element(element("decision-moratorium", 1, List.of(moratoriumMilestones)))
        .element(element("risk-group", 10))
        .assumption(assumption("in-force-date", Assumption.Type.DATE, "2023-06-08", 1))
        .rule(
            rule("moratorium", "decision-moratorium", 10)
                .valid("2022-06-29", "2023-06-29", "conscript"))
        .rule(rule("lawyers", "risk-group", 30).valid("@in-force-date", null, "lawyer"))
        .build();
  }

  private static final PolicyPack PACK = pack(milestone("2022-12", "moratorium extended"));

  private static PartialDate date(String text) {
    return PartialDate.parse(text).orElseThrow();
  }

  @Test
  void theTimelineListsEveryChangeEarliestFirst() {
    List<Timeline.Entry> entries = Timeline.of(PACK, AssumptionValues.defaults(PACK));

    assertThat(entries)
        .extracting(e -> e.date().toString())
        .containsExactly("2022-06-29", "2022-12", "2023-06-08", "2023-06-29");
    assertThat(entries)
        .flatExtracting(Timeline.Entry::changes)
        .extracting(Timeline.Change::kind, Timeline.Change::elementId, Timeline.Change::ruleId)
        .containsExactly(
            tuple(
                Timeline.ChangeKind.RULE_STARTS, "decision-moratorium", Optional.of("moratorium")),
            tuple(Timeline.ChangeKind.MILESTONE, "decision-moratorium", Optional.empty()),
            tuple(Timeline.ChangeKind.RULE_STARTS, "risk-group", Optional.of("lawyers")),
            tuple(Timeline.ChangeKind.RULE_ENDS, "decision-moratorium", Optional.of("moratorium")));
  }

  @Test
  void onlyTheDateTakenFromAnAssumptionRestsOnAnAssumption() {
    List<Timeline.Entry> entries = Timeline.of(PACK, AssumptionValues.defaults(PACK));

    assertThat(entries)
        .extracting(e -> e.date().toString(), Timeline.Entry::restsOnAssumption)
        .containsExactly(
            tuple("2022-06-29", false),
            tuple("2022-12", false),
            tuple("2023-06-08", true),
            tuple("2023-06-29", false));
    assertThat(entries.get(2).changes())
        .extracting(Timeline.Change::assumption)
        .containsExactly(Optional.of("in-force-date"));
  }

  @Test
  void aMilestoneKeepsItsPartialDateItsTextAndItsSources() {
    Timeline.Entry december = Timeline.of(PACK, AssumptionValues.defaults(PACK)).get(1);

    assertThat(december.date()).isEqualTo(date("2022-12"));
    assertThat(december.date().precision()).isEqualTo(PartialDate.Precision.MONTH);
    Timeline.Change change = december.changes().get(0);
    assertThat(change.what()).contains(TestPacks.text("moratorium extended"));
    assertThat(change.version()).isEmpty();
    assertThat(change.sources())
        .extracting(SourceQuote::quote)
        .containsExactly("moratorium extended");
  }

  @Test
  void aRuleChangeCarriesItsVersionAndTheVersionsSources() {
    Timeline.Entry start = Timeline.of(PACK, AssumptionValues.defaults(PACK)).get(0);

    Rule.Version version = PACK.rule("moratorium").orElseThrow().versions().get(0);
    assertThat(start.changes().get(0).version()).contains(version);
    assertThat(start.changes().get(0).sources()).isEqualTo(version.sources());
    assertThat(start.changes().get(0).what()).isEmpty();
  }

  @Test
  void overridingTheAssumptionMovesTheEntryThatRestsOnIt() {
    List<Timeline.Entry> entries =
        Timeline.of(
            PACK, AssumptionValues.withOverrides(PACK, Map.of("in-force-date", "2023-07-01")));

    assertThat(entries)
        .extracting(e -> e.date().toString(), Timeline.Entry::restsOnAssumption)
        .containsExactly(
            tuple("2022-06-29", false),
            tuple("2022-12", false),
            tuple("2023-06-29", false),
            tuple("2023-07-01", true));
  }

  @Test
  void changesOnTheSameDateShareOneEntryThatRestsOnAnAssumptionIfAnyOfThemDoes() {
    List<Timeline.Entry> entries =
        Timeline.of(
            PACK, AssumptionValues.withOverrides(PACK, Map.of("in-force-date", "2023-06-29")));

    assertThat(entries).hasSize(3);
    Timeline.Entry last = entries.get(2);
    assertThat(last.date()).isEqualTo(date("2023-06-29"));
    assertThat(last.changes())
        .extracting(Timeline.Change::kind, Timeline.Change::ruleId)
        .containsExactlyInAnyOrder(
            tuple(Timeline.ChangeKind.RULE_ENDS, Optional.of("moratorium")),
            tuple(Timeline.ChangeKind.RULE_STARTS, Optional.of("lawyers")));
    assertThat(last.restsOnAssumption()).isTrue();
  }

  @Test
  void aMilestoneOnTheDayARuleStartsSharesItsEntry() {
    PolicyPack pack = pack(milestone("2022-06-29", "moratorium proclaimed"));

    Timeline.Entry first = Timeline.of(pack, AssumptionValues.defaults(pack)).get(0);

    assertThat(first.date()).isEqualTo(date("2022-06-29"));
    assertThat(first.changes())
        .extracting(Timeline.Change::kind)
        .containsExactlyInAnyOrder(Timeline.ChangeKind.RULE_STARTS, Timeline.ChangeKind.MILESTONE);
  }

  @Test
  void aMonthComesBeforeItsFirstDayAndAYearBeforeItsFirstMonth() {
    PolicyPack pack =
        pack(
            milestone("2022-12-01", "first of december"),
            milestone("2022-12", "december"),
            milestone("2022", "the year"),
            milestone("2022-01", "january"));

    assertThat(Timeline.of(pack, AssumptionValues.defaults(pack)))
        .extracting(e -> e.date().toString())
        .containsExactly(
            "2022", "2022-01", "2022-06-29", "2022-12", "2022-12-01", "2023-06-08", "2023-06-29");
  }

  @Test
  void aRuleValidAlwaysAddsNothingToTheTimeline() {
    PolicyPack pack =
        TestPacks.pack()
            .fact(fact("lawyer", FactType.BOOLEAN, 1))
            .element(element("risk-group", 10))
            .rule(rule("lawyers", "risk-group", 30).valid(null, null, "lawyer"))
            .build();

    assertThat(Timeline.of(pack, AssumptionValues.defaults(pack))).isEmpty();
  }
}
