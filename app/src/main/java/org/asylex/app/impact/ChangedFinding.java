package org.asylex.app.impact;

import java.util.List;
import java.util.Optional;
import org.asylex.engine.policy.Outcome;

/**
 * One finding of one case that differs between the two points: another outcome or other groups.
 *
 * @param before the outcome at the first point; empty when the element is not in that revision
 * @param rulesBefore the rules that decided it at the first point
 * @param sources the sentences of the source behind the change
 */
public record ChangedFinding(
    String id,
    String element,
    Optional<Outcome> before,
    Optional<Outcome> after,
    List<String> groupsBefore,
    List<String> groupsAfter,
    List<String> rulesBefore,
    List<String> rulesAfter,
    List<Quote> sources,
    Why why) {
  public ChangedFinding {
    groupsBefore = List.copyOf(groupsBefore);
    groupsAfter = List.copyOf(groupsAfter);
    rulesBefore = List.copyOf(rulesBefore);
    rulesAfter = List.copyOf(rulesAfter);
    sources = List.copyOf(sources);
  }
}
