package org.asylex.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.asylex.json.CaseJson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The one contract every store meets, run against SQLite ({@link SqliteStoreTest}) and PostgreSQL
 * ({@link PostgresStoreTest}). Each test gets a fresh, empty database. Tamper tests edit the
 * database directly through {@link #connect()}, as someone with access to the files or the server
 * would.
 */
abstract class StoreContract {
  static final String OFFICER = "officer.a";
  static final String OTHER = "officer.b";

  protected final TestClock clock = new TestClock();
  protected Store store;

  /** The configuration of a fresh, empty database for one test. */
  protected abstract StoreConfig freshConfig();

  /** A plain JDBC connection to the same database, outside the store. */
  protected abstract Connection connect() throws SQLException;

  /** Removes what {@link #freshConfig()} made, after the store is closed. */
  protected abstract void cleanUp() throws Exception;

  @BeforeEach
  void openStore() {
    store = Store.open(freshConfig().withClock(clock));
  }

  @AfterEach
  void closeStore() throws Exception {
    if (store != null) {
      store.close();
    }
    cleanUp();
  }

  static Map<String, Object> facts() {
    var facts = new LinkedHashMap<String, Object>();
    facts.put("countryOfOrigin", "RU");
    facts.put("dateOfBirth", "1990-05");
    facts.put("arrivalDate", "2023-07-01");
    facts.put("yearOfMarriage", "2011");
    facts.put("conscientiousObjector", true);
    facts.put("criminalRecord", false);
    facts.put("region", "RU-CE");
    facts.put("statement", "Zoë \"quoted\" \\ / ✓ 𝄞\nsecond line");
    facts.put("children", 3L);
    facts.put("score", new BigDecimal("1.50"));
    facts.put("languages", List.of("ru", "en"));
    return facts;
  }

  private long eventCount() {
    return store.audit().events(1, Integer.MAX_VALUE).size();
  }

  private List<String> actions(String caseId) {
    return store.audit().events(caseId).stream().map(AuditEvent::action).toList();
  }

  // ---- cases --------------------------------------------------------------------------------

  @Test
  void a_created_case_reads_back_exactly_with_booleans_strings_and_partial_dates() {
    CaseRecord created = store.cases().create("A-1", "REF/2026/1", facts(), OFFICER);

    CaseRecord found = store.cases().find("A-1", OFFICER).orElseThrow();

    assertThat(found.facts()).containsExactlyEntriesOf(facts());
    assertThat(found.facts().get("conscientiousObjector")).isEqualTo(Boolean.TRUE);
    assertThat(found.facts().get("dateOfBirth")).isEqualTo("1990-05");
    assertThat(found.facts().get("score")).isEqualTo(new BigDecimal("1.50"));
    assertThat(found.reference()).contains("REF/2026/1");
    assertThat(found.version()).isEqualTo(1);
    assertThat(found.created()).isEqualTo(found.updated()).isAfterOrEqualTo(TestClock.START);
    assertThat(found).isEqualTo(created);
  }

  @Test
  void facts_read_by_the_case_reader_survive_the_store_unchanged() throws Exception {
    Map<String, Object> read =
        CaseJson.read(
            "{\"countryOfOrigin\": \"RU\", \"dateOfBirth\": \"1990\", \"lgbti\": true,"
                + " \"age\": 34, \"ratio\": 0.25, \"nested\": {\"a\": [1, \"x\", null]}}",
            "test");
    store.cases().create("A-1", null, read, OFFICER);

    assertThat(store.cases().find("A-1", OFFICER).orElseThrow().facts())
        .containsExactlyEntriesOf(read);
  }

  @Test
  void a_null_fact_is_not_set_and_is_not_stored() {
    var facts = new HashMap<String, Object>();
    facts.put("countryOfOrigin", "RU");
    facts.put("dateOfBirth", null);
    store.cases().create("A-1", null, facts, OFFICER);

    assertThat(store.cases().find("A-1", OFFICER).orElseThrow().facts())
        .containsOnlyKeys("countryOfOrigin");
  }

  @Test
  void a_value_that_is_not_json_is_refused_with_the_fact_named() {
    assertThatThrownBy(
            () ->
                store
                    .cases()
                    .create("A-1", null, Map.of("dateOfBirth", LocalDate.of(1990, 5, 1)), OFFICER))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("fact 'dateOfBirth'")
        .hasMessageContaining("LocalDate")
        .hasMessageContaining("\"1990-05\"");
    assertThat(store.cases().count(CaseFilter.all())).isZero();
  }

  @Test
  void creating_a_taken_id_fails_and_changes_nothing() {
    store.cases().create("A-1", null, Map.of("countryOfOrigin", "RU"), OFFICER);
    long events = eventCount();

    assertThatThrownBy(
            () -> store.cases().create("A-1", null, Map.of("countryOfOrigin", "NL"), OTHER))
        .isInstanceOf(CaseAlreadyExists.class)
        .hasMessage("case 'A-1' already exists");

    assertThat(store.cases().find("A-1", OFFICER).orElseThrow().facts())
        .containsEntry("countryOfOrigin", "RU");
    assertThat(eventCount()).isEqualTo(events + 1); // the find above
  }

  @Test
  void an_unknown_case_is_not_found_and_that_is_not_audited() {
    assertThat(store.cases().find("nope", OFFICER)).isEmpty();
    assertThat(eventCount()).isZero();
    assertThatThrownBy(() -> store.cases().history("nope", OFFICER))
        .isInstanceOf(CaseNotFound.class)
        .hasMessage("there is no case 'nope'");
    assertThatThrownBy(() -> store.cases().update("nope", 1, Map.of("x", true), OFFICER, null))
        .isInstanceOf(CaseNotFound.class);
  }

  @Test
  void an_update_sets_changes_and_removes_facts_bumps_the_version_and_keeps_the_history() {
    store.cases().create("A-1", null, facts(), OFFICER);
    var changes = new LinkedHashMap<String, Object>();
    changes.put("dateOfBirth", "1990-05-17"); // more precise
    changes.put("criminalRecord", null); // removed
    changes.put("lgbti", true); // new
    changes.put("countryOfOrigin", "RU"); // unchanged: not a change

    long version = store.cases().update("A-1", 1, changes, OTHER, "passport seen");

    assertThat(version).isEqualTo(2);
    CaseRecord c = store.cases().find("A-1", OFFICER).orElseThrow();
    assertThat(c.version()).isEqualTo(2);
    assertThat(c.updated()).isAfter(c.created());
    assertThat(c.facts())
        .containsEntry("dateOfBirth", "1990-05-17")
        .containsEntry("lgbti", true)
        .doesNotContainKey("criminalRecord");
    // a changed fact keeps its place; a new one comes last
    assertThat(new ArrayList<>(c.facts().keySet()).subList(0, 2))
        .containsExactly("countryOfOrigin", "dateOfBirth");
    assertThat(new ArrayList<>(c.facts().keySet())).last().isEqualTo("lgbti");

    List<FactChange> history = store.cases().history("A-1", OFFICER);
    assertThat(history).hasSize(facts().size() + 3);
    assertThat(history.subList(0, facts().size()))
        .allSatisfy(
            h -> {
              assertThat(h.version()).isEqualTo(1);
              assertThat(h.oldValue()).isEmpty();
              assertThat(h.actor()).isEqualTo(OFFICER);
              assertThat(h.note()).isEmpty();
            });
    assertThat(history.get(0).newValue()).contains("RU");
    List<FactChange> update = history.subList(facts().size(), history.size());
    assertThat(update)
        .extracting(FactChange::fact)
        .containsExactly("dateOfBirth", "criminalRecord", "lgbti");
    assertThat(update.get(0).oldValue()).contains("1990-05");
    assertThat(update.get(0).newValue()).contains("1990-05-17");
    assertThat(update.get(1).oldValue()).contains(false);
    assertThat(update.get(1).newValue()).isEmpty();
    assertThat(update.get(2).oldValue()).isEmpty();
    assertThat(update.get(2).newValue()).contains(true);
    assertThat(update)
        .allSatisfy(
            h -> {
              assertThat(h.version()).isEqualTo(2);
              assertThat(h.actor()).isEqualTo(OTHER);
              assertThat(h.note()).contains("passport seen");
              assertThat(h.at()).isEqualTo(c.updated());
              assertThat(h.caseId()).isEqualTo("A-1");
            });
  }

  @Test
  void an_update_that_changes_nothing_keeps_the_version_and_stores_nothing() {
    store.cases().create("A-1", null, Map.of("countryOfOrigin", "RU"), OFFICER);
    long events = eventCount();

    assertThat(store.cases().update("A-1", 1, Map.of("countryOfOrigin", "RU"), OTHER, null))
        .isEqualTo(1);

    assertThat(eventCount()).isEqualTo(events);
    assertThat(store.cases().history("A-1", OFFICER)).hasSize(1);
  }

  @Test
  void an_update_of_a_stale_version_is_a_conflict_naming_the_case_and_both_versions() {
    store.cases().create("A-1", null, Map.of("lgbti", false), OFFICER);
    store.cases().update("A-1", 1, Map.of("lgbti", true), OFFICER, null);
    long events = eventCount();

    assertThatThrownBy(() -> store.cases().update("A-1", 1, Map.of("lgbti", false), OTHER, "stale"))
        .isInstanceOfSatisfying(
            VersionConflict.class,
            e -> {
              assertThat(e.caseId()).isEqualTo("A-1");
              assertThat(e.expectedVersion()).isEqualTo(1);
              assertThat(e.actualVersion()).isEqualTo(2);
            })
        .hasMessage(
            "case 'A-1' was changed by someone else: the change was made to version 1, but the"
                + " case is now at version 2; show the case again and reapply the change");

    assertThat(store.cases().find("A-1", OFFICER).orElseThrow().facts())
        .containsEntry("lgbti", true);
    assertThat(eventCount()).isEqualTo(events + 1); // the find, not the failed update
    assertThat(store.cases().history("A-1", OFFICER)).hasSize(2);
  }

  @Test
  void list_filters_on_fact_values_and_absence_ordered_by_id_with_offset_and_limit() {
    store.cases().create("C", null, Map.of("countryOfOrigin", "RU", "lgbti", true), OFFICER);
    store.cases().create("A", null, Map.of("countryOfOrigin", "RU", "lgbti", false), OFFICER);
    store.cases().create("B", null, Map.of("countryOfOrigin", "NL"), OFFICER);
    store.cases().create("D", null, Map.of("countryOfOrigin", "RU", "children", 2L), OFFICER);

    assertThat(ids(CaseFilter.all(), 0, 10)).containsExactly("A", "B", "C", "D");
    assertThat(ids(CaseFilter.all(), 1, 2)).containsExactly("B", "C");
    assertThat(ids(CaseFilter.where("countryOfOrigin", "RU"), 0, 10))
        .containsExactly("A", "C", "D");
    assertThat(ids(CaseFilter.where("countryOfOrigin", "RU").and("lgbti", true), 0, 10))
        .containsExactly("C");
    assertThat(ids(CaseFilter.where("lgbti", "true"), 0, 10)).isEmpty(); // text is not boolean
    assertThat(ids(CaseFilter.where("lgbti", null), 0, 10)).containsExactly("B", "D");
    assertThat(ids(CaseFilter.where("children", 2), 0, 10)).containsExactly("D");
    assertThat(store.cases().count(CaseFilter.where("countryOfOrigin", "RU"))).isEqualTo(3);
    assertThat(store.cases().count(CaseFilter.all())).isEqualTo(4);
    assertThatThrownBy(() -> CaseFilter.where("a'); DROP TABLE cases; --", 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("letters, digits and underscores");
  }

  private List<String> ids(CaseFilter filter, int offset, int limit) {
    return store.cases().list(filter, offset, limit, OFFICER).stream().map(CaseRecord::id).toList();
  }

  @Test
  void import_is_idempotent_by_id_and_never_overwrites() {
    Map<String, Object> facts = Map.of("countryOfOrigin", "RU", "lgbti", true);

    assertThat(store.cases().importCase("I-1", null, facts, "import"))
        .isEqualTo(ImportResult.CREATED);
    assertThat(store.cases().importCase("I-1", null, facts, "import"))
        .isEqualTo(ImportResult.UNCHANGED);
    assertThat(
            store
                .cases()
                .importCase("I-1", null, Map.of("countryOfOrigin", "RU", "lgbti", false), "import"))
        .isEqualTo(ImportResult.EXISTS);
    assertThat(store.cases().importCase("I-1", "OTHER-REF", facts, "import"))
        .isEqualTo(ImportResult.EXISTS);

    CaseRecord c = store.cases().find("I-1", OFFICER).orElseThrow();
    assertThat(c.facts()).isEqualTo(facts);
    assertThat(c.version()).isEqualTo(1);
    assertThat(actions("I-1")).containsExactly(AuditTrail.CASE_IMPORT, AuditTrail.CASE_READ);
  }

  @Test
  void a_batch_import_gives_each_case_its_result_and_an_id_twice_is_imported_once() {
    store.cases().create("B-0", null, Map.of("lgbti", true), OFFICER);

    List<ImportResult> results =
        store
            .cases()
            .importCases(
                List.of(
                    new CaseImport("B-1", null, Map.of("lgbti", true)),
                    new CaseImport("B-0", null, Map.of("lgbti", true)),
                    new CaseImport("B-2", "R-2", Map.of("lgbti", false)),
                    new CaseImport("B-1", null, Map.of("lgbti", true)),
                    new CaseImport("B-2", null, Map.of("lgbti", true))),
                "import");

    assertThat(results)
        .containsExactly(
            ImportResult.CREATED,
            ImportResult.UNCHANGED,
            ImportResult.CREATED,
            ImportResult.UNCHANGED,
            ImportResult.EXISTS);
    assertThat(store.cases().find("B-2", OFFICER).orElseThrow().facts())
        .containsEntry("lgbti", false);
    assertThat(store.cases().history("B-1", OFFICER)).hasSize(1);
    assertThat(store.audit().events(2, 10))
        .extracting(e -> e.action() + " " + e.caseId().orElse(""))
        .startsWith("case.import B-1", "case.import B-2");
    assertThat(store.audit().verify().intact()).isTrue();
  }

  @Test
  void a_batch_with_one_malformed_case_stores_none_of_it() {
    var batch =
        List.of(
            new CaseImport("B-1", null, Map.of("lgbti", true)),
            new CaseImport("B-2", null, Map.of("dateOfBirth", LocalDate.of(1990, 5, 1))));

    assertThatThrownBy(() -> store.cases().importCases(batch, "import"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("case 'B-2', fact 'dateOfBirth'");

    assertThat(store.cases().count(CaseFilter.all())).isZero();
    assertThat(eventCount()).isZero();
  }

  @Test
  void facts_too_large_to_read_back_are_refused_when_stored() {
    Map<String, Object> huge = Map.of("statement", "x".repeat(CaseJson.MAX_BYTES));

    assertThatThrownBy(() -> store.cases().create("A-1", null, huge, OFFICER))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("case 'A-1': the facts are larger than 1024 KiB as JSON");
    store.cases().create("A-1", null, Map.of("statement", "short"), OFFICER);
    assertThatThrownBy(() -> store.cases().update("A-1", 1, huge, OFFICER, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(store.cases().find("A-1", OFFICER).orElseThrow().version()).isEqualTo(1);
  }

  @Test
  void export_gives_every_case_in_id_order_and_is_on_record() {
    store.cases().create("B", null, Map.of("countryOfOrigin", "NL"), OFFICER);
    store.cases().create("A", "R-A", facts(), OFFICER);
    var seen = new ArrayList<CaseRecord>();

    long n = store.cases().exportAll(OTHER, seen::add);

    assertThat(n).isEqualTo(2);
    assertThat(seen).extracting(CaseRecord::id).containsExactly("A", "B");
    assertThat(seen.get(0).facts()).containsExactlyEntriesOf(facts());
    AuditEvent last = store.audit().events(1, 100).get(2);
    assertThat(last.action()).isEqualTo(AuditTrail.CASE_EXPORT);
    assertThat(last.actor()).isEqualTo(OTHER);
    assertThat(last.caseId()).isEmpty();
  }

  @Test
  void a_store_call_from_an_export_consumer_runs_in_a_transaction_of_its_own() {
    store.cases().create("A", null, Map.of("lgbti", true), OFFICER);
    store.cases().create("B", null, Map.of("lgbti", false), OFFICER);
    var versions = new ArrayList<Long>();

    store
        .cases()
        .exportAll(
            OFFICER,
            c -> versions.add(store.cases().update(c.id(), 1, Map.of("seen", true), OTHER, null)));

    assertThat(versions).containsExactly(2L, 2L);
    assertThat(actions("A")).containsExactly("case.create", "case.update");
    assertThat(store.audit().verify().intact()).isTrue();
  }

  // ---- assessments --------------------------------------------------------------------------

  private StoredAssessment assessment(String id, String caseId, long version) {
    var assumptions = new LinkedHashMap<String, String>();
    assumptions.put("mobilisation-end", "2099-12-31");
    assumptions.put("draft-evasion-risk", "true");
    return new StoredAssessment(
        id,
        caseId,
        version,
        LocalDate.of(2026, 3, 1),
        facts(),
        "ru",
        "2024.2",
        "sha256:0f3a",
        assumptions,
        "0.1.0",
        StoredAssessment.Findings.text(
            "{\n  \"format\": \"asylex-assessment/1\",\n  \"findings\": [ ]\n}"),
        OFFICER,
        Instant.parse("2026-03-02T10:15:30.123456789Z"),
        Optional.empty());
  }

  @Test
  void assessing_a_case_stores_the_receipt_and_records_the_access_once() {
    store.cases().create("A-1", null, facts(), OFFICER);
    List<Long> versionsSeen = new ArrayList<>();

    Optional<StoredAssessment> stored =
        store.assessCase(
            "A-1",
            OFFICER,
            c -> {
              versionsSeen.add(c.version());
              assertThat(c.facts()).isEqualTo(facts());
              return assessment("S-1", c.id(), c.version());
            });

    assertThat(stored).map(StoredAssessment::id).contains("S-1");
    assertThat(versionsSeen).containsExactly(1L);
    assertThat(store.assessments().find("S-1", "check")).isPresent();
    assertThat(actions("A-1")).containsExactly("case.create", "case.assess", "assessment.read");
    assertThat(store.audit().verify().intact()).isTrue();
  }

  @Test
  void the_sizes_of_the_assessments_group_commits_are_told_to_an_observer_until_it_is_closed()
      throws Exception {
    store.cases().create("A-1", null, facts(), OFFICER);
    store.cases().create("A-2", null, facts(), OFFICER);
    List<Integer> sizes = new java.util.concurrent.CopyOnWriteArrayList<>();
    AutoCloseable observing = store.observeGroupCommits(sizes::add);

    store.assessCase("A-1", OFFICER, c -> assessment("S-1", c.id(), c.version()));
    store.assessCases(
        List.of(
            store.cases().find("A-1", OFFICER).orElseThrow(),
            store.cases().find("A-2", OFFICER).orElseThrow()),
        OFFICER,
        c -> assessment("S-" + c.id() + "-b", c.id(), c.version()));

    assertThat(sizes).isNotEmpty().allSatisfy(size -> assertThat(size).isBetween(1, 64));
    assertThat(sizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(3);
    observing.close();
    store.assessCase("A-2", OFFICER, c -> assessment("S-3", c.id(), c.version()));
    assertThat(sizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(3);
  }

  @Test
  void a_page_read_for_a_caseload_goes_on_record_with_its_receipts_a_refused_cases_read_too() {
    for (String id : List.of("A-1", "A-2", "A-3")) {
      store.cases().create(id, null, facts(), OFFICER);
    }
    ReadPage page = store.readPage(CaseFilter.all(), 0, 2);
    assertThat(page.cases()).extracting(CaseRecord::id).containsExactly("A-1", "A-2");
    assertThat(actions("A-1")).as("read, not yet on record").containsExactly("case.create");

    List<Store.Assessed> done =
        store.assessCases(
            MadePage.make(
                page,
                c -> {
                  if (c.id().equals("A-2")) {
                    throw new IllegalStateException("refused");
                  }
                  return assessment("S-" + c.id(), c.id(), c.version());
                }),
            OTHER);

    assertThat(done.get(0)).isInstanceOf(Store.Assessed.Stored.class);
    assertThat(done.get(1)).isInstanceOf(Store.Assessed.Refused.class);
    assertThat(actions("A-1")).containsExactly("case.create", "case.list", "case.assess");
    assertThat(actions("A-2")).containsExactly("case.create", "case.list");
    assertThat(actions("A-3")).containsExactly("case.create");
    ReadPage last = store.readPage(CaseFilter.all(), 2, 2);
    store.assessCases(
        MadePage.make(
            last,
            c -> {
              throw new IllegalStateException("refused");
            }),
        OTHER);
    assertThat(actions("A-3")).as("no receipt, still on record").contains("case.list");
    assertThat(store.audit().verify().intact()).isTrue();
  }

  @Test
  void a_change_returns_the_case_as_it_left_it_not_as_a_later_change_did() {
    store.cases().create("A-1", null, facts(), OFFICER);

    CaseRecord mine = store.cases().change("A-1", 1, Map.of("seen", true), OFFICER, "mine");
    store.cases().update("A-1", 2, Map.of("seen", false), OTHER, "theirs");

    assertThat(mine.version()).isEqualTo(2);
    assertThat(mine.facts()).containsEntry("seen", true);
    assertThat(store.cases().change("A-1", 3, Map.of("seen", false), OFFICER, null).version())
        .as("nothing changed: the version stays")
        .isEqualTo(3);
    assertThatThrownBy(() -> store.cases().change("A-1", 2, Map.of("seen", true), OFFICER, null))
        .isInstanceOf(VersionConflict.class);
    assertThat(actions("A-1")).containsExactly("case.create", "case.update", "case.update");
  }

  @Test
  void the_pool_use_is_the_pools_own_and_the_store_answers_until_it_is_closed() {
    PoolUse use = store.poolUse();
    assertThat(use.pool()).startsWith("asylex-");
    assertThat(use.max()).isPositive();
    assertThat(use.total()).isEqualTo(use.active() + use.idle()).isLessThanOrEqualTo(use.max());
    assertThat(use.pending()).isZero();
    assertThat(store.answers(java.time.Duration.ofSeconds(2))).isTrue();

    store.close();

    assertThat(store.answers(java.time.Duration.ofSeconds(2))).isFalse();
    store = null;
  }

  @Test
  void a_refused_assessment_stores_nothing_but_records_that_the_case_was_read() {
    store.cases().create("A-1", null, facts(), OFFICER);

    assertThatThrownBy(
            () ->
                store.assessCase(
                    "A-1",
                    OFFICER,
                    c -> {
                      throw new IllegalStateException("the facts do not fit the pack");
                    }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the facts do not fit the pack");

    assertThat(store.assessments().forCase("A-1", "check")).isEmpty();
    assertThat(actions("A-1")).containsExactly("case.create", "case.read", "assessment.list");
    assertThat(store.audit().verify().intact()).isTrue();
  }

  @Test
  void assessing_an_unknown_case_reads_and_records_nothing() {
    long before = store.audit().events(1, 1000).size();

    Optional<StoredAssessment> stored =
        store.assessCase(
            "nobody",
            OFFICER,
            c -> {
              throw new AssertionError("there is no case to assess");
            });

    assertThat(stored).isEmpty();
    assertThat(store.audit().events(1, 1000)).hasSize((int) before);
  }

  @Test
  void a_case_changed_while_it_was_assessed_is_assessed_again_at_its_new_version() {
    store.cases().create("A-1", null, facts(), OFFICER);
    List<Long> versionsSeen = new ArrayList<>();

    Optional<StoredAssessment> stored =
        store.assessCase(
            "A-1",
            OFFICER,
            c -> {
              versionsSeen.add(c.version());
              if (c.version() == 1) {
                // someone else changes the case after it was read for this assessment
                store.cases().update("A-1", 1, Map.of("note", "changed"), "someone", null);
              }
              return assessment("S-" + c.version(), c.id(), c.version());
            });

    assertThat(versionsSeen).containsExactly(1L, 2L);
    assertThat(stored).map(StoredAssessment::caseVersion).contains(2L);
    assertThat(store.assessments().forCase("A-1", "check"))
        .extracting(StoredAssessment::id)
        .containsExactly("S-2");
    assertThat(store.audit().verify().intact()).isTrue();
  }

  /** A receipt of case {@code c} as it was at {@code factsAsOf}, its facts as given. */
  private StoredAssessment assessmentAsOf(String id, CaseRecord c, Instant factsAsOf) {
    StoredAssessment a = assessment(id, c.id(), c.version());
    return new StoredAssessment(
        a.id(),
        a.caseId(),
        a.caseVersion(),
        a.asOf(),
        c.facts(),
        a.packId(),
        a.packVersion(),
        a.contentHash(),
        a.assumptions(),
        a.engineVersion(),
        StoredAssessment.Findings.text(a.findingsJson()),
        a.actor(),
        a.at(),
        Optional.of(factsAsOf));
  }

  /** The time of the changes that made version {@code version} of case {@code id}. */
  private Instant changedAt(String id, long version) {
    return store.cases().history(id, "check").stream()
        .filter(c -> c.version() == version)
        .findFirst()
        .orElseThrow()
        .at();
  }

  @Test
  void the_facts_as_of_a_time_are_those_recorded_up_to_it_at_the_version_of_then() {
    store.cases().create("A-1", null, facts(), OFFICER);
    var second = new LinkedHashMap<String, Object>();
    second.put("lgbti", true);
    second.put("criminalRecord", null);
    store.cases().update("A-1", 1, second, OFFICER, "interview 2");
    store.cases().update("A-1", 2, Map.of("lgbti", false, "region", "RU-MOW"), OTHER, null);
    Instant v1 = changedAt("A-1", 1);
    Instant v2 = changedAt("A-1", 2);
    Instant v3 = changedAt("A-1", 3);
    var atVersion2 = new LinkedHashMap<>(facts());
    atVersion2.remove("criminalRecord");
    atVersion2.put("lgbti", true);
    var seen = new ArrayList<CaseRecord>();

    for (Instant t : List.of(v1, v2.minusNanos(1_000), v2, v3.minusNanos(1_000), v3)) {
      store.assessCase(
          "A-1",
          t,
          OFFICER,
          c -> {
            seen.add(c);
            return assessmentAsOf("S-" + seen.size(), c, t);
          });
    }

    assertThat(seen).extracting(CaseRecord::version).containsExactly(1L, 1L, 2L, 2L, 3L);
    assertThat(seen.get(0).facts()).containsExactlyEntriesOf(facts());
    assertThat(seen.get(1).facts()).containsExactlyEntriesOf(facts());
    assertThat(seen.get(2).facts()).isEqualTo(atVersion2);
    assertThat(seen.get(3).facts()).isEqualTo(atVersion2);
    assertThat(seen.get(4).facts())
        .isEqualTo(store.cases().find("A-1", "check").orElseThrow().facts());
    assertThat(seen.get(2).updated()).isEqualTo(v2);
    StoredAssessment stored = store.assessments().find("S-4", "check").orElseThrow();
    assertThat(stored.factsAsOf()).contains(v3.minusNanos(1_000));
    assertThat(stored.caseVersion()).isEqualTo(2);
    assertThat(stored.factsSnapshot()).isEqualTo(atVersion2);
    assertThat(store.assessments().find("S-5", "check").orElseThrow().factsAsOf()).contains(v3);
    assertThat(store.audit().verify().intact()).isTrue();
  }

  @Test
  void the_facts_as_of_a_time_before_the_case_was_created_are_refused_naming_its_creation() {
    CaseRecord created = store.cases().create("A-1", null, facts(), OFFICER);
    Instant before = created.created().minusNanos(1_000);

    assertThatThrownBy(
            () ->
                store.assessCase(
                    "A-1",
                    before,
                    OFFICER,
                    c -> {
                      throw new AssertionError("there were no facts then");
                    }))
        .isInstanceOfSatisfying(
            CaseNotYetCreated.class,
            e -> {
              assertThat(e.created()).isEqualTo(created.created());
              assertThat(e.asked()).isEqualTo(before);
            });
    assertThat(actions("A-1")).containsExactly("case.create", "case.read");
  }

  @Test
  void the_facts_as_of_a_time_not_yet_reached_or_a_receipt_of_another_time_are_refused() {
    store.cases().create("A-1", null, facts(), OFFICER);
    Instant now = store.now();

    assertThatThrownBy(
            () ->
                store.assessCase(
                    "A-1",
                    now.plusSeconds(3600),
                    OFFICER,
                    c -> assessmentAsOf("S-1", c, now.plusSeconds(3600))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not recorded yet");
    assertThatThrownBy(
            () -> store.assessCase("A-1", now, OFFICER, c -> assessment("S-1", c.id(), 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("as it was at");
    assertThat(store.assessments().forCase("A-1", "check")).isEmpty();
  }

  @Test
  void an_unknown_case_as_of_a_time_reads_and_records_nothing() {
    long before = eventCount();

    assertThat(
            store.assessCase(
                "nobody",
                store.now(),
                OFFICER,
                c -> {
                  throw new AssertionError("there is no case to assess");
                }))
        .isEmpty();
    assertThat(eventCount()).isEqualTo(before);
  }

  @Test
  void a_recorded_assessment_reads_back_exactly_to_the_microsecond() {
    store.cases().create("A-1", null, facts(), OFFICER);

    StoredAssessment stored = store.assessments().record(assessment("S-1", "A-1", 1));
    StoredAssessment found = store.assessments().find("S-1", OTHER).orElseThrow();

    assertThat(found).isEqualTo(stored);
    assertThat(found.at()).isEqualTo(Instant.parse("2026-03-02T10:15:30.123456Z"));
    assertThat(found.findingsJson()).isEqualTo(assessment("S-1", "A-1", 1).findingsJson());
    assertThat(found.factsSnapshot()).containsExactlyEntriesOf(facts());
    assertThat(found.assumptions())
        .containsExactly(
            Map.entry("mobilisation-end", "2099-12-31"), Map.entry("draft-evasion-risk", "true"));
    assertThat(found.asOf()).isEqualTo(LocalDate.of(2026, 3, 1));
    assertThat(actions("A-1"))
        .containsExactly(
            AuditTrail.CASE_CREATE, AuditTrail.CASE_ASSESS, AuditTrail.ASSESSMENT_READ);
  }

  @Test
  void assessments_are_listed_per_case_oldest_first_and_never_replaced() {
    store.cases().create("A-1", null, facts(), OFFICER);
    store.cases().update("A-1", 1, Map.of("lgbti", true), OFFICER, null);
    store.assessments().record(assessment("S-2", "A-1", 2));
    StoredAssessment first = assessment("S-1", "A-1", 1);
    store
        .assessments()
        .record(
            new StoredAssessment(
                first.id(),
                first.caseId(),
                first.caseVersion(),
                first.asOf(),
                first.factsSnapshot(),
                first.packId(),
                first.packVersion(),
                first.contentHash(),
                first.assumptions(),
                first.engineVersion(),
                StoredAssessment.Findings.text(first.findingsJson()),
                first.actor(),
                first.at().minusSeconds(60),
                Optional.empty()));

    assertThat(store.assessments().forCase("A-1", OFFICER))
        .extracting(StoredAssessment::id)
        .containsExactly("S-1", "S-2");
    assertThatThrownBy(() -> store.assessments().record(assessment("S-1", "A-1", 2)))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("assessment 'S-1' is already stored");
    assertThat(store.assessments().find("S-1", OFFICER).orElseThrow().caseVersion()).isEqualTo(1);
    assertThatThrownBy(() -> store.assessments().record(assessment("S-3", "A-1", 3)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("case 'A-1' has no version 3 (it is at version 2)");
    assertThatThrownBy(() -> store.assessments().record(assessment("S-4", "nope", 1)))
        .isInstanceOf(CaseNotFound.class);
    assertThatThrownBy(() -> store.assessments().forCase("nope", OFFICER))
        .isInstanceOf(CaseNotFound.class);
    assertThat(store.assessments().find("nope", OFFICER)).isEmpty();
  }

  // ---- users --------------------------------------------------------------------------------

  static final String ADMIN = "admin.root";
  static final String HASH_A = "sha256:HASH-OF-TOKEN-A-5e1f";
  static final String HASH_B = "sha256:HASH-OF-TOKEN-B-77c0";

  private List<AuditEvent> allEvents() {
    return store.audit().events(1, Integer.MAX_VALUE);
  }

  @Test
  void a_user_is_added_then_found_by_name_and_token_id_listed_by_name_and_counted() {
    UserAccount added = store.users().add("officer.b", "officer", "tid-b", HASH_B, ADMIN);
    store.users().add("auditor-1", "auditor", "tid-1", HASH_A, ADMIN);

    assertThat(added.name()).isEqualTo("officer.b");
    assertThat(added.role()).isEqualTo("officer");
    assertThat(added.tokenId()).isEqualTo("tid-b");
    assertThat(added.tokenHash()).isEqualTo(HASH_B);
    assertThat(added.created()).isAfterOrEqualTo(TestClock.START);
    assertThat(added.disabled()).isEmpty();
    assertThat(added.active()).isTrue();
    assertThat(store.users().find("officer.b")).contains(added);
    assertThat(store.users().findByTokenId("tid-b")).contains(added);
    assertThat(store.users().find("officer.c")).isEmpty();
    assertThat(store.users().findByTokenId("tid-c")).isEmpty();
    assertThat(store.users().list())
        .extracting(UserAccount::name)
        .containsExactly("auditor-1", "officer.b");
    assertThat(store.users().list().get(1)).isEqualTo(added);
    assertThat(store.users().count()).isEqualTo(2);
  }

  @Test
  void adding_a_taken_name_or_token_id_fails_and_changes_nothing() {
    UserAccount first = store.users().add("officer.b", "officer", "tid-b", HASH_B, ADMIN);
    long events = eventCount();

    assertThatThrownBy(() -> store.users().add("officer.b", "admin", "tid-x", HASH_A, "intruder"))
        .isInstanceOfSatisfying(
            UserAlreadyExists.class, e -> assertThat(e.name()).isEqualTo("officer.b"))
        .hasMessage("user 'officer.b' already exists");
    assertThatThrownBy(() -> store.users().add("officer.c", "officer", "tid-b", HASH_A, ADMIN))
        .isExactlyInstanceOf(StoreException.class)
        .hasMessage("the token id is already in use; make a new token");

    assertThat(store.users().find("officer.b")).contains(first);
    assertThat(store.users().find("officer.c")).isEmpty();
    assertThat(store.users().findByTokenId("tid-x")).isEmpty();
    assertThat(store.users().findByTokenId("tid-b")).contains(first);
    assertThat(store.users().count()).isEqualTo(1);
    assertThat(eventCount()).isEqualTo(events);
  }

  @Test
  void a_malformed_name_an_unknown_role_or_a_blank_token_is_refused_before_anything_is_stored() {
    for (String name :
        new String[] {
          null, "", "Officer", "1officer", ".officer", "officer b", "officer@x", "a".repeat(65)
        }) {
      assertThatThrownBy(() -> store.users().add(name, "officer", "tid", HASH_A, ADMIN))
          .as("name %s", name)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("a user name is a lower-case letter");
    }
    for (String role : new String[] {null, "", "root", "Admin", "policy_analyst"}) {
      assertThatThrownBy(() -> store.users().add("officer.b", role, "tid", HASH_A, ADMIN))
          .as("role %s", role)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "a role is one of officer, policy-analyst, auditor, admin, not '" + role + "'");
    }
    assertThatThrownBy(() -> store.users().add("officer.b", "officer", " ", HASH_A, ADMIN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a token id must not be empty");
    assertThatThrownBy(() -> store.users().add("officer.b", "officer", "tid", "", ADMIN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a token hash must not be empty");
    assertThatThrownBy(() -> store.users().add("officer.b", "officer", "tid", HASH_A, " "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the actor must not be empty");
    assertThat(store.users().count()).isZero();
    assertThat(eventCount()).isZero();

    // the longest name and every role are accepted
    String longest = "z" + "a0._-".repeat(12) + "abc";
    assertThat(longest).hasSize(64);
    store.users().add(longest, "officer", "tid-0", HASH_A, ADMIN);
    for (String role : UserAccount.ROLES) {
      store.users().add("u." + role, role, "tid-" + role, HASH_A, ADMIN);
      assertThat(store.users().find("u." + role).orElseThrow().role()).isEqualTo(role);
    }
    assertThat(store.users().find(longest)).isPresent();
    assertThat(store.users().count()).isEqualTo(5);
  }

  @Test
  void a_password_hash_is_set_audited_and_read_back_and_an_unknown_account_is_refused() {
    store.users().add("officer.p", "officer", "tid-p", HASH_A, ADMIN);
    assertThat(store.users().passwordHash("officer.p")).isEmpty();
    long events = eventCount();

    store.users().setPasswordHash("officer.p", HASH_B, ADMIN);

    assertThat(store.users().passwordHash("officer.p")).contains(HASH_B);
    assertThat(eventCount()).isEqualTo(events + 1);
    assertThatThrownBy(() -> store.users().setPasswordHash("nobody", HASH_B, ADMIN))
        .isInstanceOf(UserNotFound.class);
    assertThat(store.users().passwordHash("nobody")).isEmpty();
    assertThat(eventCount()).isEqualTo(events + 1);
  }

  @Test
  void a_new_token_is_found_by_its_id_and_the_old_token_id_finds_nothing() {
    UserAccount added = store.users().add("officer.b", "policy-analyst", "tid-1", HASH_A, ADMIN);
    store.users().add("officer.c", "officer", "tid-c", HASH_A, ADMIN);

    UserAccount replaced = store.users().replaceToken("officer.b", "tid-2", HASH_B, ADMIN);

    assertThat(store.users().findByTokenId("tid-1")).isEmpty();
    assertThat(store.users().findByTokenId("tid-2")).contains(replaced);
    assertThat(store.users().find("officer.b")).contains(replaced);
    assertThat(replaced.tokenId()).isEqualTo("tid-2");
    assertThat(replaced.tokenHash()).isEqualTo(HASH_B);
    assertThat(replaced.role()).isEqualTo("policy-analyst");
    assertThat(replaced.created()).isEqualTo(added.created());
    assertThat(replaced.active()).isTrue();
    long events = eventCount();
    // a token id in use, the account's own current one included, is refused
    for (String taken : new String[] {"tid-2", "tid-c"}) {
      assertThatThrownBy(() -> store.users().replaceToken("officer.b", taken, HASH_A, ADMIN))
          .isExactlyInstanceOf(StoreException.class)
          .hasMessage("the token id is already in use; make a new token");
    }
    assertThatThrownBy(() -> store.users().replaceToken("nobody", "tid-3", HASH_A, ADMIN))
        .isInstanceOfSatisfying(UserNotFound.class, e -> assertThat(e.name()).isEqualTo("nobody"))
        .hasMessage("there is no user 'nobody'");
    assertThat(store.users().find("officer.b")).contains(replaced);
    assertThat(store.users().findByTokenId("tid-3")).isEmpty();
    assertThat(eventCount()).isEqualTo(events);
  }

  @Test
  void a_disabled_user_is_kept_not_active_and_keeps_the_first_disable_time() {
    UserAccount added = store.users().add("officer.b", "officer", "tid-b", HASH_B, ADMIN);

    UserAccount disabled = store.users().disable("officer.b", ADMIN);

    assertThat(disabled.active()).isFalse();
    assertThat(disabled.disabled().orElseThrow()).isAfter(added.created());
    assertThat(disabled.tokenId()).isEqualTo("tid-b");
    assertThat(store.users().find("officer.b")).contains(disabled);
    assertThat(store.users().findByTokenId("tid-b")).contains(disabled);
    assertThat(store.users().count()).isEqualTo(1);
    long events = eventCount();

    UserAccount again = store.users().disable("officer.b", OTHER);

    assertThat(again.disabled()).isEqualTo(disabled.disabled());
    assertThat(store.users().find("officer.b").orElseThrow().disabled())
        .isEqualTo(disabled.disabled());
    assertThat(eventCount()).isEqualTo(events);
    // a new token does not enable the account
    assertThat(store.users().replaceToken("officer.b", "tid-new", HASH_A, ADMIN).active())
        .isFalse();
    assertThat(store.users().findByTokenId("tid-new").orElseThrow().disabled())
        .isEqualTo(disabled.disabled());
    assertThatThrownBy(() -> store.users().disable("nobody", ADMIN))
        .isInstanceOf(UserNotFound.class)
        .hasMessage("there is no user 'nobody'");
  }

  @Test
  void an_enabled_account_starts_afresh_with_a_new_token_and_no_password_audited_once() {
    store.users().add("officer.b", "officer", "tid-b", HASH_B, ADMIN);
    store.users().setPasswordHash("officer.b", HASH_A, ADMIN);
    store.users().disable("officer.b", ADMIN);
    long events = eventCount();

    UserAccount enabled = store.users().enable("officer.b", "tid-c", HASH_A, OTHER);

    assertThat(enabled.active()).isTrue();
    assertThat(enabled.tokenId()).isEqualTo("tid-c");
    assertThat(store.users().find("officer.b")).contains(enabled);
    assertThat(store.users().findByTokenId("tid-b")).isEmpty();
    assertThat(store.users().passwordHash("officer.b")).isEmpty();
    assertThat(eventCount()).isEqualTo(events + 1);
    AuditEvent last = allEvents().get(allEvents().size() - 1);
    assertThat(last.action()).isEqualTo(AuditTrail.USER_ENABLE).isEqualTo("user.enable");
    assertThat(last.actor()).isEqualTo(OTHER);
    assertThat(last.subject()).contains("officer.b");

    assertThat(store.users().enable("officer.b", "tid-d", HASH_B, OTHER)).isEqualTo(enabled);
    assertThat(eventCount()).isEqualTo(events + 1);
    assertThatThrownBy(() -> store.users().enable("nobody", "tid-e", HASH_B, ADMIN))
        .isInstanceOf(UserNotFound.class);
    assertThat(store.audit().verify().intact()).isTrue();
  }

  @Test
  void every_change_to_a_user_is_audited_once_without_a_case_id_and_lookups_are_not() {
    store.cases().create("A-1", null, Map.of("countryOfOrigin", "RU"), OFFICER);
    store.users().add("officer.b", "officer", "tid-1", HASH_A, ADMIN);
    store.users().find("officer.b");
    store.users().findByTokenId("tid-1");
    store.users().list();
    store.users().count();
    store.users().replaceToken("officer.b", "tid-2", HASH_B, OTHER);
    store.users().disable("officer.b", "admin.two");

    List<AuditEvent> events = allEvents();
    assertThat(events)
        .extracting(AuditEvent::action)
        .containsExactly(
            AuditTrail.CASE_CREATE,
            AuditTrail.USER_ADD,
            AuditTrail.USER_TOKEN,
            AuditTrail.USER_DISABLE);
    assertThat(AuditTrail.USER_ADD).isEqualTo("user.add");
    assertThat(AuditTrail.USER_TOKEN).isEqualTo("user.token");
    assertThat(AuditTrail.USER_DISABLE).isEqualTo("user.disable");
    List<AuditEvent> userEvents = events.subList(1, events.size());
    assertThat(userEvents).extracting(AuditEvent::actor).containsExactly(ADMIN, OTHER, "admin.two");
    assertThat(userEvents).allSatisfy(e -> assertThat(e.caseId()).isEmpty());
    assertThat(userEvents).allSatisfy(e -> assertThat(e.subject()).contains("officer.b"));
    assertThat(userEvents).allSatisfy(e -> assertThat(e.format()).isEqualTo(2));
    assertThat(events.get(0).subject()).isEmpty();
    assertThat(events.get(0).format()).isEqualTo(1);
    assertThat(actions("A-1")).containsExactly(AuditTrail.CASE_CREATE);
    VerifyResult result = store.audit().verify();
    assertThat(result.intact()).as(result.describe()).isTrue();
    assertThat(result.checked()).isEqualTo(4);
  }

  @Test
  void a_user_added_in_a_failed_transaction_is_not_stored_and_not_audited() {
    assertThatThrownBy(
            () ->
                store.useTransaction(
                    tx -> {
                      tx.users().add("officer.b", "officer", "tid-b", HASH_B, ADMIN);
                      assertThat(tx.users().findByTokenId("tid-b")).isPresent();
                      throw new IllegalStateException("the disk is on fire");
                    }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the disk is on fire");

    assertThat(store.users().count()).isZero();
    assertThat(store.users().findByTokenId("tid-b")).isEmpty();
    assertThat(eventCount()).isZero();
    assertThat(store.audit().verify().intact()).isTrue();
  }

  @Test
  void a_token_hash_never_appears_in_to_string_messages_or_the_audit_trail() throws SQLException {
    UserAccount added = store.users().add("officer.b", "officer", "tid-1", HASH_A, ADMIN);
    UserAccount replaced = store.users().replaceToken("officer.b", "tid-2", HASH_B, ADMIN);
    UserAccount disabled = store.users().disable("officer.b", ADMIN);

    for (UserAccount account : List.of(added, replaced, disabled)) {
      assertThat(account.toString())
          .startsWith("UserAccount[name=officer.b, role=officer, tokenId=")
          .doesNotContain("HASH-OF-TOKEN");
    }
    assertThat(disabled.toString()).contains("tokenId=tid-2", "disabled=20");
    assertThat(added.toString()).endsWith(", disabled=no]");
    assertThat(store.users().list().toString()).doesNotContain("HASH-OF-TOKEN");
    assertThat(store.users().find("officer.b").toString()).doesNotContain("HASH-OF-TOKEN");
    assertThatThrownBy(() -> store.users().add("officer.c", "officer", "tid-2", HASH_A, ADMIN))
        .message()
        .doesNotContain("HASH-OF-TOKEN")
        .doesNotContain("tid-2");
    try (Connection c = connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT * FROM audit_events")) {
      int columns = rs.getMetaData().getColumnCount();
      int rows = 0;
      while (rs.next()) {
        rows++;
        for (int i = 1; i <= columns; i++) {
          assertThat(String.valueOf(rs.getObject(i))).doesNotContain("HASH-OF-TOKEN");
        }
      }
      assertThat(rows).isEqualTo(3);
    }
  }

  @Test
  void the_users_table_itself_refuses_an_unknown_role_and_a_token_id_given_twice()
      throws SQLException {
    store.users().add("officer.b", "officer", "tid-b", HASH_B, ADMIN);
    String insert =
        "INSERT INTO users (name, role, token_id, token_hash, created_at)"
            + " VALUES ('%s', '%s', '%s', 'h', '2026-03-02T09:00:00.000000Z')";

    assertThatThrownBy(() -> tamper(String.format(insert, "x", "root", "tid-x")))
        .isInstanceOf(SQLException.class)
        .satisfies(
            e ->
                assertThat(e.getMessage().toLowerCase(java.util.Locale.ROOT))
                    .contains("check", "role"));
    assertThatThrownBy(() -> tamper(String.format(insert, "y", "admin", "tid-b")))
        .isInstanceOf(SQLException.class)
        .satisfies(
            e -> assertThat(e.getMessage().toLowerCase(java.util.Locale.ROOT)).contains("unique"));
    tamper(String.format(insert, "z", "admin", "tid-z"));
    assertThat(store.users().findByTokenId("tid-z").orElseThrow().role()).isEqualTo("admin");
  }

  // ---- audit trail --------------------------------------------------------------------------

  @Test
  void every_create_read_update_list_history_and_assessment_of_case_data_is_audited() {
    store.cases().create("A-1", null, facts(), OFFICER);
    store.cases().find("A-1", OTHER);
    store.cases().update("A-1", 1, Map.of("lgbti", true), OFFICER, null);
    store.cases().list(CaseFilter.all(), 0, 10, OTHER);
    store.cases().history("A-1", OTHER);
    store.assessments().record(assessment("S-1", "A-1", 2));
    store.assessments().forCase("A-1", OTHER);

    List<AuditEvent> events = store.audit().events("A-1");
    assertThat(events)
        .extracting(AuditEvent::action)
        .containsExactly(
            "case.create",
            "case.read",
            "case.update",
            "case.list",
            "case.history",
            "case.assess",
            "assessment.list");
    assertThat(events)
        .extracting(AuditEvent::actor)
        .containsExactly(OFFICER, OTHER, OFFICER, OTHER, OTHER, OFFICER, OTHER);
    assertThat(events).extracting(AuditEvent::seq).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
    assertThat(events).allSatisfy(e -> assertThat(e.caseId()).contains("A-1"));
    assertThat(events.get(0).prevHash()).isEqualTo(AuditHash.GENESIS);
    for (int i = 1; i < events.size(); i++) {
      assertThat(events.get(i).prevHash()).isEqualTo(events.get(i - 1).hash());
      assertThat(events.get(i).at()).isAfter(events.get(i - 1).at());
    }
  }

  @Test
  void audit_events_never_hold_a_fact_value() throws SQLException {
    var facts = new LinkedHashMap<String, Object>();
    facts.put("statement", "UNIQUE-SECRET-VALUE-7f3c");
    store.cases().create("A-1", null, facts, OFFICER);
    store.cases().update("A-1", 1, Map.of("statement", "UNIQUE-SECRET-VALUE-9d2e"), OFFICER, null);
    store.cases().find("A-1", OFFICER);
    store.cases().exportAll(OFFICER, c -> {});

    try (Connection c = connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT * FROM audit_events")) {
      int columns = rs.getMetaData().getColumnCount();
      int rows = 0;
      while (rs.next()) {
        rows++;
        for (int i = 1; i <= columns; i++) {
          assertThat(String.valueOf(rs.getObject(i))).doesNotContain("UNIQUE-SECRET");
        }
      }
      assertThat(rows).isEqualTo(4);
    }
  }

  @Test
  void an_untouched_chain_verifies() {
    assertThat(store.audit().verify().intact()).isTrue();
    sixEvents();

    VerifyResult result = store.audit().verify();

    assertThat(result.intact()).as(result.describe()).isTrue();
    assertThat(result.checked()).isEqualTo(6);
    assertThat(result.headSeq()).isEqualTo(6);
    assertThat(result.headHash()).isEqualTo(store.audit().events(6, 1).get(0).hash());
    assertThat(result.describe()).startsWith("intact: 6 events, head 6 ");
  }

  /** Six events on two cases. */
  private void sixEvents() {
    store.cases().create("A-1", null, Map.of("countryOfOrigin", "RU"), OFFICER);
    store.cases().create("A-2", null, Map.of("countryOfOrigin", "NL"), OFFICER);
    store.cases().find("A-1", OTHER);
    store.cases().update("A-2", 1, Map.of("lgbti", true), OTHER, null);
    store.audit().append("auditor", "audit.note", null);
    store.cases().find("A-2", OFFICER);
    assertThat(eventCount()).isEqualTo(6);
  }

  private void tamper(String... statements) throws SQLException {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.executeUpdate(sql);
      }
    }
  }

  private void assertBrokenAt(long seq, String problem) {
    VerifyResult result = store.audit().verify();
    assertThat(result.intact()).isFalse();
    assertThat(result.firstBroken()).contains(seq);
    assertThat(result.problem().orElseThrow()).contains(problem);
    assertThat(result.describe()).startsWith("broken at event " + seq + ": ");
  }

  @Test
  void an_altered_actor_is_detected_at_that_event() throws SQLException {
    sixEvents();
    tamper("UPDATE audit_events SET actor = 'someone.else' WHERE seq = 3");

    assertBrokenAt(3, "its content does not match its hash");
  }

  @Test
  void an_altered_case_id_or_action_is_detected_at_that_event() throws SQLException {
    sixEvents();
    tamper("UPDATE audit_events SET action = 'case.list' WHERE seq = 4");
    assertBrokenAt(4, "does not match its hash");

    tamper(
        "UPDATE audit_events SET action = 'case.update' WHERE seq = 4",
        "UPDATE audit_events SET case_id = 'A-1' WHERE seq = 2");
    assertBrokenAt(2, "does not match its hash");
  }

  @Test
  void an_altered_event_with_a_recomputed_hash_breaks_the_next_link() throws SQLException {
    sixEvents();
    AuditEvent e = store.audit().events(3, 1).get(0);
    String forged = AuditHash.of(e.prevHash(), 3, e.at(), "someone.else", e.action(), e.caseId());
    tamper("UPDATE audit_events SET actor = 'someone.else', hash = '" + forged + "' WHERE seq = 3");

    assertBrokenAt(4, "event 3 was altered");
  }

  @Test
  void a_deleted_event_in_the_middle_is_named() throws SQLException {
    sixEvents();
    tamper("DELETE FROM audit_events WHERE seq = 3");

    assertBrokenAt(3, "event 3 is missing: the trail goes from event 2 to event 4");
  }

  @Test
  void a_deleted_last_event_is_detected_through_the_chain_head() throws SQLException {
    sixEvents();
    tamper("DELETE FROM audit_events WHERE seq = 6");

    assertBrokenAt(
        6, "event 6 missing: the trail ends at event 5, but the chain head records 6 events");
  }

  /**
   * Appends a user event as the store wrote it before events had a subject: chain format 1, no
   * subject (the columns the migration added keep their defaults).
   */
  private void appendAsBeforeSubjects(String actor, String action) throws SQLException {
    List<AuditEvent> all = store.audit().events(1, Integer.MAX_VALUE);
    AuditEvent last = all.get(all.size() - 1);
    long seq = last.seq() + 1;
    Instant at = last.at().plusSeconds(1);
    String hash = AuditHash.of(last.hash(), seq, at, actor, action, Optional.empty());
    try (Connection c = connect();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO audit_events (seq, at, actor, action, case_id, prev_hash, hash)"
                    + " VALUES (?, ?, ?, ?, NULL, ?, ?)");
        PreparedStatement head =
            c.prepareStatement("UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1")) {
      s.setLong(1, seq);
      if (store.isEmbedded()) {
        s.setString(2, Times.format(at));
      } else {
        s.setObject(2, java.time.OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC));
      }
      s.setString(3, actor);
      s.setString(4, action);
      s.setString(5, last.hash());
      s.setString(6, hash);
      s.executeUpdate();
      head.setLong(1, seq);
      head.setString(2, hash);
      head.executeUpdate();
    }
  }

  @Test
  void user_changes_name_their_account_and_events_from_before_that_still_verify()
      throws SQLException {
    store.cases().create("A-1", null, Map.of("countryOfOrigin", "RU"), OFFICER);
    appendAsBeforeSubjects(ADMIN, AuditTrail.USER_ADD);
    store.users().add("officer.b", "officer", "tid-1", HASH_A, ADMIN);
    store.users().replaceToken("officer.b", "tid-2", HASH_B, ADMIN);
    store.users().disable("officer.b", ADMIN);

    List<AuditEvent> events = allEvents();
    assertThat(events).extracting(AuditEvent::format).containsExactly(1, 1, 2, 2, 2);
    assertThat(events)
        .extracting(e -> e.subject().orElse("-"))
        .containsExactly("-", "-", "officer.b", "officer.b", "officer.b");
    VerifyResult result = store.audit().verify();
    assertThat(result.intact()).as(result.describe()).isTrue();
    assertThat(result.checked()).isEqualTo(5);
  }

  @Test
  void an_altered_or_removed_subject_is_detected_at_that_event() throws SQLException {
    store.users().add("officer.b", "officer", "tid-1", HASH_A, ADMIN);
    store.users().add("officer.c", "officer", "tid-2", HASH_B, ADMIN);
    store.users().disable("officer.b", ADMIN);

    tamper("UPDATE audit_events SET subject = 'officer.c' WHERE seq = 3");
    assertBrokenAt(3, "does not match its hash");
    tamper("UPDATE audit_events SET subject = 'officer.b' WHERE seq = 3");
    assertThat(store.audit().verify().intact()).isTrue();

    // removed, with the format lowered so that the hash would be format 1's: still detected
    tamper("UPDATE audit_events SET subject = NULL, format = 1 WHERE seq = 2");
    assertBrokenAt(2, "does not match its hash");
  }

  @Test
  void a_subject_given_to_an_event_that_had_none_is_detected() throws SQLException {
    store.cases().create("A-1", null, Map.of("countryOfOrigin", "RU"), OFFICER);
    store.users().add("officer.b", "officer", "tid-1", HASH_A, ADMIN);

    tamper("UPDATE audit_events SET subject = 'officer.b' WHERE seq = 1");
    assertBrokenAt(1, "chain format");
    tamper("UPDATE audit_events SET subject = NULL, format = 3 WHERE seq = 1");
    assertBrokenAt(1, "chain format");
  }

  @Test
  void a_forged_event_added_at_the_end_with_a_valid_hash_is_detected() throws SQLException {
    sixEvents();
    AuditEvent last = store.audit().events(6, 1).get(0);
    Instant at = last.at().plusSeconds(1);
    String hash = AuditHash.of(last.hash(), 7, at, "forger", "case.read", Optional.of("A-1"));
    try (Connection c = connect();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO audit_events (seq, at, actor, action, case_id, prev_hash, hash)"
                    + " VALUES (7, ?, 'forger', 'case.read', 'A-1', ?, ?)")) {
      if (store.isEmbedded()) {
        s.setString(1, Times.format(at));
      } else {
        s.setObject(1, java.time.OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC));
      }
      s.setString(2, last.hash());
      s.setString(3, hash);
      s.executeUpdate();
    }

    assertBrokenAt(7, "event 7 is after the chain head (event 6): it was added outside the store");
  }

  @Test
  void two_swapped_events_are_detected_at_the_first() throws SQLException {
    sixEvents();
    tamper(
        "UPDATE audit_events SET seq = -1 WHERE seq = 3",
        "UPDATE audit_events SET seq = 3 WHERE seq = 4",
        "UPDATE audit_events SET seq = 4 WHERE seq = -1");

    assertBrokenAt(3, "its link to the event before it does not hold");
  }

  @Test
  void swapped_times_of_two_events_are_detected_at_the_first() throws SQLException {
    sixEvents();
    tamper(
        "UPDATE audit_events SET at = (SELECT at FROM audit_events WHERE seq = 5) WHERE seq = 2");

    assertBrokenAt(2, "does not match its hash");
  }

  @Test
  void concurrent_appends_never_fork_the_chain() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      var futures = new ArrayList<Future<?>>();
      for (int t = 0; t < 4; t++) {
        String actor = "appender-" + t;
        futures.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 15; i++) {
                    store.audit().append(actor, "audit.note", null);
                  }
                }));
      }
      for (Future<?> f : futures) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    VerifyResult result = store.audit().verify();
    assertThat(result.intact()).as(result.describe()).isTrue();
    assertThat(result.checked()).isEqualTo(60);
    assertThat(store.audit().events(1, 100))
        .extracting(AuditEvent::seq)
        .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, 60).boxed().toList());
  }

  @Test
  void an_action_must_be_dotted_lower_case_words() {
    assertThatThrownBy(() -> store.audit().append(OFFICER, "Case Read", "A-1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lower-case words joined by dots");
    assertThatThrownBy(() -> store.audit().append(" ", "case.read", "A-1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the actor must not be empty");
  }

  // ---- concurrency and transactions ---------------------------------------------------------

  @Test
  @Timeout(120)
  void two_officers_updating_the_same_version_one_wins_the_other_gets_a_conflict()
      throws Exception {
    store.cases().create("A-1", null, Map.of("statement", "start"), "setup");
    ExecutorService pool = Executors.newFixedThreadPool(2);
    var winners = new ArrayList<String>();
    long version = 1;
    try {
      for (int round = 0; round < 50; round++) {
        long from = version;
        var barrier = new CyclicBarrier(2);
        String a = "a-" + round;
        String b = "b-" + round;
        Future<Long> fa = pool.submit(update(barrier, from, a, OFFICER));
        Future<Long> fb = pool.submit(update(barrier, from, b, OTHER));
        Outcome oa = outcome(fa);
        Outcome ob = outcome(fb);

        assertThat(oa.won() ^ ob.won()).as("exactly one wins in round " + round).isTrue();
        Outcome lost = oa.won() ? ob : oa;
        assertThat(lost.conflict().caseId()).isEqualTo("A-1");
        assertThat(lost.conflict().expectedVersion()).isEqualTo(from);
        assertThat(lost.conflict().actualVersion()).isEqualTo(from + 1);
        assertThat(lost.conflict().getMessage())
            .contains("case 'A-1'", "version " + from, "version " + (from + 1));
        assertThat(oa.won() ? oa.version() : ob.version()).isEqualTo(from + 1);
        winners.add(oa.won() ? a : b);
        version = from + 1;
      }
    } finally {
      pool.shutdownNow();
    }

    CaseRecord c = store.cases().find("A-1", OFFICER).orElseThrow();
    assertThat(c.version()).isEqualTo(51);
    assertThat(c.facts()).containsEntry("statement", winners.get(winners.size() - 1));
    List<FactChange> history = store.cases().history("A-1", OFFICER);
    assertThat(history.subList(1, history.size()))
        .extracting(h -> h.newValue().orElseThrow())
        .containsExactlyElementsOf(winners);
    assertThat(history.subList(1, history.size()))
        .extracting(FactChange::version)
        .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(2, 51).boxed().toList());
    assertThat(store.audit().verify().intact()).isTrue();
  }

  private Callable<Long> update(CyclicBarrier barrier, long from, String value, String actor) {
    return () -> {
      barrier.await(30, TimeUnit.SECONDS);
      return store.cases().update("A-1", from, Map.of("statement", value), actor, null);
    };
  }

  private record Outcome(Long version, VersionConflict conflict) {
    boolean won() {
      return version != null;
    }
  }

  private static Outcome outcome(Future<Long> f) throws Exception {
    try {
      return new Outcome(f.get(60, TimeUnit.SECONDS), null);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof VersionConflict conflict) {
        return new Outcome(null, conflict);
      }
      throw e;
    }
  }

  @Test
  void a_failure_in_the_middle_of_a_transaction_leaves_nothing_of_it() {
    store.cases().create("A-1", null, Map.of("lgbti", false), OFFICER);
    long events = eventCount();

    assertThatThrownBy(
            () ->
                store.useTransaction(
                    tx -> {
                      tx.cases().create("A-2", null, Map.of("countryOfOrigin", "RU"), OFFICER);
                      tx.cases()
                          .importCases(
                              List.of(new CaseImport("A-3", null, Map.of("lgbti", true))),
                              "import");
                      tx.cases().update("A-1", 1, Map.of("lgbti", true), OFFICER, "half");
                      tx.assessments().record(assessment("S-1", "A-1", 2));
                      tx.audit().append(OFFICER, "case.note", "A-1");
                      throw new IllegalStateException("the disk is on fire");
                    }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the disk is on fire");

    assertThat(eventCount()).isEqualTo(events);
    assertThat(store.audit().verify().intact()).isTrue();
    assertThat(store.cases().count(CaseFilter.all())).isEqualTo(1);
    CaseRecord c = store.cases().find("A-1", OFFICER).orElseThrow();
    assertThat(c.version()).isEqualTo(1);
    assertThat(c.facts()).containsEntry("lgbti", false);
    assertThat(store.cases().history("A-1", OFFICER)).hasSize(1);
    assertThat(store.assessments().find("S-1", OFFICER)).isEmpty();
  }

  @Test
  void a_transaction_commits_all_its_changes_together_and_store_calls_inside_join_it() {
    String result =
        store.inTransaction(
            tx -> {
              tx.cases().create("A-1", null, Map.of("lgbti", false), OFFICER);
              long v = tx.cases().update("A-1", 1, Map.of("lgbti", true), OFFICER, null);
              // through the store, not tx: joins the same transaction instead of waiting for it
              store.assessments().record(assessment("S-1", "A-1", v));
              return "done";
            });

    assertThat(result).isEqualTo("done");
    assertThat(store.cases().find("A-1", OFFICER).orElseThrow().version()).isEqualTo(2);
    assertThat(store.assessments().find("S-1", OFFICER)).isPresent();
    assertThat(actions("A-1"))
        .containsExactly(
            "case.create", "case.update", "case.assess", "case.read", "assessment.read");
    assertThat(store.audit().verify().intact()).isTrue();
  }

  @Test
  void a_reopened_store_has_everything_and_migrations_run_once() {
    store.cases().create("A-1", "R-1", facts(), OFFICER);
    store.cases().update("A-1", 1, Map.of("lgbti", true), OFFICER, null);
    store.close();

    store = Store.open(reopenConfig().withClock(clock));

    CaseRecord c = store.cases().find("A-1", OFFICER).orElseThrow();
    assertThat(c.version()).isEqualTo(2);
    assertThat(c.facts()).containsEntry("dateOfBirth", "1990-05").containsEntry("lgbti", true);
    assertThat(store.audit().verify().intact()).isTrue();
    assertThat(store.audit().verify().checked()).isEqualTo(3);
  }

  /** The configuration of the database {@link #freshConfig()} made, to open it again. */
  protected abstract StoreConfig reopenConfig();
}
