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

  private static Optional<String> ruleId(Timeline.Change c) {
    return c instanceof Timeline.RuleChange r ? Optional.of(r.rule().id()) : Optional.empty();
  }

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
        .extracting(
            c -> c.getClass().getSimpleName(), Timeline.Change::elements, TimelineTest::ruleId)
        .containsExactly(
            tuple("ComesIntoForce", List.of("decision-moratorium"), Optional.of("moratorium")),
            tuple("Milestone", List.of("decision-moratorium"), Optional.empty()),
            tuple("ComesIntoForce", List.of("risk-group"), Optional.of("lawyers")),
            tuple("Lapses", List.of("decision-moratorium"), Optional.of("moratorium")));
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
    assertThat(change).isInstanceOf(Timeline.Milestone.class);
    assertThat(change.description()).isEqualTo(TestPacks.text("moratorium extended"));
    assertThat(change.sources())
        .extracting(SourceQuote::quote)
        .containsExactly("moratorium extended");
  }

  @Test
  void aRuleChangeCarriesItsVersionAndTheVersionsSources() {
    Timeline.Entry start = Timeline.of(PACK, AssumptionValues.defaults(PACK)).get(0);

    Rule.Version version = PACK.rule("moratorium").orElseThrow().versions().get(0);
    var change = (Timeline.ComesIntoForce) start.changes().get(0);
    assertThat(change.version()).isEqualTo(1);
    assertThat(change.sources()).isEqualTo(version.sources());
    assertThat(change.description().en()).isEqualTo("rule moratorium comes into force");
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
        .extracting(c -> c.getClass().getSimpleName(), TimelineTest::ruleId)
        .containsExactlyInAnyOrder(
            tuple("Lapses", Optional.of("moratorium")),
            tuple("ComesIntoForce", Optional.of("lawyers")));
    assertThat(last.restsOnAssumption()).isTrue();
  }

  @Test
  void aMilestoneOnTheDayARuleStartsSharesItsEntry() {
    PolicyPack pack = pack(milestone("2022-06-29", "moratorium proclaimed"));

    Timeline.Entry first = Timeline.of(pack, AssumptionValues.defaults(pack)).get(0);

    assertThat(first.date()).isEqualTo(date("2022-06-29"));
    assertThat(first.changes())
        .extracting(c -> c.getClass().getSimpleName())
        .containsExactlyInAnyOrder("ComesIntoForce", "Milestone");
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

  @Test
  void aRuleWhoseNextVersionStartsWhenTheFirstEndsHasANewVersionNotALapseAndAStart() {
    PolicyPack pack =
        TestPacks.pack()
            .fact(fact("critic", FactType.BOOLEAN, 1))
            .element(element("risk-group", 10))
            .rule(
                rule("critics", "risk-group", 30)
                    .valid(null, "2023-06-08", "critic")
                    .valid("2023-06-08", null, "critic"))
            .build();

    List<Timeline.Entry> entries = Timeline.of(pack, AssumptionValues.defaults(pack));

    assertThat(entries).hasSize(1);
    assertThat(entries.get(0).changes()).hasSize(1);
    var change = (Timeline.NewVersion) entries.get(0).changes().get(0);
    assertThat(change.version()).isEqualTo(2);
    assertThat(change.description().en()).isEqualTo("rule critics: new version (2 of 2) in force");
    assertThat(change.description().nl())
        .isEqualTo("regel critics: nieuwe versie (2 van 2) van kracht");
  }

  @Test
  void aMilestoneTwoElementsShareIsOneChangeNamingBoth() {
    PolicyPack pack =
        TestPacks.pack()
            .fact(fact("conscript", FactType.BOOLEAN, 1))
            .element(element("decision-moratorium", 1, List.of(milestone("2022-12", "extended"))))
            .element(element("departure-moratorium", 5, List.of(milestone("2022-12", "extended"))))
            .rule(rule("moratorium", "decision-moratorium", 10).valid(null, null, "conscript"))
            .build();

    Timeline.Entry december = Timeline.of(pack, AssumptionValues.defaults(pack)).get(0);

    assertThat(december.changes()).hasSize(1);
    assertThat(december.changes().get(0).elements())
        .containsExactly("decision-moratorium", "departure-moratorium");
  }
}
