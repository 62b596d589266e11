package org.asylex.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One event of the audit trail: who did what to which case, and when; never a fact value. {@code
 * hash} is the SHA-256 of this event's fields and {@code prevHash}, the hash of the event before
 * it, so the events form a chain (see {@code docs/adr/0008-audit-hash-chain.md}).
 *
 * @param seq 1, 2, 3, … without gaps
 * @param caseId empty for actions on no single case ({@code case.export})
 * @param subject the user account a user change is about ({@code user.add}, {@code user.token},
 *     {@code user.disable}, {@code user.enable}, {@code user.password}); empty for every other
 *     action, and for user changes stored before the subject was recorded
 * @param format the chain format the event's hash is in: 1 for an event without a subject, 2 for
 *     one with a subject (the hash covers it)
 */
public record AuditEvent(
    long seq,
    Instant at,
    String actor,
    String action,
    Optional<String> caseId,
    Optional<String> subject,
    String prevHash,
    String hash,
    int format) {

  public AuditEvent {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(caseId, "caseId");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(prevHash, "prevHash");
    Objects.requireNonNull(hash, "hash");
  }
}
