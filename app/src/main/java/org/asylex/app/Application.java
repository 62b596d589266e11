package org.asylex.app;

import java.util.Objects;
import org.asylex.app.audit.AuditLog;
import org.asylex.app.cases.CaseFiles;
import org.asylex.app.cases.CaseImport;
import org.asylex.app.cases.ReceiptConversion;
import org.asylex.app.cases.StoredAssessments;
import org.asylex.app.impact.CaseSearch;
import org.asylex.app.impact.Deadlines;
import org.asylex.app.impact.Impact;
import org.asylex.app.impact.ImpactPoint;
import org.asylex.app.impact.ImpactReport;
import org.asylex.app.policy.Assessing;
import org.asylex.app.policy.PolicyCatalog;
import org.asylex.app.policy.PolicyQueries;
import org.asylex.app.users.Accounts;
import org.asylex.app.users.ApiTokens;
import org.asylex.store.Store;
import org.asylex.store.StoreConfig;

/**
 * Asylex with its case store open: every use case, wired once, for a front end to call. Close it to
 * close the store. (Use cases that need no store, {@link Assessing} and {@link PolicyQueries}, can
 * also be made from a {@link PolicyCatalog} alone.)
 */
public final class Application implements AutoCloseable {
  private final Store store;
  private final PolicyCatalog policies;
  private final Today today;
  private final Assessing assessing;
  private final PolicyQueries policyQueries;
  private final CaseFiles cases;
  private final CaseImport caseImport;
  private final StoredAssessments assessments;
  private final Accounts accounts;
  private final AuditLog audit;
  private final Deadlines deadlines;
  private final CaseSearch caseSearch;
  private final Operations operations;
  private final ReceiptConversion.Result receiptConversion;

  private Application(Store store, PolicyCatalog policies, Today today, ApiTokens tokens) {
    this.store = store;
    this.policies = policies;
    this.today = today;
    this.assessing = new Assessing(policies);
    this.policyQueries = new PolicyQueries(policies);
    this.cases = new CaseFiles(store, policies, today);
    this.caseImport = new CaseImport(store, policies, today);
    this.assessments = new StoredAssessments(store, policies, today);
    this.accounts = new Accounts(store, tokens);
    this.audit = new AuditLog(store);
    this.deadlines = new Deadlines(cases, policies, today);
    this.caseSearch = new CaseSearch(cases, policies, today, deadlines);
    this.operations = new Operations(store);
    // Receipts made before compact receipts (migration V6) are converted once their pack is known.
    this.receiptConversion = ReceiptConversion.run(store, policies, assessments.packs());
  }

  /**
   * What converting the receipts made before compact receipts did when this application opened: how
   * many it converted, how many it kept in full form and under which missing packs.
   */
  public ReceiptConversion.Result receiptConversion() {
    return receiptConversion;
  }

  /**
   * Opens the store {@code config} names (creating and migrating it when needed) and wires every
   * use case over it and {@code policies}.
   *
   * @throws org.asylex.store.StoreException when the store cannot be reached, created or migrated
   */
  public static Application open(
      StoreConfig config, PolicyCatalog policies, Today today, ApiTokens tokens) {
    Objects.requireNonNull(policies, "policies");
    Objects.requireNonNull(today, "today");
    Objects.requireNonNull(tokens, "tokens");
    return new Application(
        Store.open(Objects.requireNonNull(config, "config")), policies, today, tokens);
  }

  public PolicyCatalog policies() {
    return policies;
  }

  public Today today() {
    return today;
  }

  public Assessing assessing() {
    return assessing;
  }

  public PolicyQueries policyQueries() {
    return policyQueries;
  }

  public CaseFiles cases() {
    return cases;
  }

  public CaseImport caseImport() {
    return caseImport;
  }

  public StoredAssessments assessments() {
    return assessments;
  }

  public Accounts accounts() {
    return accounts;
  }

  public AuditLog audit() {
    return audit;
  }

  /** The store's readiness, pool use and commit sizes, for monitoring. */
  public Operations operations() {
    return operations;
  }

  /** Stored cases whose findings change soon, at a rule's validity boundary. */
  public Deadlines deadlines() {
    return deadlines;
  }

  /** The case list with search and filters by finding today. */
  public CaseSearch caseSearch() {
    return caseSearch;
  }

  /** The impact of a policy change on the stored cases (or on a file of them), on every core. */
  public ImpactOfStore impact() {
    return new ImpactOfStore(cases);
  }

  /** {@link Impact} over this application's stored cases. */
  public static final class ImpactOfStore {
    private final CaseFiles cases;

    ImpactOfStore(CaseFiles cases) {
      this.cases = cases;
    }

    /**
     * Compares every stored case at two points.
     *
     * @throws InterruptedException when the calling thread is interrupted
     */
    public ImpactReport compareStored(
        String actor, ImpactPoint before, ImpactPoint after, Impact.Listener listener)
        throws InterruptedException {
      return new Impact().compareStored(cases, actor, before, after, listener);
    }

    /**
     * Compares every stored case at two points on its facts as they were recorded at {@code
     * factsAsOf}; cases created after it are left out and counted ({@link
     * ImpactReport#factsAsOf()}).
     *
     * @throws org.asylex.app.Refused {@link Refusal.InvalidValue} ({@code factsAsOf}) for a time in
     *     the future
     * @throws InterruptedException when the calling thread is interrupted
     */
    public ImpactReport compareStored(
        String actor,
        java.time.Instant factsAsOf,
        ImpactPoint before,
        ImpactPoint after,
        Impact.Listener listener)
        throws InterruptedException {
      return new Impact().compareStored(cases, actor, factsAsOf, before, after, listener);
    }
  }

  /** Where the store is, for messages: {@code SQLite /path/asylex.db} or the PostgreSQL URL. */
  public String storeDescription() {
    return store.description();
  }

  /** Whether the store is the embedded SQLite one. */
  public boolean embeddedStore() {
    return store.isEmbedded();
  }

  /** Closes the store; on SQLite the last connection folds the log back into the file. */
  @Override
  public void close() {
    store.close();
  }
}
