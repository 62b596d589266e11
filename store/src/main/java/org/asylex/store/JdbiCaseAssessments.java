package org.asylex.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Stored assessments in the {@code assessments} table; rows are inserted, never updated, except
 * that the findings of a receipt made before migration V6 may be re-encoded once ({@link
 * #convert}).
 *
 * <p>The assumption values and the findings are written compressed together ({@code packed}, {@link
 * FindingsPacking}); a receipt made before V6 keeps their JSON text in {@code assumptions} and
 * {@code findings} until it is converted. Reading gives the same either way.
 */
final class JdbiCaseAssessments implements CaseAssessments {
  private static final String COLUMNS =
      "id, case_id, case_version, as_of, facts_snapshot, pack_id, pack_version, content_hash,"
          + " assumptions, engine_version, findings, actor, assessed_at, facts_as_of,"
          + " packed";

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
    Checked checked = checked(a);
    StoredAssessment stored = checked.receipt();
    String what = what(a);
    return transactions.write(
        h -> {
          requireCaseVersion(h, a);
          if (exists(h, a.id())) {
            throw new StoreException(
                what + " is already stored; a stored assessment is never changed");
          }
          insert(h, List.of(checked), List.of(packed(stored)));
          audit.append(h, stored.actor(), AuditTrail.CASE_ASSESS, Optional.of(stored.caseId()));
          return stored;
        });
  }

  /**
   * Stores several receipts in the caller's transaction with one batch of rows and one batch of
   * {@code case.assess} events, each only if its case is still at the version it names (as read:
   * {@code caseVersions}, case id to version); those whose case moved on are left out.
   *
   * @return per receipt, in order: the receipt as stored, or empty when its case changed
   */
  List<Optional<StoredAssessment>> recordAll(List<StoredAssessment> receipts, String actor) {
    return recordAll(receipts, packed(receipts), actor);
  }

  /**
   * {@link #recordAll(List, String)} with each receipt's packed column made already ({@link
   * #packed}), in order.
   */
  List<Optional<StoredAssessment>> recordAll(
      List<StoredAssessment> receipts, List<byte[]> packed, String actor) {
    Checks.actor(actor);
    if (packed.size() != receipts.size()) {
      throw new IllegalArgumentException(
          packed.size() + " packed columns for " + receipts.size() + " receipts");
    }
    return transactions.write(h -> recordAll(h, receipts, packed, actor));
  }

  /**
   * The packed column ({@code assumptions} and findings, compressed) of each receipt, in order,
   * made on every core: compressing is most of a receipt's cost in the store, and done before the
   * writers' lock is taken it does not hold up the writes.
   */
  static List<byte[]> packed(List<StoredAssessment> receipts) {
    return receipts.parallelStream().map(JdbiCaseAssessments::packed).toList();
  }

  static byte[] packed(StoredAssessment a) {
    return FindingsPacking.pack(assumptions(a), a.findingsUtf8());
  }

  /** The last assumption values written as JSON on this thread, and their JSON as UTF-8. */
  private static final ThreadLocal<Map.Entry<Map<String, String>, byte[]>> LAST_ASSUMPTIONS =
      new ThreadLocal<>();

  /**
   * The receipt's assumption values as JSON; a caseload assessed with one set of values writes them
   * once per thread, not once per receipt.
   */
  private static byte[] assumptions(StoredAssessment a) {
    Map.Entry<Map<String, String>, byte[]> last = LAST_ASSUMPTIONS.get();
    if (last != null && last.getKey().equals(a.assumptions())) {
      return last.getValue();
    }
    byte[] json =
        JsonColumns.object(a.assumptions(), what(a))
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    LAST_ASSUMPTIONS.set(Map.entry(a.assumptions(), json));
    return json;
  }

  private List<Optional<StoredAssessment>> recordAll(
      Handle h, List<StoredAssessment> receipts, List<byte[]> packed, String actor) {
    Map<String, Long> versions =
        versions(h, receipts.stream().map(StoredAssessment::caseId).toList());
    return recordAll(
        h,
        receipts,
        packed,
        actor,
        a -> {
          Long version = versions.get(a.caseId());
          return version != null && version == a.caseVersion();
        });
  }

  /**
   * Stores the receipts {@code current} keeps, in the transaction of {@code h}: one batch of rows
   * and one batch of {@code case.assess} events.
   *
   * @return per receipt, in order: the receipt as stored, or empty when left out
   */
  List<Optional<StoredAssessment>> recordAll(
      Handle h,
      List<StoredAssessment> receipts,
      List<byte[]> packed,
      String actor,
      java.util.function.Predicate<StoredAssessment> current) {
    var results = new ArrayList<Optional<StoredAssessment>>(receipts.size());
    var kept = new ArrayList<Checked>(receipts.size());
    var keptPacked = new ArrayList<byte[]>(receipts.size());
    for (int i = 0; i < receipts.size(); i++) {
      Checked c = checked(receipts.get(i));
      if (current.test(c.receipt())) {
        kept.add(c);
        keptPacked.add(packed.get(i));
        results.add(Optional.of(c.receipt()));
      } else {
        results.add(Optional.empty());
      }
    }
    insert(h, kept, keptPacked);
    audit.appendAll(
        h,
        actor,
        AuditTrail.CASE_ASSESS,
        kept.stream().map(c -> Optional.of(c.receipt().caseId())).toList());
    return results;
  }

  private static String what(StoredAssessment a) {
    return "assessment '" + a.id() + "'";
  }

  /** A receipt checked for storing, with its facts snapshot as JSON. */
  private record Checked(StoredAssessment receipt, String factsJson) {}

  private static Checked checked(StoredAssessment a) {
    Checks.assessmentId(a.id());
    Checks.caseId(a.caseId());
    Checks.actor(a.actor());
    // The facts checked and written once (facts read from the store are written, not read back).
    JsonColumns.Written facts = JsonColumns.written(a.factsSnapshot(), what(a));
    return new Checked(
        // The findings kept in the form given: UTF-8 bytes are packed as they are.
        a.stored(facts.facts(), Times.micros(a.at())), facts.json());
  }

  /** The current version of each case, by id, read in chunks to stay under parameter limits. */
  static Map<String, Long> versions(Handle h, List<String> ids) {
    var found = new HashMap<String, Long>();
    List<String> distinct = ids.stream().distinct().toList();
    for (int from = 0; from < distinct.size(); from += 500) {
      h.createQuery("SELECT id, version FROM cases WHERE id IN (<ids>)")
          .bindList("ids", distinct.subList(from, Math.min(distinct.size(), from + 500)))
          .map((rs, ctx) -> Map.entry(rs.getString("id"), rs.getLong("version")))
          .forEach(e -> found.put(e.getKey(), e.getValue()));
    }
    return found;
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

  private void insert(Handle h, List<Checked> receipts, List<byte[]> packed) {
    if (receipts.isEmpty()) {
      return;
    }
    var rows =
        new MultiRow(
            h,
            "INSERT INTO assessments (" + COLUMNS + ") VALUES ",
            List.of(
                "?",
                "?",
                "?",
                "?",
                database.json(),
                "?",
                "?",
                "?",
                "NULL",
                "?",
                "NULL",
                "?",
                "?",
                "?",
                "?"));
    for (int i = 0; i < receipts.size(); i++) {
      StoredAssessment stored = receipts.get(i).receipt();
      rows.add(
          stored.id(),
          stored.caseId(),
          stored.caseVersion(),
          database.date(stored.asOf()),
          receipts.get(i).factsJson(),
          stored.packId(),
          stored.packVersion(),
          stored.contentHash(),
          stored.engineVersion(),
          stored.actor(),
          database.instant(stored.at()),
          database.optionalInstant(stored.factsAsOf()),
          packed.get(i));
    }
    rows.finish();
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

  /**
   * Receipts whose findings are still kept as JSON text and whose pack is one of {@code hashes},
   * ordered by id, after {@code afterId} (null: from the first), at most {@code limit}.
   */
  List<UnconvertedReceipt> unconverted(List<String> hashes, String afterId, int limit) {
    if (hashes.isEmpty()) {
      return List.of();
    }
    return transactions.read(
        h ->
            h.createQuery(
                    "SELECT id, case_id, content_hash, assumptions, findings FROM assessments"
                        + " WHERE findings IS NOT NULL AND content_hash IN (<hashes>)"
                        + (afterId == null ? "" : " AND id > :after")
                        + " ORDER BY id LIMIT :limit")
                .bindList("hashes", hashes)
                .bind("after", afterId)
                .bind("limit", limit)
                .map(
                    (rs, ctx) ->
                        new UnconvertedReceipt(
                            rs.getString("id"),
                            rs.getString("case_id"),
                            rs.getString("content_hash"),
                            rs.getString("assumptions"),
                            rs.getString("findings")))
                .list());
  }

  /** The content hashes of the packs of receipts that keep their findings as JSON text. */
  List<String> unconvertedPacks() {
    return transactions.read(
        h ->
            h.createQuery(
                    "SELECT DISTINCT content_hash FROM assessments WHERE findings IS NOT NULL"
                        + " ORDER BY content_hash")
                .mapTo(String.class)
                .list());
  }

  /** How many receipts keep their findings as JSON text (made before V6, not converted). */
  long countUnconverted() {
    return transactions.read(
        h ->
            h.createQuery("SELECT count(*) FROM assessments WHERE findings IS NOT NULL")
                .mapTo(Long.class)
                .one());
  }

  /**
   * Re-encodes the findings of receipts made before V6, in one transaction: each row whose findings
   * text is still exactly {@code from} gets {@code to}, compressed, and one {@code
   * assessment.convert} event (the receipt's case id). A row already converted is left alone.
   *
   * @return how many were converted
   */
  int convert(List<UnconvertedReceipt> from, List<String> to, String actor) {
    Checks.actor(actor);
    if (from.size() != to.size()) {
      throw new IllegalArgumentException("one new form per receipt");
    }
    if (from.isEmpty()) {
      return 0;
    }
    return transactions.write(
        h -> {
          var converted = new ArrayList<Optional<String>>();
          for (int i = 0; i < from.size(); i++) {
            UnconvertedReceipt u = from.get(i);
            int n =
                h.createUpdate(
                        "UPDATE assessments SET findings = NULL, assumptions = NULL,"
                            + " packed = :packed"
                            + " WHERE id = :id AND findings IS NOT NULL AND "
                            + (database == Database.POSTGRESQL
                                ? "findings::text = :old"
                                : "findings = :old"))
                    .bind("packed", FindingsPacking.pack(u.assumptionsJson(), to.get(i)))
                    .bind("id", u.id())
                    .bind("old", u.findingsJson())
                    .execute();
            if (n == 1) {
              converted.add(Optional.of(u.caseId()));
            }
          }
          audit.appendAll(h, actor, AuditTrail.ASSESSMENT_CONVERT, converted);
          return converted.size();
        });
  }

  private StoredAssessment assessment(ResultSet rs) throws SQLException {
    String id = rs.getString("id");
    String what = "assessment '" + id + "'";
    byte[] packed = rs.getBytes("packed");
    FindingsPacking.Texts texts =
        packed != null
            ? FindingsPacking.unpack(packed, what)
            : new FindingsPacking.Texts(rs.getString("assumptions"), rs.getString("findings"));
    return new StoredAssessment(
        id,
        rs.getString("case_id"),
        rs.getLong("case_version"),
        database.date(rs, "as_of"),
        JsonColumns.readObject(rs.getString("facts_snapshot"), what),
        rs.getString("pack_id"),
        rs.getString("pack_version"),
        rs.getString("content_hash"),
        JsonColumns.readStrings(texts.assumptions(), what),
        rs.getString("engine_version"),
        StoredAssessment.Findings.text(texts.findings()),
        rs.getString("actor"),
        database.instant(rs, "assessed_at"),
        database.optionalInstant(rs, "facts_as_of"));
  }
}
