package org.asylex.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The cases an office works on, with the history of their facts.
 *
 * <p>Facts are JSON values ({@link String}, {@link Boolean}, numbers, lists, maps); a null value
 * means "not set" and is not stored. They come back as the types {@link org.asylex.json.CaseJson}
 * reads: {@link Long} for whole numbers, {@link java.math.BigDecimal} for others. Each method runs
 * in its own transaction, or in the caller's when called inside {@link Store#inTransaction} on the
 * same thread. Every method that reads, writes or lists case data appends an audit event (who,
 * what, which case; never a fact value) in that transaction.
 *
 * @see AuditTrail for the actions recorded
 */
public interface Cases {

  /**
   * Creates a case at version 1; each fact is recorded in its history as set by {@code actor}.
   * Audit: {@code case.create}.
   *
   * @param reference the office's own reference, or null
   * @throws CaseAlreadyExists when the id is taken
   * @throws IllegalArgumentException for a blank id or actor, or a value that is not a JSON value
   */
  CaseRecord create(String id, String reference, Map<String, Object> facts, String actor);

  /** The case, if there is one. Audit: {@code case.read}, when there is. */
  Optional<CaseRecord> find(String id, String actor);

  /**
   * The cases the filter selects, ordered by id, from {@code offset} (0 is the first), at most
   * {@code limit}. Audit: one {@code case.list} event for each case returned.
   */
  List<CaseRecord> list(CaseFilter filter, int offset, int limit, String actor);

  /** How many cases the filter selects. No case data leaves the store, so no audit event. */
  long count(CaseFilter filter);

  /**
   * Changes facts of a case, if it is still at {@code expectedVersion}: the case, one history row
   * per changed fact and the audit event ({@code case.update}) are stored together or not at all. A
   * value equal to the current one is no change; when nothing changes, nothing is stored and the
   * version stays.
   *
   * @param changes fact name to new value; null removes the fact
   * @param note why, shown in the history; may be null
   * @return the case's version after the update
   * @throws VersionConflict when the case is at another version: someone else changed it
   * @throws CaseNotFound when there is no such case
   */
  long update(
      String id, long expectedVersion, Map<String, Object> changes, String actor, String note);

  /**
   * {@link #update}, returning the case as this change left it: read in the change's own
   * transaction, so a change committed by another writer just after it is never shown as this one's
   * result (its version, facts and ETag are those this change made).
   *
   * @throws VersionConflict when the case is at another version: someone else changed it
   * @throws CaseNotFound when there is no such case
   */
  CaseRecord change(
      String id, long expectedVersion, Map<String, Object> changes, String actor, String note);

  /**
   * Every change of every fact of a case, oldest first (by version, then in the order given).
   * Audit: {@code case.history}.
   *
   * @throws CaseNotFound when there is no such case
   */
  List<FactChange> history(String id, String actor);

  /**
   * Gives every case, ordered by id, to {@code consumer}, from one consistent snapshot. The {@code
   * case.export} event (no case id: it covers every case) is stored before the first case is given,
   * so an export that fails half-way is still on record.
   *
   * @return the number of cases given
   */
  long exportAll(String actor, Consumer<CaseRecord> consumer);

  /**
   * Gives the id of every case, ordered, to {@code consumer}, from one consistent snapshot: no
   * facts, no reference. Audit: one {@code case.ids} event (no case id), stored first.
   *
   * @return the number of ids given
   */
  long ids(String actor, Consumer<String> consumer);

  /**
   * Imports one case, idempotently by id, in its own transaction (or the caller's): a new id is
   * created (audit {@code case.import}); an existing id with the same facts (and the same
   * reference, when one is given) is {@link ImportResult#UNCHANGED}; an existing id with other
   * facts is {@link ImportResult#EXISTS} and is not overwritten. Neither of the last two is
   * audited: no case data leaves the store and nothing changes.
   *
   * @param reference the office's reference, or null
   */
  ImportResult importCase(String id, String reference, Map<String, Object> facts, String actor);

  /**
   * Imports several cases as {@link #importCase} does, all in one transaction: every case of the
   * batch is stored, or (when the process dies or the database fails) none. One commit per batch
   * instead of one per case makes a large import many times faster; a crash loses at most the batch
   * in progress, which an idempotent re-run puts in. An id given twice in one batch is imported
   * once, then compared.
   *
   * @return the result of each case, in the order given
   * @throws IllegalArgumentException when any case is malformed; nothing is stored then
   */
  List<ImportResult> importCases(List<CaseImport> cases, String actor);

  /**
   * The checks of {@link #importCases(List, String)} and the JSON it stores, done now, on the
   * caller's thread, outside any transaction: an import prepares the next batch while the one
   * before is being stored.
   *
   * @throws IllegalArgumentException when any case is malformed
   */
  ImportBatch prepareImport(List<CaseImport> cases);

  /** {@link #importCases(List, String)} of a batch that {@link #prepareImport} prepared. */
  List<ImportResult> importCases(ImportBatch batch, String actor);
}
