package org.asylex.app.cases;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.asylex.app.Refusal;
import org.asylex.app.Refused;
import org.asylex.app.Today;
import org.asylex.app.policy.FactCheck;
import org.asylex.app.policy.PolicyCatalog;
import org.asylex.engine.assessment.InputError;
import org.asylex.engine.policy.FactDefinition;
import org.asylex.engine.policy.PolicyPack;
import org.asylex.store.CaseAlreadyExists;
import org.asylex.store.CaseFilter;
import org.asylex.store.CaseNotFound;
import org.asylex.store.CaseRecord;
import org.asylex.store.FactChange;
import org.asylex.store.Store;
import org.asylex.store.VersionConflict;

/**
 * Cases: create, read, list, change, their history and export. Facts are checked against the pack
 * of their country as of today before anything is stored; a change names the version it was made
 * to, so that no one's change is lost. Every read and change is audited by the store with the
 * actor.
 */
public final class CaseFiles {
  private final Store store;
  private final PolicyCatalog policies;
  private final FactCheck facts;
  private final Today today;

  public CaseFiles(Store store, PolicyCatalog policies, Today today) {
    this.store = Objects.requireNonNull(store, "store");
    this.policies = Objects.requireNonNull(policies, "policies");
    this.facts = new FactCheck(policies);
    this.today = Objects.requireNonNull(today, "today");
  }

  /**
   * Creates a case.
   *
   * @param id the case id, or null for a new UUID
   * @param prefix the JSON pointer of the facts in the caller's input, for errors
   * @throws Refused {@link Refusal.BadCaseId}, {@link Refusal.InvalidFacts} (worded without values
   *     by the caller), {@link Refusal.CaseExists}
   */
  public CaseRecord create(
      String id, String reference, Map<String, ?> given, String prefix, String actor) {
    String caseId = id == null ? UUID.randomUUID().toString() : CaseIds.require(id);
    FactCheck.Checked checked = facts.check(given, today.date(), prefix, true);
    if (!checked.isValid()) {
      throw new Refused(new Refusal.InvalidFacts(checked.errors(), false));
    }
    var stored = new LinkedHashMap<String, Object>();
    // A null fact is one not (yet) established: nothing to store.
    given.forEach(
        (k, v) -> {
          if (v != null) {
            stored.put(k, v);
          }
        });
    try {
      return store.cases().create(caseId, reference, stored, actor);
    } catch (CaseAlreadyExists e) {
      throw new Refused(new Refusal.CaseExists(caseId));
    }
  }

  /**
   * The versions of a case before and after a change, and the case as the change left it (read in
   * the change's transaction: with another writer about, reading it again afterwards could show
   * that writer's later version as this change's result).
   */
  public record Changed(long before, long after, CaseRecord result) {
    public Changed(long before, CaseRecord result) {
      this(before, result.version(), result);
    }

    /** Whether anything changed (setting a fact to its value changes nothing). */
    public boolean changed() {
      return after != before;
    }
  }

  /**
   * Changes facts of a case: a value sets a fact, null removes it. The merged facts are checked
   * against the pack as of today; removing a fact the pack does not know is an error too.
   *
   * @param expected the version the change was made to; empty: the current one
   * @param prefix the JSON pointer of the changes in the caller's input, for errors
   * @throws Refused {@link Refusal.CaseNotFound}, {@link Refusal.StaleVersion}, {@link
   *     Refusal.InvalidFacts}
   */
  public Changed change(
      String id,
      Optional<Long> expected,
      Map<String, ?> changes,
      String note,
      String prefix,
      String actor) {
    CaseRecord c = find(id, actor);
    long version = expected.orElse(c.version());
    if (version != c.version()) {
      throw new Refused(new Refusal.StaleVersion(id, version, c.version()));
    }
    var merged = new LinkedHashMap<>(c.facts());
    changes.forEach(
        (name, value) -> {
          if (value == null) {
            merged.remove(name);
          } else {
            merged.put(name, value);
          }
        });
    FactCheck.Checked checked = facts.check(merged, today.date(), prefix, true);
    var errors = new java.util.ArrayList<>(checked.errors());
    checked.pack().ifPresent(pack -> errors.addAll(unknownRemovals(pack, changes, prefix)));
    if (!errors.isEmpty()) {
      throw new Refused(new Refusal.InvalidFacts(errors, false));
    }
    var values = new LinkedHashMap<String, Object>(changes);
    try {
      return new Changed(version, store.cases().change(id, version, values, actor, note));
    } catch (VersionConflict e) {
      throw new Refused(new Refusal.StaleVersion(id, e.expectedVersion(), e.actualVersion()));
    } catch (CaseNotFound e) {
      throw new Refused(new Refusal.CaseNotFound(id));
    }
  }

  /** Removing a fact the pack does not know is a mistake, not a no-op. */
  private static List<InputError> unknownRemovals(
      PolicyPack pack, Map<String, ?> changes, String prefix) {
    var errors = new java.util.ArrayList<InputError>();
    changes.forEach(
        (name, value) -> {
          if (value == null && pack.facts().fact(name).isEmpty()) {
            errors.add(InputError.unknownFact(prefix, name));
          }
        });
    return errors;
  }

  /**
   * The case, read (and audited) as {@code actor}.
   *
   * @throws Refused {@link Refusal.CaseNotFound}
   */
  public CaseRecord find(String id, String actor) {
    if (!CaseIds.storable(id)) {
      throw new Refused(new Refusal.CaseNotFound(id));
    }
    return store
        .cases()
        .find(id, actor)
        .orElseThrow(() -> new Refused(new Refusal.CaseNotFound(id)));
  }

  /** One page of cases, and how many the filter selects in all. */
  public record Page(List<CaseRecord> items, long total, int offset, int limit) {
    public Page {
      items = List.copyOf(items);
    }
  }

  /** The cases {@code filter} selects, {@code limit} from {@code offset}, read as {@code actor}. */
  public Page list(CaseFilter filter, int offset, int limit, String actor) {
    return store.inTransaction(
        tx ->
            new Page(
                tx.cases().list(filter, offset, limit, actor),
                tx.cases().count(filter),
                offset,
                limit));
  }

  /**
   * Every change of every fact of a case.
   *
   * @throws Refused {@link Refusal.CaseNotFound}
   */
  public List<FactChange> history(String id, String actor) {
    try {
      return store.cases().history(id, actor);
    } catch (CaseNotFound e) {
      throw new Refused(new Refusal.CaseNotFound(id));
    }
  }

  /** Every case, ordered by id, from one consistent snapshot; returns how many. */
  public long export(String actor, Consumer<CaseRecord> each) {
    return store.cases().exportAll(actor, each);
  }

  /**
   * Every case as it was at {@code at} (its facts replayed from the history up to and including
   * that instant, as {@code case assess ID --facts-as-of} reads one case), ordered by id, from one
   * consistent snapshot and one streaming read; returns how many cases were left out because they
   * were created after {@code at}. Audit: one {@code case.export} event, as for {@link #export}.
   *
   * @throws Refused {@link Refusal.InvalidValue} ({@value FactsAsOf#FIELD}, {@code in-future}) when
   *     {@code at} lies after the store's now: the facts of then are not recorded yet
   */
  public long exportAsOf(Instant at, String actor, Consumer<CaseRecord> each) {
    Instant now = store.now();
    if (at.isAfter(now)) {
      throw FactsAsOf.inFuture(at, now);
    }
    return store.exportAsOf(at, actor, each);
  }

  /** The ids of a store checked against the one rule: how many, and those that break it. */
  public record IdCheck(long checked, List<String> offending) {
    public IdCheck {
      offending = List.copyOf(offending);
    }
  }

  /**
   * Checks every stored case id against the rule for new ids ({@link CaseIds}): a store filled by
   * an older import may hold ids such as {@code ..} or {@code a/../b}, which the API does not serve
   * and which may not be safe as a path segment or a file name. Reads ids only (audit {@code
   * case.ids}).
   */
  public IdCheck checkIds(String actor) {
    var offending = new java.util.ArrayList<String>();
    long checked =
        store
            .cases()
            .ids(
                actor,
                id -> {
                  if (!CaseIds.valid(id)) {
                    offending.add(id);
                  }
                });
    return new IdCheck(checked, offending);
  }

  /**
   * A filter on facts, each value typed by the fact's type in the packs: {@code true} selects the
   * boolean, not the text; an empty text selects cases where the fact is not set.
   *
   * @param given fact name to value as text
   * @throws Refused {@link Refusal.InvalidValue} naming the fact no pack has or the value its type
   *     cannot have
   */
  public CaseFilter filter(Map<String, String> given) {
    CaseFilter filter = CaseFilter.all();
    for (Map.Entry<String, String> e : given.entrySet()) {
      FactDefinition fact =
          anyPackFact(e.getKey())
              .orElseThrow(
                  () ->
                      new Refused(
                          new Refusal.InvalidValue(
                              e.getKey(), "unknown-fact", "no policy pack has this fact")));
      filter = filter.and(e.getKey(), CaseFilters.value(fact, e.getValue()));
    }
    return filter;
  }

  private Optional<FactDefinition> anyPackFact(String name) {
    for (PolicyPack pack : policies.packs()) {
      Optional<FactDefinition> f = pack.facts().fact(name);
      if (f.isPresent()) {
        return f;
      }
    }
    return Optional.empty();
  }
}
