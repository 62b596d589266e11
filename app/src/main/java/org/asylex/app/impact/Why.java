package org.asylex.app.impact;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What moved a finding from one point to the other: the first of these that holds, in this order (a
 * rule's text changed, an assumption value changed, a validity boundary lies between the dates,
 * else the facts read differently).
 */
public sealed interface Why {

  /** Which way a validity boundary moves the rule. */
  enum Crossing {
    /** The rule (version) in force at the earlier date has ended by the later one. */
    LAPSES,
    /** No version was in force at the earlier date; one is at the later date. */
    COMES_INTO_FORCE,
    /** Another version of the rule is in force at the later date. */
    NEW_VERSION
  }

  /**
   * A validity boundary of {@code rule} lies between the two dates.
   *
   * @param assumption the assumption whose value the date is; empty for a date of the source
   */
  record BoundaryCrossed(
      String rule, LocalDate date, Crossing crossing, Optional<String> assumption) implements Why {}

  /** An assumption the element rests on has another value at the other point. */
  record AssumptionChanged(String assumption, String before, String after) implements Why {}

  /**
   * The rule reads differently in the other revision of the pack (condition, outcome, reason,
   * validity or sources), or is only in one of them.
   *
   * @param versionBefore the version in force before; empty when the rule was not in force
   * @param versionAfter the version in force after; empty when the rule is not in force
   */
  record RuleChanged(String rule, Optional<Integer> versionBefore, Optional<Integer> versionAfter)
      implements Why {}

  /**
   * The same rule versions, the facts read differently on the other date (an age is derived on the
   * date) or other facts are missing (a fact made relevant).
   */
  record FactsRead(List<String> missingBefore, List<String> missingAfter) implements Why {
    public FactsRead {
      missingBefore = List.copyOf(missingBefore);
      missingAfter = List.copyOf(missingAfter);
    }
  }
}
