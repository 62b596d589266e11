package org.asylex.engine.assessment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.asylex.engine.expr.Value;
import org.asylex.engine.policy.Assumption;
import org.asylex.engine.policy.AssumptionValues;
import org.asylex.engine.policy.Element;
import org.asylex.engine.policy.Outcome;
import org.asylex.engine.policy.PolicyPack;
import org.asylex.engine.text.LocalizedText;

/**
 * A checked pack compiled under one set of assumption values: assesses cases as of a date. It is
 * immutable and serves any number of threads; compile it once per pack and assumption set.
 *
 * <p>Per element: the rule versions valid on the date are selected; each rule's condition is
 * evaluated three-valued; an exception that holds lifts the rules it names; the element holds when
 * any rule holds and is not lifted. An unknown result is {@code undetermined}, and its missing
 * facts are the unknown facts that could still change the outcome. Each element's {@link
 * ElementDecision} is computed once ({@link ElementPlan}) and read by both {@link #outcomes} and
 * {@link #assess}.
 */
public final class CompiledPolicy {
  private final PolicyPack pack;
  private final AssumptionValues values;
  private final PolicyRef ref;
  private final List<ElementPlan> elements;
  private final List<String> elementIds;
  private final List<AssumptionUse> allAssumptions;
  private final Explanation explanation;
  private final int nodeCount;

  /** Every condition and reason wording as one flat program, by node id. */
  private final ConditionProgram program;

  /** Where the versions in force change. */
  private final DateSegments dates;

  /**
   * Per segment (see {@link DateSegments}), each element's versions in force and combination table.
   */
  private final ElementSegment[][] segments;

  /**
   * The atom tables, built when the policy first serves a caseload ({@link #newOutcomes}): a single
   * assessment (a command line run, an API request) walks the program and does not pay for them.
   * Written once under this policy's lock, then only read.
   */
  private volatile AtomTables atomTables;

  /** The most conditions in force for one element on one segment: the frame's scratch size. */
  private final int maxConditions;

  /** Fact names by schema index. */
  private final String[] factNames;

  /** The "cannot be determined yet" reasons and the fact-name lists met so far, by mask. */
  private final java.util.concurrent.ConcurrentHashMap<MaskPair, LocalizedText>
      undeterminedReasons = new java.util.concurrent.ConcurrentHashMap<>();

  private final java.util.concurrent.ConcurrentHashMap<Long, List<String>> names =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** A bound on each cache: a pack has few masks that occur, but nothing may grow without end. */
  private static final int CACHE_LIMIT = 4096;

  private record MaskPair(long missing, long known) {}

  private CompiledPolicy(PolicyPack pack, AssumptionValues values) {
    this.pack = pack;
    this.values = values;
    this.ref = new PolicyRef(pack.id(), pack.version(), pack.contentHash());
    this.allAssumptions = pack.assumptions().stream().map(a -> use(a, values)).toList();
    var compiler = new ConditionCompiler(pack, values);
    var ordered = new ArrayList<>(pack.elements());
    ordered.sort(Comparator.comparing(Element::slot));
    var plans = new ArrayList<ElementPlan>();
    for (Element e : ordered) {
      plans.add(new ElementPlan(e, pack, compiler, values, allAssumptions));
    }
    this.elements = List.copyOf(plans);
    this.elementIds = plans.stream().map(p -> p.element.id()).toList();
    this.nodeCount = compiler.nodeCount();
    this.explanation = new Explanation(pack.facts());
    this.program = new ConditionProgram(compiler.roots(), nodeCount, pack.facts().facts());
    this.dates = new DateSegments(plans);
    this.segments = new ElementSegment[dates.count()][plans.size()];
    int most = 0;
    for (int seg = 0; seg < segments.length; seg++) {
      long day = dates.day(seg);
      for (int i = 0; i < plans.size(); i++) {
        segments[seg][i] = new ElementSegment(plans.get(i), day);
        most = Math.max(most, segments[seg][i].conditions.length);
      }
    }
    this.maxConditions = most;
    this.factNames = pack.facts().facts().stream().map(f -> f.name()).toArray(String[]::new);
  }

  /** The atom tables, built on first use. */
  private AtomTables atomTables() {
    AtomTables a = atomTables;
    if (a == null) {
      synchronized (this) {
        a = atomTables;
        if (a == null) {
          a = new AtomTables(segments, program, pack.facts().facts(), nodeCount, maxConditions);
          atomTables = a;
        }
      }
    }
    return a;
  }

  /**
   * Compiles {@code pack} (which must have passed its check) under {@code values}.
   *
   * @throws PolicyConflictException when the values make two rules decide the same thing, or give
   *     different outcomes, on the same date
   */
  public static CompiledPolicy compile(PolicyPack pack, AssumptionValues values) {
    PolicyConflicts.check(pack, values);
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
    checkSchema(facts);
    int n = elementIds.size();
    var outcomes = new Outcome[n];
    var missing = new long[n];
    @SuppressWarnings({"unchecked", "rawtypes"})
    List<String>[] groups = new List[n];
    Frame f = frame(facts, asOf);
    fill(facts, asOf, f, dates.of(f), null, outcomes, missing, groups);
    return new Outcomes(elementIds, outcomes, missing, groups);
  }

  /**
   * A buffer for {@link #outcomes(CaseFacts, LocalDate, Outcomes)}: one per thread running over a
   * caseload.
   */
  public Outcomes newOutcomes() {
    atomTables();
    return new Outcomes(elementIds, maxConditions);
  }

  /**
   * The outcomes and missing facts, as {@link #outcomes(CaseFacts, LocalDate)} gives them, written
   * into {@code into} (from {@link #newOutcomes} of this policy) and returned: a run over a
   * caseload allocates nothing per case. Each call overwrites what the previous one wrote; a caller
   * that keeps an outcome copies it out first.
   *
   * @throws IllegalArgumentException when {@code into} is not a buffer of this policy
   */
  public Outcomes outcomes(CaseFacts facts, LocalDate asOf, Outcomes into) {
    if (!into.bufferFor(elementIds)) {
      throw new IllegalArgumentException("not an outcomes buffer of this policy (newOutcomes)");
    }
    checkSchema(facts);
    Frame f = into.frame.load(facts, asOf);
    int seg = dates.of(f);
    AtomTables a = atomTables; // built by newOutcomes, which made the buffer
    a.slots.load(seg, f);
    AtomTable[] row = a.tables[seg];
    int[] same = a.sameIndexAs[seg];
    int[] index = into.decidedBy(row);
    for (int i = 0; i < row.length; i++) {
      AtomTable t = row[i];
      if (t != null) {
        index[i] = same[i] >= 0 ? index[same[i]] : t.index(f);
      }
    }
    if (!a.complete[seg]) {
      fill(facts, asOf, f, seg, row, into.outcomeArray(), into.missingArray(), into.groupArray());
    }
    return into;
  }

  /** The frame of one case on the fast path. */
  private Frame frame(CaseFacts facts, LocalDate asOf) {
    return program.loadLeaves(new Frame(facts, asOf, maxConditions));
  }

  /**
   * Writes the outcomes of the case in {@code f} (on segment {@code seg}) into the arrays, by the
   * program walk or the reference: of every element, or of those {@code decided} (the segment's
   * atom tables, if given) has no table for.
   */
  private void fill(
      CaseFacts facts,
      LocalDate asOf,
      Frame f,
      int seg,
      AtomTable[] decided,
      Outcome[] outcomes,
      long[] missing,
      List<String>[] groups) {
    ElementSegment[] row = segments[seg];
    int n = row.length;
    Evaluation reference = null;
    boolean leaves = false;
    for (int i = 0; i < n; i++) {
      if (decided != null && decided[i] != null) {
        continue;
      }
      ElementSegment g = row[i];
      if (g.entries == null) {
        if (reference == null) {
          reference = new Evaluation(facts.values(), asOf, nodeCount);
        }
        ElementPlan p = elements.get(i);
        ElementState s = p.evaluate(reference);
        ElementDecision d = p.decide(s);
        outcomes[i] = d.outcome();
        missing[i] = d.missingFacts();
        groups[i] =
            p.element.groups().isEmpty() || !s.inForce ? List.of() : Explanation.groups(p, s);
        continue;
      }
      if (!leaves) {
        program.loadLeaves(f); // read by the program walk only
        leaves = true;
      }
      ElementSegment.Entry en = g.entries[g.index(program, f)];
      outcomes[i] = en.outcome;
      missing[i] = en.matters == 0 ? 0 : ElementSegment.missing(en.matters, f);
      groups[i] = en.outcomeGroups;
    }
  }

  /**
   * How an element is decided on a segment by a caseload run (a single assessment walks the program
   * where this says atom table); tests check that each way is taken.
   */
  enum Path {
    ATOM_TABLE,
    PROGRAM_WALK,
    REFERENCE
  }

  Path path(String element, LocalDate asOf) {
    int seg = dates.of(asOf);
    int i = elementIds.indexOf(element);
    return atomTables().tables[seg][i] != null
        ? Path.ATOM_TABLE
        : segments[seg][i].entries != null ? Path.PROGRAM_WALK : Path.REFERENCE;
  }

  /** The full assessment: findings with reasons, sources, facts, assumptions. */
  public Assessment assess(CaseFacts facts, LocalDate asOf) {
    return assess(facts, asOf, false);
  }

  /** The full assessment; with {@code explain}, each finding carries its evaluation trace. */
  public Assessment assess(CaseFacts facts, LocalDate asOf, boolean explain) {
    if (explain) {
      return referenceAssess(facts, asOf, true);
    }
    checkSchema(facts);
    Object[] values = facts.values();
    int seg = dates.of(asOf);
    ElementSegment[] row = segments[seg];
    var f = frame(facts, asOf);
    long known = facts.knownMask();
    int n = row.length;
    var findings = new Finding[n];
    var missing = new long[n];
    Evaluation reference = null;
    for (int i = 0; i < n; i++) {
      ElementSegment g = row[i];
      if (g.entries == null) {
        if (reference == null) {
          reference = new Evaluation(values, asOf, nodeCount);
        }
        ElementPlan p = elements.get(i);
        ElementState s = p.evaluate(reference);
        ElementDecision d = p.decide(s);
        findings[i] = explanation.finding(p, s, d, reference, false);
        missing[i] = d.missingFacts();
        continue;
      }
      findings[i] = finding(i, g, f, known);
      missing[i] = f.mask;
    }
    return new Assessment(
        asOf,
        ref,
        allAssumptions,
        List.of(findings),
        NextQuestions.of(pack.facts(), elementIds, missing));
  }

  /**
   * The finding of element {@code i} on the fast path, from its segment's table entry; leaves the
   * missing-fact mask in {@code f.mask}.
   */
  private Finding finding(int i, ElementSegment g, Frame f, long known) {
    ElementSegment.Entry en = g.entries[g.index(program, f)];
    long missing = en.matters == 0 ? 0 : ElementSegment.missing(en.matters, f);
    LocalizedText reason =
        en.undetermined ? undeterminedReason(missing, known) : en.reason(program, f);
    var finding =
        new Finding(
            elementIds.get(i),
            en.outcome,
            en.findingGroups,
            names(missing),
            names(missing & known),
            reason,
            en.rule,
            en.decidingRules,
            g.rulesInForce,
            en.sources,
            FactsUsed.of(g.factMask & known, factNames, f.facts),
            en.assumptions,
            List.of());
    f.mask = missing;
    return finding;
  }

  private LocalizedText undeterminedReason(long missing, long known) {
    var key = new MaskPair(missing, missing & known);
    LocalizedText cached = undeterminedReasons.get(key);
    if (cached != null) {
      return cached;
    }
    LocalizedText reason = explanation.undetermined(missing, known);
    if (undeterminedReasons.size() < CACHE_LIMIT) {
      undeterminedReasons.putIfAbsent(key, reason);
    }
    return reason;
  }

  private List<String> names(long mask) {
    if (mask == 0) {
      return List.of();
    }
    Long key = mask;
    List<String> cached = names.get(key);
    if (cached != null) {
      return cached;
    }
    List<String> list = List.copyOf(explanation.names(mask));
    if (names.size() < CACHE_LIMIT) {
      names.putIfAbsent(key, list);
    }
    return list;
  }

  /**
   * The finding on one element alone, as {@link #assess} gives it (without a trace): for a caller
   * that needs the reasons of a few findings of many cases, such as an impact analysis explaining
   * only the findings that changed.
   */
  public java.util.Optional<Finding> finding(CaseFacts facts, LocalDate asOf, String element) {
    int i = elementIds.indexOf(element);
    if (i < 0) {
      return java.util.Optional.empty();
    }
    checkSchema(facts);
    int seg = dates.of(asOf);
    ElementSegment g = segments[seg][i];
    if (g.entries == null) {
      var e = evaluation(facts, asOf);
      ElementPlan p = elements.get(i);
      ElementState s = p.evaluate(e);
      return java.util.Optional.of(explanation.finding(p, s, p.decide(s), e, false));
    }
    var f = frame(facts, asOf);
    return java.util.Optional.of(finding(i, g, f, facts.knownMask()));
  }

  /**
   * The reference evaluation of {@link #outcomes}: every element through its plan's state, decision
   * and missing-fact search, as the engine's rules are written down (docs/engine.md §3). The fast
   * path must give the same; the property tests hold them to it.
   */
  Outcomes referenceOutcomes(CaseFacts facts, LocalDate asOf) {
    var e = evaluation(facts, asOf);
    var outcomes = new Outcome[elements.size()];
    var missing = new long[elements.size()];
    var groups = new ArrayList<List<String>>(elements.size());
    for (int i = 0; i < outcomes.length; i++) {
      ElementPlan p = elements.get(i);
      ElementState s = p.evaluate(e);
      ElementDecision d = p.decide(s);
      outcomes[i] = d.outcome();
      missing[i] = d.missingFacts();
      // only elements with groups pay for the list
      groups.add(p.element.groups().isEmpty() || !s.inForce ? List.of() : Explanation.groups(p, s));
    }
    return new Outcomes(elementIds, outcomes, missing, groups);
  }

  /** The reference evaluation of {@link #assess}, with or without the trace. */
  Assessment referenceAssess(CaseFacts facts, LocalDate asOf, boolean explain) {
    var e = evaluation(facts, asOf);
    var findings = new ArrayList<Finding>(elements.size());
    for (ElementPlan p : elements) {
      ElementState s = p.evaluate(e);
      findings.add(explanation.finding(p, s, p.decide(s), e, explain));
    }
    return new Assessment(
        asOf, ref, allAssumptions, findings, NextQuestions.of(pack.facts(), findings));
  }

  private void checkSchema(CaseFacts facts) {
    // identity first: a deep comparison of the schema on every case costs more than the case
    if (facts.schema() != pack.facts() && !facts.schema().equals(pack.facts())) {
      throw new IllegalArgumentException("the facts were checked against another pack's schema");
    }
  }

  private Evaluation evaluation(CaseFacts facts, LocalDate asOf) {
    checkSchema(facts);
    return new Evaluation(facts.values(), asOf, nodeCount);
  }

  private static AssumptionUse use(Assumption a, AssumptionValues values) {
    String value = values.get(a.id()).map(CompiledPolicy::plain).orElse(a.defaultValue());
    return new AssumptionUse(
        a.id(), a.kind(), a.type(), value, a.defaultValue(), values.isOverridden(a.id()));
  }

  private static String plain(Value v) {
    return v instanceof Value.Text t ? t.value() : v.toString();
  }
}
