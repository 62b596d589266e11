package org.asylex.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Stored assessments in the {@code assessments} table; rows are inserted, never updated. */
final class JdbiCaseAssessments implements CaseAssessments {
  private static final String COLUMNS =
      "id, case_id, case_version, as_of, facts_snapshot, pack_id, pack_version, content_hash,"
          + " assumptions, engine_version, findings, actor, assessed_at, facts_as_of";

  private final Transactions transactions;
  private final Database database;
  private final JdbiAuditTrail audit;

  JdbiCaseAssessments(Transactions transactions, JdbiAuditTrail audit) {
    this.transactions = transactions;
    this.database = transactions.database();
    this.audit = audit;
  }

  @Override
  public StoredAssessment record(StoredAssessment a) {
    Checks.assessmentId(a.id());
    Checks.caseId(a.caseId());
    Checks.actor(a.actor());
    String what = "assessment '" + a.id() + "'";
    var stored =
        new StoredAssessment(
            a.id(),
            a.caseId(),
            a.caseVersion(),
            a.asOf(),
            JsonColumns.facts(a.factsSnapshot(), what),
            a.packId(),
            a.packVersion(),
            a.contentHash(),
            a.assumptions(),
            a.engineVersion(),
            a.findingsJson(),
            a.actor(),
            Times.micros(a.at()),
            a.factsAsOf());
    return transactions.write(
        h -> {
          requireCaseVersion(h, a);
          if (exists(h, a.id())) {
            throw new StoreException(
                what + " is already stored; a stored assessment is never changed");
          }
          insert(h, stored, what);
          audit.append(h, stored.actor(), AuditTrail.CASE_ASSESS, Optional.of(stored.caseId()));
          return stored;
        });
  }

  /** The receipt names a version the case has had. */
  private static void requireCaseVersion(Handle h, StoredAssessment a) {
    long version =
        h.createQuery("SELECT version FROM cases WHERE id = :id")
            .bind("id", a.caseId())
            .mapTo(Long.class)
            .findOne()
            .orElseThrow(() -> new CaseNotFound(a.caseId()));
    if (a.caseVersion() < 1 || a.caseVersion() > version) {
      throw new IllegalArgumentException(
          "case '"
              + a.caseId()
              + "' has no version "
              + a.caseVersion()
              + " (it is at version "
              + version
              + ")");
    }
  }

  private void insert(Handle h, StoredAssessment stored, String what) {
    h.createUpdate(
            "INSERT INTO assessments ("
                + COLUMNS
                + ") VALUES (:id, :caseId, :caseVersion, :asOf, "
                + database.json("facts")
                + ", :packId, :packVersion, :contentHash, "
                + database.json("assumptions")
                + ", :engineVersion, "
                + database.json("findings")
                + ", :actor, :at, :factsAsOf)")
        .bind("id", stored.id())
        .bind("caseId", stored.caseId())
        .bind("caseVersion", stored.caseVersion())
        .bind("asOf", database.date(stored.asOf()))
        .bind("facts", JsonColumns.object(stored.factsSnapshot(), what))
        .bind("packId", stored.packId())
        .bind("packVersion", stored.packVersion())
        .bind("contentHash", stored.contentHash())
        .bind("assumptions", JsonColumns.object(stored.assumptions(), what))
        .bind("engineVersion", stored.engineVersion())
        .bind("findings", stored.findingsJson())
        .bind("actor", stored.actor())
        .bind("at", database.instant(stored.at()))
        .bind("factsAsOf", database.optionalInstant(stored.factsAsOf()))
        .execute();
  }

  private static boolean exists(Handle h, String id) {
    return h.createQuery("SELECT count(*) FROM assessments WHERE id = :id")
            .bind("id", id)
            .mapTo(Long.class)
            .one()
        > 0;
  }

  @Override
  public Optional<StoredAssessment> find(String id, String actor) {
    Checks.assessmentId(id);
    Checks.actor(actor);
    return transactions.write(
        h -> {
          Optional<StoredAssessment> found =
              h.createQuery("SELECT " + COLUMNS + " FROM assessments WHERE id = :id")
                  .bind("id", id)
                  .map((rs, ctx) -> assessment(rs))
                  .findOne();
          found.ifPresent(
              a -> audit.append(h, actor, AuditTrail.ASSESSMENT_READ, Optional.of(a.caseId())));
          return found;
        });
  }

  @Override
  public List<StoredAssessment> forCase(String caseId, String actor) {
    Checks.caseId(caseId);
    Checks.actor(actor);
    return transactions.write(
        h -> {
          long cases =
              h.createQuery("SELECT count(*) FROM cases WHERE id = :id")
                  .bind("id", caseId)
                  .mapTo(Long.class)
                  .one();
          if (cases == 0) {
            throw new CaseNotFound(caseId);
          }
          List<StoredAssessment> found =
              h.createQuery(
                      "SELECT "
                          + COLUMNS
                          + " FROM assessments WHERE case_id = :caseId ORDER BY assessed_at, id")
                  .bind("caseId", caseId)
                  .map((rs, ctx) -> assessment(rs))
                  .list();
          audit.append(h, actor, AuditTrail.ASSESSMENT_LIST, Optional.of(caseId));
          return found;
        });
  }

  private StoredAssessment assessment(ResultSet rs) throws SQLException {
    String id = rs.getString("id");
    String what = "assessment '" + id + "'";
    return new StoredAssessment(
        id,
        rs.getString("case_id"),
        rs.getLong("case_version"),
        database.date(rs, "as_of"),
        JsonColumns.readObject(rs.getString("facts_snapshot"), what),
        rs.getString("pack_id"),
        rs.getString("pack_version"),
        rs.getString("content_hash"),
        JsonColumns.readStrings(rs.getString("assumptions"), what),
        rs.getString("engine_version"),
        rs.getString("findings"),
        rs.getString("actor"),
        database.instant(rs, "assessed_at"),
        database.optionalInstant(rs, "facts_as_of"));
  }
}
