package org.asylex.packs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.asylex.engine.assessment.Assessment;
import org.asylex.engine.assessment.CaseFacts;
import org.asylex.engine.assessment.CompiledPolicy;
import org.asylex.engine.assessment.Finding;
import org.asylex.engine.assessment.PolicyConflictException;
import org.asylex.engine.policy.AssumptionValues;
import org.asylex.engine.policy.Element;
import org.asylex.engine.policy.FactDefinition;
import org.asylex.engine.policy.Outcome;
import org.asylex.engine.policy.PolicyPack;
import org.asylex.engine.policy.ReasonVariant;
import org.asylex.engine.policy.Rule;
import org.asylex.engine.policy.Timeline;
import org.asylex.engine.text.LocalizedText;
import org.asylex.engine.time.PartialDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 9 on the real pack: every reason agrees with its outcome under each reading of the age
 * limit, the texts follow the letter's words, the critics wording before 2021 is a version of its
 * own, and an in-force date that would make two critics versions overlap is refused.
 */
class RussianReadingsTest {
  private static final PolicyPack RU =
      PackLoader.load(Path.of("../policies/ru")).pack().orElseThrow();

  private static CompiledPolicy policy(Map<String, String> overrides) {
    return CompiledPolicy.compile(RU, AssumptionValues.withOverrides(RU, overrides));
  }

  private static CaseFacts conscript(LocalDate birth, String status) {
    return CaseFacts.builder(RU.facts())
        .set("countryOfOrigin", "RU")
        .set("dateOfBirth", PartialDate.of(birth))
        .set("militaryStatus", status)
        .set("refusesMilitaryService", true)
        .build();
  }

  /**
   * For ages 17 to 28 on a date inside the window, under both readings of "van 18 tot 27 jaar": the
   * moratorium reasons name the age limit of the reading in force and say "belongs" exactly when
   * the outcome is applies; the conscription reason says "held over" exactly when the moratorium
   * applies.
   */
  @ParameterizedTest
  @ValueSource(strings = {"false", "true"})
  void everyMoratoriumReasonAgreesWithItsOutcomeUnderEitherAgeReading(String included) {
    CompiledPolicy p = policy(Map.of("moratorium-age-27-included", included));
    boolean with27 = Boolean.parseBoolean(included);
    LocalDate asOf = LocalDate.of(2023, 1, 15);
    for (int age = 17; age <= 28; age++) {
      for (String status : List.of("conscript", "none", "reservist")) {
        Assessment a = p.assess(conscript(asOf.minusYears(age), status), asOf);
        boolean inGroup =
            age >= 18 && (with27 ? age <= 27 : age < 27) && !status.equals("reservist");
        for (String element : List.of("decision-moratorium", "departure-moratorium")) {
          Finding f = a.finding(element).orElseThrow();
          String at = element + " at " + age + " (" + status + "), 27 included " + with27;
          assertThat(f.outcome())
              .as(at)
              .isEqualTo(inGroup ? Outcome.APPLIES : Outcome.DOES_NOT_APPLY);
          LocalizedText r = f.reason();
          assertThat(r.nl().contains("18 tot en met 27 jaar")).as(at).isEqualTo(with27);
          assertThat(r.nl().contains("18 tot 27 jaar")).as(at).isEqualTo(!with27);
          assertThat(r.en().contains("aged 18 to 27 inclusive")).as(at).isEqualTo(with27);
          assertThat(r.en().contains("aged 18 or over and under 27")).as(at).isEqualTo(!with27);
          assertThat(r.nl().contains("behoort niet tot")).as(at).isEqualTo(!inGroup);
          assertThat(r.en().contains("is not one of")).as(at).isEqualTo(!inGroup);
        }
        Finding conscription = a.finding("conscription-assessment").orElseThrow();
        assertThat(conscription.outcome()).isEqualTo(Outcome.INDIVIDUAL_ASSESSMENT);
        assertThat(conscription.reason().en().contains("is held over while the decision"))
            .as("conscription at " + age + " (" + status + ")")
            .isEqualTo(inGroup);
        assertThat(conscription.reason().nl().contains("aangehouden zolang")).isEqualTo(inGroup);
      }
    }
  }

  @Test
  void outsideTheWindowTheConscriptionReasonSaysNothingOfAMoratorium() {
    LocalDate asOf = LocalDate.of(2023, 7, 1);
    Finding f =
        policy(Map.of())
            .assess(conscript(asOf.minusYears(22), "conscript"), asOf)
            .finding("conscription-assessment")
            .orElseThrow();

    assertThat(f.reason().nl()).doesNotContain("moratorium");
    assertThat(f.reason().en()).doesNotContain("moratorium").contains("always assessed");
    assertThat(f.assumptions()).extracting(a -> a.id()).doesNotContain("conscript-reading");
  }

  /** Every text an officer reads: titles, meanings, reasons, labels, questions and the summary. */
  private static List<String> officerTexts() {
    var texts = new ArrayList<LocalizedText>();
    texts.add(RU.title());
    texts.add(RU.summary());
    for (FactDefinition f : RU.facts().facts()) {
      texts.add(f.label());
      texts.add(f.question());
    }
    for (Element e : RU.elements()) {
      texts.add(e.title());
      texts.add(e.appliesMeans());
      e.groups().forEach(g -> texts.add(g.label()));
      for (Element.DefaultOutcome d : List.of(e.otherwise(), e.notInForce())) {
        texts.add(d.reason());
        d.reasonVariants().stream().map(ReasonVariant::text).forEach(texts::add);
      }
    }
    for (Rule r : RU.rules()) {
      for (Rule.Version v : r.versions()) {
        texts.add(v.reason());
        v.reasonVariants().stream().map(ReasonVariant::text).forEach(texts::add);
      }
    }
    var all = new ArrayList<String>();
    texts.forEach(t -> all.addAll(List.of(t.nl(), t.en())));
    return all;
  }

  @Test
  void theTextsUseTheLettersWordsAndNoEngineeringWords() {
    for (String t : officerTexts()) {
      assertThat(t)
          .doesNotContain("journalisten", "journalists", "beleidspakket", "pakket")
          .doesNotContainIgnoringCase("this pack")
          .doesNotContain("pack's");
      if (t.contains("aanknopingspunten")) {
        assertThat(t)
            .containsIgnoringCase("evidente, concrete en individualiseerbare aanknopingspunten");
      }
      if (t.contains("indications") && t.contains("settl")) {
        assertThat(t).containsIgnoringCase("evident, concrete and individualisable indications");
      }
      if (t.contains("Tsjetsjenië") && t.contains("geweld")) {
        assertThat(t).containsPattern("aannemelijk (heeft|hebben) gemaakt");
      }
    }
  }

  @Test
  void theCriticsWordingBefore2021IsAVersionOfItsOwnThatTheTimelineShows() {
    var entry =
        Timeline.of(RU, AssumptionValues.defaults(RU)).stream()
            .filter(e -> e.date().equals(PartialDate.of(LocalDate.of(2021, 6, 23))))
            .findFirst()
            .orElseThrow();

    assertThat(entry.changes())
        .singleElement()
        .isInstanceOfSatisfying(
            Timeline.NewVersion.class,
            v -> {
              assertThat(v.rule().id()).isEqualTo("risk-group-critics");
              assertThat(v.version()).isEqualTo(2);
            });
  }

  @Test
  void anInForceDateBeforeThe2021WordingIsRefusedAsOverlappingCriticsVersions() {
    assertThatThrownBy(() -> policy(Map.of("in-force-date", "2021-01-01")))
        .isInstanceOf(PolicyConflictException.class)
        .hasMessageContaining("risk-group-critics");
  }

  @Test
  void aChoiceOutsideItsValuesAndAnotherTextReadingAreRefused() {
    assertThatThrownBy(() -> policy(Map.of("conscript-reading", "called-up")))
        .isInstanceOf(AssumptionValues.InvalidOverrides.class)
        .hasMessage("assumption 'conscript-reading' takes one of liable, serving, not 'called-up'");
    assertThatThrownBy(() -> policy(Map.of("multiple-risk-groups", "first-only")))
        .isInstanceOf(AssumptionValues.InvalidOverrides.class)
        .hasMessageContaining("cannot be given another value");
  }
}
