package org.asylex.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Differences and re-run reasons are data; these are their words, one wording for all. */
class DiffTextTest {
  private static final String BEFORE =
      """
      {"format": "asylex-assessment/1", "asOf": "2023-01-15",
       "policy": {"id": "RU", "version": "2023-06-08", "contentHash": "sha256:aaaaaaaaaaaaaaaa"},
       "assumptions": [{"id": "in-force-date", "value": "2023-06-08"},
                       {"id": "gone", "value": "x"}],
       "findings": [
         {"element": "decision-moratorium", "outcome": "applies", "groups": [],
          "reason": {"nl": "oud", "en": "old"}, "rule": "r1",
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
          "factsUsed": {"desertion": true}},
         {"element": "risk-group", "outcome": "applies", "groups": ["lawyers"]}],
       "nextQuestions": [{"fact": "gender", "elements": ["ipa", "risk-group"]}]}
      """;

  @Test
  void aReRunThatDiffersIsWordedLineByLineWithEachElementsWhy() {
    AssessmentDiff diff = AssessmentDiff.of(Json.tree(BEFORE), Json.tree(AFTER));

    assertThat(DiffText.lines(diff.differences()))
        .containsExactly(
            "pack version: 2023-06-08 → 2023-07-01",
            "pack content: sha256:aaaaaaaaaaaaaaaa → sha256:bbbbbbbbbbbbbbbb",
            "assumption in-force-date value: 2023-06-08 → 2023-07-01",
            "assumption gone: no longer in the pack (was x)",
            "assumption new-one: new in the pack, value y",
            "element decision-moratorium:",
            "  outcome: APPLIES → DOES NOT APPLY",
            "  reason (en): “old” → “new”",
            "  reason (nl): “oud” → “nieuw”",
            "  deciding rule: r1 → none",
            "  facts used: desertion is read differently",
            "  why: the same rule versions are in force, but their conditions, outcomes or"
                + " exceptions changed in the pack",
            "element risk-group:",
            "  outcome: DOES NOT APPLY → APPLIES",
            "  groups: + lawyers",
            "  why: the same rule versions are in force, but their conditions, outcomes or"
                + " exceptions changed in the pack",
            "next questions: - lgbti",
            "next questions: + gender (for ipa, risk-group)");
    assertThat(DiffText.reasons(diff.reasons()))
        .containsExactly(
            "the pack has a new assumption new-one",
            "the pack changed since the assessment: version 2023-06-08 → 2023-07-01, content"
                + " sha256:aaaaaaaaaaaa → sha256:bbbbbbbbbbbb");
  }

  @Test
  void whatIsNotAFindingDiffersOnlyThenTheFindingsAreSaidToBeTheSame() {
    String after = BEFORE.replace("\"asOf\": \"2023-01-15\"", "\"asOf\": \"2023-01-16\"");

    AssessmentDiff diff = AssessmentDiff.of(Json.tree(BEFORE), Json.tree(after));

    assertThat(DiffText.lines(diff.differences()))
        .containsExactly("as of: 2023-01-15 → 2023-01-16");
    assertThat(diff.reasons()).containsExactly(new RerunReason.FindingsSame());
    assertThat(DiffText.reasons(diff.reasons()))
        .containsExactly("the findings of every element are the same");
  }

  private static Difference.Subject subject(Difference.Scope scope, String field) {
    return Difference.Subject.of(scope, field);
  }

  /** One of each kind of difference, so that a new kind without words fails here. */
  private static final List<Difference> ONE_OF_EACH =
      List.of(
          new Difference.Changed(subject(Difference.Scope.ASSESSMENT, "asOf"), "a", "b"),
          new Difference.TextChanged(subject(Difference.Scope.FINDING, "reason"), "en", null, "b"),
          new Difference.ListChanged(
              subject(Difference.Scope.FINDING, "sources"),
              Difference.plain(List.of("x")),
              Difference.plain(List.of("y")),
              false),
          new Difference.Reordered(
              subject(Difference.Scope.FINDING, "groups"),
              Difference.plain(List.of("a", "b")),
              Difference.plain(List.of("b", "a"))),
          new Difference.ElementsReordered(List.of("e1", "e2"), List.of("e2", "e1")),
          new Difference.Removed(Difference.Part.ELEMENT, "e", "applies"),
          new Difference.Added(Difference.Part.ELEMENT, "e", "applies"),
          new Difference.FactReadDifferently("lgbti"),
          new Difference.QuestionRemoved("lgbti"),
          new Difference.QuestionAdded("lgbti", List.of("e")),
          new Difference.ElementChanged(
              "e",
              List.of(
                  new Difference.Changed(subject(Difference.Scope.FINDING, "outcome"), "a", "b")),
              new Difference.Why(Difference.WhyKind.ONLY_FIELDS_DIFFER, List.of("title"), false)));

  @Test
  void everyKindOfDifferenceHasWords() {
    Set<Class<?>> kinds =
        Arrays.stream(Difference.class.getPermittedSubclasses()).collect(Collectors.toSet());
    assertThat(ONE_OF_EACH.stream().map(Object::getClass).collect(Collectors.toSet()))
        .isEqualTo(kinds);

    assertThat(DiffText.lines(ONE_OF_EACH))
        .containsExactly(
            "as of: a → b",
            "reason (en): (none) → “b”",
            "sources: - x",
            "sources: + y",
            "groups: order a, b → b, a",
            "order of the elements: e1, e2 → e2, e1",
            "element e: no longer in the pack (was APPLIES)",
            "element e: new in the pack: APPLIES",
            "facts used: lgbti is read differently",
            "next questions: - lgbti",
            "next questions: + lgbti (for e)",
            "element e:",
            "  outcome: A → B",
            "  why: the same rules decide the same way; only title differs");
  }

  @Test
  void everyKindOfReasonHasWords() {
    List<RerunReason> all =
        List.of(
            new RerunReason.PackChanged(
                "v1", "v1", "sha256:0123456789abcdef", "sha256:fedcba9876543210"),
            new RerunReason.NewAssumption("a"),
            new RerunReason.FindingsSame(),
            new RerunReason.PackUnchanged("1.0", "1.0"),
            new RerunReason.PackUnchanged("1.0", "1.1"),
            new RerunReason.EngineChanged("1.0", "1.1"),
            new RerunReason.AssumptionGone("a", "x"),
            new RerunReason.AssumptionValueUnusable("a", "a date", "x", "2023-06-08"),
            new RerunReason.DefaultChanged("a", "y", "x"),
            new RerunReason.PackFactsChanged());
    assertThat(all.stream().map(Object::getClass).collect(Collectors.toSet()))
        .isEqualTo(
            Arrays.stream(RerunReason.class.getPermittedSubclasses()).collect(Collectors.toSet()));

    assertThat(DiffText.reasons(all))
        .containsExactly(
            "the pack changed since the assessment: same version label v1, but content"
                + " sha256:0123456789ab → sha256:fedcba987654",
            "the pack has a new assumption a",
            "the findings of every element are the same",
            "the pack is unchanged; the engine version is the same (1.0)",
            "the pack is unchanged; the engine changed: 1.0 → 1.1",
            "the engine changed too: 1.0 → 1.1",
            "assumption a (stored value x) is no longer in the pack; it was left out",
            "assumption a now takes a date; the stored value x cannot be used, the pack's default"
                + " 2023-06-08 was",
            "the pack's default for assumption a is now y; the re-run used the stored value x",
            "the pack's facts changed since the assessment");
  }
}
