package org.asylex.app.impact;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.asylex.engine.policy.Outcome;
import org.asylex.engine.text.LocalizedText;

/**
 * What changes for a caseload between two points, per element: each element's transitions add up to
 * {@code cases}, the cases assessed (rejected lines are not among them).
 *
 * @param factsAsOf for stored cases assessed on their facts as recorded at an instant: that instant
 *     and the cases left out because they were created after it
 */
public record ImpactReport(
    long cases,
    long rejected,
    Point from,
    Point to,
    List<ElementImpact> elements,
    Optional<FactsTime> factsAsOf) {
  public ImpactReport {
    elements = List.copyOf(elements);
    java.util.Objects.requireNonNull(factsAsOf, "factsAsOf");
  }

  /** A report of the cases' facts as they are now. */
  public ImpactReport(
      long cases, long rejected, Point from, Point to, List<ElementImpact> elements) {
    this(cases, rejected, from, to, elements, Optional.empty());
  }

  /**
   * The facts as recorded at {@code at}; {@code createdAfter} stored cases did not exist yet then
   * and are neither assessed nor counted in {@code cases}.
   */
  public record FactsTime(Instant at, long createdAfter) {}

  /** A point as the report names it: date, assumption values set, packs with their versions. */
  public record Point(
      LocalDate date, Map<String, String> assumptions, String policies, List<Pack> packs) {
    public Point {
      assumptions = Map.copyOf(assumptions);
      packs = List.copyOf(packs);
    }
  }

  /** A pack of a point: id, version and content hash. */
  public record Pack(String id, String version, String contentHash) {}

  /**
   * One element: every transition (unchanged ones included), the groups gained and lost, and the
   * changes with what moved them, most cases first.
   */
  public record ElementImpact(
      String element,
      LocalizedText title,
      List<Transition> transitions,
      List<GroupChange> groups,
      List<Change> changes) {
    public ElementImpact {
      transitions = List.copyOf(transitions);
      groups = List.copyOf(groups);
      changes = List.copyOf(changes);
    }

    /** The number of cases whose outcome differs. */
    public long changed() {
      return transitions.stream()
          .filter(t -> !t.from().equals(t.to()))
          .mapToLong(Transition::count)
          .sum();
    }
  }

  /** How many cases went from one outcome to another (empty: the element is not in the pack). */
  public record Transition(Optional<Outcome> from, Optional<Outcome> to, long count) {}

  /** How many cases gained and lost a group (or ground) of the element. */
  public record GroupChange(String group, long gained, long lost) {}

  /** Changed findings that share their outcomes, what moved them and their sources. */
  public record Change(
      Optional<Outcome> from, Optional<Outcome> to, Why why, List<Quote> sources, long count) {
    public Change {
      sources = List.copyOf(sources);
    }
  }
}
