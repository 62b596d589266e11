package org.asylex.store;

/**
 * The ports inside one transaction (see {@link Store#inTransaction}): everything done through them
 * on the calling thread is committed together or not at all.
 */
public interface Transaction {
  Cases cases();

  CaseAssessments assessments();

  AuditTrail audit();

  Users users();
}
