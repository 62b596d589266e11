package org.asylex.app.impact;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.asylex.app.Refusal;
import org.asylex.app.Refused;
import org.asylex.app.cases.CaseFiles;
import org.asylex.app.policy.FactCheck;
import org.asylex.app.policy.PolicyCatalog;
import org.asylex.engine.assessment.CompiledPolicy;
import org.asylex.engine.assessment.Outcomes;
import org.asylex.engine.expr.Expr;
import org.asylex.engine.expr.Value;
import org.asylex.engine.policy.AssumptionValues;
import org.asylex.engine.policy.Definition;
import org.asylex.engine.policy.Element;
import org.asylex.engine.policy.FactDefinition;
import org.asylex.engine.policy.FactType;
import org.asylex.engine.policy.Outcome;
import org.asylex.engine.policy.PolicyPack;
import org.asylex.engine.policy.Rule;
import org.asylex.engine.policy.Slot;
import org.asylex.engine.policy.Validity;
import org.asylex.engine.time.PartialDate;
import org.asylex.store.CaseRecord;

/**
 * How many cases have a finding on each day of a period: by default, how many are under the
 * decision moratorium (an element of the slot {@code decision-moratorium} applies to them).
 *
 * <p>A case is not assessed on every day. Its finding can change only on a day that is a validity
 * boundary of its pack's rules, a date its conditions compare with, or a day its date facts (a
 * birth date) make an age or the fact check change: the anniversaries of the earliest and latest
 * day a (partial) date may be, and the day after each. Between two such days the finding holds; the
 * case is assessed once per stretch and counted for the whole stretch (a difference array summed
 * once at the end). A year's range costs a handful of assessments per case instead of 365.
 */
public final class DailyCounts {
  /** The longest period counted: ten years. */
  public static final int MAX_DAYS = 3660;

  private final PolicyCatalog policies;
  private final Map<String, String> assumptions;
  private final Slot slot;
  private final Outcome outcome;

  /**
   * Counts, per day, the cases with {@code outcome} on an element of {@code slot}, under the
   * deployment's assumption values with {@code assumptions} over them.
   */
  public DailyCounts(
      PolicyCatalog policies, Map<String, String> assumptions, Slot slot, Outcome outcome) {
    this.policies = Objects.requireNonNull(policies, "policies");
    this.assumptions = Map.copyOf(assumptions);
    this.slot = Objects.requireNonNull(slot, "slot");
    this.outcome = Objects.requireNonNull(outcome, "outcome");
  }

  /** The cases under the decision moratorium, per day. */
  public static DailyCounts underDecisionMoratorium(
      PolicyCatalog policies, Map<String, String> assumptions) {
    return new DailyCounts(policies, assumptions, Slot.DECISION_MORATORIUM, Outcome.APPLIES);
  }

  /**
   * The count on every day from {@code from} to {@code to}, both included.
   *
   * @param cases the cases assessed (whose facts are valid on the last day)
   * @param rejected the cases whose facts are not valid on the last day; never counted
   * @param assessments how many times a case was assessed (once per stretch), against {@code cases
   *     × days} for an assessment of every case on every day
   */
  public record Series(
      LocalDate from, LocalDate to, long cases, long rejected, long[] perDay, long assessments) {
    public Series {
      perDay = perDay.clone();
    }

    /** The count on {@code date}, which must lie in the period. */
    public long on(LocalDate date) {
      return perDay[(int) ChronoUnit.DAYS.between(from, date)];
    }

    /** The counts, day by day from {@code from}. */
    public List<Long> counts() {
      var list = new ArrayList<Long>(perDay.length);
      for (long c : perDay) {
        list.add(c);
      }
      return list;
    }

    /** The highest count of the period. */
    public long max() {
      long max = 0;
      for (long c : perDay) {
        max = Math.max(max, c);
      }
      return max;
    }
  }

  /**
   * A counter for the period: add cases one by one, then read the series.
   *
   * @throws Refused {@link Refusal.InvalidValue} when {@code to} is before {@code from} or the
   *     period is longer than {@value #MAX_DAYS} days; {@link Refusal.InvalidAssumptions} when an
   *     assumption value does not fit a pack
   */
  public Counter counter(LocalDate from, LocalDate to) {
    return new Counter(from, to);
  }

  /**
   * Counts every stored case, read from one consistent snapshot ({@code case.export} in the audit
   * trail, as the impact analysis of the stored cases).
   */
  public Series stored(CaseFiles cases, String actor, LocalDate from, LocalDate to) {
    return stored(cases, actor, Optional.empty(), from, to);
  }

  /**
   * {@link #stored(CaseFiles, String, LocalDate, LocalDate)}, of every case's facts as they were
   * recorded at {@code factsAsOf} when one is given (a case created later is left out), as the
   * impact analysis of the stored cases at that time reads them.
   */
  public Series stored(
      CaseFiles cases, String actor, Optional<Instant> factsAsOf, LocalDate from, LocalDate to) {
    Counter counter = counter(from, to);
    Consumer<CaseRecord> add = c -> counter.add(c.facts());
    if (factsAsOf.isPresent()) {
      cases.exportAsOf(factsAsOf.get(), actor, add);
    } else {
      cases.export(actor, add);
    }
    return counter.series();
  }

  /** Adds cases to the counts of one period. Not thread-safe. */
  public final class Counter {
    private final LocalDate from;
    private final LocalDate to;
    private final int days;
    private final long[] diff;
    private final FactCheck check = new FactCheck(policies);
    private final Map<String, PackDays> packs = new HashMap<>();
    private long cases;
    private long rejected;
    private long assessments;

    private Counter(LocalDate from, LocalDate to) {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
      long span = ChronoUnit.DAYS.between(from, to) + 1;
      if (span < 1 || span > MAX_DAYS) {
        throw new Refused(
            new Refusal.InvalidValue(
                "to",
                "out-of-range",
                "the period runs from a day to the same or a later day, at most "
                    + MAX_DAYS
                    + " days"));
      }
      this.from = from;
      this.to = to;
      this.days = (int) span;
      this.diff = new long[days + 1];
      for (PolicyPack pack : policies.packs()) {
        packs.put(pack.id(), new PackDays(pack));
      }
    }

    /** Adds one case by its raw facts (as stored, or as a case file's line holds them). */
    public void add(Map<String, ?> raw) {
      FactCheck.Checked checked = check.check(raw, to, "/facts", false);
      if (!checked.isValid()) {
        rejected++;
        return;
      }
      cases++;
      PackDays pack = packs.get(checked.pack().orElseThrow().id());
      var facts = checked.facts().orElseThrow();
      TreeSet<LocalDate> starts = new TreeSet<>(pack.boundaries);
      boolean dated = caseBoundaries(pack.pack, raw, starts);
      LocalDate start = from;
      for (LocalDate next : starts.tailSet(from, false)) {
        count(pack, raw, facts, start, next, dated);
        start = next;
      }
      count(pack, raw, facts, start, to.plusDays(1), dated);
    }

    private void count(
        PackDays pack,
        Map<String, ?> raw,
        org.asylex.engine.assessment.CaseFacts facts,
        LocalDate start,
        LocalDate end,
        boolean dated) {
      if (dated && !check.check(raw, start, "/facts", false).isValid()) {
        return; // a date fact after this day: not a case on this day
      }
      assessments++;
      Outcomes outcomes = pack.compiled.outcomes(facts, start);
      for (int i = 0; i < outcomes.size(); i++) {
        if (pack.elements.contains(outcomes.element(i)) && outcomes.outcome(i) == outcome) {
          diff[(int) ChronoUnit.DAYS.between(from, start)]++;
          diff[(int) ChronoUnit.DAYS.between(from, end)]--;
          return;
        }
      }
    }

    /**
     * Adds the days after {@code from} and up to {@code to} on which the case's date facts can
     * change an age or the fact check; whether it has any date fact that late.
     */
    private boolean caseBoundaries(PolicyPack pack, Map<String, ?> raw, TreeSet<LocalDate> into) {
      boolean dated = false;
      for (FactDefinition f : pack.facts().facts()) {
        if ((f.type() == FactType.DATE || f.type() == FactType.PARTIAL_DATE)
            && raw.get(f.name()) instanceof String text) {
          Optional<PartialDate> date = PartialDate.parse(text);
          if (date.isPresent()) {
            dated |= !date.get().latest().isBefore(from);
            anniversaries(date.get().earliest(), into);
            anniversaries(date.get().latest(), into);
          }
        }
      }
      return dated;
    }

    /** Every anniversary of {@code day} in the period, and the day after each. */
    private void anniversaries(LocalDate day, TreeSet<LocalDate> into) {
      int first = Math.max(0, from.getYear() - day.getYear() - 1);
      for (int n = first; ; n++) {
        LocalDate a = day.plusYears(n);
        if (a.isAfter(to)) {
          return;
        }
        add(a, into);
        add(a.plusDays(1), into);
      }
    }

    private void add(LocalDate day, TreeSet<LocalDate> into) {
      if (day.isAfter(from) && !day.isAfter(to)) {
        into.add(day);
      }
    }

    /** The counts so far. */
    public Series series() {
      long[] perDay = new long[days];
      long running = 0;
      for (int i = 0; i < days; i++) {
        running += diff[i];
        perDay[i] = running;
      }
      return new Series(from, to, cases, rejected, perDay, assessments);
    }

    /** A pack made ready: compiled, its counted elements, its days of change in the period. */
    private final class PackDays {
      final PolicyPack pack;
      final CompiledPolicy compiled;
      final java.util.Set<String> elements = new java.util.HashSet<>();
      final TreeSet<LocalDate> boundaries = new TreeSet<>();

      PackDays(PolicyPack pack) {
        this.pack = pack;
        this.compiled = policies.compiled(pack, assumptions);
        AssumptionValues values = policies.values(pack, assumptions);
        for (Element e : pack.elements()) {
          if (e.slot() == slot) {
            elements.add(e.id());
          }
        }
        for (Rule rule : pack.rules()) {
          for (Rule.Version v : rule.versions()) {
            Validity.Interval in = v.validity().resolve(values);
            in.from().ifPresent(d -> add(d, boundaries));
            in.to().ifPresent(d -> add(d, boundaries));
            dates(v.when().expr(), values);
          }
        }
        for (Definition d : pack.definitions()) {
          dates(d.condition().expr(), values);
        }
      }

      /**
       * The dates a condition compares with (a literal or a date assumption), and the day after.
       */
      private void dates(Expr e, AssumptionValues values) {
        Optional<LocalDate> date = Optional.empty();
        if (e instanceof Expr.Literal l && l.value() instanceof Value.Date d) {
          date = Optional.of(d.value());
        } else if (e instanceof Expr.AssumptionRef a
            && values.get(a.id()).orElse(null) instanceof Value.Date d) {
          date = Optional.of(d.value());
        }
        date.ifPresent(
            d -> {
              add(d, boundaries);
              add(d.plusDays(1), boundaries);
            });
        for (Expr child : children(e)) {
          dates(child, values);
        }
      }
    }
  }

  private static List<Expr> children(Expr e) {
    if (e instanceof Expr.Not n) {
      return List.of(n.operand());
    }
    if (e instanceof Expr.And a) {
      return a.operands();
    }
    if (e instanceof Expr.Or o) {
      return o.operands();
    }
    if (e instanceof Expr.Compare c) {
      return List.of(c.left(), c.right());
    }
    if (e instanceof Expr.In i) {
      var list = new ArrayList<Expr>();
      list.add(i.value());
      list.addAll(i.options());
      return list;
    }
    if (e instanceof Expr.Call c) {
      return c.arguments();
    }
    return List.of();
  }
}
