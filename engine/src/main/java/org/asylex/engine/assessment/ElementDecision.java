package org.asylex.engine.assessment;

import org.asylex.engine.policy.Outcome;

/**
 * How one element was decided for one case: computed once per element by {@link
 * ElementPlan#decide}, and read both by the fast path ({@link CompiledPolicy#outcomes}: the outcome
 * and missing facts) and by the finding ({@link Explanation}: which rules or exceptions give the
 * reason and the sources). Rules and exceptions are named by their index in the element's {@link
 * ElementPlan}, as bit masks (an element has at most {@code PackLimits.MAX_CONDITIONS_PER_ELEMENT}
 * of them).
 */
sealed interface ElementDecision {

  Outcome outcome();

  /** The facts whose value could still change the outcome; 0 unless undetermined. */
  default long missingFacts() {
    return 0;
  }

  /** No rule of the element is in force on the date: the element's not-in-force default. */
  record NotInForce(Outcome outcome) implements ElementDecision {}

  /**
   * Rules hold (their condition is true and no exception lifts them) and give the outcome.
   *
   * @param rules bit {@code r} set when rule {@code r} holds
   */
  record ByRules(Outcome outcome, int rules) implements ElementDecision {
    boolean holds(int rule) {
      return (rules & (1 << rule)) != 0;
    }
  }

  /**
   * No rule holds, and exceptions that hold lifted rules that were not certainly absent: the
   * exceptions are what decided.
   *
   * @param exceptions bit {@code x} set when exception {@code x} decided
   */
  record ByExceptions(Outcome outcome, int exceptions) implements ElementDecision {
    boolean decidedBy(int exception) {
      return (exceptions & (1 << exception)) != 0;
    }
  }

  /** Rules are in force, none holds and no exception decided: the element's otherwise default. */
  record Otherwise(Outcome outcome) implements ElementDecision {}

  /**
   * The facts do not settle the outcome yet.
   *
   * @param missingFacts bit {@code f} set when fact {@code f} of the schema could change it
   */
  record Undetermined(long missingFacts) implements ElementDecision {
    @Override
    public Outcome outcome() {
      return Outcome.UNDETERMINED;
    }
  }
}
