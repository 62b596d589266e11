package org.asylex.engine.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Finds rules that would decide one thing two ways on the same day: two rules of one element for
 * the same group (or for the element as a whole) whose validity overlaps, and two non-exception
 * rules of one element in force together with different outcomes; in either case neither is an
 * exception to the other. Used on the pack's defaults when it is checked, and again under a
 * deployment's assumption values, which can move validity boundaries (ADR 0012).
 */
public final class Overlaps {
  private Overlaps() {}

  /** What two rules do at once. */
  public enum Kind {
    /** Both decide the same group, or the element as a whole. */
    SAME_SUBJECT("conflicting-rules"),
    /** Both are rules (not exceptions) of one element and give different outcomes. */
    DIFFERENT_OUTCOMES("conflicting-outcomes");

    private final String code;

    Kind(String code) {
      this.code = code;
    }

    /** The code of the pack-check diagnostic. */
    public String code() {
      return code;
    }
  }

  /** Two rule versions that are both valid during {@code during} and conflict. */
  public record Conflict(
      Kind kind,
      Rule first,
      Rule.Version firstVersion,
      Rule second,
      Rule.Version secondVersion,
      Validity.Interval during) {

    public String message() {
      return switch (kind) {
        case SAME_SUBJECT ->
            "rules '"
                + first.id()
                + "' and '"
                + second.id()
                + "' both decide "
                + subject()
                + " on "
                + during
                + "; make one an exception to the other, or separate their validity";
        case DIFFERENT_OUTCOMES ->
            "rules '"
                + first.id()
                + "' ("
                + firstVersion.outcome().id()
                + ") and '"
                + second.id()
                + "' ("
                + secondVersion.outcome().id()
                + ") of element '"
                + first.element()
                + "' give different outcomes and may both hold on "
                + during
                + "; give them one outcome, make one an exception to the other, or separate their"
                + " validity";
      };
    }

    private String subject() {
      return first
          .group()
          .or(second::group)
          .map(g -> "group '" + g + "' of element '" + first.element() + "'")
          .orElse("element '" + first.element() + "'");
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
        boolean differentGroups =
            a.group().isPresent() && b.group().isPresent() && !a.group().equals(b.group());
        if (!differentGroups) {
          overlapping(a, b, resolve, Kind.SAME_SUBJECT, result);
        } else if (!a.isException() && !b.isException()) {
          overlapping(a, b, resolve, Kind.DIFFERENT_OUTCOMES, result);
        }
      }
    }
    return result;
  }

  /** The versions of {@code a} and {@code b} valid on a same day (of different outcomes). */
  private static void overlapping(
      Rule a,
      Rule b,
      Function<Validity, Optional<Validity.Interval>> resolve,
      Kind kind,
      List<Conflict> into) {
    for (Rule.Version va : a.versions()) {
      for (Rule.Version vb : b.versions()) {
        if (kind == Kind.DIFFERENT_OUTCOMES && va.outcome() == vb.outcome()) {
          continue;
        }
        Optional<Validity.Interval> ia = resolve.apply(va.validity());
        Optional<Validity.Interval> ib = resolve.apply(vb.validity());
        if (ia.isPresent() && ib.isPresent()) {
          ia.get()
              .intersection(ib.get())
              .ifPresent(both -> into.add(new Conflict(kind, a, va, b, vb, both)));
        }
      }
    }
  }
}
