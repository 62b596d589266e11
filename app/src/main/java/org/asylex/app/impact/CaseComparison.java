package org.asylex.app.impact;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.asylex.app.policy.FactCheck;
import org.asylex.engine.assessment.CaseFacts;
import org.asylex.engine.assessment.CompiledPolicy;
import org.asylex.engine.assessment.Finding;
import org.asylex.engine.assessment.InputError;
import org.asylex.engine.assessment.Outcomes;
import org.asylex.engine.policy.Outcome;
import org.asylex.engine.policy.PolicyPack;

/**
 * Compares one case at the two points: the outcomes (the engine's fast path) first, and the full
 * findings only for a case where an outcome or a group differs, since only a changed finding needs
 * its reasons and sources. Shared by the workers; keeps nothing per case.
 */
final class CaseComparison {
  private final Side before;
  private final Side after;
  private final Map<String, Reasons> reasons = new ConcurrentHashMap<>();

  CaseComparison(Side before, Side after) {
    this.before = before;
    this.after = after;
  }

  /**
   * Checks the facts at both points: the problems of either (each once), as {@code /pointer:
   * problem}, or the checked facts.
   */
  record Checked(FactCheck.Checked before, FactCheck.Checked after, List<String> problems) {}

  Checked check(Map<String, Object> facts, String prefix) {
    if (before.point.policies() == after.point.policies()) {
      // One pack for both: the facts read the same on both dates, and the only check that depends
      // on the date (no date after the assessment date) holds on the later one when it holds on
      // the earlier. So one check, on the earlier date, serves both.
      LocalDate first =
          before.point.date().isBefore(after.point.date())
              ? before.point.date()
              : after.point.date();
      FactCheck.Checked once = before.facts.check(facts, first, prefix, false);
      return new Checked(once, once, problems(once.errors(), List.of()));
    }
    FactCheck.Checked a = before.facts.check(facts, before.point.date(), prefix, false);
    FactCheck.Checked b = after.facts.check(facts, after.point.date(), prefix, false);
    return new Checked(a, b, problems(a.errors(), b.errors()));
  }

  private static List<String> problems(List<InputError> a, List<InputError> b) {
    if (a.isEmpty() && b.isEmpty()) {
      return List.of();
    }
    var problems = new LinkedHashSet<String>();
    for (InputError e : a) {
      problems.add(e.pointer() + ": " + e.messageWithoutValue());
    }
    for (InputError e : b) {
      problems.add(e.pointer() + ": " + e.messageWithoutValue());
    }
    return List.copyOf(problems);
  }

  /** Counts the case into {@code tally}; each changed finding also goes to {@code changed}. */
  void compare(
      String id, Checked checked, Tally tally, Buffers buffers, Consumer<ChangedFinding> changed) {
    compare(
        id,
        checked.before().pack().orElseThrow(),
        checked.before().facts().orElseThrow(),
        checked.after().pack().orElseThrow(),
        checked.after().facts().orElseThrow(),
        tally,
        buffers,
        changed);
  }

  /** Whether both points read facts through one catalog: one check serves both ({@link #check}). */
  boolean oneCatalog() {
    return before.point.policies() == after.point.policies();
  }

  /** The date {@link #check} checks facts on when there is {@link #oneCatalog}. */
  LocalDate checkDate() {
    return before.point.date().isBefore(after.point.date())
        ? before.point.date()
        : after.point.date();
  }

  /**
   * The outcome buffers of one worker ({@link CompiledPolicy#newOutcomes}), one per point: the
   * outcomes of a case are counted before the next case is assessed, so that none is kept.
   */
  static final class Buffers {
    private CompiledPolicy policyA;
    private CompiledPolicy policyB;
    private Outcomes a;
    private Outcomes b;

    /** This worker's explanations so far. */
    final Reasons.Memo memo = new Reasons.Memo();

    private CompiledPolicy reasonsA;
    private CompiledPolicy reasonsB;
    private Reasons reasons;

    /** The reasons of this pair of policies when they were the last asked for, else null. */
    Reasons reasons(CompiledPolicy x, CompiledPolicy y) {
      return x == reasonsA && y == reasonsB ? reasons : null;
    }

    void reasons(CompiledPolicy x, CompiledPolicy y, Reasons r) {
      reasonsA = x;
      reasonsB = y;
      reasons = r;
    }

    Outcomes before(CompiledPolicy p) {
      if (p != policyA) {
        policyA = p;
        a = p.newOutcomes();
      }
      return a;
    }

    Outcomes after(CompiledPolicy p) {
      if (p != policyB) {
        policyB = p;
        b = p.newOutcomes();
      }
      return b;
    }
  }

  /** {@link #compare(String, Checked, Tally, Buffers, Consumer)} on facts checked already. */
  void compare(
      String id,
      PolicyPack packA,
      CaseFacts factsA,
      PolicyPack packB,
      CaseFacts factsB,
      Tally tally,
      Buffers buffers,
      Consumer<ChangedFinding> changed) {
    CompiledPolicy a = before.compiled(packA);
    CompiledPolicy b = after.compiled(packB);
    Outcomes oa = a.outcomes(factsA, before.point.date(), buffers.before(a));
    Outcomes ob = b.outcomes(factsB, after.point.date(), buffers.after(b));
    tally.cases++;
    List<String> changedElements = null; // made for a case that changes
    Tally.ElementTally[] slots = tally.slots(a, b);
    if (slots != null) {
      // the same elements at both points: counted by position, no look-up per element
      for (int i = 0; i < oa.size(); i++) {
        Outcome from = oa.outcome(i);
        Outcome to = ob.outcome(i);
        slots[i].counts[from.ordinal()][to.ordinal()]++;
        if (from != to || !oa.groups(i).equals(ob.groups(i))) {
          if (changedElements == null) {
            changedElements = new ArrayList<>(2);
          }
          changedElements.add(oa.element(i));
        }
      }
    } else {
      changedElements = new ArrayList<>(0);
      for (String e : union(a.elements(), b.elements())) {
        int i = a.elements().indexOf(e);
        int j = b.elements().indexOf(e);
        count(tally, j >= 0 ? packB : packA, e, i, oa, j, ob, changedElements);
      }
    }
    if (changedElements != null && !changedElements.isEmpty()) {
      explain(id, a, factsA, b, factsB, changedElements, tally, buffers, changed);
    }
  }

  private static void count(
      Tally tally,
      PolicyPack pack,
      String element,
      int i,
      Outcomes oa,
      int j,
      Outcomes ob,
      List<String> changedElements) {
    Optional<Outcome> from = i < 0 ? Optional.empty() : Optional.of(oa.outcome(i));
    Optional<Outcome> to = j < 0 ? Optional.empty() : Optional.of(ob.outcome(j));
    var t = tally.element(element, pack);
    t.counts[Tally.index(from)][Tally.index(to)]++;
    List<String> ga = i < 0 ? List.of() : oa.groups(i);
    List<String> gb = j < 0 ? List.of() : ob.groups(j);
    if (!from.equals(to) || !ga.equals(gb)) {
      changedElements.add(element);
    }
  }

  private void explain(
      String id,
      CompiledPolicy a,
      CaseFacts factsA,
      CompiledPolicy b,
      CaseFacts factsB,
      List<String> elements,
      Tally tally,
      Buffers buffers,
      Consumer<ChangedFinding> changed) {
    Reasons r = buffers.reasons(a, b);
    if (r == null) {
      r =
          reasons.computeIfAbsent(
              a.pack().id() + "\n" + b.pack().id(),
              k -> new Reasons(a, b, before.point.date(), after.point.date()));
      buffers.reasons(a, b, r);
    }
    for (String element : elements) {
      // only the changed findings are explained: the others are never built
      Finding fa = a.finding(factsA, before.point.date(), element).orElse(null);
      Finding fb = b.finding(factsB, after.point.date(), element).orElse(null);
      Reasons.Explained why = buffers.memo.explain(r, fa, fb);
      var c =
          new ChangedFinding(
              id,
              element,
              Optional.ofNullable(fa).map(Finding::outcome),
              Optional.ofNullable(fb).map(Finding::outcome),
              fa == null ? List.of() : fa.groups(),
              fb == null ? List.of() : fb.groups(),
              fa == null ? List.of() : fa.decidingRules(),
              fb == null ? List.of() : fb.decidingRules(),
              why.sources(),
              why.why());
      Tally.ElementTally t = tally.elements.get(element);
      t.change(c);
      for (String g : c.groupsAfter()) {
        if (!c.groupsBefore().contains(g)) {
          t.group(g, true);
        }
      }
      for (String g : c.groupsBefore()) {
        if (!c.groupsAfter().contains(g)) {
          t.group(g, false);
        }
      }
      changed.accept(c);
    }
  }

  private static List<String> union(List<String> a, List<String> b) {
    var all = new LinkedHashSet<>(b);
    all.addAll(a);
    return List.copyOf(all);
  }
}
