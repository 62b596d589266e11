package org.asylex.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.asylex.engine.policy.TestPacks.assumption;
import static org.asylex.engine.policy.TestPacks.definition;
import static org.asylex.engine.policy.TestPacks.element;
import static org.asylex.engine.policy.TestPacks.fact;
import static org.asylex.engine.policy.TestPacks.rule;

import java.time.LocalDate;
import java.util.List;
import org.asylex.engine.expr.ExprType;
import org.junit.jupiter.api.Test;

/** The ids packs are written with, and looking items of a pack up by them. */
class PolicyVocabularyTest {

  @Test
  void everyAssumptionKindAndTypeIsFoundByItsId() {
    for (Assumption.Kind k : Assumption.Kind.values()) {
      assertThat(Assumption.Kind.fromId(k.id())).contains(k);
    }
    for (Assumption.Type t : Assumption.Type.values()) {
      assertThat(Assumption.Type.fromId(t.id())).contains(t);
    }
    assertThat(Assumption.Kind.INTERPRETATION.id()).isEqualTo("interpretation");
    assertThat(Assumption.Kind.fromId("reading")).isEmpty();
    assertThat(Assumption.Type.fromId("number")).isEmpty();
    assertThat(Assumption.Type.ids()).containsExactly("boolean", "date", "choice", "text");
  }

  @Test
  void everyFactTypeIsFoundByItsIdAndReadsAsAnExpressionType() {
    for (FactType t : FactType.values()) {
      assertThat(FactType.fromId(t.id())).contains(t);
    }
    assertThat(FactType.fromId("integer")).isEmpty();
    assertThat(FactType.ids())
        .containsExactly("boolean", "enum", "date", "partial-date", "country", "region");
    assertThat(FactType.PARTIAL_DATE.exprType()).isEqualTo(ExprType.PARTIAL_DATE);
    assertThat(FactType.BOOLEAN.exprType()).isEqualTo(ExprType.CONDITION);
    assertThat(FactType.BOOLEAN.valuePattern()).isNull();
    assertThat("XX").matches(FactType.COUNTRY.valuePattern());
    assertThat("XX-A1").matches(FactType.REGION.valuePattern());
  }

  @Test
  void outcomesHaveIdsAndOnlyTheEngineMayGiveUndetermined() {
    for (Outcome o : Outcome.values()) {
      assertThat(Outcome.fromId(o.id())).contains(o);
    }
    assertThat(Outcome.INDIVIDUAL_ASSESSMENT.id()).isEqualTo("individual_assessment");
    assertThat(Outcome.fromId("granted")).isEmpty();
    assertThat(Outcome.declarable())
        .containsExactly(Outcome.APPLIES, Outcome.DOES_NOT_APPLY, Outcome.INDIVIDUAL_ASSESSMENT);
  }

  @Test
  void slotsAreFoundByTheirIdsInTheOrderACaseIsTested() {
    for (Slot s : Slot.values()) {
      assertThat(Slot.fromId(s.id())).contains(s);
    }
    assertThat(Slot.fromId("moratorium")).isEmpty();
    assertThat(Slot.ids()).hasSize(10).startsWith("decision-moratorium").endsWith("particulars");
    assertThat(Slot.INTERNAL_PROTECTION_ALTERNATIVE.id())
        .isEqualTo("internal-protection-alternative");
  }

  @Test
  void aValidityBoundaryReadsAsItsDateOrItsAssumption() {
    assertThat(new DateRef.Fixed(LocalDate.of(2023, 6, 8))).hasToString("2023-06-08");
    assertThat(new DateRef.FromAssumption("in-force-date")).hasToString("@in-force-date");
  }

  @Test
  void aFactIsFoundByNameAndTheFirstOfTwoWithOneNameWins() {
    FactDefinition first = fact("member", FactType.BOOLEAN, 1);
    FactDefinition again = fact("member", FactType.ENUM, 4, "a");
    FactSchema schema = new FactSchema(List.of(fact("other", FactType.BOOLEAN, 7), first, again));

    assertThat(schema.fact("member")).containsSame(first);
    assertThat(schema.fact("nobody")).isEmpty();
  }

  @Test
  void itemsOfAPackAreFoundByTheirIds() {
    PolicyPack pack =
        TestPacks.pack()
            .fact(fact("a", FactType.BOOLEAN, 1))
            .element(element("e", 1))
            .element(element("f", 10))
            .assumption(assumption("x", Assumption.Type.TEXT, "t", 1))
            .definition(definition("d", "a", 1))
            .definition(definition("dd", "not a", 5))
            .rule(rule("r", "e", 10).valid(null, null, "a"))
            .rule(rule("s", "f", 30).exceptionTo("r").valid(null, null, "a"))
            .build();

    assertThat(pack.element("f")).map(Element::id).contains("f");
    assertThat(pack.element("g")).isEmpty();
    assertThat(pack.assumption("x")).map(Assumption::defaultValue).contains("t");
    assertThat(pack.rule("s")).map(Rule::element).contains("f");
    assertThat(pack.definition("dd")).map(d -> d.condition().text()).contains("not a");
    assertThat(pack.definition("ddd")).isEmpty();
    assertThat(pack.source("letter")).isEmpty();
    assertThat(pack.rulesOf("e")).extracting(Rule::id).containsExactly("r");
    assertThat(pack.rule("r").orElseThrow().isException()).isFalse();
    assertThat(pack.rule("s").orElseThrow().isException()).isTrue();
  }

  @Test
  void theVocabularyOfAPackListsItsNamesAndTheAssumptionsConditionsCanRead() {
    PolicyPack pack =
        TestPacks.pack()
            .withoutCountryFact()
            .fact(fact("a", FactType.BOOLEAN, 1))
            .assumption(assumption("flag", Assumption.Type.BOOLEAN, "true", 1))
            .assumption(assumption("start", Assumption.Type.DATE, "2023-01-01", 5))
            .assumption(assumption("reading", Assumption.Type.TEXT, "t", 9))
            .definition(definition("d", "a", 1))
            .build();
    PackVocabulary vocabulary = new PackVocabulary(pack);

    assertThat(vocabulary.names()).containsExactly("a", "d");
    assertThat(vocabulary.assumptionIds()).containsExactly("flag", "start");
    assertThat(vocabulary.assumption("flag")).contains(ExprType.CONDITION);
    assertThat(vocabulary.assumption("start")).contains(ExprType.DATE);
    assertThat(vocabulary.assumption("reading")).isEmpty();
  }

  @Test
  void aSourceDocumentIsFoundByItsId() {
    PolicyPack plain = TestPacks.pack().build();
    var letter =
        new SourceDocument(
            "letter",
            "sources/letter.txt",
            TestPacks.text("a letter"),
            LocalDate.of(2023, 6, 8),
            "the minister",
            java.util.Map.of(),
            "text",
            Origin.of(TestPacks.pos("pack.yaml", 3, 3)));
    var report =
        new SourceDocument(
            "report",
            "sources/report.txt",
            TestPacks.text("a report"),
            LocalDate.of(2023, 3, 31),
            "the ministry",
            java.util.Map.of(),
            "text",
            Origin.of(TestPacks.pos("pack.yaml", 9, 3)));
    PolicyPack pack =
        new PolicyPack(
            plain.id(),
            plain.country(),
            plain.version(),
            plain.title(),
            plain.summary(),
            List.of(letter, report),
            plain.facts(),
            plain.elements(),
            plain.assumptions(),
            plain.definitions(),
            plain.rules(),
            plain.contentHash());

    assertThat(pack.source("report")).containsSame(report);
    assertThat(pack.source("letter")).containsSame(letter);
    assertThat(pack.source("memo")).isEmpty();
  }
}
