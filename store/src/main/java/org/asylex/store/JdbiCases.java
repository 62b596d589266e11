package org.asylex.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.statement.Query;

/** Cases in the {@code cases} table, their history in {@code fact_changes}. */
final class JdbiCases implements Cases {
  static final String COLUMNS = "id, reference, facts, version, created_at, updated_at";
  static final String CHANGE_COLUMNS =
      "case_id, version, position, fact, old_value, new_value, actor, changed_at, note";

  private final Transactions transactions;
  private final Database database;
  private final Clock clock;
  private final JdbiAuditTrail audit;

  JdbiCases(Transactions transactions, Clock clock, JdbiAuditTrail audit) {
    this.transactions = transactions;
    this.database = transactions.database();
    this.clock = clock;
    this.audit = audit;
  }

  @Override
  public CaseRecord create(String id, String reference, Map<String, Object> facts, String actor) {
    Checks.caseId(id);
    Checks.optional(reference, "the reference");
    Checks.actor(actor);
    Map<String, Object> values = JsonColumns.facts(facts, what(id));
    return transactions.write(
        h -> {
          if (current(h, id).isPresent()) {
            throw new CaseAlreadyExists(id);
          }
          return insertAll(
                  h,
                  List.of(new CaseImport(id, reference, values)),
                  Map.of(),
                  actor,
                  AuditTrail.CASE_CREATE)
              .get(0);
        });
  }

  @Override
  public ImportResult importCase(
      String id, String reference, Map<String, Object> facts, String actor) {
    return importCases(List.of(new CaseImport(id, reference, facts)), actor).get(0);
  }

  @Override
  public List<ImportResult> importCases(List<CaseImport> cases, String actor) {
    Checks.actor(actor);
    var checked = new ArrayList<CaseImport>(cases.size());
    var json = new IdentityHashMap<CaseImport, String>();
    for (CaseImport c : cases) {
      Checks.caseId(c.id());
      Checks.optional(c.reference(), "the reference of " + what(c.id()));
      JsonColumns.Written w = JsonColumns.written(c.facts(), what(c.id()));
      var imported = new CaseImport(c.id(), c.reference(), w.facts());
      checked.add(imported);
      json.put(imported, w.json());
    }
    return transactions.write(
        h -> {
          Map<String, Current> existing =
              currentAll(h, checked.stream().map(CaseImport::id).distinct().toList());
          var results = new ArrayList<ImportResult>(checked.size());
          var created = new ArrayList<CaseImport>();
          for (CaseImport c : checked) {
            Current current = existing.get(c.id());
            if (current == null) {
              created.add(c);
              existing.put(c.id(), new Current(c.reference(), c.facts(), 1));
              results.add(ImportResult.CREATED);
            } else {
              boolean sameReference =
                  c.reference() == null || c.reference().equals(current.reference);
              results.add(
                  sameReference && current.facts.equals(c.facts())
                      ? ImportResult.UNCHANGED
                      : ImportResult.EXISTS);
            }
          }
          insertAll(h, created, json, actor, AuditTrail.CASE_IMPORT);
          return results;
        });
  }

  /**
   * Inserts new cases at version 1 with their history and one audit event each, many rows per
   * statement.
   *
   * @param json the facts' JSON text of each case, where already written (by identity)
   */
  private List<CaseRecord> insertAll(
      Handle h, List<CaseImport> cases, Map<CaseImport, String> json, String actor, String action) {
    if (cases.isEmpty()) {
      return List.of();
    }
    Instant now = now();
    Argument at = database.instant(now);
    var rows =
        new MultiRow(
            h,
            "INSERT INTO cases (" + COLUMNS + ") VALUES ",
            List.of("?", "?", database.json(), "1", "?", "?"));
    var history = new ArrayList<HistoryRow>();
    var records = new ArrayList<CaseRecord>(cases.size());
    for (CaseImport c : cases) {
      String facts = json.get(c);
      rows.add(
          c.id(),
          c.reference(),
          facts != null ? facts : JsonColumns.object(c.facts(), what(c.id())),
          at,
          at);
      int position = 0;
      for (Map.Entry<String, Object> fact : c.facts().entrySet()) {
        history.add(
            new HistoryRow(
                c.id(), 1, position++, new Change(fact.getKey(), null, fact.getValue())));
      }
      records.add(
          new CaseRecord(c.id(), Optional.ofNullable(c.reference()), c.facts(), 1, now, now));
    }
    rows.finish();
    writeHistory(h, history, actor, now, null);
    audit.appendAll(h, actor, action, cases.stream().map(c -> Optional.of(c.id())).toList());
    return records;
  }

  @Override
  public Optional<CaseRecord> find(String id, String actor) {
    Checks.caseId(id);
    Checks.actor(actor);
    return transactions.write(
        h -> {
          Optional<CaseRecord> found =
              h.createQuery("SELECT " + COLUMNS + " FROM cases WHERE id = :id")
                  .bind("id", id)
                  .map((rs, ctx) -> record(rs))
                  .findOne();
          if (found.isPresent()) {
            audit.append(h, actor, AuditTrail.CASE_READ, Optional.of(id));
          }
          return found;
        });
  }

  /**
   * The case, read without an audit event: only for {@link Store#assessCase}, which records the
   * access with the receipt (or a read event) itself.
   */
  Optional<CaseRecord> peek(String id) {
    return transactions.read(
        h ->
            h.createQuery("SELECT " + COLUMNS + " FROM cases WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> record(rs))
                .findOne());
  }

  /** The case's current version (0 when there is no such case), in the caller's transaction. */
  long version(String id) {
    return transactions.read(
        h ->
            h.createQuery("SELECT version FROM cases WHERE id = :id")
                .bind("id", id)
                .mapTo(Long.class)
                .findOne()
                .orElse(0L));
  }

  @Override
  public List<CaseRecord> list(CaseFilter filter, int offset, int limit, String actor) {
    Objects.requireNonNull(filter, "filter");
    if (offset < 0 || limit < 0) {
      throw new IllegalArgumentException(
          "offset and limit must not be negative, not " + offset + " and " + limit);
    }
    Checks.actor(actor);
    return transactions.write(
        h -> {
          Query q =
              CaseFilters.query(
                  database,
                  h,
                  "SELECT " + COLUMNS + " FROM cases",
                  filter,
                  " ORDER BY id LIMIT :limit OFFSET :offset");
          // The facts read with a line reader (the same maps as Jackson's, faster: a caseload's
          // assessment reads every case).
          var reader = new org.asylex.json.CaseLineReader();
          List<CaseRecord> cases =
              q.bind("limit", limit)
                  .bind("offset", offset)
                  .map((rs, ctx) -> record(rs, reader))
                  .list();
          audit.appendAll(
              h,
              actor,
              AuditTrail.CASE_LIST,
              cases.stream().map(c -> Optional.of(c.id())).toList());
          return cases;
        });
  }

  @Override
  public long count(CaseFilter filter) {
    Objects.requireNonNull(filter, "filter");
    return transactions.read(
        h ->
            CaseFilters.query(database, h, "SELECT count(*) FROM cases", filter, "")
                .mapTo(Long.class)
                .one());
  }

  @Override
  public long update(
      String id, long expectedVersion, Map<String, Object> changes, String actor, String note) {
    Checks.caseId(id);
    Checks.actor(actor);
    Checks.note(note);
    Map<String, Object> values = JsonColumns.changes(changes, what(id));
    return transactions.write(h -> update(h, id, expectedVersion, values, actor, note));
  }

  @Override
  public CaseRecord change(
      String id, long expectedVersion, Map<String, Object> changes, String actor, String note) {
    Checks.caseId(id);
    Checks.actor(actor);
    Checks.note(note);
    Map<String, Object> values = JsonColumns.changes(changes, what(id));
    return transactions.write(
        h -> {
          update(h, id, expectedVersion, values, actor, note);
          // In the change's transaction, so never the state of a writer that came after it.
          return h.createQuery("SELECT " + COLUMNS + " FROM cases WHERE id = :id")
              .bind("id", id)
              .map((rs, ctx) -> record(rs))
              .one();
        });
  }

  private long update(
      Handle h,
      String id,
      long expectedVersion,
      Map<String, Object> values,
      String actor,
      String note) {
    Current c = current(h, id).orElseThrow(() -> new CaseNotFound(id));
    if (c.version != expectedVersion) {
      throw new VersionConflict(id, expectedVersion, c.version);
    }
    var facts = new LinkedHashMap<>(c.facts);
    var changed = new ArrayList<Change>();
    values.forEach(
        (fact, value) -> {
          Object old = facts.get(fact);
          if (!Objects.equals(old, value)) {
            changed.add(new Change(fact, old, value));
            if (value == null) {
              facts.remove(fact);
            } else {
              facts.put(fact, value);
            }
          }
        });
    if (changed.isEmpty()) {
      return c.version;
    }
    long version = c.version + 1;
    Instant now = now();
    int updated =
        h.createUpdate(
                "UPDATE cases SET facts = "
                    + database.json("facts")
                    + ", version = :version, updated_at = :now"
                    + " WHERE id = :id AND version = :expected")
            .bind("facts", JsonColumns.object(facts, what(id)))
            .bind("version", version)
            .bind("now", database.instant(now))
            .bind("id", id)
            .bind("expected", expectedVersion)
            .execute();
    if (updated != 1) {
      // The writers' lock makes this unreachable; the condition keeps it true without it.
      throw new VersionConflict(
          id, expectedVersion, current(h, id).map(x -> x.version).orElse(-1L));
    }
    var rows = new ArrayList<HistoryRow>();
    for (Change change : changed) {
      rows.add(new HistoryRow(id, version, rows.size(), change));
    }
    writeHistory(h, rows, actor, now, note);
    audit.append(h, actor, AuditTrail.CASE_UPDATE, Optional.of(id));
    return version;
  }

  @Override
  public List<FactChange> history(String id, String actor) {
    Checks.caseId(id);
    Checks.actor(actor);
    return transactions.write(
        h -> {
          if (current(h, id).isEmpty()) {
            throw new CaseNotFound(id);
          }
          List<FactChange> changes =
              h.createQuery(
                      "SELECT "
                          + CHANGE_COLUMNS
                          + " FROM fact_changes WHERE case_id = :id ORDER BY version, position")
                  .bind("id", id)
                  .map((rs, ctx) -> change(rs))
                  .list();
          audit.append(h, actor, AuditTrail.CASE_HISTORY, Optional.of(id));
          return changes;
        });
  }

  @Override
  public long exportAll(String actor, Consumer<CaseRecord> consumer) {
    Checks.actor(actor);
    Objects.requireNonNull(consumer, "consumer");
    // On record first, in its own transaction: an export that fails half-way has still shown data.
    transactions.write(h -> audit.append(h, actor, AuditTrail.CASE_EXPORT, Optional.empty()));
    // the facts read with a line reader of their own: an export reads every case's facts
    var reader = new org.asylex.json.CaseLineReader();
    return transactions.read(
        h ->
            (long)
                h.createQuery("SELECT " + COLUMNS + " FROM cases ORDER BY id")
                    .setFetchSize(JdbiCaseHistory.FETCH)
                    .map((rs, ctx) -> record(rs, reader))
                    .forEachWithCount(consumer));
  }

  @Override
  public long ids(String actor, Consumer<String> consumer) {
    Checks.actor(actor);
    Objects.requireNonNull(consumer, "consumer");
    transactions.write(h -> audit.append(h, actor, AuditTrail.CASE_IDS, Optional.empty()));
    return transactions.read(
        h ->
            (long)
                h.createQuery("SELECT id FROM cases ORDER BY id")
                    .setFetchSize(500)
                    .mapTo(String.class)
                    .forEachWithCount(consumer));
  }

  private void writeHistory(
      Handle h, List<HistoryRow> rows, String actor, Instant at, String note) {
    if (rows.isEmpty()) {
      return;
    }
    Argument time = database.instant(at);
    // New cases' rows (version 1, no old value, no note) have those in the statement: 6 values.
    boolean first =
        note == null && rows.stream().allMatch(r -> r.version == 1 && r.change.oldValue == null);
    var batch =
        new MultiRow(
            h,
            "INSERT INTO fact_changes (" + CHANGE_COLUMNS + ") VALUES ",
            first
                ? List.of("?", "1", "?", "?", "NULL", database.json(), "?", "?", "NULL")
                : List.of("?", "?", "?", "?", database.json(), database.json(), "?", "?", "?"));
    for (HistoryRow row : rows) {
      String value = JsonColumns.value(row.change.newValue);
      if (first) {
        batch.add(row.caseId, row.position, row.change.fact, value, actor, time);
      } else {
        batch.add(
            row.caseId,
            row.version,
            row.position,
            row.change.fact,
            JsonColumns.value(row.change.oldValue),
            value,
            actor,
            time,
            note);
      }
    }
    batch.finish();
  }

  /** The current state of cases by id, read in chunks to stay under parameter limits. */
  private Map<String, Current> currentAll(Handle h, List<String> ids) {
    var found = new LinkedHashMap<String, Current>();
    for (int from = 0; from < ids.size(); from += 500) {
      List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
      h.createQuery("SELECT id, reference, facts, version FROM cases WHERE id IN (<ids>)")
          .bindList("ids", chunk)
          .map(
              (rs, ctx) -> {
                String id = rs.getString("id");
                return Map.entry(
                    id,
                    new Current(
                        rs.getString("reference"),
                        JsonColumns.readObject(rs.getString("facts"), what(id)),
                        rs.getLong("version")));
              })
          .forEach(e -> found.put(e.getKey(), e.getValue()));
    }
    return found;
  }

  private Optional<Current> current(Handle h, String id) {
    return h.createQuery("SELECT reference, facts, version FROM cases WHERE id = :id")
        .bind("id", id)
        .map(
            (rs, ctx) ->
                new Current(
                    rs.getString("reference"),
                    JsonColumns.readObject(rs.getString("facts"), what(id)),
                    rs.getLong("version")))
        .findOne();
  }

  CaseRecord record(ResultSet rs) throws SQLException {
    String id = rs.getString("id");
    return new CaseRecord(
        id,
        Optional.ofNullable(rs.getString("reference")),
        JsonColumns.readObject(rs.getString("facts"), what(id)),
        rs.getLong("version"),
        database.instant(rs, "created_at"),
        database.instant(rs, "updated_at"));
  }

  /** {@link #record(ResultSet)}, its facts read by {@code reader}. */
  CaseRecord record(ResultSet rs, org.asylex.json.CaseLineReader reader) throws SQLException {
    String id = rs.getString("id");
    return new CaseRecord(
        id,
        Optional.ofNullable(rs.getString("reference")),
        JsonColumns.readObject(reader, rs.getString("facts"), what(id)),
        rs.getLong("version"),
        database.instant(rs, "created_at"),
        database.instant(rs, "updated_at"));
  }

  FactChange change(ResultSet rs) throws SQLException {
    String id = rs.getString("case_id");
    String fact = rs.getString("fact");
    String what = "the history of " + what(id) + ", fact '" + fact + "'";
    return new FactChange(
        id,
        fact,
        JsonColumns.readValue(rs.getString("old_value"), what),
        JsonColumns.readValue(rs.getString("new_value"), what),
        rs.getString("actor"),
        database.instant(rs, "changed_at"),
        Optional.ofNullable(rs.getString("note")),
        rs.getLong("version"));
  }

  private Instant now() {
    return Times.micros(clock.instant());
  }

  private static String what(String id) {
    return "case '" + id + "'";
  }

  /** What an update or import compares against. */
  private record Current(String reference, Map<String, Object> facts, long version) {}

  private record Change(String fact, Object oldValue, Object newValue) {}

  private record HistoryRow(String caseId, long version, int position, Change change) {}
}
