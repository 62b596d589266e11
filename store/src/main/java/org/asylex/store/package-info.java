/**
 * Where cases, their fact history, stored assessments and the audit trail are kept: an embedded
 * SQLite file under a data directory by default, or PostgreSQL.
 *
 * <p>The public surface is {@link org.asylex.store.Store} (opened from a {@link
 * org.asylex.store.StoreConfig}), the three ports {@link org.asylex.store.Cases}, {@link
 * org.asylex.store.CaseAssessments} and {@link org.asylex.store.AuditTrail}, their records and
 * exceptions. The JDBI adapters behind the ports are package-private. Every operation runs in a
 * transaction; every read, write and assessment of case data appends a hash-chained audit event in
 * the same transaction (see {@code docs/adr/0008-audit-hash-chain.md}).
 */
package org.asylex.store;
