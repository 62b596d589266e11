package org.asylex.engine.assessment;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.asylex.engine.policy.AssumptionValues;
import org.asylex.engine.policy.DateRef;
import org.asylex.engine.policy.Element;
import org.asylex.engine.policy.Outcome;
import org.asylex.engine.policy.PackLimits;
import org.asylex.engine.policy.PolicyPack;
import org.asylex.engine.policy.Rule;
import org.asylex.engine.policy.SourceQuote;

/**
 * One element compiled: its rules and exceptions, which exception lifts which rule, and how their
 * values combine into the element's {@link ElementDecision} (docs/engine.md §3). Immutable.
 */
final class ElementPlan {
  final Element element;

  /** The element's rules, in pack order; a rule's index here names it in states and decisions. */
  final RulePlan[] rules;

  /** The element's exceptions, in pack order. */
  final RulePlan[] exceptions;

  /** For each exception, the indices in {@link #rules} of the rules it lifts, ascending. */
  final int[][] lifts;

  /**
   * For each rule, the indices in {@link #exceptions} of the exceptions that lift it, ascending.
   */
  private final int[][] liftedBy;

  /** Every assumption of the pack, in its order: a finding lists those it rests on. */
  private final List<AssumptionUse> packAssumptions;

  /**
   * What every finding of the element rests on, whatever the date: the rules' own {@code rests-on}
   * and the assumptions their validity boundaries name. The versions in force add their own.
   */
  private final Set<String> restsOn;

  /** The reasons of the element's defaults, in the wording the case calls for. */
  final Reasons otherwiseReasons;

  final Reasons notInForceReasons;

  /** Every source quote of every version, for a finding on a date no rule is in force. */
  final List<SourceQuote> allSources;

  private final Outcome otherwise;
  private final ElementDecision notInForce;

  ElementPlan(
      Element element,
      PolicyPack pack,
      ConditionCompiler compiler,
      AssumptionValues values,
      List<AssumptionUse> packAssumptions) {
    this.element = element;
    var ruleList = new ArrayList<RulePlan>();
    var exceptionList = new ArrayList<RulePlan>();
    var assumptionIds = new LinkedHashSet<String>();
    var sources = new Sources();
    for (Rule r : pack.rulesOf(element.id())) {
      RulePlan plan = new RulePlan(r, compiler, values);
      (r.isException() ? exceptionList : ruleList).add(plan);
      assumptionIds.addAll(r.restsOn());
      for (VersionPlan v : plan.versions()) {
        v.version.validity().from().ifPresent(d -> addRef(d, assumptionIds));
        v.version.validity().to().ifPresent(d -> addRef(d, assumptionIds));
        sources.addAll(v.version.sources());
      }
    }
    if (ruleList.size() + exceptionList.size() > PackLimits.MAX_CONDITIONS_PER_ELEMENT) {
      throw new IllegalArgumentException(
          "element '"
              + element.id()
              + "' has more than "
              + PackLimits.MAX_CONDITIONS_PER_ELEMENT
              + " rules and exceptions; the pack check reports this");
    }
    this.rules = ruleList.toArray(new RulePlan[0]);
    this.exceptions = exceptionList.toArray(new RulePlan[0]);
    this.lifts = new int[exceptions.length][];
    for (int x = 0; x < exceptions.length; x++) {
      var lifted = exceptions[x].rule.exceptionTo();
      lifts[x] =
          IntStream.range(0, rules.length).filter(r -> lifted.contains(rules[r].id())).toArray();
    }
    this.liftedBy = new int[rules.length][];
    for (int r = 0; r < rules.length; r++) {
      int rule = r;
      liftedBy[r] =
          IntStream.range(0, exceptions.length)
              .filter(x -> IntStream.of(lifts[x]).anyMatch(l -> l == rule))
              .toArray();
    }
    this.otherwiseReasons =
        new Reasons(element.otherwise().reason(), element.otherwise().reasonVariants(), compiler);
    this.notInForceReasons =
        new Reasons(element.notInForce().reason(), element.notInForce().reasonVariants(), compiler);
    this.packAssumptions = packAssumptions;
    this.restsOn = Set.copyOf(assumptionIds);
    this.allSources = sources.list();
    this.otherwise = element.otherwise().outcome();
    this.notInForce = new ElementDecision.NotInForce(element.notInForce().outcome());
  }

  /**
   * The assumptions a finding rests on, in the pack's order: the element's own, those of every
   * version in force, and those the default's reason reads when a default decided.
   */
  List<AssumptionUse> assumptions(ElementState s, ElementDecision d) {
    var ids = new java.util.HashSet<>(restsOn);
    for (VersionPlan v : s.rules) {
      if (v != null) {
        ids.addAll(v.restsOn);
      }
    }
    for (VersionPlan v : s.exceptions) {
      if (v != null) {
        ids.addAll(v.restsOn);
      }
    }
    if (d instanceof ElementDecision.NotInForce) {
      ids.addAll(notInForceReasons.assumptions());
    } else if (d instanceof ElementDecision.Otherwise) {
      ids.addAll(otherwiseReasons.assumptions());
    }
    return packAssumptions.stream().filter(a -> ids.contains(a.id())).toList();
  }

  private static void addRef(DateRef ref, Set<String> into) {
    if (ref instanceof DateRef.FromAssumption a) {
      into.add(a.assumptionId());
    }
  }

  /** The versions in force on the case's date and the values of their conditions. */
  ElementState evaluate(Evaluation e) {
    var s = new ElementState(rules.length, exceptions.length, e.values);
    for (int r = 0; r < rules.length; r++) {
      VersionPlan v = rules[r].active(e.asOf);
      if (v != null) {
        s.rules[r] = v;
        s.ruleValues[r] = v.condition.eval(e);
        s.inForce = true;
      }
    }
    if (!s.inForce) {
      return s; // nothing to lift: the exceptions are not evaluated
    }
    for (int x = 0; x < exceptions.length; x++) {
      VersionPlan v = exceptions[x].active(e.asOf);
      if (v != null) {
        s.exceptions[x] = v;
        s.exceptionValues[x] = v.condition.eval(e);
      }
    }
    return s;
  }

  /** The element's decision for one case: the only place that says which rules decided. */
  ElementDecision decide(ElementState s) {
    if (!s.inForce) {
      return notInForce;
    }
    Outcome outcome = outcome(s, s.ruleValues, s.exceptionValues);
    if (outcome == Outcome.UNDETERMINED) {
      return new ElementDecision.Undetermined(MissingFacts.of(this, s));
    }
    int holding = 0;
    for (int r = 0; r < rules.length; r++) {
      if (holds(r, s.ruleValues, s.exceptionValues) == Tri.T) {
        holding |= 1 << r;
      }
    }
    if (holding != 0) {
      return new ElementDecision.ByRules(outcome, holding);
    }
    int lifting = decisiveExceptions(s);
    if (lifting != 0) {
      return new ElementDecision.ByExceptions(outcome, lifting);
    }
    return new ElementDecision.Otherwise(outcome);
  }

  /**
   * The element's outcome from the values of its rules and exceptions (Kleene): a rule's outcome
   * when one holds; undetermined when none is certain to hold and some might; otherwise the outcome
   * of an exception that lifted a rule whose condition held, else the element's default. Rules in
   * force together give one outcome (checked when the policy is compiled), so the first rule that
   * holds gives it. Allocates nothing: the missing-fact search calls it many times.
   */
  Outcome outcome(ElementState s, byte[] ruleValues, byte[] exceptionValues) {
    byte any = Tri.F;
    boolean liftedHeldTrue = false;
    boolean liftedHeldUnknown = false;
    Outcome exceptionOutcome = null;
    for (int r = 0; r < rules.length; r++) {
      byte lifted = lifted(r, exceptionValues);
      byte holds = Tri.and(ruleValues[r], Tri.not(lifted));
      if (holds == Tri.T) {
        return s.rules[r].outcome();
      }
      any = Tri.or(any, holds);
      byte liftedHeld = Tri.and(ruleValues[r], lifted);
      if (liftedHeld != Tri.F) {
        for (int x : liftedBy[r]) {
          if (exceptionValues[x] != Tri.F) {
            exceptionOutcome = s.exceptions[x].outcome();
          }
        }
        liftedHeldTrue |= liftedHeld == Tri.T;
        liftedHeldUnknown |= liftedHeld == Tri.U;
      }
    }
    if (any == Tri.U) {
      return Outcome.UNDETERMINED;
    }
    if (liftedHeldTrue) {
      return exceptionOutcome;
    }
    if (liftedHeldUnknown && exceptionOutcome != otherwise) {
      return Outcome.UNDETERMINED;
    }
    return otherwise;
  }

  /** Whether rule {@code r} holds: its condition is true and no exception lifts it. */
  private byte holds(int r, byte[] ruleValues, byte[] exceptionValues) {
    return Tri.and(ruleValues[r], Tri.not(lifted(r, exceptionValues)));
  }

  /** Whether an exception lifts rule {@code r}: the Kleene or of the exceptions naming it. */
  byte lifted(int r, byte[] exceptionValues) {
    byte lifted = Tri.F;
    for (int x : liftedBy[r]) {
      lifted = Tri.or(lifted, exceptionValues[x]);
    }
    return lifted;
  }

  /**
   * The exceptions that hold and lift a rule that is in force and not certainly absent: they decide
   * when no rule holds, and their group is reported (docs/engine.md §3.5). Bit {@code x} per
   * exception.
   */
  int decisiveExceptions(ElementState s) {
    int mask = 0;
    for (int x = 0; x < exceptions.length; x++) {
      if (s.exceptionValues[x] == Tri.T && liftsRuleNotAbsent(x, s)) {
        mask |= 1 << x;
      }
    }
    return mask;
  }

  private boolean liftsRuleNotAbsent(int x, ElementState s) {
    for (int r : lifts[x]) {
      if (s.notAbsent(r)) {
        return true;
      }
    }
    return false;
  }
}
