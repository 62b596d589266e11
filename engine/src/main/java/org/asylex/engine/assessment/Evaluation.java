package org.asylex.engine.assessment;

import java.time.LocalDate;

/** The state of assessing one case: its facts, the date, and each node's value. Not shared. */
final class Evaluation {
  final Object[] facts;
  final LocalDate asOf;
  final byte[] values;
  private final int[] minAge;
  private final int[] maxAge;

  Evaluation(Object[] facts, LocalDate asOf, int nodes) {
    this.facts = facts;
    this.asOf = asOf;
    this.values = new byte[nodes];
    this.minAge = new int[facts.length];
    this.maxAge = new int[facts.length];
  }

  /** Which facts' age ranges are computed, by bit; a pack has at most 64 facts. */
  private long agesKnown;

  int minAge(int fact) {
    ages(fact);
    return minAge[fact];
  }

  int maxAge(int fact) {
    ages(fact);
    return maxAge[fact];
  }

  private void ages(int fact) {
    if ((agesKnown & (1L << fact)) != 0) {
      return;
    }
    LocalDate[] births = Node.range(facts[fact], asOf);
    minAge[fact] = Math.max(0, Node.years(births[1], asOf));
    maxAge[fact] = Math.max(0, Node.years(births[0], asOf));
    agesKnown |= 1L << fact;
  }
}
