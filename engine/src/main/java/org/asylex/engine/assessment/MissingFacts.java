package org.asylex.engine.assessment;

import org.asylex.engine.policy.Outcome;

/**
 * The missing facts of an undetermined element (docs/engine.md §3.6): the unknown facts that could
 * still change its outcome.
 *
 * <p>An unknown rule or exception condition <em>matters</em> when, for some true/false values of
 * the element's other unknown conditions, its being true or false gives different outcomes; within
 * a condition that matters, every unknown fact on a path of unknown sub-conditions counts. The
 * search tries every assignment of the other unknown conditions, so its cost doubles with each:
 * {@code PackLimits.MAX_CONDITIONS_PER_ELEMENT} bounds it.
 */
final class MissingFacts {
  private MissingFacts() {}

  /** The missing facts of {@code s}, as a bit mask over the fact schema. */
  static long of(ElementPlan plan, ElementState s) {
    var search = new Search(plan, s);
    long mask = 0;
    for (int k = 0; k < search.count; k++) {
      if (search.matters(k)) {
        mask |= unknownFacts(search.condition(k), s.nodeValues);
      }
    }
    return mask;
  }

  /**
   * Which unknown rule and exception conditions of {@code s} matter: bit {@code r} for rule r, bit
   * {@code rules + x} for exception x. Only the conditions' values are read, so the element's
   * combination tables are built with it once per value combination ({@link ElementSegment}).
   */
  static int matters(ElementPlan plan, ElementState s) {
    var search = new Search(plan, s);
    int bits = 0;
    for (int k = 0; k < search.count; k++) {
      if (search.matters(k)) {
        bits |= 1 << search.unknown[k];
      }
    }
    return bits;
  }

  /** The facts of the unknown leaves under {@code n} that are reached through unknown nodes. */
  private static long unknownFacts(Node n, byte[] values) {
    if (values[n.id] != Tri.U) {
      return 0;
    }
    long mask = n.leafFacts();
    for (Node child : n.children()) {
      mask |= unknownFacts(child, values);
    }
    return mask;
  }

  /**
   * The element's unknown conditions (rules first, then exceptions) and trial copies of its values
   * that the search changes in place: it runs for every undetermined case, so it copies once.
   */
  private static final class Search {
    private final ElementPlan plan;
    private final ElementState state;
    private final byte[] ruleValues;
    private final byte[] exceptionValues;

    /** The unknown conditions: {@code r} for rule r, {@code rules + x} for exception x. */
    private final int[] unknown;

    private final int count;

    Search(ElementPlan plan, ElementState state) {
      this.plan = plan;
      this.state = state;
      this.ruleValues = state.ruleValues.clone();
      this.exceptionValues = state.exceptionValues.clone();
      int rules = ruleValues.length;
      this.unknown = new int[rules + exceptionValues.length];
      int n = 0;
      for (int r = 0; r < rules; r++) {
        if (ruleValues[r] == Tri.U) {
          unknown[n++] = r;
        }
      }
      for (int x = 0; x < exceptionValues.length; x++) {
        if (exceptionValues[x] == Tri.U) {
          unknown[n++] = rules + x;
        }
      }
      this.count = n;
    }

    /** The condition of the k-th unknown rule or exception. */
    Node condition(int k) {
      int v = unknown[k];
      int rules = ruleValues.length;
      return v < rules ? state.rules[v].condition : state.exceptions[v - rules].condition;
    }

    /** Whether the k-th unknown condition changes the outcome for some values of the others. */
    boolean matters(int k) {
      int others = count - 1;
      for (int bits = 0; bits < (1 << others); bits++) {
        int bit = 0;
        for (int i = 0; i < count; i++) {
          if (i != k) {
            set(i, ((bits >> bit++) & 1) == 1 ? Tri.T : Tri.F);
          }
        }
        set(k, Tri.T);
        Outcome whenTrue = plan.outcome(state, ruleValues, exceptionValues);
        set(k, Tri.F);
        if (whenTrue != plan.outcome(state, ruleValues, exceptionValues)) {
          return true;
        }
      }
      return false;
    }

    private void set(int k, byte value) {
      int v = unknown[k];
      if (v < ruleValues.length) {
        ruleValues[v] = value;
      } else {
        exceptionValues[v - ruleValues.length] = value;
      }
    }
  }
}
