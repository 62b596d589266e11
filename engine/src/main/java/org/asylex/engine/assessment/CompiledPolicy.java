package org.asylex.engine.assessment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.asylex.engine.expr.Value;
import org.asylex.engine.policy.Assumption;
import org.asylex.engine.policy.AssumptionValues;
import org.asylex.engine.policy.DateRef;
import org.asylex.engine.policy.Element;
import org.asylex.engine.policy.FactDefinition;
import org.asylex.engine.policy.Outcome;
import org.asylex.engine.policy.Overlaps;
import org.asylex.engine.policy.PolicyPack;
import org.asylex.engine.policy.Rule;
import org.asylex.engine.policy.SourceQuote;
import org.asylex.engine.policy.Validity;
import org.asylex.engine.text.LocalizedText;

/**
 * A checked pack compiled under one set of assumption values: assesses cases as of a date. It is
 * immutable and serves any number of threads; compile it once per pack and assumption set.
 *
 * <p>Per element: the rule versions valid on the date are selected; each rule's condition is
 * evaluated three-valued; an exception that holds lifts the rules it names; the element holds when
 * any rule holds and is not lifted. An unknown result is {@code undetermined}, and its missing
 * facts are the unknown facts that could still change the outcome.
 */
public final class CompiledPolicy {
  private static final int UNDETERMINED = Outcome.UNDETERMINED.ordinal();
  private static final int CONFLICT = -1;

  /** Outcome.values() copies its array on every call; this copy is never changed. */
  private static final Outcome[] OUTCOMES = Outcome.values();

  private final PolicyPack pack;
  private final AssumptionValues values;
  private final PolicyRef ref;
  private final List<ElementPlan> elements;
  private final List<String> elementIds;
  private final List<AssumptionUse> allAssumptions;
  private final int nodeCount;

  private CompiledPolicy(PolicyPack pack, AssumptionValues values) {
    this.pack = pack;
    this.values = values;
    this.ref = new PolicyRef(pack.id(), pack.version(), pack.contentHash());
    var compiler = new ConditionCompiler(pack, values);
    var ordered = new ArrayList<>(pack.elements());
    ordered.sort(Comparator.comparing(Element::slot));
    var plans = new ArrayList<ElementPlan>();
    for (Element e : ordered) {
      plans.add(new ElementPlan(e, compiler));
    }
    this.elements = List.copyOf(plans);
    this.elementIds = plans.stream().map(p -> p.element.id()).toList();
    this.nodeCount = compiler.nodeCount();
    this.allAssumptions = pack.assumptions().stream().map(a -> use(a.id())).toList();
  }

  /**
   * Compiles {@code pack} (which must have passed its check) under {@code values}.
   *
   * @throws PolicyConflictException when the values make two rules decide the same thing on the
   *     same date
   */
  public static CompiledPolicy compile(PolicyPack pack, AssumptionValues values) {
    List<Overlaps.Conflict> conflicts =
        Overlaps.conflicts(pack, v -> Optional.of(v.resolve(values)));
    if (!conflicts.isEmpty()) {
      Overlaps.Conflict c = conflicts.get(0);
      throw new PolicyConflictException(c.first().id(), c.second().id(), c.message());
    }
    for (Rule r : pack.rules()) {
      for (int i = 0; i < r.versions().size(); i++) {
        for (int j = i + 1; j < r.versions().size(); j++) {
          var a = r.versions().get(i).validity().resolve(values);
          var b = r.versions().get(j).validity().resolve(values);
          if (a.intersection(b).isPresent()) {
            throw new PolicyConflictException(
                r.id(),
                r.id(),
                "versions "
                    + (i + 1)
                    + " "
                    + a
                    + " and "
                    + (j + 1)
                    + " "
                    + b
                    + " of rule '"
                    + r.id()
                    + "' overlap under these assumption values");
          }
        }
      }
    }
    return new CompiledPolicy(pack, values);
  }

  public PolicyPack pack() {
    return pack;
  }

  public AssumptionValues assumptionValues() {
    return values;
  }

  public PolicyRef policy() {
    return ref;
  }

  /** Element ids in the order a case is tested. */
  public List<String> elements() {
    return elementIds;
  }

  /** The outcomes and missing facts only: the fast path. */
  public Outcomes outcomes(CaseFacts facts, LocalDate asOf) {
    var e = evaluation(facts, asOf);
    var outcomes = new Outcome[elements.size()];
    var missing = new long[elements.size()];
    for (int i = 0; i < outcomes.length; i++) {
      State s = elements.get(i).evaluate(e);
      outcomes[i] = s.outcome;
      missing[i] = s.missing;
    }
    return new Outcomes(elementIds, outcomes, missing);
  }

  /** The full assessment: findings with reasons, sources, facts, assumptions. */
  public Assessment assess(CaseFacts facts, LocalDate asOf) {
    return assess(facts, asOf, false);
  }

  /** The full assessment; with {@code explain}, each finding carries its evaluation trace. */
  public Assessment assess(CaseFacts facts, LocalDate asOf, boolean explain) {
    var e = evaluation(facts, asOf);
    var findings = new ArrayList<Finding>(elements.size());
    for (ElementPlan p : elements) {
      findings.add(p.finding(p.evaluate(e), e, explain));
    }
    return new Assessment(asOf, ref, allAssumptions, findings, nextQuestions(findings));
  }

  private Evaluation evaluation(CaseFacts facts, LocalDate asOf) {
    // identity first: a deep comparison of the schema on every case costs more than the case
    if (facts.schema() != pack.facts() && !facts.schema().equals(pack.facts())) {
      throw new IllegalArgumentException("the facts were checked against another pack's schema");
    }
    return new Evaluation(facts.values(), asOf, nodeCount);
  }

  /** Missing facts ordered so the answer that settles the most findings comes first. */
  private List<NextQuestion> nextQuestions(List<Finding> findings) {
    var byFact = new LinkedHashMap<String, List<String>>();
    for (FactDefinition f : pack.facts().facts()) {
      for (Finding finding : findings) {
        if (finding.missingFacts().contains(f.name())) {
          byFact.computeIfAbsent(f.name(), k -> new ArrayList<>()).add(finding.element());
        }
      }
    }
    var questions = new ArrayList<NextQuestion>();
    byFact.forEach(
        (name, elems) -> {
          FactDefinition f = pack.facts().fact(name).orElseThrow();
          questions.add(new NextQuestion(name, f.label(), f.question(), elems));
        });
    // stable: equal counts keep the schema's order
    questions.sort(Comparator.comparingInt((NextQuestion q) -> -q.elements().size()));
    return questions;
  }

  private AssumptionUse use(String id) {
    Assumption a = pack.assumption(id).orElseThrow();
    String value = values.get(id).map(CompiledPolicy::plain).orElse(a.defaultValue());
    return new AssumptionUse(
        id, a.kind(), a.type(), value, a.defaultValue(), values.isOverridden(id));
  }

  private static String plain(Value v) {
    return v instanceof Value.Text t ? t.value() : v.toString();
  }

  // ---- per element ----------------------------------------------------------------------------

  /** The evaluation of one element for one case. */
  private static final class State {
    Outcome outcome;
    long missing;
    VersionPlan[] active;
    VersionPlan[] activeExceptions;
    byte[] c;
    byte[] x;

    /** The outcome each active rule (and exception) gives when it decides. */
    int[] ro;

    int[] xo;
    byte[] values;
    boolean inForce;
  }

  private final class ElementPlan {
    final Element element;
    final RulePlan[] rules;
    final RulePlan[] exceptions;

    /** For each exception, the indices in {@code rules} of the rules it lifts. */
    final int[][] targets;

    final List<AssumptionUse> assumptions;
    final List<SourceQuote> allSources;

    ElementPlan(Element element, ConditionCompiler compiler) {
      this.element = element;
      var ruleList = new ArrayList<RulePlan>();
      var exceptionList = new ArrayList<RulePlan>();
      var assumptionIds = new LinkedHashSet<String>();
      var sources = new Sources();
      for (Rule r : pack.rulesOf(element.id())) {
        RulePlan plan = new RulePlan(r, compiler, values);
        (r.isException() ? exceptionList : ruleList).add(plan);
        assumptionIds.addAll(r.restsOn());
        for (VersionPlan v : plan.versions) {
          assumptionIds.addAll(v.assumptions);
          v.version.validity().from().ifPresent(d -> addRef(d, assumptionIds));
          v.version.validity().to().ifPresent(d -> addRef(d, assumptionIds));
          sources.addAll(v.version.sources());
        }
      }
      this.rules = ruleList.toArray(new RulePlan[0]);
      this.exceptions = exceptionList.toArray(new RulePlan[0]);
      this.targets = new int[exceptions.length][];
      for (int i = 0; i < exceptions.length; i++) {
        var lifted = exceptions[i].rule.exceptionTo();
        targets[i] =
            java.util.stream.IntStream.range(0, rules.length)
                .filter(r -> lifted.contains(rules[r].rule.id()))
                .toArray();
      }
      // in the pack's order, so every finding lists them alike
      this.assumptions =
          pack.assumptions().stream()
              .map(Assumption::id)
              .filter(assumptionIds::contains)
              .map(CompiledPolicy.this::use)
              .toList();
      this.allSources = sources.list();
    }

    private static void addRef(DateRef ref, Set<String> into) {
      if (ref instanceof DateRef.FromAssumption a) {
        into.add(a.assumptionId());
      }
    }

    State evaluate(Evaluation e) {
      var s = new State();
      s.active = new VersionPlan[rules.length];
      s.activeExceptions = new VersionPlan[exceptions.length];
      s.c = new byte[rules.length];
      s.x = new byte[exceptions.length];
      s.ro = new int[rules.length];
      s.xo = new int[exceptions.length];
      s.values = e.values;
      for (int i = 0; i < rules.length; i++) {
        s.active[i] = rules[i].active(e.asOf);
        if (s.active[i] != null) {
          s.inForce = true;
          s.c[i] = s.active[i].condition.eval(e);
          s.ro[i] = s.active[i].version.outcome().ordinal();
        } // an inactive rule holds for nobody: c stays FALSE
      }
      if (!s.inForce) {
        s.outcome = element.notInForce().outcome();
        return s;
      }
      for (int i = 0; i < exceptions.length; i++) {
        s.activeExceptions[i] = exceptions[i].active(e.asOf);
        if (s.activeExceptions[i] != null) {
          s.x[i] = s.activeExceptions[i].condition.eval(e);
          s.xo[i] = s.activeExceptions[i].version.outcome().ordinal();
        }
      }
      int code = combine(s.c, s.x, s.ro, s.xo);
      if (code == CONFLICT) {
        throw conflict(s, e.asOf);
      }
      s.outcome = OUTCOMES[code];
      if (code == UNDETERMINED) {
        s.missing = missing(s);
      }
      return s;
    }

    private PolicyConflictException conflict(State s, LocalDate asOf) {
      int first = -1;
      for (int r = 0; r < rules.length; r++) {
        if (and(s.c[r], Tri.not(lifted(r, s.x))) != Tri.T) {
          continue;
        }
        if (first < 0) {
          first = r;
        } else if (s.ro[r] != s.ro[first]) {
          String a = rules[first].rule.id();
          String b = rules[r].rule.id();
          return new PolicyConflictException(
              a,
              b,
              "rules '"
                  + a
                  + "' and '"
                  + b
                  + "' of element '"
                  + element.id()
                  + "' both hold for this case on "
                  + asOf
                  + " with different outcomes");
        }
      }
      throw new IllegalStateException("no conflicting rules found");
    }

    /** The element's outcome from its rules' and exceptions' values (Kleene). */
    int combine(byte[] c, byte[] x, int[] ro, int[] xo) {
      byte any = Tri.F;
      int holdsOutcome = -2;
      boolean liftedHeldTrue = false;
      boolean liftedHeldUnknown = false;
      int exceptionOutcome = -2;
      for (int r = 0; r < c.length; r++) {
        byte lifted = lifted(r, x);
        byte holds = and(c[r], Tri.not(lifted));
        if (holds == Tri.T) {
          int o = ro[r];
          if (holdsOutcome >= 0 && holdsOutcome != o) {
            return CONFLICT;
          }
          holdsOutcome = o;
        }
        any = or(any, holds);
        byte liftedHeld = and(c[r], lifted);
        if (liftedHeld != Tri.F) {
          for (int i = 0; i < x.length; i++) {
            if (x[i] != Tri.F && contains(targets[i], r)) {
              exceptionOutcome = xo[i];
            }
          }
          liftedHeldTrue |= liftedHeld == Tri.T;
          liftedHeldUnknown |= liftedHeld == Tri.U;
        }
      }
      if (any == Tri.T) {
        return holdsOutcome;
      }
      if (any == Tri.U) {
        return UNDETERMINED;
      }
      int otherwise = element.otherwise().outcome().ordinal();
      if (liftedHeldTrue) {
        return exceptionOutcome;
      }
      if (liftedHeldUnknown && exceptionOutcome != otherwise) {
        return UNDETERMINED;
      }
      return otherwise;
    }

    private byte lifted(int rule, byte[] x) {
      byte lifted = Tri.F;
      for (int i = 0; i < x.length; i++) {
        if (contains(targets[i], rule)) {
          lifted = or(lifted, x[i]);
        }
      }
      return lifted;
    }

    /**
     * The unknown facts that could change the outcome: an unknown rule or exception condition
     * matters when, for some values of the other unknown conditions, its being true or false gives
     * different outcomes; within a condition that matters, every unknown fact on an unknown path
     * counts.
     */
    long missing(State s) {
      int rulesCount = s.c.length;
      int n = rulesCount + s.x.length;
      int[] unknown = new int[n];
      int count = 0;
      for (int i = 0; i < n; i++) {
        if ((i < rulesCount ? s.c[i] : s.x[i - rulesCount]) == Tri.U) {
          unknown[count++] = i;
        }
      }
      // trial copies are made once and changed in place: this runs for every undetermined case
      byte[] c = s.c.clone();
      byte[] x = s.x.clone();
      long mask = 0;
      for (int k = 0; k < count; k++) {
        int v = unknown[k];
        if (matters(v, unknown, count, c, x, s)) {
          Node cond =
              v < rulesCount ? s.active[v].condition : s.activeExceptions[v - rulesCount].condition;
          mask |= unknownFacts(cond, s.values);
        }
      }
      return mask;
    }

    private boolean matters(int v, int[] unknown, int count, byte[] c, byte[] x, State s) {
      int others = count - 1;
      for (int bits = 0; bits < (1 << others); bits++) {
        int k = 0;
        for (int i = 0; i < count; i++) {
          int u = unknown[i];
          if (u != v) {
            set(u, ((bits >> k++) & 1) == 1 ? Tri.T : Tri.F, c, x);
          }
        }
        set(v, Tri.T, c, x);
        int whenTrue = combine(c, x, s.ro, s.xo);
        set(v, Tri.F, c, x);
        if (whenTrue != combine(c, x, s.ro, s.xo)) {
          return true;
        }
      }
      return false;
    }

    private void set(int variable, byte value, byte[] c, byte[] x) {
      if (variable < c.length) {
        c[variable] = value;
      } else {
        x[variable - c.length] = value;
      }
    }

    private long unknownFacts(Node n, byte[] values) {
      if (values[n.id] != Tri.U) {
        return 0;
      }
      long mask = n.leafFacts();
      for (Node child : n.children()) {
        mask |= unknownFacts(child, values);
      }
      return mask;
    }

    Finding finding(State s, Evaluation e, boolean explain) {
      var inForce = new ArrayList<RuleInForce>();
      long factMask = 0;
      for (int i = 0; i < rules.length; i++) {
        if (s.active[i] != null) {
          inForce.add(rules[i].inForce(s.active[i]));
          factMask |= s.active[i].facts;
        }
      }
      for (int i = 0; i < exceptions.length; i++) {
        if (s.activeExceptions[i] != null) {
          inForce.add(exceptions[i].inForce(s.activeExceptions[i]));
          factMask |= s.activeExceptions[i].facts;
        }
      }
      var groups = new ArrayList<String>();
      var sources = new Sources();
      LocalizedText reason;
      Optional<String> rule = Optional.empty();
      var decidingRules = new ArrayList<String>();
      if (!s.inForce) {
        reason = element.notInForce().reason();
        sources.addAll(allSources);
      } else {
        for (int i = 0; i < rules.length; i++) {
          if (s.c[i] == Tri.T) {
            rules[i].rule.group().ifPresent(groups::add);
          }
        }
        for (int i = 0; i < exceptions.length; i++) {
          if (s.x[i] == Tri.T && groundsNotAbsent(i, s)) {
            exceptions[i].rule.group().ifPresent(groups::add);
          }
        }
        var deciding = new ArrayList<LocalizedText>();
        if (s.outcome != Outcome.UNDETERMINED) {
          for (int i = 0; i < rules.length; i++) {
            if (and(s.c[i], Tri.not(lifted(i, s.x))) == Tri.T) {
              deciding.add(s.active[i].version.reason());
              sources.addAll(s.active[i].version.sources());
              decidingRules.add(rules[i].rule.id());
            }
          }
          if (deciding.isEmpty()) {
            for (int i = 0; i < exceptions.length; i++) {
              if (s.x[i] == Tri.T && groundsNotAbsent(i, s)) {
                deciding.add(s.activeExceptions[i].version.reason());
                sources.addAll(s.activeExceptions[i].version.sources());
                decidingRules.add(exceptions[i].rule.id());
                for (int r : targets[i]) {
                  if (s.active[r] != null && s.c[r] != Tri.F) {
                    sources.addAll(s.active[r].version.sources());
                  }
                }
              }
            }
          }
        }
        rule = decidingRules.stream().findFirst();
        if (s.outcome == Outcome.UNDETERMINED) {
          reason = undetermined(s.missing, e);
        } else if (!deciding.isEmpty()) {
          reason = join(deciding);
        } else {
          reason = element.otherwise().reason();
        }
        if (sources.isEmpty()) {
          for (VersionPlan v : s.active) {
            if (v != null) {
              sources.addAll(v.version.sources());
            }
          }
          for (VersionPlan v : s.activeExceptions) {
            if (v != null) {
              sources.addAll(v.version.sources());
            }
          }
        }
      }
      return new Finding(
          element.id(),
          s.outcome,
          groups,
          names(s.missing),
          names(s.missing & known(e)),
          reason,
          rule,
          decidingRules,
          inForce,
          sources.list(),
          known(factMask, e),
          assumptions,
          explain ? trace(s) : List.of());
    }

    /** Whether the rules an exception lifts are not certainly absent, so it decides. */
    private boolean groundsNotAbsent(int exception, State s) {
      for (int r : targets[exception]) {
        if (s.active[r] != null && s.c[r] != Tri.F) {
          return true;
        }
      }
      return false;
    }

    private List<RuleTrace> trace(State s) {
      var trace = new ArrayList<RuleTrace>();
      for (int i = 0; i < rules.length; i++) {
        if (s.active[i] != null) {
          trace.add(
              new RuleTrace(
                  rules[i].rule.id(),
                  s.active[i].number,
                  Tri.of(s.c[i]),
                  Tri.of(lifted(i, s.x)),
                  traceNode(s.active[i].condition, s.values)));
        }
      }
      for (int i = 0; i < exceptions.length; i++) {
        if (s.activeExceptions[i] != null) {
          trace.add(
              new RuleTrace(
                  exceptions[i].rule.id(),
                  s.activeExceptions[i].number,
                  Tri.of(s.x[i]),
                  Tri.FALSE,
                  traceNode(s.activeExceptions[i].condition, s.values)));
        }
      }
      return trace;
    }
  }

  private static TraceNode traceNode(Node n, byte[] values) {
    var children = new ArrayList<TraceNode>();
    n.children().forEach(c -> children.add(traceNode(c, values)));
    return new TraceNode(n.text, Tri.of(values[n.id]), children);
  }

  private List<String> names(long mask) {
    var names = new ArrayList<String>();
    var facts = pack.facts().facts();
    for (int i = 0; i < facts.size(); i++) {
      if ((mask & (1L << i)) != 0) {
        names.add(facts.get(i).name());
      }
    }
    return names;
  }

  private Map<String, Object> known(long mask, Evaluation e) {
    var map = new LinkedHashMap<String, Object>();
    var facts = pack.facts().facts();
    for (int i = 0; i < facts.size(); i++) {
      if ((mask & (1L << i)) != 0 && e.facts[i] != null) {
        map.put(facts.get(i).name(), e.facts[i]);
      }
    }
    return map;
  }

  /** "Cannot be determined yet" with the facts it waits for, by their labels. */
  private LocalizedText undetermined(long mask, Evaluation e) {
    var nl = new ArrayList<String>();
    var en = new ArrayList<String>();
    var facts = pack.facts().facts();
    for (int i = 0; i < facts.size(); i++) {
      if ((mask & (1L << i)) != 0) {
        boolean imprecise = e.facts[i] != null;
        nl.add(facts.get(i).label().nl() + (imprecise ? " (preciezer)" : ""));
        en.add(facts.get(i).label().en() + (imprecise ? " (more precisely)" : ""));
      }
    }
    return new LocalizedText(
        "Nog niet te bepalen; de uitkomst hangt af van: " + String.join(", ", nl) + ".",
        "Cannot be determined yet; the outcome depends on: " + String.join(", ", en) + ".");
  }

  /** The facts the case gives, as a bit mask. */
  private static long known(Evaluation e) {
    long mask = 0;
    for (int i = 0; i < e.facts.length; i++) {
      if (e.facts[i] != null) {
        mask |= 1L << i;
      }
    }
    return mask;
  }

  /** Source quotes without repeats: two rules may cite the same sentence. */
  private static final class Sources {
    private final Map<String, SourceQuote> byPlace = new LinkedHashMap<>();

    void addAll(List<SourceQuote> quotes) {
      for (SourceQuote q : quotes) {
        byPlace.putIfAbsent(q.document() + "@" + q.span().start() + "-" + q.span().end(), q);
      }
    }

    boolean isEmpty() {
      return byPlace.isEmpty();
    }

    List<SourceQuote> list() {
      return List.copyOf(byPlace.values());
    }
  }

  private static boolean contains(int[] a, int v) {
    for (int i : a) {
      if (i == v) {
        return true;
      }
    }
    return false;
  }

  private static byte and(byte a, byte b) {
    if (a == Tri.F || b == Tri.F) {
      return Tri.F;
    }
    return a == Tri.T && b == Tri.T ? Tri.T : Tri.U;
  }

  private static byte or(byte a, byte b) {
    if (a == Tri.T || b == Tri.T) {
      return Tri.T;
    }
    return a == Tri.F && b == Tri.F ? Tri.F : Tri.U;
  }

  // ---- rules -----------------------------------------------------------------------------------

  private static final class RulePlan {
    final Rule rule;
    final VersionPlan[] versions;

    RulePlan(Rule rule, ConditionCompiler compiler, AssumptionValues values) {
      this.rule = rule;
      this.versions = new VersionPlan[rule.versions().size()];
      for (int i = 0; i < versions.length; i++) {
        versions[i] = new VersionPlan(rule.versions().get(i), i + 1, compiler, values);
      }
    }

    RuleInForce inForce(VersionPlan v) {
      return new RuleInForce(
          rule.id(),
          v.number,
          versions.length,
          v.interval,
          assumptionOf(v.version.validity().from()),
          assumptionOf(v.version.validity().to()));
    }

    private static Optional<String> assumptionOf(Optional<DateRef> ref) {
      return ref.filter(DateRef.FromAssumption.class::isInstance)
          .map(r -> ((DateRef.FromAssumption) r).assumptionId());
    }

    VersionPlan active(LocalDate date) {
      for (VersionPlan v : versions) {
        if (v.contains(date)) {
          return v;
        }
      }
      return null;
    }
  }

  private static final class VersionPlan {
    final Rule.Version version;
    final int number;
    final Validity.Interval interval;

    /** The interval as epoch days, [from, to): selecting a version is two comparisons. */
    final long from;

    final long to;

    boolean contains(LocalDate date) {
      long day = date.toEpochDay();
      return day >= from && day < to;
    }

    final Node condition;
    final long facts;
    final Set<String> assumptions;

    VersionPlan(
        Rule.Version version, int number, ConditionCompiler compiler, AssumptionValues values) {
      this.version = version;
      this.number = number;
      this.interval = version.validity().resolve(values);
      this.from = interval.from().map(LocalDate::toEpochDay).orElse(Long.MIN_VALUE);
      this.to = interval.to().map(LocalDate::toEpochDay).orElse(Long.MAX_VALUE);
      ConditionCompiler.Compiled compiled = compiler.compile(version.when());
      this.condition = compiled.root();
      this.facts = ConditionCompiler.facts(condition);
      this.assumptions = compiled.assumptions();
    }
  }

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
