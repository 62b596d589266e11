package org.asylex.engine.policy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.asylex.engine.text.LocalizedText;
import org.asylex.engine.time.PartialDate;

/**
 * Every date on which a pack's policy changes, and what changes: rule versions coming into force or
 * lapsing, and the milestones the sources record. A date that rests on an assumption says so.
 */
public final class Timeline {
  private Timeline() {}

  /** What happens on a date. */
  public enum ChangeKind {
    RULE_STARTS,
    RULE_ENDS,
    MILESTONE
  }

  /**
   * One change.
   *
   * @param ruleId the rule whose version starts or ends; empty for a milestone
   * @param assumption the assumption the date rests on, if it is not a date of the source
   * @param what the milestone's description; empty for rule changes (render from the rule)
   */
  public record Change(
      ChangeKind kind,
      String elementId,
      Optional<String> ruleId,
      Optional<Rule.Version> version,
      Optional<String> assumption,
      Optional<LocalizedText> what,
      List<SourceQuote> sources) {
    public Change {
      sources = List.copyOf(sources);
    }
  }

  /** All changes on one date. */
  public record Entry(PartialDate date, List<Change> changes) {
    public Entry {
      changes = List.copyOf(changes);
    }

    public boolean restsOnAssumption() {
      return changes.stream().anyMatch(c -> c.assumption().isPresent());
    }
  }

  /** The timeline of {@code pack} under the given assumption values, earliest first. */
  public static List<Entry> of(PolicyPack pack, AssumptionValues values) {
    var byDate = new TreeMap<PartialDate, List<Change>>();
    for (Rule rule : pack.rules()) {
      for (Rule.Version v : rule.versions()) {
        v.validity()
            .from()
            .ifPresent(ref -> add(byDate, values, ref, ChangeKind.RULE_STARTS, rule, v));
        v.validity().to().ifPresent(ref -> add(byDate, values, ref, ChangeKind.RULE_ENDS, rule, v));
      }
    }
    for (Element e : pack.elements()) {
      for (Element.Milestone m : e.milestones()) {
        byDate
            .computeIfAbsent(m.date(), d -> new ArrayList<>())
            .add(
                new Change(
                    ChangeKind.MILESTONE,
                    e.id(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.of(m.what()),
                    m.sources()));
      }
    }
    var entries = new ArrayList<Entry>();
    byDate.forEach((date, changes) -> entries.add(new Entry(date, changes)));
    return entries;
  }

  private static void add(
      TreeMap<PartialDate, List<Change>> byDate,
      AssumptionValues values,
      DateRef ref,
      ChangeKind kind,
      Rule rule,
      Rule.Version version) {
    LocalDate date = values.date(ref);
    Optional<String> assumption =
        ref instanceof DateRef.FromAssumption a ? Optional.of(a.assumptionId()) : Optional.empty();
    byDate
        .computeIfAbsent(PartialDate.of(date), d -> new ArrayList<>())
        .add(
            new Change(
                kind,
                rule.element(),
                Optional.of(rule.id()),
                Optional.of(version),
                assumption,
                Optional.empty(),
                version.sources()));
  }
}
