package org.asylex.app.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.asylex.app.Application;
import org.asylex.app.TestApp;
import org.asylex.app.policy.PolicyCatalog;
import org.asylex.app.users.ApiTokens;
import org.asylex.engine.assessment.Assessment;
import org.asylex.engine.assessment.CaseInput;
import org.asylex.engine.policy.PolicyPack;
import org.asylex.json.CompactFindings;
import org.asylex.json.Json;
import org.asylex.json.ReceiptJson;
import org.asylex.store.CaseRecord;
import org.asylex.store.StoreConfig;
import org.asylex.store.StoredAssessment;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Migration V6 and the start-up conversion over a store of the V5 era: a store made by Flyway up to
 * V5 only, with receipts in the old form (the findings as the assessment's JSON text) and their
 * audit trail written as the store of then wrote them. After opening it with the current
 * application, every receipt renders exactly as before, those whose pack is available are compact,
 * the one whose pack is not is kept in full form and counted, and the audit chain verifies.
 */
class ReceiptConversionTest {
  private static final String PG_URL =
      System.getProperty("asylex.test.postgres.url", "jdbc:postgresql://127.0.0.1:5432/test");
  private static final String PG_USER = System.getProperty("asylex.test.postgres.user", "postgres");
  private static final String UNKNOWN_PACK = "sha256:" + "f".repeat(64);

  @TempDir Path dir;
  private String schema;

  @AfterEach
  void dropSchema() throws SQLException {
    if (schema != null) {
      try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, null)) {
        c.createStatement().execute("DROP SCHEMA " + schema + " CASCADE");
      }
    }
  }

  @Test
  void an_sqlite_store_of_v5_is_converted_without_losing_a_receipt() throws Exception {
    Path data = dir.resolve("data");
    Files.createDirectories(data);
    String url = "jdbc:sqlite:" + data.resolve("asylex.db");
    convertsEveryReceipt(url, null, false, StoreConfig.dataDirectory(data));
  }

  @Test
  void a_postgresql_store_of_v5_is_converted_without_losing_a_receipt() throws Exception {
    try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, null)) {
      schema = "asylex_conv_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
      c.createStatement().execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      schema = null;
      if ("true".equals(System.getenv("ASYLEX_REQUIRE_POSTGRES"))) {
        throw e;
      }
      Assumptions.abort("PostgreSQL is not reachable at " + PG_URL + ": " + e.getMessage());
    }
    String url = PG_URL + "?currentSchema=" + schema;
    convertsEveryReceipt(url, PG_USER, true, StoreConfig.url(url).withCredentials(PG_USER, null));
  }

  private void convertsEveryReceipt(String url, String user, boolean pg, StoreConfig config)
      throws Exception {
    // The store as V5 left it.
    Flyway.configure(getClass().getClassLoader())
        .dataSource(url, user, null)
        .locations("classpath:db/migration/" + (pg ? "postgresql" : "sqlite"))
        .target("5")
        .load()
        .migrate();
    PolicyCatalog policies = TestApp.policies();
    PolicyPack pack = policies.byId("RU").orElseThrow();
    var old = new OldStore(url, user, pg);
    var receipts = new ArrayList<StoredAssessment>();
    List<Map<String, Object>> cases = cases();
    for (int i = 0; i < cases.size(); i++) {
      String id = "V5-" + i;
      old.createCase(id, cases.get(i));
      CaseRecord c = new CaseRecord(id, Optional.empty(), cases.get(i), 1, old.now, old.now);
      for (LocalDate date : List.of(LocalDate.parse("2023-01-15"), LocalDate.parse("2024-01-01"))) {
        receipts.add(old.assess(receipt(policies, pack, c, date, i % 3 == 0)));
      }
    }
    // One receipt made under a pack this deployment does not have: it must be kept as it is.
    StoredAssessment any = receipts.get(0);
    StoredAssessment orphan =
        old.assess(
            new StoredAssessment(
                UUID.randomUUID().toString(),
                any.caseId(),
                1,
                any.asOf(),
                any.factsSnapshot(),
                "RU",
                "2020-01-01",
                UNKNOWN_PACK,
                any.assumptions(),
                "0.0.1",
                StoredAssessment.Findings.text(
                    any.findingsJson().replace(pack.contentHash(), UNKNOWN_PACK)),
                "officer",
                old.now,
                Optional.empty()));
    receipts.add(orphan);
    var before = new LinkedHashMap<String, String>();
    for (StoredAssessment r : receipts) {
      before.put(r.id(), Json.compact(ReceiptJson.full(r, null)));
    }
    old.close();

    try (Application app = Application.open(config, policies, TestApp.TODAY, new ApiTokens(4))) {
      assertThat(app.receiptConversion().converted()).isEqualTo(receipts.size() - 1);
      assertThat(app.receiptConversion().keptFull()).isEqualTo(1);
      assertThat(app.receiptConversion().packsMissing()).containsExactly(UNKNOWN_PACK);
      for (StoredAssessment r : receipts) {
        StoredAssessment after = app.assessments().find(r.id(), "auditor");
        assertThat(Json.compact(ReceiptJson.full(after, null)))
            .as("receipt %s renders as before", r.id())
            .isEqualTo(before.get(r.id()));
      }
      var verify = app.audit().verify();
      assertThat(verify.intact()).as(verify.describe()).isTrue();
    }
    try (var c = connect(url, user);
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT id, findings IS NULL, packed IS NULL, content_hash FROM assessments")) {
      int rows = 0;
      while (rs.next()) {
        rows++;
        boolean orphaned = rs.getString(4).equals(UNKNOWN_PACK);
        assertThat(rs.getBoolean(2)).as("findings text gone").isEqualTo(!orphaned);
        assertThat(rs.getBoolean(3)).as("nothing packed").isEqualTo(orphaned);
      }
      assertThat(rows).isEqualTo(receipts.size());
      ResultSet packs = c.createStatement().executeQuery("SELECT content_hash FROM packs");
      assertThat(packs.next()).isTrue();
      assertThat(packs.getString(1)).isEqualTo(pack.contentHash());
    }
    // Opening again converts nothing more (idempotent), and still renders every receipt alike.
    try (Application app = Application.open(config, policies, TestApp.TODAY, new ApiTokens(4))) {
      assertThat(app.receiptConversion().converted()).isZero();
      assertThat(app.receiptConversion().keptFull()).isEqualTo(1);
      for (StoredAssessment r : receipts) {
        StoredAssessment after = app.assessments().find(r.id(), "auditor");
        assertThat(Json.compact(ReceiptJson.full(after, null))).isEqualTo(before.get(r.id()));
      }
      assertThat(app.audit().verify().intact()).isTrue();
      long converts =
          app.audit().events(1, 500).events().stream()
              .filter(e -> e.action().equals("assessment.convert"))
              .count();
      assertThat(converts).isEqualTo(receipts.size() - 1);
    }
  }

  private static List<Map<String, Object>> cases() {
    var conscript = TestApp.conscript();
    var lgbti = new LinkedHashMap<String, Object>();
    lgbti.put("countryOfOrigin", "RU");
    lgbti.put("dateOfBirth", "1990-05-17");
    lgbti.put("gender", "female");
    lgbti.put("lgbti", true);
    var few = new LinkedHashMap<String, Object>();
    few.put("countryOfOrigin", "RU");
    return List.of(conscript, lgbti, few);
  }

  /** A receipt as the store of V5 kept it: the findings as the assessment's JSON. */
  private static StoredAssessment receipt(
      PolicyCatalog policies, PolicyPack pack, CaseRecord c, LocalDate date, boolean override) {
    var validated = CaseInput.validate(pack, c.facts(), date, "");
    Map<String, String> assumptions =
        override ? Map.of("moratorium-age-27-included", "true") : Map.of();
    Assessment a =
        policies.compiled(pack, assumptions).assess(validated.facts().orElseThrow(), date);
    StoredAssessment made = Receipts.of(c, a, pack, "officer", Instant.now(), Optional.empty());
    assertThat(CompactFindings.isCompact(made.findingsJson())).isFalse();
    return made;
  }

  private static Connection connect(String url, String user) throws SQLException {
    return DriverManager.getConnection(url, user, null);
  }

  /**
   * Writes rows as the V5 store did: the case with its history, the receipt with its findings as
   * text, and a hash-chained audit event for each (chain format 1, ADR 0008), by plain JDBC.
   */
  private static final class OldStore implements AutoCloseable {
    final Connection c;
    final boolean pg;
    final Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    long seq;
    String head = "0".repeat(64);

    OldStore(String url, String user, boolean pg) throws SQLException {
      this.c = connect(url, user);
      this.pg = pg;
    }

    void createCase(String id, Map<String, Object> facts) throws Exception {
      try (PreparedStatement s =
          c.prepareStatement(
              "INSERT INTO cases (id, reference, facts, version, created_at, updated_at) VALUES"
                  + " (?, NULL, "
                  + json()
                  + ", 1, ?, ?)")) {
        s.setString(1, id);
        s.setString(2, Json.compact(facts));
        time(s, 3, now);
        time(s, 4, now);
        s.executeUpdate();
      }
      event("officer", "case.create", id);
    }

    StoredAssessment assess(StoredAssessment r) throws Exception {
      StoredAssessment a = ReceiptPacks.withFindings(r, r.findingsJson());
      Instant at = a.at().truncatedTo(ChronoUnit.MICROS);
      try (PreparedStatement s =
          c.prepareStatement(
              "INSERT INTO assessments (id, case_id, case_version, as_of, facts_snapshot, pack_id,"
                  + " pack_version, content_hash, assumptions, engine_version, findings, actor,"
                  + " assessed_at) VALUES (?, ?, ?, ?, "
                  + json()
                  + ", ?, ?, ?, "
                  + json()
                  + ", ?, "
                  + json()
                  + ", ?, ?)")) {
        s.setString(1, a.id());
        s.setString(2, a.caseId());
        s.setLong(3, a.caseVersion());
        if (pg) {
          s.setObject(4, a.asOf());
        } else {
          s.setString(4, a.asOf().toString());
        }
        s.setString(5, Json.compact(a.factsSnapshot()));
        s.setString(6, a.packId());
        s.setString(7, a.packVersion());
        s.setString(8, a.contentHash());
        s.setString(9, Json.compact(a.assumptions()));
        s.setString(10, a.engineVersion());
        s.setString(11, a.findingsJson());
        s.setString(12, a.actor());
        time(s, 13, at);
        s.executeUpdate();
      }
      event(a.actor(), "case.assess", a.caseId());
      return new StoredAssessment(
          a.id(),
          a.caseId(),
          a.caseVersion(),
          a.asOf(),
          a.factsSnapshot(),
          a.packId(),
          a.packVersion(),
          a.contentHash(),
          a.assumptions(),
          a.engineVersion(),
          StoredAssessment.Findings.text(a.findingsJson()),
          a.actor(),
          at,
          Optional.empty());
    }

    private String json() {
      return pg ? "CAST(? AS json)" : "?";
    }

    private void time(PreparedStatement s, int i, Instant t) throws SQLException {
      if (pg) {
        s.setObject(i, OffsetDateTime.ofInstant(t, ZoneOffset.UTC));
      } else {
        s.setString(i, text(t));
      }
    }

    private static String text(Instant t) {
      return DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
          .withZone(ZoneOffset.UTC)
          .format(t);
    }

    /** An audit event in chain format 1, hashed as ADR 0008 describes, and the head moved. */
    private void event(String actor, String action, String caseId) throws Exception {
      seq++;
      var out = new java.io.ByteArrayOutputStream();
      for (String field :
          List.of("asylex-audit/1", head, Long.toString(seq), text(now), actor, action, caseId)) {
        byte[] b = field.getBytes(StandardCharsets.UTF_8);
        out.writeBytes((b.length + ":").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(b);
      }
      String hash =
          HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(out.toByteArray()));
      try (PreparedStatement s =
          c.prepareStatement(
              "INSERT INTO audit_events (seq, at, actor, action, case_id, subject, prev_hash,"
                  + " hash, format) VALUES (?, ?, ?, ?, ?, NULL, ?, ?, 1)")) {
        s.setLong(1, seq);
        time(s, 2, now);
        s.setString(3, actor);
        s.setString(4, action);
        s.setString(5, caseId);
        s.setString(6, head);
        s.setString(7, hash);
        s.executeUpdate();
      }
      try (PreparedStatement s =
          c.prepareStatement("UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1")) {
        s.setLong(1, seq);
        s.setString(2, hash);
        s.executeUpdate();
      }
      head = hash;
    }

    @Override
    public void close() throws SQLException {
      c.close();
    }
  }
}
