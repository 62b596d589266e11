package org.asylex.store;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;

/**
 * A case as it was at an earlier time, replayed from {@code fact_changes}: the history is complete
 * (creating a case records each of its facts) and never changed, so the facts of any past instant
 * can be read back exactly.
 */
final class JdbiCaseHistory {
  private final Transactions transactions;
  private final Database database;
  private final JdbiCases cases;
  private final JdbiAuditTrail audit;
  private final JdbiCaseAssessments assessments;

  JdbiCaseHistory(
      Transactions transactions,
      JdbiCases cases,
      JdbiAuditTrail audit,
      JdbiCaseAssessments assessments) {
    this.transactions = transactions;
    this.database = transactions.database();
    this.cases = cases;
    this.audit = audit;
    this.assessments = assessments;
  }

  /** {@link Store#assessCase(String, Instant, String, Function)}, its checks done. */
  Optional<StoredAssessment> assess(
      String caseId,
      Instant at,
      String actor,
      Function<CaseRecord, StoredAssessment> assess,
      GroupCommit writes) {
    return new AssessmentAttempts(caseId, actor, writes, audit, assessments)
        .run(
            () -> peekAsOf(caseId, at),
            () -> versionAsOf(caseId, at),
            c ->
                r ->
                    r.caseId().equals(caseId)
                        && r.caseVersion() == c.version()
                        && r.factsAsOf().equals(Optional.of(at)),
            "as it was at " + at,
            assess);
  }

  /**
   * The case as it was at {@code at}: its facts replayed from the history up to and including that
   * instant, the version the last of those changes made (1 when none: a case created without facts)
   * and that change's time as {@code updated}. Read without an audit event, as {@link
   * JdbiCases#peek}.
   *
   * @return empty when there is no such case
   * @throws CaseNotYetCreated when {@code at} lies before the case was created
   */
  Optional<CaseRecord> peekAsOf(String id, Instant at) {
    return transactions.read(
        h -> {
          Optional<CaseRecord> now =
              h.createQuery("SELECT " + JdbiCases.COLUMNS + " FROM cases WHERE id = :id")
                  .bind("id", id)
                  .map((rs, ctx) -> cases.record(rs))
                  .findOne();
          if (now.isEmpty()) {
            return now;
          }
          CaseRecord c = now.get();
          if (at.isBefore(c.created())) {
            throw new CaseNotYetCreated(id, c.created(), at);
          }
          var facts = new LinkedHashMap<String, Object>();
          long version = 1;
          Instant updated = c.created();
          for (FactChange change : changesUntil(h, id, at)) {
            if (change.newValue().isPresent()) {
              facts.put(change.fact(), change.newValue().get());
            } else {
              facts.remove(change.fact());
            }
            version = change.version();
            updated = change.at();
          }
          return Optional.of(
              new CaseRecord(id, c.reference(), facts, version, c.created(), updated));
        });
  }

  /** The version of the case at {@code at} as {@link #peekAsOf} gives it, in the caller's work. */
  long versionAsOf(String id, Instant at) {
    return transactions.read(
        h ->
            h.createQuery(
                    "SELECT max(version) FROM fact_changes WHERE case_id = :id AND changed_at <= :at")
                .bind("id", id)
                .bind("at", database.instant(at))
                .mapTo(Long.class)
                .findOne()
                .orElse(1L));
  }

  private List<FactChange> changesUntil(Handle h, String id, Instant at) {
    return h.createQuery(
            "SELECT "
                + JdbiCases.CHANGE_COLUMNS
                + " FROM fact_changes WHERE case_id = :id AND changed_at <= :at"
                + " ORDER BY version, position")
        .bind("id", id)
        .bind("at", database.instant(at))
        .map((rs, ctx) -> cases.change(rs))
        .list();
  }
}
