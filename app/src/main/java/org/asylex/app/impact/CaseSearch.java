package org.asylex.app.impact;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.asylex.app.Refusal;
import org.asylex.app.Refused;
import org.asylex.app.Today;
import org.asylex.app.cases.CaseFiles;
import org.asylex.app.policy.FactCheck;
import org.asylex.app.policy.PolicyCatalog;
import org.asylex.engine.assessment.Outcomes;
import org.asylex.engine.policy.Element;
import org.asylex.engine.policy.Outcome;
import org.asylex.engine.policy.PolicyPack;
import org.asylex.engine.policy.Slot;
import org.asylex.store.CaseFilter;
import org.asylex.store.CaseRecord;

/**
 * The case list with search and filters by finding: each stored case is assessed as of today with
 * the deployment's compiled policy (the engine's outcome path, no explanation built) and kept when
 * it matches; paging and sort come after. A search with no condition is the plain case list. Every
 * case read is audited by the store ({@code case.list}), as the API's case list with {@code
 * lapses-within} is: to filter by finding, every case's facts are read.
 */
public final class CaseSearch {
  private static final int PAGE = 500;

  private final CaseFiles cases;
  private final PolicyCatalog policies;
  private final Today today;
  private final Deadlines deadlines;

  public CaseSearch(CaseFiles cases, PolicyCatalog policies, Today today, Deadlines deadlines) {
    this.cases = Objects.requireNonNull(cases, "cases");
    this.policies = Objects.requireNonNull(policies, "policies");
    this.today = Objects.requireNonNull(today, "today");
    this.deadlines = Objects.requireNonNull(deadlines, "deadlines");
  }

  /** A condition on the findings of a case today. */
  public enum Finding {
    /** The decision moratorium applies today. */
    MORATORIUM("decision-moratorium"),
    /** The applicant belongs to a risk group today. */
    RISK_GROUP("risk-groups"),
    /** At least one element is undetermined today: facts are missing. */
    UNDETERMINED("undetermined");

    private final String id;

    Finding(String id) {
      this.id = id;
    }

    public String id() {
      return id;
    }

    /**
     * @throws Refused {@link Refusal.InvalidValue} for an id that names no finding
     */
    public static Finding of(String id) {
      for (Finding f : values()) {
        if (f.id.equals(id)) {
          return f;
        }
      }
      throw new Refused(
          new Refusal.InvalidValue(
              "finding",
              "unknown-finding",
              "finding is decision-moratorium, risk-groups or undetermined"));
    }
  }

  /** The order of the list. */
  public enum Sort {
    ID,
    REFERENCE,
    /** Most recently changed first. */
    UPDATED
  }

  /**
   * What to look for.
   *
   * @param text part of the id or of the reference, ignoring case; empty for any
   * @param findings conditions every listed case meets
   * @param lapsesWithin when present, only cases under the decision moratorium today that lapses
   *     for them after today and at most this many days from today
   */
  public record Query(String text, Set<Finding> findings, OptionalInt lapsesWithin, Sort sort) {
    public Query {
      text = text == null ? "" : text.strip();
      findings = findings.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(findings));
      Objects.requireNonNull(lapsesWithin, "lapsesWithin");
      Objects.requireNonNull(sort, "sort");
    }

    public static Query all() {
      return new Query("", Set.of(), OptionalInt.empty(), Sort.ID);
    }

    /** Whether this is the plain case list. */
    public boolean plain() {
      return text.isEmpty() && findings.isEmpty() && lapsesWithin.isEmpty() && sort == Sort.ID;
    }
  }

  /** A listed case and, with {@code lapsesWithin}, the date its moratorium lapses. */
  public record Row(CaseRecord record, Optional<LocalDate> lapses) {}

  /** One page of the list and how many cases match in all. */
  public record Page(List<Row> items, long total, int offset, int limit, LocalDate today) {
    public Page {
      items = List.copyOf(items);
    }
  }

  /**
   * The cases that match {@code query}, in its order, {@code limit} from {@code offset}, read as
   * {@code actor}.
   *
   * @throws Refused {@link Refusal.InvalidValue} when {@code lapsesWithin} is out of range
   */
  public Page find(Query query, int offset, int limit, String actor) {
    return find(query, CaseFilter.all(), offset, limit, actor);
  }

  /**
   * {@link #find(Query, int, int, String)} among the cases {@code filter} selects by their facts.
   *
   * @throws Refused {@link Refusal.InvalidValue} when {@code lapsesWithin} is out of range
   */
  public Page find(Query query, CaseFilter filter, int offset, int limit, String actor) {
    LocalDate date = today.date();
    if (query.plain()) {
      CaseFiles.Page page = cases.list(filter, offset, limit, actor);
      return new Page(
          page.items().stream().map(c -> new Row(c, Optional.empty())).toList(),
          page.total(),
          offset,
          limit,
          date);
    }
    Function<CaseRecord, Optional<Deadlines.Deadline>> lapse =
        query.lapsesWithin().isPresent()
            ? deadlines.firstWithin(
                query.lapsesWithin().getAsInt(), inSlot(Slot.DECISION_MORATORIUM)::contains)
            : c -> Optional.empty();
    Predicate<CaseRecord> matches = findings(query.findings(), date);
    var found = new ArrayList<Row>();
    for (int at = 0; ; at += PAGE) {
      List<CaseRecord> page = cases.list(filter, at, PAGE, actor).items();
      for (CaseRecord c : page) {
        if (!text(c, query.text()) || !matches.test(c)) {
          continue;
        }
        if (query.lapsesWithin().isEmpty()) {
          found.add(new Row(c, Optional.empty()));
        } else {
          lapse
              .apply(c)
              .filter(d -> d.before().orElse(null) == Outcome.APPLIES)
              .ifPresent(d -> found.add(new Row(c, Optional.of(d.date()))));
        }
      }
      if (page.size() < PAGE) {
        break;
      }
    }
    found.sort(order(query.sort()));
    int start = Math.min(offset, found.size());
    int end = (int) Math.min((long) start + limit, found.size());
    return new Page(found.subList(start, end), found.size(), offset, limit, date);
  }

  private static boolean text(CaseRecord c, String text) {
    if (text.isEmpty()) {
      return true;
    }
    String t = text.toLowerCase(Locale.ROOT);
    return c.id().toLowerCase(Locale.ROOT).contains(t)
        || c.reference().map(r -> r.toLowerCase(Locale.ROOT).contains(t)).orElse(false);
  }

  /** Assesses a case today, once, for every finding condition asked. */
  private Predicate<CaseRecord> findings(Set<Finding> wanted, LocalDate date) {
    if (wanted.isEmpty()) {
      return c -> true;
    }
    var check = new FactCheck(policies);
    return c -> {
      FactCheck.Checked checked = check.check(c.facts(), date, "/facts", false);
      if (!checked.isValid()) {
        return false; // facts the pack does not take: 'case assess' reports them
      }
      PolicyPack pack = checked.pack().orElseThrow();
      Outcomes outcomes = policies.compiled(pack).outcomes(checked.facts().orElseThrow(), date);
      for (Finding f : wanted) {
        if (!holds(f, pack, outcomes)) {
          return false;
        }
      }
      return true;
    };
  }

  /**
   * Whether the finding holds: the element of the slot applies, or any element is undetermined.
   * Elements are known by their slot, the generic section of every country policy, never by a
   * pack's own ids.
   */
  static boolean holds(Finding f, PolicyPack pack, Outcomes outcomes) {
    for (int i = 0; i < outcomes.size(); i++) {
      Outcome o = outcomes.outcome(i);
      Optional<Slot> slot = slotOf(pack, outcomes.element(i));
      boolean hit =
          switch (f) {
            case MORATORIUM ->
                slot.equals(Optional.of(Slot.DECISION_MORATORIUM)) && o == Outcome.APPLIES;
            case RISK_GROUP -> slot.equals(Optional.of(Slot.RISK_GROUPS)) && o == Outcome.APPLIES;
            case UNDETERMINED -> o == Outcome.UNDETERMINED;
          };
      if (hit) {
        return true;
      }
    }
    return false;
  }

  private static Optional<Slot> slotOf(PolicyPack pack, String element) {
    return pack.elements().stream()
        .filter(e -> e.id().equals(element))
        .map(Element::slot)
        .findFirst();
  }

  /** The ids of the elements of every pack that fill {@code slot}. */
  private Set<String> inSlot(Slot slot) {
    var ids = new java.util.HashSet<String>();
    for (PolicyPack pack : policies.packs()) {
      pack.elements().stream().filter(e -> e.slot() == slot).forEach(e -> ids.add(e.id()));
    }
    return ids;
  }

  private static Comparator<Row> order(Sort sort) {
    Comparator<Row> byId = Comparator.comparing(r -> r.record().id());
    return switch (sort) {
      case ID -> byId;
      case REFERENCE ->
          Comparator.<Row, String>comparing(r -> r.record().reference().orElse("\uffff"))
              .thenComparing(byId);
      case UPDATED ->
          Comparator.<Row, java.time.Instant>comparing(r -> r.record().updated())
              .reversed()
              .thenComparing(byId);
    };
  }
}
