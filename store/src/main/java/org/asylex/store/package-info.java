/**
 * Where cases, their fact history, stored assessments, the API's user accounts and the audit trail
 * are kept: an embedded SQLite file under a data directory by default, or PostgreSQL.
 *
 * <p>The public surface is {@link org.asylex.store.Store} (opened from a {@link
 * org.asylex.store.StoreConfig}), the four ports {@link org.asylex.store.Cases}, {@link
 * org.asylex.store.CaseAssessments}, {@link org.asylex.store.Users} and {@link
 * org.asylex.store.AuditTrail}, their records and exceptions. The JDBI adapters behind the ports
 * are package-private. Every operation runs in a transaction; every read, write and assessment of
 * case data, and every change to a user account, appends a hash-chained audit event in the same
 * transaction (see {@code docs/adr/0008-audit-hash-chain.md}).
 */
package org.asylex.store;
