package org.asylex.app.impact;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.asylex.engine.assessment.CompiledPolicy;
import org.asylex.engine.policy.Element;
import org.asylex.engine.policy.Outcome;
import org.asylex.engine.policy.PolicyPack;
import org.asylex.engine.text.LocalizedText;

/**
 * Counts of one batch of cases, or of all merged so far: per element a matrix of outcome counts,
 * groups gained and lost, and changes by what moved them. Its size depends on the elements,
 * outcomes and distinct reasons, never on the number of cases. Not thread-safe: one per batch,
 * merged on one thread.
 */
final class Tally {
  /** The index of "not in this revision of the pack" in a transition matrix. */
  static final int ABSENT = Outcome.values().length;

  /** How many kinds of change an element's counts remember by identity. */
  private static final int RECENT = 8;

  long cases;
  long rejected;
  final Map<String, ElementTally> elements = new LinkedHashMap<>();

  private record ChangeKey(
      Optional<Outcome> from, Optional<Outcome> to, Why why, List<Quote> sources) {}

  static final class ElementTally {
    final LocalizedText title;
    final long[][] counts = new long[ABSENT + 1][ABSENT + 1];
    final Map<String, long[]> groups = new LinkedHashMap<>();
    private final Map<ChangeKey, long[]> changes = new LinkedHashMap<>();

    ElementTally(LocalizedText title) {
      this.title = title;
    }

    void group(String group, boolean gained) {
      groups.computeIfAbsent(group, g -> new long[2])[gained ? 0 : 1]++;
    }

    /**
     * The counts of the last few kinds of change counted, and a change of each: a caseload has few
     * kinds, whose why and sources are the same instances from case to case (Reasons.Memo), so they
     * are found without hashing.
     */
    private final ChangedFinding[] recent = new ChangedFinding[RECENT];

    private final long[][] recentCounts = new long[RECENT][];
    private int nextRecent;

    void change(ChangedFinding c) {
      for (int k = 0; k < RECENT; k++) {
        ChangedFinding r = recent[k];
        if (r != null
            && c.why() == r.why()
            && c.sources() == r.sources()
            && c.before().equals(r.before())
            && c.after().equals(r.after())) {
          recentCounts[k][0]++;
          return;
        }
      }
      long[] count =
          changes.computeIfAbsent(
              new ChangeKey(c.before(), c.after(), c.why(), c.sources()), k -> new long[1]);
      count[0]++;
      recent[nextRecent] = c;
      recentCounts[nextRecent] = count;
      nextRecent = (nextRecent + 1) % RECENT;
    }

    void merge(ElementTally other) {
      for (int i = 0; i <= ABSENT; i++) {
        for (int j = 0; j <= ABSENT; j++) {
          counts[i][j] += other.counts[i][j];
        }
      }
      other.groups.forEach(
          (g, n) -> {
            long[] mine = groups.computeIfAbsent(g, x -> new long[2]);
            mine[0] += n[0];
            mine[1] += n[1];
          });
      other.changes.forEach((k, n) -> changes.computeIfAbsent(k, x -> new long[1])[0] += n[0]);
    }

    ImpactReport.ElementImpact report(String element) {
      var transitions = new ArrayList<ImpactReport.Transition>();
      for (int i = 0; i <= ABSENT; i++) {
        for (int j = 0; j <= ABSENT; j++) {
          if (counts[i][j] > 0) {
            transitions.add(new ImpactReport.Transition(outcome(i), outcome(j), counts[i][j]));
          }
        }
      }
      var groupChanges = new ArrayList<ImpactReport.GroupChange>();
      groups.forEach((g, n) -> groupChanges.add(new ImpactReport.GroupChange(g, n[0], n[1])));
      var list = new ArrayList<ImpactReport.Change>();
      changes.forEach(
          (k, n) ->
              list.add(new ImpactReport.Change(k.from(), k.to(), k.why(), k.sources(), n[0])));
      // most cases first; a stable sort keeps the order of first appearance among equal counts
      list.sort(Comparator.comparingLong(ImpactReport.Change::count).reversed());
      return new ImpactReport.ElementImpact(element, title, transitions, groupChanges, list);
    }
  }

  static int index(Optional<Outcome> o) {
    return o.map(Outcome::ordinal).orElse(ABSENT);
  }

  static Optional<Outcome> outcome(int index) {
    return index == ABSENT ? Optional.empty() : Optional.of(Outcome.values()[index]);
  }

  private CompiledPolicy slotsA;
  private CompiledPolicy slotsB;
  private ElementTally[] slots;

  /**
   * The counts of every element in the order of {@code a}'s elements when {@code b} has the same
   * elements in the same order, else null; found once per pair of policies in a batch.
   */
  ElementTally[] slots(CompiledPolicy a, CompiledPolicy b) {
    if (a != slotsA || b != slotsB) {
      slotsA = a;
      slotsB = b;
      slots = null;
      if (a.elements().equals(b.elements())) {
        slots = new ElementTally[a.elements().size()];
        for (int i = 0; i < slots.length; i++) {
          slots[i] = element(a.elements().get(i), b.pack());
        }
      }
    }
    return slots;
  }

  /** The counts of element {@code id}, titled as in {@code pack} when new. */
  ElementTally element(String id, PolicyPack pack) {
    ElementTally t = elements.get(id);
    if (t == null) {
      t = new ElementTally(pack.element(id).map(Element::title).orElse(null));
      elements.put(id, t);
    }
    return t;
  }

  ElementTally element(String id, LocalizedText title) {
    return elements.computeIfAbsent(id, k -> new ElementTally(title));
  }

  void merge(Tally other) {
    cases += other.cases;
    rejected += other.rejected;
    other.elements.forEach((id, e) -> element(id, e.title).merge(e));
  }

  List<ImpactReport.ElementImpact> report() {
    var list = new ArrayList<ImpactReport.ElementImpact>();
    elements.forEach((id, e) -> list.add(e.report(id)));
    return list;
  }
}
