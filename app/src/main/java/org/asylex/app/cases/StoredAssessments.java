package org.asylex.app.cases;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import org.asylex.app.Refusal;
import org.asylex.app.Refused;
import org.asylex.app.Today;
import org.asylex.app.policy.FactCheck;
import org.asylex.app.policy.PolicyCatalog;
import org.asylex.engine.assessment.Assessment;
import org.asylex.engine.assessment.CaseInput;
import org.asylex.engine.assessment.PolicyConflictException;
import org.asylex.engine.policy.PolicyPack;
import org.asylex.json.AssessmentDiff;
import org.asylex.json.Json;
import org.asylex.json.ReceiptJson;
import org.asylex.json.RerunReason;
import org.asylex.store.CaseFilter;
import org.asylex.store.CaseNotFound;
import org.asylex.store.CaseNotYetCreated;
import org.asylex.store.CaseRecord;
import org.asylex.store.MadePage;
import org.asylex.store.ReadPage;
import org.asylex.store.Store;
import org.asylex.store.StoredAssessment;
import org.asylex.store.VersionConflict;

/**
 * Assessments of stored cases, kept as receipts: assess a case (or every case a filter selects) and
 * store the receipt, list and read receipts, and re-run one with the pack as it is now. Every write
 * goes through the store's group commit, from every front end.
 */
public final class StoredAssessments {
  /** Cases read and assessed per page with {@link #assessAll}. */
  static final int PAGE = 1000;

  private final Store store;
  private final PolicyCatalog policies;
  private final FactCheck facts;
  private final Today today;
  private final ReceiptPacks packs;

  public StoredAssessments(Store store, PolicyCatalog policies, Today today) {
    this.store = Objects.requireNonNull(store, "store");
    this.policies = Objects.requireNonNull(policies, "policies");
    this.packs = new ReceiptPacks(store, policies);
    this.facts = new FactCheck(policies);
    this.today = Objects.requireNonNull(today, "today");
  }

  /**
   * Assesses the stored facts of a case on a date (today when empty) and stores the receipt.
   *
   * @throws Refused {@link Refusal.CaseNotFound}, {@link Refusal.InvalidFacts} (of the stored
   *     facts), {@link Refusal.InvalidAssumptions}, {@link Refusal.PolicyConflict}, {@link
   *     Refusal.StaleVersion} when the case keeps changing under the assessment
   */
  public StoredAssessment assess(
      String caseId, Optional<LocalDate> asOf, Map<String, String> assumptions, String actor) {
    return assessShowing(caseId, asOf, assumptions, actor).receipt();
  }

  /**
   * {@link #assess}, of the facts as they were recorded at {@code factsAsOf} when one is given
   * ({@link #assessShowing(String, Optional, Optional, Map, String)}).
   */
  public StoredAssessment assess(
      String caseId,
      Optional<LocalDate> asOf,
      Optional<Instant> factsAsOf,
      Map<String, String> assumptions,
      String actor) {
    return assessShowing(caseId, asOf, factsAsOf, assumptions, actor).receipt();
  }

  /** A stored receipt with the assessment it holds and the pack it was made under. */
  public record Shown(StoredAssessment receipt, Assessment assessment, PolicyPack pack) {}

  /**
   * {@link #assess}, returning the assessment and pack too, for a front end that shows the findings
   * as text.
   */
  public Shown assessShowing(
      String caseId, Optional<LocalDate> asOf, Map<String, String> assumptions, String actor) {
    return assessShowing(caseId, asOf, Optional.empty(), assumptions, actor);
  }

  /**
   * {@link #assessShowing}, of the case's facts as they were recorded at {@code factsAsOf} when one
   * is given (from the case's history: what was known then) under the policy in force on {@code
   * asOf}; the receipt records both times, and the case version of that time.
   *
   * @throws Refused also {@link Refusal.InvalidValue} ({@value FactsAsOf#FIELD}) for a time in the
   *     future or before the case was created
   */
  public Shown assessShowing(
      String caseId,
      Optional<LocalDate> asOf,
      Optional<Instant> factsAsOf,
      Map<String, String> assumptions,
      String actor) {
    LocalDate date = asOf.orElseGet(today::date);
    var made = new AtomicReference<Shown>();
    Function<CaseRecord, StoredAssessment> assess =
        c -> receipt(c, date, asOf.isEmpty(), factsAsOf, assumptions, actor, made);
    StoredAssessment stored;
    try {
      Optional<StoredAssessment> done;
      if (factsAsOf.isPresent()) {
        Instant at = factsAsOf.get();
        Instant now = store.now();
        if (at.isAfter(now)) {
          throw FactsAsOf.inFuture(at, now);
        }
        done = store.assessCase(caseId, at, actor, assess);
      } else {
        done = store.assessCase(caseId, actor, assess);
      }
      stored = done.orElseThrow(() -> new Refused(new Refusal.CaseNotFound(caseId)));
    } catch (VersionConflict e) {
      // assessCase read the case again after each change by others, and gave up after three
      throw new Refused(new Refusal.CaseKeptChanging(caseId));
    } catch (CaseNotYetCreated e) {
      throw FactsAsOf.beforeCase(caseId, e.created(), e.asked());
    }
    // The store gave back the receipt as kept (its findings compact); show the full findings.
    return new Shown(
        ReceiptPacks.withFindings(stored, made.get().receipt().findingsJson()),
        made.get().assessment(),
        made.get().pack());
  }

  /** The pack versions receipts refer to. */
  public ReceiptPacks packs() {
    return packs;
  }

  private StoredAssessment receipt(
      CaseRecord c,
      LocalDate date,
      boolean isToday,
      Optional<Instant> factsAsOf,
      Map<String, String> assumptions,
      String actor,
      AtomicReference<Shown> made) {
    FactCheck.Checked checked = facts.check(c.facts(), date, "", isToday);
    if (!checked.isValid()) {
      throw new Refused(new Refusal.InvalidFacts(checked.errors(), true));
    }
    PolicyPack pack = checked.pack().orElseThrow();
    Assessment assessment;
    try {
      assessment = policies.compiled(pack, assumptions).assess(checked.facts().orElseThrow(), date);
    } catch (PolicyConflictException e) {
      throw new Refused(PolicyCatalog.conflict(pack, e));
    }
    Receipts.Made receipt =
        Receipts.make(c, assessment, pack, actor, store.now(), factsAsOf, packs.keep(pack));
    if (made != null) {
      made.set(new Shown(receipt.full(), assessment, pack));
    }
    return receipt.stored();
  }

  /** What {@link #assessAll} did with one case. */
  public sealed interface Outcome {
    String caseId();

    /**
     * The receipt as the store keeps it: its findings may be in their compact form ({@link #find}
     * gives them in full).
     */
    record Stored(String caseId, StoredAssessment receipt) implements Outcome {}

    record Refused(String caseId, Refusal refusal) implements Outcome {}
  }

  /**
   * Assesses every case {@code filter} selects (at most {@code limit}) as of {@code date} with the
   * deployment's assumption values, and stores the receipts, a page at a time; each case is told to
   * {@code each} as it is done.
   *
   * @return how many were stored and how many refused
   */
  public Counts assessAll(
      CaseFilter filter, long limit, LocalDate date, String actor, Consumer<Outcome> each) {
    long[] counts = new long[2]; // stored, refused
    long listed = 0;
    int offset = 0;
    try (var writes = new CaseloadWrites(a -> tell(a, counts, 0, each))) {
      while (listed < limit) {
        int size = (int) Math.min(PAGE, limit - listed);
        // Read without waiting for the writer: the page's case.list events are stored with its
        // receipts, before any of its outcomes is told.
        ReadPage page = store.readPage(filter, offset, size);
        if (page.isEmpty()) {
          break;
        }
        offset += page.size();
        listed += page.size();
        MadePage made = MadePage.make(page, receipts(date, Optional.empty(), actor));
        // Stored on the writes' thread while the next page is read and made.
        writes.store(() -> store.assessCases(made, actor));
      }
      writes.finish();
    }
    return new Counts(counts[0], counts[1]);
  }

  /**
   * How a caseload's receipts are made ({@link MadePage#make} calls it on every core: checking the
   * facts, the engine, the compact findings are work without side effects).
   */
  private Function<CaseRecord, StoredAssessment> receipts(
      LocalDate date, Optional<Instant> factsAsOf, String actor) {
    return c -> receipt(c, date, false, factsAsOf, Map.of(), actor, null);
  }

  /**
   * Counts an outcome ({@code counts[from]} stored, {@code counts[from + 1]} refused), tells it.
   */
  private static void tell(Store.Assessed a, long[] counts, int from, Consumer<Outcome> each) {
    Outcome o = outcome(a);
    counts[o instanceof Outcome.Stored ? from : from + 1]++;
    each.accept(o);
  }

  /**
   * {@link #assessAll}, of every case's facts as they were recorded at {@code factsAsOf} when one
   * is given: the cases are read as they were then by one streaming read of the history (as {@code
   * case assess ID --facts-as-of} reads one), {@code filter} selects on the facts of then, each
   * receipt records both times, and a case created after {@code factsAsOf} is left out and counted
   * ({@link Counts#createdAfter}).
   *
   * @throws Refused {@link Refusal.InvalidValue} ({@value FactsAsOf#FIELD}) for a time in the
   *     future
   */
  public Counts assessAll(
      CaseFilter filter,
      long limit,
      LocalDate date,
      Optional<Instant> factsAsOf,
      String actor,
      Consumer<Outcome> each) {
    if (factsAsOf.isEmpty()) {
      return assessAll(filter, limit, date, actor, each);
    }
    Instant at = factsAsOf.get();
    Instant now = store.now();
    if (at.isAfter(now)) {
      throw FactsAsOf.inFuture(at, now);
    }
    var batch = new java.util.ArrayList<CaseRecord>(PAGE);
    long[] counts = new long[3]; // selected, stored, refused
    long createdAfter;
    try (var writes = new CaseloadWrites(a -> tell(a, counts, 1, each))) {
      Consumer<List<CaseRecord>> flush =
          selected -> {
            List<CaseRecord> page = List.copyOf(selected);
            selected.clear();
            if (!page.isEmpty()) {
              MadePage made = MadePage.make(page, receipts(date, factsAsOf, actor));
              writes.store(() -> store.assessCasesAsOf(made, at, actor));
            }
          };
      try {
        createdAfter =
            store.exportAsOf(
                at,
                actor,
                c -> {
                  if (counts[0] >= limit) {
                    throw new Enough();
                  }
                  if (selects(filter, c)) {
                    counts[0]++;
                    batch.add(c);
                    if (batch.size() == PAGE) {
                      flush.accept(batch);
                    }
                  }
                });
      } catch (Enough e) {
        createdAfter = -1;
      }
      flush.accept(batch);
      writes.finish();
    }
    return new Counts(counts[1], counts[2], Math.max(createdAfter, 0));
  }

  /** Ends a read early once {@code limit} cases are selected. */
  private static final class Enough extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Enough() {
      super(null, null, false, false);
    }
  }

  private static boolean selects(CaseFilter filter, CaseRecord c) {
    for (Map.Entry<String, Object> f : filter.facts().entrySet()) {
      if (!Objects.equals(c.facts().get(f.getKey()), f.getValue())) {
        return false;
      }
    }
    return true;
  }

  /**
   * How many cases were assessed and stored, and how many refused; with the facts of an earlier
   * time, how many were left out because they were created after it (0 otherwise, and when a limit
   * ended the read before they were all counted).
   */
  public record Counts(long stored, long refused, long createdAfter) {
    public Counts(long stored, long refused) {
      this(stored, refused, 0);
    }
  }

  private static Outcome outcome(Store.Assessed a) {
    if (a instanceof Store.Assessed.Stored s) {
      return new Outcome.Stored(s.caseId(), s.receipt());
    }
    if (a instanceof Store.Assessed.Refused r) {
      return new Outcome.Refused(a.caseId(), refusal(r.caseId(), r.why()));
    }
    return new Outcome.Refused(a.caseId(), new Refusal.CaseNotFound(a.caseId()));
  }

  private static Refusal refusal(String caseId, RuntimeException e) {
    if (e instanceof Refused r) {
      return r.refusal();
    }
    if (e instanceof VersionConflict) {
      return new Refusal.CaseKeptChanging(caseId);
    }
    throw e;
  }

  /**
   * The receipts of a case, oldest first.
   *
   * @throws Refused {@link Refusal.CaseNotFound}
   */
  public List<StoredAssessment> forCase(String caseId, String actor) {
    try {
      return store.assessments().forCase(caseId, actor).stream().map(packs::full).toList();
    } catch (CaseNotFound e) {
      throw new Refused(new Refusal.CaseNotFound(caseId));
    }
  }

  /**
   * A receipt, read (and audited) as {@code actor}.
   *
   * @throws Refused {@link Refusal.AssessmentNotFound}
   */
  public StoredAssessment find(String assessmentId, String actor) {
    return store
        .readAssessment(assessmentId, actor)
        .map(packs::full)
        .orElseThrow(() -> new Refused(new Refusal.AssessmentNotFound(assessmentId)));
  }

  /** Re-runs the receipt {@code assessmentId}, read as {@code actor}. */
  public Reproduction reproduce(String assessmentId, String actor) {
    return reproduce(find(assessmentId, actor));
  }

  /**
   * Re-runs a receipt: its facts snapshot, date and assumption values, with the pack as it is now,
   * and says whether the findings are identical or what differs and why.
   */
  public Reproduction reproduce(StoredAssessment receipt) {
    StoredAssessment stored = packs.full(receipt);
    String engine = Receipts.engineVersion();
    Optional<PolicyPack> current = policies.byId(stored.packId());
    if (current.isEmpty()) {
      return new Reproduction.PackGone(
          stored, engine, new Refusal.PackNotFound(stored.packId(), List.of()));
    }
    PolicyPack pack = current.get();
    Receipts.Rerun rerun = Receipts.rerun(stored, pack);
    var validated = CaseInput.validate(pack, stored.factsSnapshot(), stored.asOf(), "");
    if (!validated.isValid()) {
      return new Reproduction.FactsInvalid(
          stored,
          pack,
          engine,
          validated.errors(),
          Receipts.rerunReasons(
              stored, pack, engine, List.of(new RerunReason.PackFactsChanged()), rerun.notes()));
    }
    Assessment assessment;
    try {
      assessment =
          policies
              .compiledExactly(pack, rerun.overrides())
              .assess(validated.facts().orElseThrow(), stored.asOf());
    } catch (Refused e) {
      return cannotAssess(stored, pack, engine, e.refusal(), rerun);
    } catch (PolicyConflictException e) {
      return cannotAssess(stored, pack, engine, PolicyCatalog.conflict(pack, e), rerun);
    }
    String findings = Receipts.findings(assessment, pack);
    if (findings.equals(stored.findingsJson()) && pack.contentHash().equals(stored.contentHash())) {
      return new Reproduction.Identical(stored, pack, engine, assessment, rerun.notes());
    }
    JsonNode before = ReceiptJson.findings(stored);
    AssessmentDiff diff = AssessmentDiff.of(before, Json.tree(findings));
    return new Reproduction.Different(
        stored,
        pack,
        engine,
        assessment,
        diff.differences(),
        Receipts.rerunReasons(stored, pack, engine, diff.reasons(), rerun.notes()));
  }

  private static Reproduction cannotAssess(
      StoredAssessment stored,
      PolicyPack pack,
      String engine,
      Refusal refusal,
      Receipts.Rerun rerun) {
    return new Reproduction.CannotAssess(
        stored,
        pack,
        engine,
        refusal,
        Receipts.rerunReasons(stored, pack, engine, List.of(), rerun.notes()));
  }
}
