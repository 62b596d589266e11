package org.asylex.engine.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.asylex.engine.assessment.NeutralPack.D;
import static org.asylex.engine.assessment.NeutralPack.defaults;
import static org.asylex.engine.assessment.NeutralPack.facts;

import org.asylex.engine.policy.TestPacks;
import org.junit.jupiter.api.Test;

/** The questions to ask next: the missing facts, those that settle the most findings first. */
class NextQuestionsTest {

  @Test
  void questionsAreOrderedByHowManyFindingsTheySettleAndTiesKeepTheSchemaOrder() {
    Assessment a = defaults().assess(facts(), D);

    assertThat(a.nextQuestions())
        .extracting(NextQuestion::fact)
        .containsExactly(
            // pause and service
            "status",
            "refuses",
            "deserted",
            // one finding each, in schema order
            "born",
            "fears",
            "member",
            "leader",
            "vocal",
            "defender",
            "network",
            "gender",
            "region",
            "threatened",
            "minority",
            "settle");
  }

  @Test
  void eachQuestionNamesTheFindingsItSettlesWithTheFactsLabelAndQuestion() {
    Assessment a = defaults().assess(facts(), D);

    NextQuestion first = a.nextQuestions().get(0);
    assertThat(first.elements()).containsExactly(NeutralPack.PAUSE, NeutralPack.SERVICE);
    assertThat(first.label()).isEqualTo(TestPacks.text("status"));
    assertThat(first.question()).isEqualTo(TestPacks.text("status?"));
    assertThat(a.nextQuestions().get(3).elements()).containsExactly(NeutralPack.PAUSE);
  }

  @Test
  void aFactMissingForMoreFindingsComesBeforeOneEarlierInTheSchema() {
    Assessment a = defaults().assess(facts(), D);

    assertThat(a.nextQuestions())
        .extracting(NextQuestion::fact)
        .containsSubsequence("status", "born");
  }

  @Test
  void questionsThatSettleOneFindingEachKeepTheSchemaOrder() {
    // status 'none' settles pause; service still waits for refuses and deserted
    Assessment a =
        defaults().assess(facts("status", "none", "gender", "male", "minority", true), D);

    assertThat(a.nextQuestions())
        .extracting(NextQuestion::fact)
        .containsExactly(
            "refuses",
            "deserted",
            "fears",
            "member",
            "leader",
            "vocal",
            "defender",
            "network",
            "settle");
    assertThat(a.nextQuestions()).allMatch(q -> q.elements().size() == 1);
  }

  @Test
  void aSettledAssessmentHasNoQuestions() {
    CaseFacts settled =
        facts(
            "status",
            "none",
            "refuses",
            false,
            "deserted",
            false,
            "fears",
            false,
            "member",
            false,
            "leader",
            false,
            "defender",
            false,
            "network",
            false,
            "minority",
            false,
            "gender",
            "male");

    Assessment a = defaults().assess(settled, D);

    assertThat(a.findings()).allMatch(f -> f.missingFacts().isEmpty());
    assertThat(a.nextQuestions()).isEmpty();
  }
}
