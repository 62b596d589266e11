package org.asylex.engine.assessment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.asylex.engine.policy.FactDefinition;
import org.asylex.engine.policy.FactSchema;
import org.asylex.engine.policy.SourceQuote;
import org.asylex.engine.text.LocalizedText;

/**
 * Builds the {@link Finding} of one element from its {@link ElementDecision}: the reason and
 * sources of the rules or exceptions that decided (never derived again here), the groups, the rule
 * versions in force, the facts used and, on request, the trace (docs/engine.md §3.5, §3.7).
 */
final class Explanation {
  private final List<FactDefinition> facts;

  Explanation(FactSchema schema) {
    this.facts = schema.facts();
  }

  Finding finding(ElementPlan p, ElementState s, ElementDecision d, Evaluation e, boolean explain) {
    var inForce = new ArrayList<RuleInForce>();
    long factMask = 0;
    for (int r = 0; r < p.rules.length; r++) {
      if (s.rules[r] != null) {
        inForce.add(p.rules[r].inForce(s.rules[r]));
        factMask |= s.rules[r].facts;
      }
    }
    for (int x = 0; x < p.exceptions.length; x++) {
      if (s.exceptions[x] != null) {
        inForce.add(p.exceptions[x].inForce(s.exceptions[x]));
        factMask |= s.exceptions[x].facts;
      }
    }
    Deciding deciding = deciding(p, s, d);
    LocalizedText reason;
    if (d instanceof ElementDecision.Undetermined u) {
      reason = undetermined(u.missingFacts(), known(e));
    } else {
      var picked = new ArrayList<LocalizedText>();
      for (Reasons r : deciding.reasons) {
        picked.add(r.pick(e));
      }
      reason = deciding.join ? join(picked) : picked.get(0);
    }
    return new Finding(
        p.element.id(),
        d.outcome(),
        s.inForce ? groups(p, s) : List.of(),
        names(d.missingFacts()),
        names(d.missingFacts() & known(e)),
        reason,
        deciding.rules.stream().findFirst(),
        deciding.rules,
        inForce,
        deciding.sources,
        known(factMask, e),
        p.assumptions(s, d),
        explain ? trace(p, s) : List.of());
  }

  /**
   * What decided a finding, whatever the case's facts beyond its rules' values: the deciding rules,
   * the reasons to word (joined when {@code join}, else the single one; none when undetermined) and
   * the sources to cite. Immutable.
   */
  static final class Deciding {
    final List<String> rules;
    final List<Reasons> reasons;
    final boolean join;
    final List<SourceQuote> sources;

    private Deciding(List<String> rules, List<Reasons> reasons, boolean join, Sources sources) {
      this.rules = List.copyOf(rules);
      this.reasons = List.copyOf(reasons);
      this.join = join;
      this.sources = sources.list();
    }
  }

  /** The rules that decided, the reasons to word and the sources they cite. */
  static Deciding deciding(ElementPlan p, ElementState s, ElementDecision d) {
    var rules = new ArrayList<String>();
    var reasons = new ArrayList<Reasons>();
    var sources = new Sources();
    boolean join = false;
    if (d instanceof ElementDecision.NotInForce) {
      sources.addAll(p.allSources);
      reasons.add(p.notInForceReasons);
    } else if (d instanceof ElementDecision.ByRules byRules) {
      join = true;
      for (int r = 0; r < p.rules.length; r++) {
        if (byRules.holds(r)) {
          rules.add(p.rules[r].id());
          reasons.add(s.rules[r].reasons);
          sources.addAll(s.rules[r].version.sources());
        }
      }
    } else if (d instanceof ElementDecision.ByExceptions byExceptions) {
      join = true;
      for (int x = 0; x < p.exceptions.length; x++) {
        if (byExceptions.decidedBy(x)) {
          rules.add(p.exceptions[x].id());
          reasons.add(s.exceptions[x].reasons);
          sources.addAll(s.exceptions[x].version.sources());
          // the lifted rules' sources too: the exception is read against them
          for (int r : p.lifts[x]) {
            if (s.notAbsent(r)) {
              sources.addAll(s.rules[r].version.sources());
            }
          }
        }
      }
    } else if (d instanceof ElementDecision.Otherwise) {
      reasons.add(p.otherwiseReasons);
    }
    if (sources.isEmpty()) {
      // nothing decided by a rule: cite every rule version in force
      for (VersionPlan v : s.rules) {
        if (v != null) {
          sources.addAll(v.version.sources());
        }
      }
      for (VersionPlan v : s.exceptions) {
        if (v != null) {
          sources.addAll(v.version.sources());
        }
      }
    }
    return new Deciding(rules, reasons, join, sources);
  }

  /**
   * The groups whose rule's condition is certainly true, then the groups of the exceptions that
   * decide (or would, were no rule to hold).
   */
  static List<String> groups(ElementPlan p, ElementState s) {
    var groups = new ArrayList<String>();
    for (int r = 0; r < p.rules.length; r++) {
      if (s.ruleValues[r] == Tri.T) {
        p.rules[r].rule.group().ifPresent(groups::add);
      }
    }
    int decisive = p.decisiveExceptions(s);
    for (int x = 0; x < p.exceptions.length; x++) {
      if ((decisive & (1 << x)) != 0) {
        p.exceptions[x].rule.group().ifPresent(groups::add);
      }
    }
    return groups;
  }

  private static List<RuleTrace> trace(ElementPlan p, ElementState s) {
    var trace = new ArrayList<RuleTrace>();
    for (int r = 0; r < p.rules.length; r++) {
      VersionPlan v = s.rules[r];
      if (v != null) {
        trace.add(
            new RuleTrace(
                p.rules[r].id(),
                v.number,
                Tri.of(s.ruleValues[r]),
                Tri.of(p.lifted(r, s.exceptionValues)),
                traceNode(v.condition, s.nodeValues)));
      }
    }
    for (int x = 0; x < p.exceptions.length; x++) {
      VersionPlan v = s.exceptions[x];
      if (v != null) {
        trace.add(
            new RuleTrace(
                p.exceptions[x].id(),
                v.number,
                Tri.of(s.exceptionValues[x]),
                Tri.FALSE,
                traceNode(v.condition, s.nodeValues)));
      }
    }
    return trace;
  }

  private static TraceNode traceNode(Node n, byte[] values) {
    var children = new ArrayList<TraceNode>();
    n.children().forEach(c -> children.add(traceNode(c, values)));
    return new TraceNode(n.text, Tri.of(values[n.id]), children);
  }

  /** The names of the facts in {@code mask}, in schema order. */
  List<String> names(long mask) {
    var names = new ArrayList<String>();
    for (int i = 0; i < facts.size(); i++) {
      if ((mask & (1L << i)) != 0) {
        names.add(facts.get(i).name());
      }
    }
    return names;
  }

  /** The facts of {@code mask} that the case gives, by name. */
  private Map<String, Object> known(long mask, Evaluation e) {
    var map = new LinkedHashMap<String, Object>();
    for (int i = 0; i < facts.size(); i++) {
      if ((mask & (1L << i)) != 0 && e.facts[i] != null) {
        map.put(facts.get(i).name(), e.facts[i]);
      }
    }
    return map;
  }

  /** The facts the case gives, as a bit mask. */
  static long known(Evaluation e) {
    long mask = 0;
    for (int i = 0; i < e.facts.length; i++) {
      if (e.facts[i] != null) {
        mask |= 1L << i;
      }
    }
    return mask;
  }

  /**
   * "Cannot be determined yet" with the facts it waits for, by their labels; a fact the case gives
   * (in {@code known}) is asked for more precisely.
   */
  LocalizedText undetermined(long mask, long known) {
    var nl = new ArrayList<String>();
    var en = new ArrayList<String>();
    for (int i = 0; i < facts.size(); i++) {
      if ((mask & (1L << i)) != 0) {
        boolean imprecise = (known & (1L << i)) != 0;
        nl.add(facts.get(i).label().nl() + (imprecise ? " (preciezer)" : ""));
        en.add(facts.get(i).label().en() + (imprecise ? " (more precisely)" : ""));
      }
    }
    return new LocalizedText(
        "Nog niet te bepalen; de uitkomst hangt af van: " + String.join(", ", nl) + ".",
        "Cannot be determined yet; the outcome depends on: " + String.join(", ", en) + ".");
  }

  /** The texts side by side, in each language. */
  static LocalizedText join(List<LocalizedText> texts) {
    var nl = new StringBuilder();
    var en = new StringBuilder();
    for (LocalizedText t : texts) {
      nl.append(nl.length() == 0 ? "" : " ").append(t.nl());
      en.append(en.length() == 0 ? "" : " ").append(t.en());
    }
    return new LocalizedText(nl.toString(), en.toString());
  }
}
