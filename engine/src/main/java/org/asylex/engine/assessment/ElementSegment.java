package org.asylex.engine.assessment;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.asylex.engine.policy.Outcome;
import org.asylex.engine.policy.SourceQuote;
import org.asylex.engine.text.LocalizedText;

/**
 * One element on one date segment of the policy (an interval no validity boundary cuts): the rule
 * and exception versions in force, and the element's combination table over the Kleene values of
 * their conditions. Each entry holds what {@link ElementPlan#decide} and {@link Explanation} derive
 * from those values alone: the outcome, which unknown conditions matter for the missing facts, the
 * groups, and the finding's deciding rules, reasons, sources and assumptions. Assessing a case then
 * evaluates the conditions in force, reads one entry and words the reasons. Built by the reference
 * code itself, so the two cannot disagree; immutable and shared.
 */
final class ElementSegment {
  /**
   * The largest number of conditions in force that gets a table (3^8 = 6,561 entries); an element
   * with more (the pack limit is 12) is decided by the reference path.
   */
  static final int MAX_TABLE_CONDITIONS = 8;

  /** The versions in force and their (unset) values: the template of a reference state. */
  final ElementState template;

  /** The root node of each condition in force: the rules' in rule order, then the exceptions'. */
  final int[] conditions;

  /** The same conditions as nodes, for the atoms they read ({@link AtomTable}). */
  final List<Node> conditionNodes;

  /** The entries by {@code sum of value(i) * 3^i}; null when there are too many conditions. */
  final Entry[] entries;

  /** The rule versions in force, for the finding. */
  final List<RuleInForce> rulesInForce;

  /** Every fact the conditions in force read. */
  final long factMask;

  ElementSegment(ElementPlan p, long day) {
    var s = new ElementState(p.rules.length, p.exceptions.length, null);
    var conditionList = new ArrayList<Integer>();
    var nodes = new ArrayList<Node>();
    var positions = new ArrayList<Integer>(); // r for rule r, rules + x for exception x
    var inForce = new ArrayList<RuleInForce>();
    long mask = 0;
    for (int r = 0; r < p.rules.length; r++) {
      VersionPlan v = p.rules[r].active(day);
      if (v != null) {
        s.rules[r] = v;
        s.inForce = true;
        conditionList.add(v.condition.id);
        nodes.add(v.condition);
        positions.add(r);
        inForce.add(p.rules[r].inForce(v));
        mask |= v.facts;
      }
    }
    if (s.inForce) { // as ElementPlan.evaluate: no exception is read when no rule is in force
      for (int x = 0; x < p.exceptions.length; x++) {
        VersionPlan v = p.exceptions[x].active(day);
        if (v != null) {
          s.exceptions[x] = v;
          conditionList.add(v.condition.id);
          nodes.add(v.condition);
          positions.add(p.rules.length + x);
          inForce.add(p.exceptions[x].inForce(v));
          mask |= v.facts;
        }
      }
    }
    this.template = s;
    this.conditions = conditionList.stream().mapToInt(Integer::intValue).toArray();
    this.conditionNodes = List.copyOf(nodes);
    this.rulesInForce = List.copyOf(inForce);
    this.factMask = mask;
    int k = conditions.length;
    if (k > MAX_TABLE_CONDITIONS) {
      this.entries = null;
      return;
    }
    int size = 1;
    for (int i = 0; i < k; i++) {
      size *= 3;
    }
    this.entries = new Entry[size];
    int[] pos = positions.stream().mapToInt(Integer::intValue).toArray();
    for (int index = 0; index < entries.length; index++) {
      entries[index] = entry(p, index, pos);
    }
  }

  /**
   * Evaluates the conditions in force on the case in {@code f}: the index of their values' entry;
   * each condition's unknown-fact mask is left in {@link Frame#conditionMasks}.
   */
  int index(ConditionProgram program, Frame f) {
    long[] masks = f.conditionMasks;
    int index = 0;
    int weight = 1; // condition i counts 3^i: the entries' order
    for (int i = 0; i < conditions.length; i++) {
      byte v = program.eval(conditions[i], f);
      masks[i] = f.mask;
      index += v * weight;
      weight *= 3;
    }
    return index;
  }

  /** The unknown facts of the conditions that matter, after {@link #index}. */
  static long missing(int matters, Frame f) {
    long mask = 0;
    for (int m = matters; m != 0; m &= m - 1) {
      mask |= f.conditionMasks[Integer.numberOfTrailingZeros(m)];
    }
    return mask;
  }

  /** The entry for the values coded in {@code index}, derived by the reference code. */
  private Entry entry(ElementPlan p, int index, int[] pos) {
    var s = new ElementState(p.rules.length, p.exceptions.length, null);
    System.arraycopy(template.rules, 0, s.rules, 0, s.rules.length);
    System.arraycopy(template.exceptions, 0, s.exceptions, 0, s.exceptions.length);
    s.inForce = template.inForce;
    int rest = index;
    for (int i = 0; i < pos.length; i++) {
      byte value = (byte) (rest % 3);
      rest /= 3;
      if (pos[i] < p.rules.length) {
        s.ruleValues[pos[i]] = value;
      } else {
        s.exceptionValues[pos[i] - p.rules.length] = value;
      }
    }
    ElementDecision d;
    int matters = 0;
    if (s.inForce && p.outcome(s, s.ruleValues, s.exceptionValues) == Outcome.UNDETERMINED) {
      d = new ElementDecision.Undetermined(0);
      int bits = MissingFacts.matters(p, s);
      for (int i = 0; i < pos.length; i++) {
        if ((bits & (1 << pos[i])) != 0) {
          matters |= 1 << i;
        }
      }
    } else {
      d = p.decide(s);
    }
    List<String> groups = s.inForce ? List.copyOf(Explanation.groups(p, s)) : List.of();
    return new Entry(
        d,
        matters,
        p.element.groups().isEmpty() ? List.of() : groups,
        groups,
        Explanation.deciding(p, s, d),
        p.assumptions(s, d));
  }

  /** What the values of the conditions in force decide, and the finding's case-free parts. */
  static final class Entry {
    final Outcome outcome;

    /** Whether the outcome is undetermined: the missing facts and the reason come from the case. */
    final boolean undetermined;

    /** Bit i set when unknown condition i matters: its unknown facts are missing. */
    final int matters;

    /** The groups {@link Outcomes} reports (none for an element without groups). */
    final List<String> outcomeGroups;

    /** The groups the finding reports. */
    final List<String> findingGroups;

    final Optional<String> rule;
    final List<String> decidingRules;
    final List<SourceQuote> sources;
    final List<AssumptionUse> assumptions;

    /** The reasons to word, joined when {@link #join}; empty when undetermined. */
    final Reasons[] reasons;

    final boolean join;

    /** The reason when no wording depends on the case; null otherwise. */
    final LocalizedText fixedReason;

    /** The decision shared by every case of the entry; null when undetermined. */
    final ElementDecision decision;

    Entry(
        ElementDecision d,
        int matters,
        List<String> outcomeGroups,
        List<String> findingGroups,
        Explanation.Deciding deciding,
        List<AssumptionUse> assumptions) {
      this.outcome = d.outcome();
      this.undetermined = d instanceof ElementDecision.Undetermined;
      this.decision = undetermined ? null : d;
      this.matters = matters;
      this.outcomeGroups = outcomeGroups;
      this.findingGroups = findingGroups;
      this.rule = deciding.rules.stream().findFirst();
      this.decidingRules = deciding.rules;
      this.sources = deciding.sources;
      this.assumptions = List.copyOf(assumptions);
      this.reasons = deciding.reasons.toArray(new Reasons[0]);
      this.join = deciding.join;
      boolean fixed = !undetermined;
      for (Reasons r : reasons) {
        fixed &= r.fixed() != null;
      }
      this.fixedReason = fixed ? word(null, null) : null;
    }

    /** The reason for a case that is not undetermined. */
    LocalizedText reason(ConditionProgram program, Frame f) {
      return fixedReason != null ? fixedReason : word(program, f);
    }

    private LocalizedText word(ConditionProgram program, Frame f) {
      if (!join || reasons.length == 1) {
        return pick(reasons[0], program, f); // joining one text gives an equal one
      }
      var picked = new ArrayList<LocalizedText>(reasons.length);
      for (Reasons r : reasons) {
        picked.add(pick(r, program, f));
      }
      return Explanation.join(picked);
    }

    private static LocalizedText pick(Reasons r, ConditionProgram program, Frame f) {
      return r.fixed() != null ? r.fixed() : r.pick(program, f);
    }
  }
}
