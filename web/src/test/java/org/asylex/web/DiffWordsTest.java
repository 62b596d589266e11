package org.asylex.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.asylex.json.AssessmentDiff;
import org.asylex.json.Difference;
import org.asylex.json.Json;
import org.asylex.json.RerunReason;
import org.junit.jupiter.api.Test;

/**
 * The differences of a re-run and their reasons, worded from the web's bundles in Dutch and English
 * from the data (keys, ids, codes), never from the English of {@code DiffText}.
 */
class DiffWordsTest {
  private static final String BEFORE =
      """
      {"format": "asylex-assessment/1", "asOf": "2023-01-15",
       "policy": {"id": "RU", "version": "2023-06-08", "contentHash": "sha256:aaaaaaaaaaaaaaaa"},
       "assumptions": [{"id": "in-force-date", "value": "2023-06-08"},
                       {"id": "gone", "value": "x"}],
       "findings": [
         {"element": "decision-moratorium", "outcome": "applies", "groups": [],
          "reason": {"nl": "oud", "en": "old"}, "rule": "r1",
          "rulesInForce": [{"rule": "r1", "version": 1, "versions": 2,
                            "validFrom": "2023-01-01", "validTo": null}],
          "factsUsed": {"desertion": false}},
         {"element": "risk-group", "outcome": "does_not_apply", "groups": []}],
       "nextQuestions": [{"fact": "lgbti", "elements": ["ipa"]}]}
      """;

  private static final String AFTER =
      """
      {"format": "asylex-assessment/1", "asOf": "2023-01-15",
       "policy": {"id": "RU", "version": "2023-07-01", "contentHash": "sha256:bbbbbbbbbbbbbbbb"},
       "assumptions": [{"id": "in-force-date", "value": "2023-07-01"},
                       {"id": "new-one", "value": "y"}],
       "findings": [
         {"element": "decision-moratorium", "outcome": "does_not_apply", "groups": [],
          "reason": {"nl": "nieuw", "en": "new"}, "rule": null,
          "rulesInForce": [{"rule": "r1", "version": 2, "versions": 2,
                            "validFrom": "2023-06-08", "validTo": null}],
          "factsUsed": {"desertion": true}},
         {"element": "risk-group", "outcome": "applies", "groups": ["lawyers"]}],
       "nextQuestions": [{"fact": "gender", "elements": ["ipa", "risk-group"]}]}
      """;

  private static List<String> flat(List<DiffWords.Said> said) {
    var lines = new ArrayList<String>();
    for (DiffWords.Said s : said) {
      lines.add(s.text());
      s.under().forEach(u -> lines.add("  " + u));
    }
    return lines;
  }

  @Test
  void aReRunsDifferencesAndReasonsReadInDutchAndInEnglish() {
    AssessmentDiff diff = AssessmentDiff.of(Json.tree(BEFORE), Json.tree(AFTER));
    var nl = new DiffWords(Texts.of(Lang.NL), Optional.empty());
    var en = new DiffWords(Texts.of(Lang.EN), Optional.empty());

    assertThat(flat(nl.differences(diff.differences())))
        .containsExactly(
            "pakket versie: 2023-06-08 → 2023-07-01",
            "pakket inhoud: sha256:aaaaaaaaaaaaaaaa → sha256:bbbbbbbbbbbbbbbb",
            "aanname in-force-date waarde: 2023-06-08 → 2023-07-01",
            "aanname gone: niet meer in het pakket (was x)",
            "aanname new-one: nieuw in het pakket, waarde y",
            "onderdeel decision-moratorium:",
            "  uitkomst: Van toepassing → Niet van toepassing",
            "  reden (Engels): “old” → “new”",
            "  reden (Nederlands): “oud” → “nieuw”",
            "  beslissende regel: r1 → (geen)",
            "  geldende regels: weg: r1 versie 1 van 2, geldig [2023-01-01, …)",
            "  geldende regels: erbij: r1 versie 2 van 2, geldig [2023-06-08, …)",
            "  gebruikte feiten: desertion wordt anders gelezen",
            "  waarom: op de toetsingsdatum gelden andere regelversies, of andere geldigheidsdata",
            "onderdeel risk-group:",
            "  uitkomst: Niet van toepassing → Van toepassing",
            "  groepen: erbij: lawyers",
            "  waarom: dezelfde regelversies gelden, maar hun voorwaarden, uitkomsten of"
                + " uitzonderingen zijn in het pakket gewijzigd",
            "volgende vragen: lgbti wordt niet meer gevraagd",
            "volgende vragen: gender wordt nu gevraagd (voor ipa, risk-group)");
    assertThat(flat(nl.reasons(diff.reasons())))
        .containsExactly(
            "het pakket heeft een nieuwe aanname new-one",
            "het pakket is gewijzigd sinds de toetsing: versie 2023-06-08 → 2023-07-01, inhoud"
                + " sha256:aaaaaaaaaaaa → sha256:bbbbbbbbbbbb");

    assertThat(flat(en.differences(diff.differences())))
        .contains(
            "pack version: 2023-06-08 → 2023-07-01",
            "element decision-moratorium:",
            "  outcome: Applies → Does not apply",
            "  reason (Dutch): “oud” → “nieuw”",
            "  deciding rule: r1 → (none)",
            "  rules in force: removed: r1 version 1 of 2, valid [2023-01-01, …)",
            "next questions: gender is asked now (for ipa, risk-group)");
    assertThat(flat(en.reasons(diff.reasons())))
        .containsExactly(
            "the pack has a new assumption new-one",
            "the pack changed since the assessment: version 2023-06-08 → 2023-07-01, content"
                + " sha256:aaaaaaaaaaaa → sha256:bbbbbbbbbbbb");
  }

  /** One of each kind, so that a new kind of difference or reason without words fails here. */
  private static final List<Difference> DIFFERENCES =
      List.of(
          new Difference.Changed(
              Difference.Subject.of(Difference.Scope.ASSESSMENT, "asOf"), "a", "b"),
          new Difference.TextChanged(
              Difference.Subject.of(Difference.Scope.PACK, "title"), "en", null, "b"),
          new Difference.ListChanged(
              Difference.Subject.of(Difference.Scope.FINDING, "sources"),
              List.of(new Difference.Source("quote", "letter", "12")),
              List.of(),
              false),
          new Difference.Reordered(
              new Difference.Subject(Difference.Scope.QUESTION, "elements", "gender"),
              Difference.plain(List.of("a", "b")),
              Difference.plain(List.of("b", "a"))),
          new Difference.ElementsReordered(List.of("e1", "e2"), List.of("e2", "e1")),
          new Difference.Removed(Difference.Part.ELEMENT, "e", "undetermined"),
          new Difference.Added(Difference.Part.ASSUMPTION, "a", null),
          new Difference.FactReadDifferently("lgbti"),
          new Difference.QuestionRemoved("lgbti"),
          new Difference.QuestionAdded("lgbti", List.of("e")),
          new Difference.ElementChanged(
              "e",
              List.of(
                  new Difference.Changed(
                      new Difference.Subject(Difference.Scope.FINDING, "groupLabels", "lawyers"),
                      "x",
                      "y")),
              new Difference.Why(
                  Difference.WhyKind.ONLY_FIELDS_DIFFER, List.of("title", "appliesMeans"), true)));

  private static final List<RerunReason> REASONS =
      List.of(
          new RerunReason.PackChanged("v1", "v1", "sha256:0123456789abcdef", "sha256:fedcba98"),
          new RerunReason.NewAssumption("a"),
          new RerunReason.FindingsSame(),
          new RerunReason.PackUnchanged("1.0", "1.1"),
          new RerunReason.EngineChanged("1.0", "1.1"),
          new RerunReason.AssumptionGone("a", "x"),
          new RerunReason.AssumptionValueUnusable("a", "a date", "x", "2023-06-08"),
          new RerunReason.DefaultChanged("a", "y", "x"),
          new RerunReason.PackFactsChanged());

  @Test
  void everyKindOfDifferenceAndReasonHasWordsInBothLanguages() {
    assertThat(DIFFERENCES.stream().map(Object::getClass).collect(Collectors.toSet()))
        .isEqualTo(Set.of(Difference.class.getPermittedSubclasses()));
    assertThat(REASONS.stream().map(Object::getClass).collect(Collectors.toSet()))
        .isEqualTo(
            Arrays.stream(RerunReason.class.getPermittedSubclasses()).collect(Collectors.toSet()));
    for (Lang lang : Lang.values()) {
      var words = new DiffWords(Texts.of(lang), Optional.empty());
      List<String> all = new ArrayList<>(flat(words.differences(DIFFERENCES)));
      all.addAll(flat(words.reasons(REASONS)));
      assertThat(all)
          .as(lang.code())
          .allSatisfy(
              line ->
                  assertThat(line)
                      .doesNotContain("repro.")
                      .doesNotContain("{")
                      .doesNotContain("''")
                      .doesNotContain("a date"));
    }
    var nl = new DiffWords(Texts.of(Lang.NL), Optional.empty());
    assertThat(flat(nl.differences(DIFFERENCES)))
        .contains(
            "toetsingsdatum: a → b",
            "pakket titel (Engels): (geen) → “b”",
            "bronnen: weg: “quote” — letter, regel 12",
            "onderdeel e: niet meer in het pakket (was Nog niet te bepalen)",
            "  groepslabel lawyers: x → y",
            "  waarom: dezelfde regels beslissen hetzelfde; alleen titel, van toepassing betekent"
                + " verschillen in het pakket");
    var en = new DiffWords(Texts.of(Lang.EN), Optional.empty());
    assertThat(flat(en.reasons(REASONS)))
        .contains(
            "assumption a now takes another kind of value; the stored value x cannot be used, the"
                + " pack's default 2023-06-08 was",
            "the pack's facts changed since the assessment");
  }
}
