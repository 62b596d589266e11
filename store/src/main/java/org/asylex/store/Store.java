package org.asylex.store;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntConsumer;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jdbi.v3.core.Jdbi;

/**
 * The case store: open it from a {@link StoreConfig}, use its ports, close it. Opening brings the
 * database's tables up to date (Flyway migrations, one set per database). Safe to share between
 * threads.
 *
 * <pre>{@code
 * try (Store store = Store.open(StoreConfig.dataDirectory(Path.of("data")))) {
 *   store.cases().create("A-1", null, Map.of("countryOfOrigin", "NL"), "officer");
 *   store.inTransaction(tx -> { ...several changes, committed together... });
 * }
 * }</pre>
 */
public final class Store implements AutoCloseable {
  private final HikariDataSource pool;
  private final Database database;
  private final String description;
  private final Transactions transactions;
  private final JdbiAuditTrail audit;
  private final JdbiCases cases;
  private final JdbiCaseHistory history;
  private final JdbiCaseAssessments assessments;
  private final JdbiUsers users;
  private final JdbiPacks packs;
  private final StoreConfig config;
  private final Transaction view;
  private volatile GroupCommit assessmentWrites;
  private final List<IntConsumer> groupCommitObservers = new CopyOnWriteArrayList<>();

  private Store(HikariDataSource pool, Database database, StoreConfig config) {
    this.pool = pool;
    this.database = database;
    this.config = config;
    this.description = config.describe();
    this.transactions = new Transactions(Jdbi.create(pool), database);
    this.audit = new JdbiAuditTrail(transactions, config.clock());
    this.cases = new JdbiCases(transactions, config.clock(), audit);
    this.assessments = new JdbiCaseAssessments(transactions, audit);
    this.history = new JdbiCaseHistory(transactions, cases, audit, assessments);
    this.users = new JdbiUsers(transactions, config.clock(), audit);
    this.packs = new JdbiPacks(transactions);
    this.view =
        new Transaction() {
          @Override
          public Cases cases() {
            return cases;
          }

          @Override
          public CaseAssessments assessments() {
            return assessments;
          }

          @Override
          public AuditTrail audit() {
            return audit;
          }

          @Override
          public Users users() {
            return users;
          }
        };
  }

  /**
   * Opens the store, creating the data directory and database file when missing (readable by the
   * owner only), and migrates its tables to the current version.
   *
   * @throws StoreException when the database cannot be reached, created or migrated
   */
  public static Store open(StoreConfig config) {
    Objects.requireNonNull(config, "config");
    Database database = config.isPostgres() ? Database.POSTGRESQL : Database.SQLITE;
    HikariDataSource pool =
        database == Database.SQLITE ? Pools.sqlite(config) : Pools.postgres(config);
    try {
      Flyway.configure(Store.class.getClassLoader())
          .dataSource(pool)
          .locations(database.migrations())
          .failOnMissingLocations(true)
          .load()
          .migrate();
      return new Store(pool, database, config);
    } catch (FlywayException | IllegalStateException e) {
      pool.close();
      throw new StoreException(
          "cannot bring the tables of " + config.describe() + " up to date: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
  }

  public Cases cases() {
    return cases;
  }

  public CaseAssessments assessments() {
    return assessments;
  }

  public AuditTrail audit() {
    return audit;
  }

  public Users users() {
    return users;
  }

  /** The pack versions receipts refer to, by content hash (not audited: no case data). */
  public Packs packs() {
    return packs;
  }

  /** The receipts made before migration V6 not yet converted (for the conversion at start-up). */
  public UnconvertedReceipts unconvertedReceipts() {
    return new UnconvertedReceipts(assessments);
  }

  /**
   * Runs work in one transaction: everything it does through the ports on this thread is committed
   * together when it returns, or rolled back when it throws (the exception then propagates). Port
   * methods called inside join this transaction, through {@code tx} or through this store alike;
   * work must not hand them to another thread. The transaction holds the writers' lock, so keep it
   * short.
   */
  public <T> T inTransaction(Function<Transaction, T> work) {
    Objects.requireNonNull(work, "work");
    return transactions.write(h -> work.apply(view));
  }

  /** {@link #inTransaction} for work without a result. */
  public void useTransaction(Consumer<Transaction> work) {
    Objects.requireNonNull(work, "work");
    inTransaction(
        tx -> {
          work.accept(tx);
          return null;
        });
  }

  /**
   * Assesses a stored case and keeps the receipt, with the slow part (checking and assessing the
   * facts, writing the findings) done on the calling thread outside any transaction, and the write
   * committed together with those of other threads doing the same ({@link GroupCommit}): a server
   * assessing many cases at once is then not limited to one disk sync per assessment.
   *
   * <p>The case is read without an event of its own; the receipt's {@code case.assess} event
   * records the access, or, when {@code assess} refuses (throws), a {@code case.read} event does.
   * The receipt is stored only if the case is still at the version that was read; if it changed
   * meanwhile, the case is read and assessed again.
   *
   * @param assess makes the receipt of the case as it was read (the application layer's receipt)
   * @return the stored receipt; empty when there is no such case
   * @throws VersionConflict when the case changed under three attempts in a row
   */
  public Optional<StoredAssessment> assessCase(
      String caseId, String actor, Function<CaseRecord, StoredAssessment> assess) {
    Checks.caseId(caseId);
    Checks.actor(actor);
    Objects.requireNonNull(assess, "assess");
    return new AssessmentAttempts(caseId, actor, assessmentWrites(), audit, assessments)
        .run(
            () -> cases.peek(caseId),
            () -> cases.version(caseId),
            c -> r -> r.caseId().equals(caseId) && r.caseVersion() == c.version(),
            "as read",
            assess);
  }

  /**
   * {@link #assessCase}, of the case's facts as they were recorded at {@code factsAsOf} (its
   * history up to and including that instant): {@code assess} is given the case as it was then, at
   * the version it had then, and must make a receipt of that version that names {@code factsAsOf}.
   * The history up to a past instant does not change, so later changes of the case do not stop the
   * receipt being stored; one committed meanwhile with a time up to {@code factsAsOf} does, and the
   * case is read again.
   *
   * @return the stored receipt; empty when there is no such case
   * @throws CaseNotYetCreated when the case was created after {@code factsAsOf}
   * @throws IllegalArgumentException when {@code factsAsOf} lies after {@link #now}: the history up
   *     to then is not written yet
   */
  public Optional<StoredAssessment> assessCase(
      String caseId,
      Instant factsAsOf,
      String actor,
      Function<CaseRecord, StoredAssessment> assess) {
    Checks.caseId(caseId);
    Checks.actor(actor);
    Objects.requireNonNull(assess, "assess");
    Instant at = Times.micros(factsAsOf);
    if (at.isAfter(now())) {
      throw new IllegalArgumentException(
          "the facts of case '" + caseId + "' at " + at + " are not recorded yet");
    }
    return history.assess(caseId, at, actor, assess, assessmentWrites());
  }

  /**
   * Gives every case as it was at {@code factsAsOf} (as {@link #assessCase(String, Instant, String,
   * Function)} reads one), ordered by id, from one snapshot and one streaming query; audited as one
   * {@code case.export}. Returns how many cases were left out because created after {@code
   * factsAsOf}; throws IllegalArgumentException when {@code factsAsOf} lies after {@link #now}.
   */
  public long exportAsOf(Instant factsAsOf, String actor, Consumer<CaseRecord> consumer) {
    Checks.actor(actor);
    Objects.requireNonNull(consumer, "consumer");
    Instant at = Times.micros(factsAsOf);
    if (at.isAfter(now())) {
      throw new IllegalArgumentException("the facts at " + at + " are not recorded yet");
    }
    return history.exportAsOf(at, actor, consumer);
  }

  /**
   * The cases {@code filter} selects, ordered by id, from {@code offset}, at most {@code limit}, as
   * {@link Cases#list} gives them, read for a caseload assessment: their {@code case.list} events
   * are appended when the page's receipts are stored ({@link #assessCases(MadePage, String)}), in
   * the same transaction, so reading a page does not wait for the writer storing the one before.
   */
  public ReadPage readPage(CaseFilter filter, int offset, int limit) {
    return new ReadPage(cases.read(filter, offset, limit));
  }

  /**
   * {@link #assessCases} for cases read by {@link #exportAsOf}: a receipt is stored unless a change
   * stamped up to {@code factsAsOf} was committed since the read (then the case is assessed again).
   */
  public List<Assessed> assessCasesAsOf(
      List<CaseRecord> read,
      Instant factsAsOf,
      String actor,
      Function<CaseRecord, StoredAssessment> assess) {
    return assessCasesAsOf(MadePage.make(read, assess), factsAsOf, actor);
  }

  /** {@link #assessCasesAsOf(List, Instant, String, Function)} of a page made already. */
  public List<Assessed> assessCasesAsOf(MadePage page, Instant factsAsOf, String actor) {
    Checks.actor(actor);
    Objects.requireNonNull(page, "page");
    return history.assessAll(page, Times.micros(factsAsOf), actor, assessmentWrites());
  }

  /** What {@link #assessCases} did with one case. */
  public sealed interface Assessed {
    String caseId();

    /** The receipt was stored. */
    record Stored(String caseId, StoredAssessment receipt) implements Assessed {}

    /** {@code assess} refused the case (threw); the caller's read of it is its audit event. */
    record Refused(String caseId, RuntimeException why) implements Assessed {}

    /** The case is gone. */
    record Missing(String caseId) implements Assessed {}
  }

  /**
   * {@link #assessCase} for many cases already read (and audited) by the caller, with their writes
   * submitted together so that they share commits: a caseload is assessed at the rate of the engine
   * and the JSON, not of the disk's syncs. {@code assess} is called on several threads at once
   * ({@link MadePage#make}). A case changed since it was read is read and assessed again on its
   * own.
   *
   * @return per case, in the order given
   */
  public List<Assessed> assessCases(
      List<CaseRecord> read, String actor, Function<CaseRecord, StoredAssessment> assess) {
    return assessCases(MadePage.make(read, assess), actor);
  }

  /**
   * {@link #assessCases(List, String, Function)} of a page made already: what is left is one unit
   * of the assessments' group commit (one batch of rows and of events, one transaction).
   */
  public List<Assessed> assessCases(MadePage page, String actor) {
    Checks.actor(actor);
    Objects.requireNonNull(page, "page");
    List<StoredAssessment> receipts = page.made();
    List<byte[]> packed = page.madePacked();
    List<Optional<StoredAssessment>> stored =
        receipts.isEmpty() && page.listed
            ? List.of()
            : assessmentWrites()
                .run(
                    tx -> {
                      if (!page.listed) {
                        // The page's read, on record before its receipts (as a list before them).
                        transactions.write(
                            h ->
                                audit.appendAll(
                                    h, actor, AuditTrail.CASE_LIST, JdbiCases.listed(page.read)));
                      }
                      return receipts.isEmpty()
                          ? List.<Optional<StoredAssessment>>of()
                          : assessments.recordAll(receipts, packed, actor);
                    },
                    Math.max(1, receipts.size()));
    return settled(page, stored, id -> assessCase(id, actor, page.assess));
  }

  /**
   * What became of each case of {@code page}, given what became of its receipts ({@code stored}, in
   * order): refused, stored, or (left out because the case changed since it was read) what {@code
   * again} gives for it: the receipt, or empty when the case is gone.
   */
  static List<Assessed> settled(
      MadePage page,
      List<Optional<StoredAssessment>> stored,
      Function<String, Optional<StoredAssessment>> again) {
    var results = new ArrayList<Assessed>(page.size());
    int next = 0;
    for (int i = 0; i < page.size(); i++) {
      String id = page.read.get(i).id();
      RuntimeException refused = page.refused.get(i);
      if (refused != null) {
        results.add(new Assessed.Refused(id, refused));
        continue;
      }
      Optional<StoredAssessment> done = stored.get(next++);
      if (done.isPresent()) {
        results.add(new Assessed.Stored(id, done.get()));
        continue;
      }
      // The case changed since it was read: read and assess it again, on its own.
      try {
        results.add(
            again
                .apply(id)
                .<Assessed>map(r -> new Assessed.Stored(id, r))
                .orElse(new Assessed.Missing(id)));
      } catch (RuntimeException e) {
        results.add(new Assessed.Refused(id, e));
      }
    }
    return results;
  }

  /**
   * A receipt, read as {@code actor}, its {@code assessment.read} event committed with the other
   * writes of the assessments' group commit: a report viewed by many is one durable commit per
   * group, not one each (each view's event was a commit of its own and made the report page's
   * tail).
   */
  public Optional<StoredAssessment> readAssessment(String id, String actor) {
    Checks.assessmentId(id);
    Checks.actor(actor);
    return assessmentWrites().run(tx -> assessments.find(id, actor));
  }

  private GroupCommit assessmentWrites() {
    GroupCommit g = assessmentWrites;
    if (g == null) {
      synchronized (this) {
        g = assessmentWrites;
        if (g == null) {
          // No unit throws on purpose: any exception rolls its own unit back.
          g = new GroupCommit(this, 64, e -> false, this::groupCommitted);
          assessmentWrites = g;
        }
      }
    }
    return g;
  }

  private void groupCommitted(int size) {
    for (IntConsumer observer : groupCommitObservers) {
      observer.accept(size);
    }
  }

  /**
   * Tells {@code sizes} the number of stored assessments in each transaction the assessments' group
   * commit makes from now on, until the returned handle is closed (for metrics). It runs on the
   * writer thread: it must be quick and must not throw.
   */
  public AutoCloseable observeGroupCommits(IntConsumer sizes) {
    Objects.requireNonNull(sizes, "sizes");
    groupCommitObservers.add(sizes);
    return () -> groupCommitObservers.remove(sizes);
  }

  /** How the connection pool is used now (for metrics). */
  public PoolUse poolUse() {
    HikariPoolMXBean bean = pool.getHikariPoolMXBean();
    if (bean == null) {
      return new PoolUse(pool.getPoolName(), 0, 0, 0, 0, pool.getMaximumPoolSize());
    }
    return new PoolUse(
        pool.getPoolName(),
        bean.getActiveConnections(),
        bean.getIdleConnections(),
        bean.getTotalConnections(),
        bean.getThreadsAwaitingConnection(),
        pool.getMaximumPoolSize());
  }

  /**
   * Whether the database answers now: a connection from the pool (waiting at most the pool's
   * connection timeout, so a pool exhausted by load counts as not answering) that the driver finds
   * valid within {@code timeout}.
   */
  public boolean answers(Duration timeout) {
    int seconds = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toSeconds()));
    try (Connection c = pool.getConnection()) {
      return c.isValid(seconds);
    } catch (SQLException | RuntimeException e) {
      return false;
    }
  }

  /** The current time as the store stamps it (to the microsecond), from the configured clock. */
  public Instant now() {
    return Times.micros(config.clock().instant());
  }

  /** Whether this is the embedded SQLite store. */
  public boolean isEmbedded() {
    return database == Database.SQLITE;
  }

  /** Where the store is, for messages: {@code SQLite /path/asylex.db} or the PostgreSQL URL. */
  public String description() {
    return description;
  }

  @Override
  public String toString() {
    return "Store[" + description + "]";
  }

  /** Closes every connection; on SQLite the last one folds the log back into the file. */
  @Override
  public void close() {
    pool.close();
  }
}
