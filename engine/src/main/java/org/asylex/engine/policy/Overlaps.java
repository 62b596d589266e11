package org.asylex.engine.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Finds rules that would decide the same thing on the same day: two rules of one element for the
 * same group (or for the element as a whole) whose validity overlaps, neither an exception to the
 * other. Used on the pack's defaults when it is checked, and again under a deployment's assumption
 * values, which can move validity boundaries.
 */
public final class Overlaps {
  private Overlaps() {}

  /** Two rule versions that both decide {@code subject} during {@code during}. */
  public record Conflict(
      Rule first,
      Rule.Version firstVersion,
      Rule second,
      Rule.Version secondVersion,
      String subject,
      Validity.Interval during) {

    public String message() {
      return "rules '"
          + first.id()
          + "' and '"
          + second.id()
          + "' both decide "
          + subject
          + " on "
          + during
          + "; make one an exception to the other, or separate their validity";
    }
  }

  /** Every conflict, with validity resolved by {@code resolve} (empty: cannot be resolved). */
  public static List<Conflict> conflicts(
      PolicyPack pack, Function<Validity, Optional<Validity.Interval>> resolve) {
    var result = new ArrayList<Conflict>();
    List<Rule> rules = pack.rules();
    for (int i = 0; i < rules.size(); i++) {
      for (int j = i + 1; j < rules.size(); j++) {
        Rule a = rules.get(i);
        Rule b = rules.get(j);
        if (!a.element().equals(b.element()) || a.id().equals(b.id())) {
          continue;
        }
        if (a.exceptionTo().contains(b.id()) || b.exceptionTo().contains(a.id())) {
          continue;
        }
        if (a.group().isPresent() && b.group().isPresent() && !a.group().equals(b.group())) {
          continue;
        }
        String subject =
            a.group()
                .or(b::group)
                .map(g -> "group '" + g + "' of element '" + a.element() + "'")
                .orElse("element '" + a.element() + "'");
        for (Rule.Version va : a.versions()) {
          for (Rule.Version vb : b.versions()) {
            Optional<Validity.Interval> ia = resolve.apply(va.validity());
            Optional<Validity.Interval> ib = resolve.apply(vb.validity());
            if (ia.isPresent() && ib.isPresent()) {
              ia.get()
                  .intersection(ib.get())
                  .ifPresent(both -> result.add(new Conflict(a, va, b, vb, subject, both)));
            }
          }
        }
      }
    }
    return result;
  }
}
