package org.asylex.engine.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.asylex.engine.assessment.NeutralPack.AFTER;
import static org.asylex.engine.assessment.NeutralPack.CHANGE;
import static org.asylex.engine.assessment.NeutralPack.D;
import static org.asylex.engine.assessment.NeutralPack.PAUSE;
import static org.asylex.engine.assessment.NeutralPack.RISK;
import static org.asylex.engine.assessment.NeutralPack.facts;
import static org.asylex.engine.assessment.NeutralPack.finding;

import org.asylex.engine.policy.Outcome;
import org.asylex.engine.text.LocalizedText;
import org.junit.jupiter.api.Test;

/** An undetermined finding lists exactly the absent facts whose value could change its outcome. */
class MissingFactsTest {

  @Test
  void whenOneOperandOfAnOrHoldsTheOtherIsNotMissing() {
    Finding f = TinyPack.finding("a or b", "a", true);

    assertThat(f.outcome()).isEqualTo(Outcome.APPLIES);
    assertThat(f.missingFacts()).isEmpty();
  }

  @Test
  void whenOneOperandOfAnOrFailsOnlyTheOtherIsMissing() {
    assertThat(TinyPack.finding("a or b", "a", false).missingFacts()).containsExactly("b");
  }

  @Test
  void everyUnknownOperandOfAnUnknownConjunctionIsMissingInSchemaOrder() {
    assertThat(TinyPack.finding("c and a and b", "b", true).missingFacts())
        .containsExactly("a", "c");
  }

  @Test
  void aFactInsideAFalseSubConditionIsNotMissing() {
    Finding f = TinyPack.finding("(a and b) or c", "a", false);

    assertThat(f.outcome()).isEqualTo(Outcome.UNDETERMINED);
    assertThat(f.missingFacts()).containsExactly("c");
  }

  @Test
  void aFactBehindANegationIsMissing() {
    assertThat(TinyPack.finding("not (a or b)", "a", false).missingFacts()).containsExactly("b");
    assertThat(TinyPack.finding("not (a or b)", "a", true).missingFacts()).isEmpty();
  }

  @Test
  void aFactOfAnEnumOrRegionComparisonIsMissingWhileAbsent() {
    assertThat(TinyPack.finding("a and kind = 'one'", "a", true).missingFacts())
        .containsExactly("kind");
    assertThat(TinyPack.finding("a and place in ['XX-AA']", "a", true).missingFacts())
        .containsExactly("place");
    assertThat(TinyPack.finding("a and arrived < 2023-01-01", "a", true).missingFacts())
        .containsExactly("arrived");
  }

  @Test
  void aFactThatCouldOnlyAddAGroupToASettledOutcomeIsNotMissing() {
    Finding f = finding(facts("defender", true), D, RISK);

    assertThat(f.outcome()).isEqualTo(Outcome.APPLIES);
    assertThat(f.groups()).containsExactly("defenders");
    assertThat(f.missingFacts()).isEmpty();
  }

  @Test
  void onlyTheFactsOfGroupsThatCouldStillHoldAreMissing() {
    Finding f = finding(facts("defender", false, "network", false, "member", true), D, RISK);

    assertThat(f.outcome()).isEqualTo(Outcome.UNDETERMINED);
    assertThat(f.missingFacts()).containsExactly("vocal");
  }

  @Test
  void theFactOnlyTheFirstWordingAsksIsMissingOnlyBeforeTheChangeDate() {
    CaseFacts c = facts("member", true, "vocal", true, "defender", false, "network", false);

    assertThat(finding(c, CHANGE.minusDays(1), RISK).missingFacts())
        .containsExactly("vocalStrongly");
    assertThat(finding(c, CHANGE, RISK).outcome()).isEqualTo(Outcome.APPLIES);
    assertThat(finding(c, CHANGE, RISK).missingFacts()).isEmpty();
  }

  @Test
  void aFactThatSettlesTheConditionFalseLeavesNothingMissing() {
    Finding f = finding(facts("status", "reserve"), D, PAUSE);

    assertThat(f.outcome()).isEqualTo(Outcome.DOES_NOT_APPLY);
    assertThat(f.missingFacts()).isEmpty();
  }

  @Test
  void oneTrueAlternativeLeavesTheOtherAlternativeOut() {
    Finding f = finding(facts("status", "enlisted", "refuses", true), D, PAUSE);

    assertThat(f.outcome()).isEqualTo(Outcome.UNDETERMINED);
    assertThat(f.missingFacts()).containsExactly("born");
  }

  @Test
  void theReasonOfAnUndeterminedFindingNamesTheMissingFactsByTheirLabels() {
    Finding f = finding(facts("status", "enlisted", "refuses", false), D, PAUSE);

    assertThat(f.missingFacts()).containsExactly("born", "deserted");
    assertThat(f.reason())
        .isEqualTo(
            new LocalizedText(
                "Nog niet te bepalen; de uitkomst hangt af van: nl: born, nl: deserted.",
                "Cannot be determined yet; the outcome depends on: born, deserted."));
    assertThat(f.rule()).isEmpty();
  }

  @Test
  void aDateKnownTooImpreciselyIsMissingAndTheReasonAsksForMorePrecision() {
    // born in 2005: 17 or 18 on D
    Finding f = finding(facts("status", "enlisted", "refuses", true, "born", "2005"), D, PAUSE);

    assertThat(f.outcome()).isEqualTo(Outcome.UNDETERMINED);
    assertThat(f.missingFacts()).containsExactly("born");
    assertThat(f.reason().en())
        .isEqualTo("Cannot be determined yet; the outcome depends on: born (more precisely).");
    assertThat(f.reason().nl())
        .isEqualTo("Nog niet te bepalen; de uitkomst hangt af van: nl: born (preciezer).");
  }

  @Test
  void nothingIsMissingForAnElementThatIsNotInForce() {
    assertThat(finding(facts(), AFTER, PAUSE).missingFacts()).isEmpty();
  }

  @Test
  void aSettledFindingListsNoMissingFactsEvenWithManyAbsent() {
    Finding f = finding(facts("fears", false), D, NeutralPack.FEAR);

    assertThat(f.outcome()).isEqualTo(Outcome.DOES_NOT_APPLY);
    assertThat(f.missingFacts()).isEmpty();
  }
}
