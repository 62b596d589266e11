package org.asylex.engine.policy;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.asylex.engine.diagnostic.Diagnostic;

/**
 * The semantic check of a loaded pack: names resolve, types agree, validity intervals are ordered
 * and do not overlap within a rule, exceptions name rules of their own element, no two rules decide
 * the same thing (or give different outcomes) at once, the country fact is declared and the pack
 * stays within the engine's {@link PackLimits}. Structure (keys, value shapes, quotes found in
 * their documents) is checked while loading; this check sees the whole pack.
 *
 * <p>The parts: {@link DeclarationChecks} (facts, elements, assumptions, definitions), {@link
 * RuleChecks} (each rule and its versions), and here what concerns rules together (conflicts,
 * shared facts) and the assumptions no rule uses.
 */
public final class PackValidator {
  private final PackCheck check;

  private PackValidator(PolicyPack pack) {
    this.check = new PackCheck(pack);
  }

  /** Every problem of the pack, errors and warnings, sorted by position. */
  public static List<Diagnostic> check(PolicyPack pack) {
    var v = new PackValidator(pack);
    var declarations = new DeclarationChecks(v.check);
    declarations.facts();
    declarations.elements();
    declarations.assumptions();
    declarations.definitions();
    new RuleChecks(v.check).rules();
    v.conflicts();
    v.sharedFacts();
    v.unused();
    return v.check.out.sorted();
  }

  /**
   * Two rules of one element that decide the same group (or the element as a whole) on the same
   * day, neither being an exception to the other, would make the outcome depend on which one is
   * read first; two rules of one element in force together with different outcomes would leave the
   * element without one outcome for a case both hold for: the pack must say which prevails.
   */
  private void conflicts() {
    for (Overlaps.Conflict c : Overlaps.conflicts(check.pack, check::resolved)) {
      check.out.add(
          Diagnostic.error(c.kind().code(), c.secondVersion().origin().at(), c.message())
              .withRelated(c.firstVersion().origin().at(), "rule '" + c.first().id() + "'"));
    }
  }

  /**
   * The engine finds an element's missing facts by treating its rules' conditions as independent of
   * each other. Two rules of one element in force together that read the same fact break that: the
   * pack still works, but the missing facts of such a case may be imprecise, so say so.
   */
  private void sharedFacts() {
    List<Rule> rules = check.pack.rules();
    for (int i = 0; i < rules.size(); i++) {
      for (int j = i + 1; j < rules.size(); j++) {
        Rule a = rules.get(i);
        Rule b = rules.get(j);
        if (a.element().equals(b.element())) {
          sharedFacts(a, b);
        }
      }
    }
  }

  private void sharedFacts(Rule a, Rule b) {
    for (Rule.Version va : a.versions()) {
      for (Rule.Version vb : b.versions()) {
        Optional<Validity.Interval> ia = check.resolved(va.validity());
        Optional<Validity.Interval> ib = check.resolved(vb.validity());
        if (ia.isEmpty() || ib.isEmpty() || ia.get().intersection(ib.get()).isEmpty()) {
          continue;
        }
        Set<String> shared = new TreeSet<>(check.factsOf(va));
        shared.retainAll(check.factsOf(vb));
        if (!shared.isEmpty()) {
          check.out.add(
              Diagnostic.warning(
                      "shared-fact",
                      vb.origin().at(),
                      "rules '"
                          + a.id()
                          + "' and '"
                          + b.id()
                          + "' of element '"
                          + a.element()
                          + "' both read "
                          + String.join(", ", shared)
                          + "; the missing facts the engine lists for this element may be imprecise")
                  .withRelated(va.origin().at(), "rule '" + a.id() + "'"));
        }
      }
    }
  }

  private void unused() {
    for (Assumption a : check.pack.assumptions()) {
      if (!check.usedAssumptions.contains(a.id())) {
        check.out.warning(
            "unused-assumption",
            a.origin().at(),
            "no rule rests on assumption '"
                + a.id()
                + "'; name it in a rule's rests-on or remove it");
      }
    }
  }
}
