package org.asylex.store;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.asylex.json.CaseJson;
import org.asylex.json.CaseLineReader;
import org.asylex.json.JsonInputException;
import org.jdbi.v3.core.Handle;

/**
 * A case as it was at an earlier time, replayed from its creation (the facts it was created with,
 * kept in its row: {@link CaseCreation}) and {@code fact_changes} (every change after): the history
 * is complete and never changed, so the facts of any past instant can be read back exactly.
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
   * The case as it was at {@code at}: the facts it was created with, then the changes of the
   * history up to and including that instant, the version the last of those changes made (1 when
   * none) and that change's time as {@code updated} (its creation when none). Read without an audit
   * event, as {@link JdbiCases#peek}.
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
          var facts =
              cases
                  .creation(h, id)
                  .orElseThrow(() -> new CaseNotFound(id)) // read in the same transaction
                  .factsSet();
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

  /** {@link Store#assessCasesAsOf}, its checks done. */
  List<Store.Assessed> assessAll(MadePage page, Instant at, String actor, GroupCommit writes) {
    for (int i = 0; i < page.size(); i++) {
      StoredAssessment receipt = page.receipts.get(i);
      if (receipt == null) {
        continue;
      }
      CaseRecord c = page.read.get(i);
      if (!receipt.caseId().equals(c.id())
          || receipt.caseVersion() != c.version()
          || !receipt.factsAsOf().equals(Optional.of(at))) {
        throw new IllegalArgumentException(
            "the receipt is not of case '" + c.id() + "' as it was at " + at);
      }
    }
    // As Store.assessCases: one unit of the group commit (one batch of rows and of events, one
    // transaction) for the page. A receipt is kept while its case exists, and no change stamped up
    // to `at` was committed since the read.
    List<StoredAssessment> receipts = page.made();
    List<byte[]> packed = page.madePacked();
    List<Optional<StoredAssessment>> stored =
        receipts.isEmpty()
            ? List.of()
            : writes.run(tx -> recordAllAsOf(receipts, packed, at, actor), receipts.size());
    return Store.settled(page, stored, id -> assess(id, at, actor, page.assess, writes));
  }

  private List<Optional<StoredAssessment>> recordAllAsOf(
      List<StoredAssessment> receipts, List<byte[]> packed, Instant at, String actor) {
    return transactions.write(
        h -> {
          List<String> ids = receipts.stream().map(StoredAssessment::caseId).toList();
          Map<String, Long> now = JdbiCaseAssessments.versions(h, ids);
          Map<String, Long> then = versionsAsOf(h, ids, at);
          return assessments.recordAll(
              h,
              receipts,
              packed,
              actor,
              r ->
                  now.containsKey(r.caseId())
                      && r.caseVersion() <= now.get(r.caseId())
                      && then.getOrDefault(r.caseId(), 1L) == r.caseVersion());
        });
  }

  /**
   * {@link #versionAsOf} of several cases, by id, in the caller's transaction; a case without
   * changes up to {@code at} is left out (its version then is 1).
   */
  private Map<String, Long> versionsAsOf(Handle h, List<String> ids, Instant at) {
    var found = new java.util.HashMap<String, Long>();
    List<String> distinct = ids.stream().distinct().toList();
    for (int from = 0; from < distinct.size(); from += 500) {
      h.createQuery(
              "SELECT case_id, max(version) AS version FROM fact_changes"
                  + " WHERE case_id IN (<ids>) AND changed_at <= :at GROUP BY case_id")
          .bindList("ids", distinct.subList(from, Math.min(distinct.size(), from + 500)))
          .bind("at", database.instant(at))
          .map((rs, ctx) -> Map.entry(rs.getString("case_id"), rs.getLong("version")))
          .forEach(e -> found.put(e.getKey(), e.getValue()));
    }
    return found;
  }

  /**
   * {@link Store#exportAsOf}: one query over every case and its history up to {@code at}, in the
   * order of the primary keys (case, then version and position), grouped into cases as the rows
   * stream in; nothing but the case being replayed is held.
   */
  long exportAsOf(Instant at, String actor, Consumer<CaseRecord> consumer) {
    // On record first, as any export: the history of every case up to then is shown.
    transactions.write(h -> audit.append(h, actor, AuditTrail.CASE_EXPORT, Optional.empty()));
    return transactions.read(
        h -> {
          var replay = new Replay(at, consumer);
          h.createQuery(EXPORT_AS_OF.formatted(changesUpTo()))
              .bind("at", database.instant(at))
              .setFetchSize(FETCH)
              .scanResultSet(
                  (rows, ctx) -> {
                    ResultSet rs = rows.get();
                    while (rs.next()) {
                      replay.row(rs);
                    }
                    return null;
                  });
          replay.flush();
          return replay.createdAfter;
        });
  }

  /**
   * Every case with, when it changed after the instant ({@code updated_at > :at}), the facts it was
   * created with and its history up to then; a case not changed since has its facts of then in
   * {@code cases.facts} and needs no replay. So the history is read only for the cases that need it
   * (the lateral join's condition on the case gates the index scan on PostgreSQL), ordered by the
   * primary keys.
   */
  private static final String EXPORT_AS_OF =
      "SELECT c.id, c.reference, c.created_at, c.updated_at, c.version,"
          + " CASE WHEN c.updated_at <= :at THEN c.facts END AS facts_then,"
          + " CASE WHEN c.updated_at > :at AND c.created_at <= :at"
          + " THEN coalesce(c.initial_facts, c.facts) END AS facts_first,"
          + " f.version AS change_version, f.fact, f.new_value, f.changed_at"
          + " FROM cases c %s ORDER BY c.id, f.version, f.position";

  private String changesUpTo() {
    String when = "changed_at <= :at AND c.updated_at > :at AND c.created_at <= :at";
    return database == Database.POSTGRESQL
        ? "LEFT JOIN LATERAL (SELECT version, position, fact, new_value, changed_at"
            + " FROM fact_changes WHERE case_id = c.id AND "
            + when
            // OFFSET 0 keeps the subquery a subquery: pulled up, it became a hash join over the
            // whole history; kept, the condition on the case is a one-time filter per case
            + " ORDER BY version, position OFFSET 0) f ON true"
        : "LEFT JOIN fact_changes f ON f.case_id = c.id AND f." + when;
  }

  /** Rows fetched at a time by a streaming read: large enough to make round trips rare. */
  static final int FETCH = 2_000;

  /** Folds the rows of one case after another into the case as it was. */
  private final class Replay {
    private final Instant at;
    private final Consumer<CaseRecord> consumer;
    private final CaseLineReader reader = new CaseLineReader();
    private String id;
    private Optional<String> reference;
    private Instant created;
    private LinkedHashMap<String, Object> facts;
    private long version;
    private Instant updated;
    long createdAfter;

    Replay(Instant at, Consumer<CaseRecord> consumer) {
      this.at = at;
      this.consumer = consumer;
    }

    void row(ResultSet rs) throws SQLException {
      String caseId = rs.getString("id");
      if (!caseId.equals(id)) {
        flush();
        id = caseId;
        reference = Optional.ofNullable(rs.getString("reference"));
        created = database.instant(rs, "created_at");
        String then = rs.getString("facts_then");
        if (then != null) {
          // not changed since: the facts of then are the facts now
          facts = current(then);
          version = rs.getLong("version");
          updated = database.instant(rs, "updated_at");
          return;
        }
        String first = rs.getString("facts_first");
        facts = first == null ? new LinkedHashMap<>() : current(first);
        version = 1;
        updated = created;
      }
      String fact = rs.getString("fact");
      if (fact == null) {
        return; // no change up to then: created later, or changed only after then
      }
      Optional<Object> value = value(rs.getString("new_value"), fact);
      if (value.isPresent()) {
        facts.put(fact, value.get());
      } else {
        facts.remove(fact);
      }
      version = rs.getLong("change_version");
      updated = database.instant(rs, "changed_at");
    }

    /**
     * Stored facts (of now, or of the creation), without a fact set to null: a replay of the
     * history leaves those out.
     */
    private LinkedHashMap<String, Object> current(String json) {
      return CaseCreation.set(JsonColumns.readObject(reader, json, "case '" + id + "'"));
    }

    void flush() {
      if (id == null) {
        return;
      }
      if (at.isBefore(created)) {
        createdAfter++;
      } else {
        consumer.accept(new CaseRecord(id, reference, facts, version, created, updated));
      }
      id = null;
    }

    /** A stored value: the common ones (a boolean, a plain string) read without a parser. */
    private Optional<Object> value(String json, String fact) {
      if (json == null) {
        return Optional.empty();
      }
      switch (json) {
        case "true":
          return Optional.of(Boolean.TRUE);
        case "false":
          return Optional.of(Boolean.FALSE);
        case "null":
          return Optional.empty();
        default:
          break;
      }
      String what = "the history of case '" + id + "', fact '" + fact + "'";
      byte[] bytes = ("{\"v\":" + json + "}").getBytes(StandardCharsets.UTF_8);
      if (bytes.length > CaseJson.MAX_BYTES) {
        return JsonColumns.readValue(json, what);
      }
      try {
        return Optional.ofNullable(reader.read(bytes, 0, bytes.length, what).get("v"));
      } catch (JsonInputException e) {
        throw new StoreException(
            "the stored JSON of " + what + " is unreadable: " + e.problem(), e);
      }
    }
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
