package org.asylex.app.impact;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.asylex.engine.assessment.AssumptionUse;
import org.asylex.engine.assessment.CompiledPolicy;
import org.asylex.engine.assessment.Finding;
import org.asylex.engine.assessment.RuleInForce;
import org.asylex.engine.policy.PolicyPack;
import org.asylex.engine.policy.Rule;
import org.asylex.engine.policy.SourceQuote;

/**
 * Finds what moved a finding between two points, and the sentences behind it, from the two findings
 * and the two compiled policies alone. Stateless; one per pair of policies and dates.
 */
final class Reasons {
  private static final DateTimeFormatter DUTCH =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("nl"));
  private static final DateTimeFormatter ENGLISH =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

  private final CompiledPolicy before;
  private final CompiledPolicy after;
  private final LocalDate from;
  private final LocalDate to;
  private final boolean samePack;

  /**
   * The sentences of each boundary, found once: there are as many boundaries as rule versions, and
   * finding them reads every quote of the version. Keyed by the version's identity.
   */
  private final Map<BoundaryKey, List<Quote>> boundarySources = new ConcurrentHashMap<>();

  private record BoundaryKey(Why.BoundaryCrossed why, Object version, Object pack) {
    @Override
    public boolean equals(Object o) {
      return o instanceof BoundaryKey k
          && k.why.equals(why)
          && k.version == version
          && k.pack == pack;
    }

    @Override
    public int hashCode() {
      return why.hashCode() * 31 + System.identityHashCode(version);
    }
  }

  Reasons(CompiledPolicy before, CompiledPolicy after, LocalDate from, LocalDate to) {
    this.before = before;
    this.after = after;
    this.from = from;
    this.to = to;
    this.samePack = before.pack().contentHash().equals(after.pack().contentHash());
    for (PolicyPack pack : List.of(before.pack(), after.pack())) {
      var byId = new java.util.HashMap<String, Rule>();
      pack.rules().forEach(r -> byId.putIfAbsent(r.id(), r));
      rules.put(pack, byId);
    }
  }

  /** Each pack's rules by id, once: a pack looks a rule up by walking its list. */
  private final Map<PolicyPack, Map<String, Rule>> rules = new java.util.IdentityHashMap<>();

  /** What moved it, with its sources. */
  record Explained(Why why, List<Quote> sources) {}

  /**
   * The last explanations of one worker, by the identity of all {@link #explain} reads of each
   * finding (its deciding rules, rules in force, assumptions, sources and missing facts): the same
   * instances give the same explanation, and the engine hands the same instances to the findings of
   * one table entry, so that a caseload explains each kind of change once (ADR 0028). Other
   * instances only miss. Not thread-safe: one per worker.
   */
  static final class Memo {
    private static final int SLOTS = 512;
    private static final int PARTS = 10;
    private final Object[] keys = new Object[SLOTS * PARTS];
    private final Explained[] explained = new Explained[SLOTS];

    /**
     * One instance of each explanation made so far (findings with other missing facts are often
     * explained alike), so that counting a kind of change finds it by identity ({@link
     * Tally.ElementTally#change}); bounded, as the slots are.
     */
    private final Map<Explained, Explained> canonical = new java.util.HashMap<>();

    private Reasons owner;

    Explained explain(Reasons r, Finding a, Finding b) {
      if (r != owner) {
        java.util.Arrays.fill(keys, null);
        java.util.Arrays.fill(explained, null);
        canonical.clear();
        owner = r;
      }
      int h = parts(a) * 31 + parts(b);
      int slot = (h ^ (h >>> 16)) & (SLOTS - 1);
      int k = slot * PARTS;
      Explained known = explained[slot];
      if (known != null && same(k, a) && same(k + PARTS / 2, b)) {
        return known;
      }
      Explained made = r.explain(a, b);
      // sources as an immutable list that List.copyOf (ChangedFinding) hands back as it is
      Explained e = new Explained(made.why(), List.copyOf(made.sources()));
      Explained same = canonical.get(e);
      if (same != null) {
        e = same;
      } else if (canonical.size() < SLOTS) {
        canonical.put(e, e);
      }
      put(k, a);
      put(k + PARTS / 2, b);
      explained[slot] = e;
      return e;
    }

    private static int parts(Finding f) {
      if (f == null) {
        return 0;
      }
      int h = System.identityHashCode(f.decidingRules());
      h = h * 31 + System.identityHashCode(f.rulesInForce());
      h = h * 31 + System.identityHashCode(f.assumptions());
      h = h * 31 + System.identityHashCode(f.sources());
      return h * 31 + System.identityHashCode(f.missingFacts());
    }

    private boolean same(int k, Finding f) {
      return f == null
          ? keys[k] == null
          : keys[k] == f.decidingRules()
              && keys[k + 1] == f.rulesInForce()
              && keys[k + 2] == f.assumptions()
              && keys[k + 3] == f.sources()
              && keys[k + 4] == f.missingFacts();
    }

    private void put(int k, Finding f) {
      keys[k] = f == null ? null : f.decidingRules();
      keys[k + 1] = f == null ? null : f.rulesInForce();
      keys[k + 2] = f == null ? null : f.assumptions();
      keys[k + 3] = f == null ? null : f.sources();
      keys[k + 4] = f == null ? null : f.missingFacts();
    }
  }

  /** Why {@code a} (at the first point; null when absent) became {@code b} (null when absent). */
  Explained explain(Finding a, Finding b) {
    if (!samePack) {
      Optional<Explained> changed = ruleChanged(a, b);
      if (changed.isPresent()) {
        return changed.get();
      }
    }
    Optional<Explained> assumption = assumptionChanged(a, b);
    if (assumption.isPresent()) {
      return assumption.get();
    }
    Optional<Explained> boundary = boundaryCrossed(a, b);
    if (boundary.isPresent()) {
      return boundary.get();
    }
    var sources = new ArrayList<Quote>();
    (b != null && !b.sources().isEmpty() ? b : a).sources().forEach(q -> sources.add(Quote.of(q)));
    return new Explained(
        new Why.FactsRead(
            a == null ? List.of() : a.missingFacts(), b == null ? List.of() : b.missingFacts()),
        sources);
  }

  private Optional<Explained> ruleChanged(Finding a, Finding b) {
    for (String id : ruleIds(a, b)) {
      Optional<RuleInForce> x = inForce(a, id);
      Optional<RuleInForce> y = inForce(b, id);
      Optional<Rule.Version> vx = x.flatMap(r -> version(before.pack(), r));
      Optional<Rule.Version> vy = y.flatMap(r -> version(after.pack(), r));
      boolean differs =
          vx.isPresent() != vy.isPresent()
              || (vx.isPresent() && !content(vx.get()).equals(content(vy.get())))
              || before.pack().rule(id).isPresent() != after.pack().rule(id).isPresent();
      if (differs) {
        List<SourceQuote> quotes = vy.or(() -> vx).map(Rule.Version::sources).orElse(List.of());
        return Optional.of(
            new Explained(
                new Why.RuleChanged(id, x.map(RuleInForce::version), y.map(RuleInForce::version)),
                quotes.stream().map(Quote::of).toList()));
      }
    }
    return Optional.empty();
  }

  private Optional<Explained> assumptionChanged(Finding a, Finding b) {
    if (a == null || b == null) {
      return Optional.empty();
    }
    for (AssumptionUse u : b.assumptions()) {
      Optional<AssumptionUse> was = Optional.empty();
      for (AssumptionUse v : a.assumptions()) {
        if (v.id().equals(u.id())) {
          was = Optional.of(v);
          break;
        }
      }
      if (was.isPresent() && !Objects.equals(was.get().value(), u.value())) {
        List<Quote> sources =
            after.pack().assumption(u.id()).map(x -> x.sources()).orElse(List.of()).stream()
                .map(Quote::of)
                .toList();
        return Optional.of(
            new Explained(
                new Why.AssumptionChanged(u.id(), was.get().value(), u.value()), sources));
      }
    }
    return Optional.empty();
  }

  private Optional<Explained> boundaryCrossed(Finding a, Finding b) {
    boolean forward = !to.isBefore(from);
    // the earlier and later findings, whichever way the comparison runs
    Finding early = forward ? a : b;
    Finding late = forward ? b : a;
    PolicyPack earlyPack = (forward ? before : after).pack();
    PolicyPack latePack = (forward ? after : before).pack();
    for (String id : ruleIds(a, b)) {
      Optional<RuleInForce> e = inForce(early, id);
      Optional<RuleInForce> l = inForce(late, id);
      if (e.isPresent() && l.isPresent() && e.get().version() == l.get().version()) {
        continue;
      }
      if (e.isEmpty() && l.isEmpty()) {
        continue;
      }
      Why.BoundaryCrossed why;
      Optional<Rule.Version> version;
      if (l.isEmpty()) {
        RuleInForce r = e.get();
        if (r.validity().to().isEmpty()) {
          continue;
        }
        why =
            new Why.BoundaryCrossed(
                id, r.validity().to().get(), Why.Crossing.LAPSES, r.toAssumption());
        version = version(earlyPack, r);
      } else {
        RuleInForce r = l.get();
        if (r.validity().from().isEmpty()) {
          continue;
        }
        why =
            new Why.BoundaryCrossed(
                id,
                r.validity().from().get(),
                e.isEmpty() ? Why.Crossing.COMES_INTO_FORCE : Why.Crossing.NEW_VERSION,
                r.fromAssumption());
        version = version(latePack, r);
      }
      Optional<Rule.Version> v = version;
      List<Quote> quotes =
          boundarySources.computeIfAbsent(
              new BoundaryKey(why, v.orElse(null), latePack), k -> sources(why, v, latePack));
      return Optional.of(new Explained(why, quotes));
    }
    return Optional.empty();
  }

  /**
   * The sentences behind a boundary: those of the version that name the date ("vervalt ... per 29
   * juni 2023"), else every sentence of the version (what comes into force, or lapses), else those
   * of the assumption the date is the value of.
   */
  private static List<Quote> sources(
      Why.BoundaryCrossed why, Optional<Rule.Version> version, PolicyPack pack) {
    List<SourceQuote> all = version.map(Rule.Version::sources).orElse(List.of());
    String nl = DUTCH.format(why.date());
    String en = ENGLISH.format(why.date());
    List<SourceQuote> naming =
        all.stream()
            .filter(
                q -> {
                  String text = q.quote().replaceAll("\\s+", " ");
                  return text.contains(nl) || text.contains(en) || text.contains(why.date() + "");
                })
            .toList();
    if (naming.isEmpty()) {
      naming = all; // what the rule says from then on, or until then
    }
    if (naming.isEmpty() && why.assumption().isPresent()) {
      naming = pack.assumption(why.assumption().get()).map(x -> x.sources()).orElse(List.of());
    }
    return naming.stream().map(Quote::of).toList();
  }

  /** The rules in force at either point, those that decided first. */
  private static List<String> ruleIds(Finding a, Finding b) {
    var ids = new java.util.LinkedHashSet<String>();
    for (Finding f : new Finding[] {b, a}) {
      if (f != null) {
        ids.addAll(f.decidingRules());
      }
    }
    for (Finding f : new Finding[] {b, a}) {
      if (f != null) {
        f.rulesInForce().forEach(r -> ids.add(r.ruleId()));
      }
    }
    return List.copyOf(ids);
  }

  private static Optional<RuleInForce> inForce(Finding f, String rule) {
    if (f != null) {
      for (RuleInForce r : f.rulesInForce()) {
        if (r.ruleId().equals(rule)) {
          return Optional.of(r);
        }
      }
    }
    return Optional.empty();
  }

  private Optional<Rule.Version> version(PolicyPack pack, RuleInForce r) {
    Rule rule = rules.get(pack).get(r.ruleId());
    if (rule == null || r.version() < 1 || r.version() > rule.versions().size()) {
      return Optional.empty();
    }
    return Optional.of(rule.versions().get(r.version() - 1));
  }

  /** What a version says, without where it stands in its file (an edit elsewhere moves it). */
  private static List<Object> content(Rule.Version v) {
    return List.of(
        v.validity().from().map(Object::toString).orElse(""),
        v.validity().to().map(Object::toString).orElse(""),
        v.when().text().replaceAll("\\s+", " ").strip(),
        v.outcome(),
        v.reason(),
        v.sources().stream().map(SourceQuote::quote).toList());
  }
}
