package org.asylex.engine.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.asylex.engine.assessment.NeutralPack.D;
import static org.asylex.engine.assessment.NeutralPack.PAUSE;
import static org.asylex.engine.assessment.NeutralPack.RISK;
import static org.asylex.engine.assessment.NeutralPack.defaults;
import static org.asylex.engine.assessment.NeutralPack.facts;

import java.util.List;
import org.junit.jupiter.api.Test;

/** With explain, each finding carries how each rule in force evaluated, sub-condition by one. */
class TraceTest {

  private static Finding explained(CaseFacts c, String element) {
    return defaults().assess(c, D, true).finding(element).orElseThrow();
  }

  @Test
  void thereIsNoTraceWithoutExplain() {
    Assessment a = defaults().assess(facts("member", true), D);
    Assessment b = defaults().assess(facts("member", true), D, false);

    assertThat(a.findings()).allMatch(f -> f.trace().isEmpty());
    assertThat(b).isEqualTo(a);
  }

  @Test
  void theTraceShowsEachSubConditionWithItsTextAndValue() {
    Finding f = explained(facts("status", "enlisted", "refuses", true, "born", "2005"), PAUSE);

    assertThat(f.trace()).hasSize(1);
    RuleTrace t = f.trace().get(0);
    assertThat(t.ruleId()).isEqualTo("pause-rule");
    assertThat(t.version()).isEqualTo(1);
    assertThat(t.value()).isEqualTo(Tri.UNKNOWN);
    assertThat(t.lifted()).isEqualTo(Tri.FALSE);
    TraceNode root = t.condition();
    assertThat(root.text())
        .isEqualTo(
            "status = 'enlisted' and (refuses or deserted) and age(born) >= 18 and age(born) < 27");
    assertThat(root.children())
        .extracting(TraceNode::text, TraceNode::value)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("status = 'enlisted'", Tri.TRUE),
            org.assertj.core.groups.Tuple.tuple("refuses or deserted", Tri.TRUE),
            org.assertj.core.groups.Tuple.tuple("age(born) >= 18", Tri.UNKNOWN),
            org.assertj.core.groups.Tuple.tuple("age(born) < 27", Tri.TRUE));
    assertThat(root.children().get(1).children())
        .extracting(TraceNode::text, TraceNode::value)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("refuses", Tri.TRUE),
            org.assertj.core.groups.Tuple.tuple("deserted", Tri.UNKNOWN));
    assertThat(root.children().get(0).children()).isEmpty();
  }

  @Test
  void aDefinitionIsShownByItsNameWithItsConditionBelow() {
    Finding f = explained(facts("member", false, "leader", true, "vocal", true), RISK);

    TraceNode critics = f.trace().get(0).condition();
    assertThat(critics.text()).isEqualTo("activist and vocal");
    TraceNode activist = critics.children().get(0);
    assertThat(activist.text()).isEqualTo("activist");
    assertThat(activist.value()).isEqualTo(Tri.TRUE);
    assertThat(activist.children()).hasSize(1);
    TraceNode body = activist.children().get(0);
    assertThat(body.text()).isEqualTo("member or leader");
    assertThat(body.children())
        .extracting(TraceNode::text, TraceNode::value)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("member", Tri.FALSE),
            org.assertj.core.groups.Tuple.tuple("leader", Tri.TRUE));
  }

  @Test
  void theTraceHasOneEntryPerRuleVersionInForceWithItsNumber() {
    Finding f = explained(facts("defender", true), RISK);

    assertThat(f.trace())
        .extracting(RuleTrace::ruleId, RuleTrace::version, RuleTrace::value)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("critics", 2, Tri.UNKNOWN),
            org.assertj.core.groups.Tuple.tuple("defenders", 1, Tri.TRUE),
            org.assertj.core.groups.Tuple.tuple("networkers", 1, Tri.UNKNOWN));
  }

  @Test
  void anElementNotInForceHasAnEmptyTrace() {
    Finding f = defaults().assess(facts(), NeutralPack.AFTER, true).finding(PAUSE).orElseThrow();

    assertThat(f.trace()).isEmpty();
  }

  @Test
  void whitespaceInAConditionIsShownAsSingleSpaces() {
    Finding f = TinyPack.finding("a   and\n   (b or\tc)", "a", true);

    TraceNode root = f.trace().get(0).condition();
    assertThat(root.text()).isEqualTo("a and (b or c)");
    assertThat(root.children()).extracting(TraceNode::text).containsExactly("a", "b or c");
  }

  @Test
  void notIsShownWithItsOperand() {
    Finding f = TinyPack.finding("not a", "a", false);

    TraceNode root = f.trace().get(0).condition();
    assertThat(root.text()).isEqualTo("not a");
    assertThat(root.value()).isEqualTo(Tri.TRUE);
    assertThat(root.children())
        .extracting(TraceNode::text, TraceNode::value)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("a", Tri.FALSE));
  }

  @Test
  void triValuesHaveLowerCaseIds() {
    assertThat(List.of(Tri.TRUE, Tri.FALSE, Tri.UNKNOWN))
        .extracting(Tri::id)
        .containsExactly("true", "false", "unknown");
  }
}
