package org.asylex.app.impact;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import org.asylex.app.Refusal;
import org.asylex.app.Refused;
import org.asylex.app.Today;
import org.asylex.app.cases.CaseFiles;
import org.asylex.app.policy.FactCheck;
import org.asylex.app.policy.PolicyCatalog;
import org.asylex.engine.assessment.Assessment;
import org.asylex.engine.assessment.CaseFacts;
import org.asylex.engine.assessment.CompiledPolicy;
import org.asylex.engine.assessment.Outcomes;
import org.asylex.engine.policy.AssumptionValues;
import org.asylex.engine.policy.Outcome;
import org.asylex.engine.policy.PolicyPack;
import org.asylex.engine.policy.Rule;
import org.asylex.store.CaseFilter;
import org.asylex.store.CaseRecord;

/**
 * Stored cases whose findings change within a number of days of today because a rule's validity
 * boundary falls in that window (a moratorium lapses, a rule comes into force): each with the first
 * such date, the element, its outcomes on the day before and on the date, and why.
 */
public final class Deadlines {
  /** The longest window asked for: ten years. */
  public static final int MAX_DAYS = 3660;

  private static final int PAGE = 500;

  private final CaseFiles cases;
  private final PolicyCatalog policies;
  private final Today today;

  public Deadlines(CaseFiles cases, PolicyCatalog policies, Today today) {
    this.cases = Objects.requireNonNull(cases, "cases");
    this.policies = Objects.requireNonNull(policies, "policies");
    this.today = Objects.requireNonNull(today, "today");
  }

  /** A case whose finding on {@code element} changes on {@code date}. */
  public record Deadline(
      String id,
      Optional<String> reference,
      LocalDate date,
      String element,
      Optional<Outcome> before,
      Optional<Outcome> after,
      Why why) {}

  /** One page of deadlines, soonest first, and how many there are in all. */
  public record Page(
      List<Deadline> items, long total, int offset, int limit, LocalDate today, int days) {
    public Page {
      items = List.copyOf(items);
    }
  }

  /**
   * The cases {@code filter} selects whose findings change after today and at most {@code days}
   * days from today, soonest first (then by id).
   *
   * @throws Refused {@link Refusal.InvalidValue} when {@code days} is not 0 to {@value #MAX_DAYS}
   */
  public Page within(int days, CaseFilter filter, int offset, int limit, String actor) {
    Function<CaseRecord, Optional<Deadline>> first = firstWithin(days, element -> true);
    var found = new ArrayList<Deadline>();
    for (int at = 0; ; at += PAGE) {
      List<CaseRecord> page = cases.list(filter, at, PAGE, actor).items();
      for (CaseRecord c : page) {
        first.apply(c).ifPresent(found::add);
      }
      if (page.size() < PAGE) {
        break;
      }
    }
    found.sort(Comparator.comparing(Deadline::date).thenComparing(Deadline::id));
    int start = Math.min(offset, found.size());
    int end = (int) Math.min((long) start + limit, found.size());
    return new Page(found.subList(start, end), found.size(), offset, limit, today.date(), days);
  }

  /**
   * For a case already read, the first date after today and at most {@code days} days from today on
   * which one of its findings changes, if any: for callers that scan the cases themselves (and so
   * audit the reads once).
   *
   * @throws Refused {@link Refusal.InvalidValue} when {@code days} is not 0 to {@value #MAX_DAYS}
   */
  public Function<CaseRecord, Optional<Deadline>> firstWithin(
      int days, Predicate<String> elements) {
    if (days < 0 || days > MAX_DAYS) {
      throw new Refused(
          new Refusal.InvalidValue(
              "lapses-within",
              "out-of-range",
              "lapses-within takes a number of days from 0 to " + MAX_DAYS));
    }
    LocalDate from = today.date();
    TreeSet<LocalDate> boundaries = boundaries(from, from.plusDays(days));
    if (boundaries.isEmpty()) {
      return c -> Optional.empty();
    }
    var check = new FactCheck(policies);
    return c -> first(c, check, boundaries, elements);
  }

  /** Every validity boundary of every pack after {@code from} and up to {@code until}. */
  private TreeSet<LocalDate> boundaries(LocalDate from, LocalDate until) {
    var dates = new TreeSet<LocalDate>();
    for (PolicyPack pack : policies.packs()) {
      AssumptionValues values = policies.values(pack);
      for (Rule rule : pack.rules()) {
        for (Rule.Version v : rule.versions()) {
          var interval = v.validity().resolve(values);
          interval.from().ifPresent(dates::add);
          interval.to().ifPresent(dates::add);
        }
      }
    }
    return new TreeSet<>(dates.subSet(from, false, until, true));
  }

  /** The first boundary on which a finding of the case changes, if any. */
  private Optional<Deadline> first(
      CaseRecord c, FactCheck check, TreeSet<LocalDate> boundaries, Predicate<String> elements) {
    FactCheck.Checked checked = check.check(c.facts(), today.date(), "/facts", false);
    if (!checked.isValid()) {
      return Optional.empty(); // facts the pack no longer takes: 'case assess' reports them
    }
    PolicyPack pack = checked.pack().orElseThrow();
    CaseFacts facts = checked.facts().orElseThrow();
    CompiledPolicy policy = policies.compiled(pack);
    for (LocalDate date : boundaries) {
      LocalDate eve = date.minusDays(1);
      Outcomes before = policy.outcomes(facts, eve);
      Outcomes after = policy.outcomes(facts, date);
      for (int i = 0; i < before.size(); i++) {
        if (elements.test(before.element(i))
            && (before.outcome(i) != after.outcome(i)
                || !before.groups(i).equals(after.groups(i)))) {
          String element = before.element(i);
          Assessment a = policy.assess(facts, eve);
          Assessment b = policy.assess(facts, date);
          Reasons.Explained why =
              new Reasons(policy, policy, eve, date)
                  .explain(a.finding(element).orElseThrow(), b.finding(element).orElseThrow());
          return Optional.of(
              new Deadline(
                  c.id(),
                  c.reference(),
                  date,
                  element,
                  Optional.of(before.outcome(i)),
                  Optional.of(after.outcome(i)),
                  why.why()));
        }
      }
    }
    return Optional.empty();
  }
}
