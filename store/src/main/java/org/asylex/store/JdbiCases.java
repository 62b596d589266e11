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

/**
 * Cases in the {@code cases} table, their history in {@code fact_changes}: versions 2 and on there,
 * version 1 (the creation) kept in the case's row ({@link CaseCreation}).
 */
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
    return importCases(prepareImport(cases), actor);
  }

  @Override
  public ImportBatch prepareImport(List<CaseImport> cases) {
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
    return new ImportBatch(checked, json);
  }

  @Override
  public List<ImportResult> importCases(ImportBatch batch, String actor) {
    Checks.actor(actor);
    List<CaseImport> checked = batch.cases;
    Map<CaseImport, String> json = batch.json;
    return transactions.write(
        h -> {
          Map<String, Current> existing =
              Current.all(h, checked.stream().map(CaseImport::id).distinct().toList());
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
                  c.reference() == null || c.reference().equals(current.reference());
              results.add(
                  sameReference && current.facts().equals(c.facts())
                      ? ImportResult.UNCHANGED
                      : ImportResult.EXISTS);
            }
          }
          insertAll(h, created, json, actor, AuditTrail.CASE_IMPORT);
          return results;
        });
  }

  /**
   * Inserts new cases at version 1 and one audit event each, many rows per statement. A case's row
   * is its creation's history too ({@link CaseCreation}): no history rows.
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
            "INSERT INTO cases (" + COLUMNS + ", created_by) VALUES ",
            List.of("?", "?", database.json(), "1", "?", "?", "?"));
    var records = new ArrayList<CaseRecord>(cases.size());
    for (CaseImport c : cases) {
      String facts = json.get(c);
      rows.add(
          c.id(),
          c.reference(),
          facts != null ? facts : JsonColumns.object(c.facts(), what(c.id())),
          at,
          at,
          actor);
      records.add(
          new CaseRecord(c.id(), Optional.ofNullable(c.reference()), c.facts(), 1, now, now));
    }
    rows.finish();
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
    Checks.actor(actor);
    return transactions.write(
        h -> {
          List<CaseRecord> cases = page(h, filter, offset, limit);
          audit.appendAll(h, actor, AuditTrail.CASE_LIST, listed(cases));
          return cases;
        });
  }

  /**
   * {@link #list} without its events, in a reading transaction: for {@link Store#readPage}, whose
   * events are appended with the page's receipts.
   */
  List<CaseRecord> read(CaseFilter filter, int offset, int limit) {
    return transactions.read(h -> page(h, filter, offset, limit));
  }

  /** The ids of cases read, as {@code case.list} events name them. */
  static List<Optional<String>> listed(List<CaseRecord> cases) {
    return cases.stream().map(c -> Optional.of(c.id())).toList();
  }

  private List<CaseRecord> page(Handle h, CaseFilter filter, int offset, int limit) {
    Objects.requireNonNull(filter, "filter");
    if (offset < 0 || limit < 0) {
      throw new IllegalArgumentException(
          "offset and limit must not be negative, not " + offset + " and " + limit);
    }
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
    return q.bind("limit", limit)
        .bind("offset", offset)
        .map((rs, ctx) -> record(rs, reader))
        .list();
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
    if (c.version() != expectedVersion) {
      throw new VersionConflict(id, expectedVersion, c.version());
    }
    var facts = new LinkedHashMap<>(c.facts());
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
      return c.version();
    }
    long version = c.version() + 1;
    Instant now = now();
    int updated =
        h.createUpdate(
                // the first update keeps the facts the case was created with (CaseCreation)
                "UPDATE cases SET initial_facts = coalesce(initial_facts, facts), facts = "
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
          id, expectedVersion, current(h, id).map(x -> x.version()).orElse(-1L));
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
          List<FactChange> changes =
              new ArrayList<>(creation(h, id).orElseThrow(() -> new CaseNotFound(id)).changes());
          h.createQuery(
                  "SELECT "
                      + CHANGE_COLUMNS
                      + " FROM fact_changes WHERE case_id = :id ORDER BY version, position")
              .bind("id", id)
              .map((rs, ctx) -> change(rs))
              .forEach(changes::add);
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
    var batch =
        new MultiRow(
            h,
            "INSERT INTO fact_changes (" + CHANGE_COLUMNS + ") VALUES ",
            List.of("?", "?", "?", "?", database.json(), database.json(), "?", "?", "?"));
    for (HistoryRow row : rows) {
      batch.add(
          row.caseId,
          row.version,
          row.position,
          row.change.fact,
          JsonColumns.value(row.change.oldValue),
          JsonColumns.value(row.change.newValue),
          actor,
          time,
          note);
    }
    batch.finish();
  }

  /** The case's creation (its history's version 1), in the caller's transaction. */
  Optional<CaseCreation> creation(Handle h, String id) {
    return h.createQuery("SELECT " + CaseCreation.COLUMNS + " FROM cases c WHERE c.id = :id")
        .bind("id", id)
        .map((rs, ctx) -> CaseCreation.read(rs, database))
        .findOne();
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

  private record Change(String fact, Object oldValue, Object newValue) {}

  private record HistoryRow(String caseId, long version, int position, Change change) {}
}
