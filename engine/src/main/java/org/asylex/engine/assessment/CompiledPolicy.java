package org.asylex.engine.assessment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.asylex.engine.expr.Value;
import org.asylex.engine.policy.Assumption;
import org.asylex.engine.policy.AssumptionValues;
import org.asylex.engine.policy.Element;
import org.asylex.engine.policy.Outcome;
import org.asylex.engine.policy.PolicyPack;

/**
 * A checked pack compiled under one set of assumption values: assesses cases as of a date. It is
 * immutable and serves any number of threads; compile it once per pack and assumption set.
 *
 * <p>Per element: the rule versions valid on the date are selected; each rule's condition is
 * evaluated three-valued; an exception that holds lifts the rules it names; the element holds when
 * any rule holds and is not lifted. An unknown result is {@code undetermined}, and its missing
 * facts are the unknown facts that could still change the outcome. Each element's {@link
 * ElementDecision} is computed once ({@link ElementPlan}) and read by both {@link #outcomes} and
 * {@link #assess}.
 */
public final class CompiledPolicy {
  private final PolicyPack pack;
  private final AssumptionValues values;
  private final PolicyRef ref;
  private final List<ElementPlan> elements;
  private final List<String> elementIds;
  private final List<AssumptionUse> allAssumptions;
  private final Explanation explanation;
  private final int nodeCount;

  private CompiledPolicy(PolicyPack pack, AssumptionValues values) {
    this.pack = pack;
    this.values = values;
    this.ref = new PolicyRef(pack.id(), pack.version(), pack.contentHash());
    this.allAssumptions = pack.assumptions().stream().map(a -> use(a, values)).toList();
    var compiler = new ConditionCompiler(pack, values);
    var ordered = new ArrayList<>(pack.elements());
    ordered.sort(Comparator.comparing(Element::slot));
    var plans = new ArrayList<ElementPlan>();
    for (Element e : ordered) {
      plans.add(new ElementPlan(e, pack, compiler, values, allAssumptions));
    }
    this.elements = List.copyOf(plans);
    this.elementIds = plans.stream().map(p -> p.element.id()).toList();
    this.nodeCount = compiler.nodeCount();
    this.explanation = new Explanation(pack.facts());
  }

  /**
   * Compiles {@code pack} (which must have passed its check) under {@code values}.
   *
   * @throws PolicyConflictException when the values make two rules decide the same thing, or give
   *     different outcomes, on the same date
   */
  public static CompiledPolicy compile(PolicyPack pack, AssumptionValues values) {
    PolicyConflicts.check(pack, values);
    return new CompiledPolicy(pack, values);
  }

  public PolicyPack pack() {
    return pack;
  }

  public AssumptionValues assumptionValues() {
    return values;
  }

  public PolicyRef policy() {
    return ref;
  }

  /** Element ids in the order a case is tested. */
  public List<String> elements() {
    return elementIds;
  }

  /** The outcomes and missing facts only: the fast path. */
  public Outcomes outcomes(CaseFacts facts, LocalDate asOf) {
    var e = evaluation(facts, asOf);
    var outcomes = new Outcome[elements.size()];
    var missing = new long[elements.size()];
    var groups = new ArrayList<List<String>>(elements.size());
    for (int i = 0; i < outcomes.length; i++) {
      ElementPlan p = elements.get(i);
      ElementState s = p.evaluate(e);
      ElementDecision d = p.decide(s);
      outcomes[i] = d.outcome();
      missing[i] = d.missingFacts();
      // only elements with groups pay for the list
      groups.add(p.element.groups().isEmpty() || !s.inForce ? List.of() : Explanation.groups(p, s));
    }
    return new Outcomes(elementIds, outcomes, missing, groups);
  }

  /** The full assessment: findings with reasons, sources, facts, assumptions. */
  public Assessment assess(CaseFacts facts, LocalDate asOf) {
    return assess(facts, asOf, false);
  }

  /** The full assessment; with {@code explain}, each finding carries its evaluation trace. */
  public Assessment assess(CaseFacts facts, LocalDate asOf, boolean explain) {
    var e = evaluation(facts, asOf);
    var findings = new ArrayList<Finding>(elements.size());
    for (ElementPlan p : elements) {
      ElementState s = p.evaluate(e);
      findings.add(explanation.finding(p, s, p.decide(s), e, explain));
    }
    return new Assessment(
        asOf, ref, allAssumptions, findings, NextQuestions.of(pack.facts(), findings));
  }

  /**
   * The finding on one element alone, as {@link #assess} gives it (without a trace): for a caller
   * that needs the reasons of a few findings of many cases, such as an impact analysis explaining
   * only the findings that changed.
   */
  public java.util.Optional<Finding> finding(CaseFacts facts, LocalDate asOf, String element) {
    int i = elementIds.indexOf(element);
    if (i < 0) {
      return java.util.Optional.empty();
    }
    var e = evaluation(facts, asOf);
    ElementPlan p = elements.get(i);
    ElementState s = p.evaluate(e);
    return java.util.Optional.of(explanation.finding(p, s, p.decide(s), e, false));
  }

  private Evaluation evaluation(CaseFacts facts, LocalDate asOf) {
    // identity first: a deep comparison of the schema on every case costs more than the case
    if (facts.schema() != pack.facts() && !facts.schema().equals(pack.facts())) {
      throw new IllegalArgumentException("the facts were checked against another pack's schema");
    }
    return new Evaluation(facts.values(), asOf, nodeCount);
  }

  private static AssumptionUse use(Assumption a, AssumptionValues values) {
    String value = values.get(a.id()).map(CompiledPolicy::plain).orElse(a.defaultValue());
    return new AssumptionUse(
        a.id(), a.kind(), a.type(), value, a.defaultValue(), values.isOverridden(a.id()));
  }

  private static String plain(Value v) {
    return v instanceof Value.Text t ? t.value() : v.toString();
  }
}
