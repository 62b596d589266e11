package org.asylex.engine.policy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.asylex.engine.text.LocalizedText;
import org.asylex.engine.time.PartialDate;

/**
 * Every date on which a pack's policy changes, and what changes, computed once for every front end:
 * a rule comes into force, a rule's next version replaces the previous one, a rule lapses, or a
 * milestone the sources record. A date that rests on an assumption says so.
 */
public final class Timeline {
  private Timeline() {}

  /** One change on a date. */
  public sealed interface Change permits RuleChange, Milestone {
    /** The elements the change concerns, in pack order. */
    List<String> elements();

    /** The assumption the date rests on, if it is not a date of the source. */
    Optional<String> assumption();

    /** The sentences of the source the change rests on. */
    List<SourceQuote> sources();

    /** What changes, in a few words ("rule x comes into force"). */
    LocalizedText description();
  }

  /** A change of one rule: which rule, which of its versions. */
  public sealed interface RuleChange extends Change permits ComesIntoForce, NewVersion, Lapses {
    Rule rule();

    /** The version (1-based) that comes into force, or, for {@link Lapses}, that lapses. */
    int version();

    @Override
    default List<String> elements() {
      return List.of(rule().element());
    }

    /** The sentences the version that comes into force rests on. */
    @Override
    default List<SourceQuote> sources() {
      return rule().versions().get(version() - 1).sources();
    }

    /** The element and, where the rule decides one, its group: {@code an-element (a-group)}. */
    default String subject() {
      return rule().element() + rule().group().map(g -> " (" + g + ")").orElse("");
    }
  }

  /** A rule that was not in force before this date is from this date on. */
  public record ComesIntoForce(Rule rule, int version, Optional<String> assumption)
      implements RuleChange {
    @Override
    public LocalizedText description() {
      return new LocalizedText(
          "regel " + rule.id() + " treedt in werking", "rule " + rule.id() + " comes into force");
    }
  }

  /** From this date on, the next version of a rule replaces the one before it. */
  public record NewVersion(Rule rule, int version, Optional<String> assumption)
      implements RuleChange {
    @Override
    public LocalizedText description() {
      int of = rule.versions().size();
      return new LocalizedText(
          "regel " + rule.id() + ": nieuwe versie (" + version + " van " + of + ") van kracht",
          "rule " + rule.id() + ": new version (" + version + " of " + of + ") in force");
    }
  }

  /** A rule in force until this date is not from this date on (no version follows it). */
  public record Lapses(Rule rule, int version, Optional<String> assumption) implements RuleChange {
    @Override
    public List<SourceQuote> sources() {
      return List.of();
    }

    @Override
    public LocalizedText description() {
      return new LocalizedText("regel " + rule.id() + " vervalt", "rule " + rule.id() + " lapses");
    }
  }

  /**
   * A milestone the sources record; one milestone text shared by several elements (both
   * moratoriums, say) is one change naming every element.
   */
  public record Milestone(LocalizedText what, List<String> elements, List<SourceQuote> sources)
      implements Change {
    public Milestone {
      elements = List.copyOf(elements);
      sources = List.copyOf(sources);
    }

    @Override
    public Optional<String> assumption() {
      return Optional.empty();
    }

    @Override
    public LocalizedText description() {
      return what;
    }
  }

  /** All changes on one date: rule changes in the pack's order, then milestones. */
  public record Entry(PartialDate date, List<Change> changes) {
    public Entry {
      changes = List.copyOf(changes);
    }

    public boolean restsOnAssumption() {
      return changes.stream().anyMatch(c -> c.assumption().isPresent());
    }

    /** The assumptions the date rests on, each once. */
    public List<String> assumptions() {
      return changes.stream().flatMap(c -> c.assumption().stream()).distinct().toList();
    }
  }

  /** A validity boundary of one rule version, before changes are told apart. */
  private record Boundary(Rule rule, int version, boolean starts, Optional<String> assumption) {}

  /** The timeline of {@code pack} under the given assumption values, earliest first. */
  public static List<Entry> of(PolicyPack pack, AssumptionValues values) {
    var boundaries = new TreeMap<PartialDate, List<Boundary>>();
    for (Rule rule : pack.rules()) {
      for (int i = 0; i < rule.versions().size(); i++) {
        Validity validity = rule.versions().get(i).validity();
        int version = i + 1;
        validity.from().ifPresent(ref -> add(boundaries, values, ref, rule, version, true));
        validity.to().ifPresent(ref -> add(boundaries, values, ref, rule, version, false));
      }
    }
    var milestones = new TreeMap<PartialDate, LinkedHashMap<LocalizedText, Milestone>>();
    for (Element e : pack.elements()) {
      for (Element.Milestone m : e.milestones()) {
        var onDate = milestones.computeIfAbsent(m.date(), d -> new LinkedHashMap<>());
        Milestone before = onDate.get(m.what());
        var elements = new ArrayList<String>(before == null ? List.of() : before.elements());
        elements.add(e.id());
        onDate.put(
            m.what(),
            new Milestone(m.what(), elements, before == null ? m.sources() : before.sources()));
      }
    }
    var dates = new TreeMap<PartialDate, Boolean>();
    boundaries.keySet().forEach(d -> dates.put(d, true));
    milestones.keySet().forEach(d -> dates.put(d, true));
    var entries = new ArrayList<Entry>();
    for (PartialDate date : dates.keySet()) {
      var changes = new ArrayList<Change>(changes(boundaries.getOrDefault(date, List.of())));
      changes.addAll(milestones.getOrDefault(date, new LinkedHashMap<>()).values());
      entries.add(new Entry(date, changes));
    }
    return entries;
  }

  /**
   * The changes of one date's boundaries: a rule that ends and starts on the same date has a new
   * version; one that only starts comes into force; one that only ends lapses.
   */
  private static List<Change> changes(List<Boundary> boundaries) {
    Set<String> ending = new HashSet<>();
    Set<String> starting = new HashSet<>();
    for (Boundary b : boundaries) {
      (b.starts() ? starting : ending).add(b.rule().id());
    }
    var changes = new ArrayList<Change>();
    for (Boundary b : boundaries) {
      String id = b.rule().id();
      if (b.starts()) {
        changes.add(
            ending.contains(id)
                ? new NewVersion(b.rule(), b.version(), b.assumption())
                : new ComesIntoForce(b.rule(), b.version(), b.assumption()));
      } else if (!starting.contains(id)) {
        changes.add(new Lapses(b.rule(), b.version(), b.assumption()));
      }
    }
    return changes;
  }

  private static void add(
      TreeMap<PartialDate, List<Boundary>> byDate,
      AssumptionValues values,
      DateRef ref,
      Rule rule,
      int version,
      boolean starts) {
    LocalDate date = values.date(ref);
    Optional<String> assumption =
        ref instanceof DateRef.FromAssumption a ? Optional.of(a.assumptionId()) : Optional.empty();
    byDate
        .computeIfAbsent(PartialDate.of(date), d -> new ArrayList<>())
        .add(new Boundary(rule, version, starts, assumption));
  }
}
