package org.asylex.engine.policy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What differs in a pack's policy between two dates under one set of assumption values: rules in
 * force on one date only, rules whose version changed, the validity boundaries crossed (those that
 * rest on an assumption marked), and the milestones between. Pure computation over the pack model;
 * it belongs in the core beside {@code Timeline} once the core may grow (it needs nothing the core
 * does not have).
 */
public final class PolicyDiff {
  private PolicyDiff() {}

  /** The version of a rule in force on a date, with its resolved interval. */
  public record InForce(int number, Rule.Version version, Validity.Interval interval) {}

  /** One rule on the two dates; either side may be empty (not in force). */
  public record RuleDiff(Rule rule, Optional<InForce> from, Optional<InForce> to) {
    public boolean onlyFrom() {
      return from.isPresent() && to.isEmpty();
    }

    public boolean onlyTo() {
      return from.isEmpty() && to.isPresent();
    }

    public boolean versionChanged() {
      return from.isPresent() && to.isPresent() && from.get().number() != to.get().number();
    }

    public boolean unchanged() {
      return from.isPresent() && to.isPresent() && from.get().number() == to.get().number();
    }
  }

  /**
   * A validity boundary crossed between the dates.
   *
   * @param assumption the assumption the date is the value of; empty for a date of the source
   * @param starts whether the version starts on that date (else it ends)
   */
  public record Boundary(
      LocalDate date, Optional<String> assumption, Rule rule, int version, boolean starts) {}

  /** A milestone of the sources that falls between the dates (or may, when its day is unknown). */
  public record MilestoneBetween(Element.Milestone milestone, List<String> elements) {}

  /** The difference between {@code from} and {@code to}. */
  public record Result(
      LocalDate from,
      LocalDate to,
      List<RuleDiff> rules,
      List<Boundary> boundaries,
      List<MilestoneBetween> milestones) {

    public List<RuleDiff> onlyFrom() {
      return rules.stream().filter(RuleDiff::onlyFrom).toList();
    }

    public List<RuleDiff> onlyTo() {
      return rules.stream().filter(RuleDiff::onlyTo).toList();
    }

    public List<RuleDiff> versionChanged() {
      return rules.stream().filter(RuleDiff::versionChanged).toList();
    }

    public List<RuleDiff> unchanged() {
      return rules.stream().filter(RuleDiff::unchanged).toList();
    }

    /** The boundaries that rest on an assumption, by assumption and date. */
    public Map<String, List<Boundary>> assumed() {
      var map = new LinkedHashMap<String, List<Boundary>>();
      for (Boundary b : boundaries) {
        b.assumption().ifPresent(a -> map.computeIfAbsent(a, k -> new ArrayList<>()).add(b));
      }
      return map;
    }

    /** The boundary of {@code rule} crossed between the dates, if one is. */
    public Optional<Boundary> boundaryOf(Rule rule, boolean starts) {
      return boundaries.stream()
          .filter(b -> b.rule().equals(rule) && b.starts() == starts)
          .findFirst();
    }
  }

  /** Computes the difference; {@code to} may lie before {@code from}. */
  public static Result of(PolicyPack pack, AssumptionValues values, LocalDate from, LocalDate to) {
    LocalDate lo = from.isBefore(to) ? from : to;
    LocalDate hi = from.isBefore(to) ? to : from;
    var rules = new ArrayList<RuleDiff>();
    var boundaries = new ArrayList<Boundary>();
    for (Rule r : pack.rules()) {
      rules.add(new RuleDiff(r, inForce(r, values, from), inForce(r, values, to)));
      for (int i = 0; i < r.versions().size(); i++) {
        Validity v = r.versions().get(i).validity();
        int number = i + 1;
        v.from().ifPresent(ref -> crossed(ref, values, lo, hi, r, number, true, boundaries));
        v.to().ifPresent(ref -> crossed(ref, values, lo, hi, r, number, false, boundaries));
      }
    }
    boundaries.sort(Comparator.comparing(Boundary::date));
    var milestones = new LinkedHashMap<Element.Milestone, List<String>>();
    var byText = new LinkedHashMap<String, Element.Milestone>();
    for (Element e : pack.elements()) {
      for (Element.Milestone m : e.milestones()) {
        // a change on a date takes effect that day: (lo, hi]; a partial date that may fall there
        if (m.date().latest().isAfter(lo) && !m.date().earliest().isAfter(hi)) {
          // elements may share a milestone (same date and text): show it once, with each element
          String key = m.date() + "\n" + m.what().en();
          Element.Milestone first = byText.computeIfAbsent(key, k -> m);
          milestones.computeIfAbsent(first, k -> new ArrayList<>()).add(e.id());
        }
      }
    }
    var between = new ArrayList<MilestoneBetween>();
    milestones.forEach((m, elements) -> between.add(new MilestoneBetween(m, elements)));
    between.sort(Comparator.comparing(b -> b.milestone().date()));
    return new Result(from, to, rules, boundaries, between);
  }

  private static Optional<InForce> inForce(Rule r, AssumptionValues values, LocalDate date) {
    for (int i = 0; i < r.versions().size(); i++) {
      Rule.Version v = r.versions().get(i);
      Validity.Interval interval = v.validity().resolve(values);
      if (interval.contains(date)) {
        return Optional.of(new InForce(i + 1, v, interval));
      }
    }
    return Optional.empty();
  }

  private static void crossed(
      DateRef ref,
      AssumptionValues values,
      LocalDate lo,
      LocalDate hi,
      Rule rule,
      int version,
      boolean starts,
      List<Boundary> into) {
    LocalDate date = values.date(ref);
    if (date.isAfter(lo) && !date.isAfter(hi)) {
      Optional<String> assumption =
          ref instanceof DateRef.FromAssumption a
              ? Optional.of(a.assumptionId())
              : Optional.empty();
      into.add(new Boundary(date, assumption, rule, version, starts));
    }
  }
}
