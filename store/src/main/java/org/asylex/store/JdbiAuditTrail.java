package org.asylex.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.result.ResultIterator;

/** The audit trail in the {@code audit_events} table, its chain head in {@code audit_head}. */
final class JdbiAuditTrail implements AuditTrail {
  private static final String COLUMNS =
      "seq, at, actor, action, case_id, subject, prev_hash, hash, format";

  private final Transactions transactions;
  private final Database database;
  private final Clock clock;

  JdbiAuditTrail(Transactions transactions, Clock clock) {
    this.transactions = transactions;
    this.database = transactions.database();
    this.clock = clock;
  }

  @Override
  public AuditEvent append(String actor, String action, String caseId) {
    Checks.actor(actor);
    Checks.action(action);
    Optional<String> id = Optional.ofNullable(caseId).map(Checks::caseId);
    return transactions.write(h -> append(h, actor, action, id));
  }

  /** Appends in the transaction of {@code h}, which holds the writers' lock. */
  AuditEvent append(Handle h, String actor, String action, Optional<String> caseId) {
    return appendAll(h, actor, action, List.of(caseId)).get(0);
  }

  /**
   * Appends an event about a user account (no case id), in the transaction of {@code h}: the
   * account is its subject, covered by its hash (chain format 2).
   */
  AuditEvent appendAbout(Handle h, String actor, String action, String subject) {
    Checks.userName(subject);
    return appendAll(h, actor, action, List.of(Optional.empty()), Optional.of(subject)).get(0);
  }

  /**
   * Appends one event per case id, in order, in the transaction of {@code h}: one batch of rows and
   * one update of the chain head.
   */
  List<AuditEvent> appendAll(
      Handle h, String actor, String action, List<Optional<String>> caseIds) {
    return appendAll(h, actor, action, caseIds, Optional.empty());
  }

  private List<AuditEvent> appendAll(
      Handle h,
      String actor,
      String action,
      List<Optional<String>> caseIds,
      Optional<String> subject) {
    if (caseIds.isEmpty()) {
      return List.of();
    }
    Head head =
        h.createQuery("SELECT seq, hash FROM audit_head WHERE id = 1" + database.forUpdate())
            .map((rs, ctx) -> new Head(rs.getLong("seq"), rs.getString("hash")))
            .one();
    var rows =
        new MultiRow(
            h,
            "INSERT INTO audit_events (" + COLUMNS + ") VALUES ",
            List.of("?", "?", "?", "?", "?", "?", "?", "?", "?"));
    var events = new ArrayList<AuditEvent>(caseIds.size());
    long seq = head.seq;
    String prev = head.hash;
    for (Optional<String> caseId : caseIds) {
      seq++;
      Instant at = Times.micros(clock.instant());
      int format = subject.isPresent() ? 2 : 1;
      String hash =
          subject.isPresent()
              ? AuditHash.of(prev, seq, at, actor, action, caseId, subject.get())
              : AuditHash.of(prev, seq, at, actor, action, caseId);
      rows.add(
          seq,
          database.instant(at),
          actor,
          action,
          caseId.orElse(null),
          subject.orElse(null),
          prev,
          hash,
          format);
      events.add(new AuditEvent(seq, at, actor, action, caseId, subject, prev, hash, format));
      prev = hash;
    }
    rows.finish();
    int updated =
        h.createUpdate(
                "UPDATE audit_head SET seq = :seq, hash = :hash WHERE id = 1 AND seq = :prev")
            .bind("seq", seq)
            .bind("hash", prev)
            .bind("prev", head.seq)
            .execute();
    if (updated != 1) {
      // Cannot happen while writers hold the lock; if it does, the chain must not fork.
      throw new StoreException("the audit chain head moved during an append; nothing was stored");
    }
    return events;
  }

  @Override
  public VerifyResult verify() {
    return transactions.read(this::verify);
  }

  private VerifyResult verify(Handle h) {
    Head head =
        h.createQuery("SELECT seq, hash FROM audit_head WHERE id = 1")
            .map((rs, ctx) -> new Head(rs.getLong("seq"), rs.getString("hash")))
            .one();
    long expected = 1;
    String prev = AuditHash.GENESIS;
    try (ResultIterator<Row> rows =
        h.createQuery("SELECT " + COLUMNS + " FROM audit_events ORDER BY seq")
            .map((rs, ctx) -> row(rs))
            .iterator()) {
      while (rows.hasNext()) {
        Row row = rows.next();
        Optional<VerifyResult> broken = brokenAt(row, expected, prev, head);
        if (broken.isPresent()) {
          return broken.get();
        }
        prev = row.event.hash();
        expected++;
      }
    }
    return end(expected - 1, prev, head);
  }

  /** Why the trail breaks at {@code row}, which should be event {@code expected}; empty if not. */
  private static Optional<VerifyResult> brokenAt(Row row, long expected, String prev, Head head) {
    long checked = expected - 1;
    if (row.seq > expected) {
      return Optional.of(
          broken(
              checked,
              head,
              expected,
              "event "
                  + expected
                  + " is missing: the trail "
                  + (expected == 1 ? "starts at" : "goes from event " + (expected - 1) + " to")
                  + " event "
                  + row.seq));
    }
    if (row.seq < expected) { // only a number below 1 can come before the expected one
      return Optional.of(
          broken(
              checked, head, row.seq, "event " + row.seq + " cannot exist: events count from 1"));
    }
    if (row.event == null) {
      return Optional.of(
          broken(checked, head, row.seq, "it is unreadable (" + row.unreadable + "): altered"));
    }
    AuditEvent e = row.event;
    if (!e.prevHash().equals(prev)) {
      return Optional.of(
          broken(
              checked,
              head,
              e.seq(),
              "its link to the event before it does not hold: event "
                  + (e.seq() - 1)
                  + " was altered, replaced or put there"));
    }
    String hash;
    try {
      hash = AuditHash.of(e);
    } catch (IllegalArgumentException wrongFormat) {
      return Optional.of(
          broken(
              checked,
              head,
              e.seq(),
              "its chain format ("
                  + wrongFormat.getMessage()
                  + ") is not one the store writes:"
                  + " it was altered"));
    }
    if (!hash.equals(e.hash())) {
      return Optional.of(
          broken(
              checked,
              head,
              e.seq(),
              "its content does not match its hash: it was altered or moved"));
    }
    return Optional.empty();
  }

  /** The trail read to its last event {@code last}: intact only if the chain head agrees. */
  private static VerifyResult end(long last, String prev, Head head) {
    if (head.seq > last) {
      return broken(
          last,
          head,
          last + 1,
          "event "
              + (last + 1)
              + (head.seq > last + 1 ? " to " + head.seq : "")
              + " missing: the trail ends at event "
              + last
              + ", but the chain head records "
              + head.seq
              + " events");
    }
    if (head.seq < last) {
      return broken(
          last,
          head,
          head.seq + 1,
          "event "
              + (head.seq + 1)
              + " is after the chain head (event "
              + head.seq
              + "): it was added outside the store");
    }
    if (!head.hash.equals(prev)) {
      return broken(
          last,
          head,
          last,
          "its hash does not match the one the chain head records: it was replaced");
    }
    return new VerifyResult(last, head.seq, head.hash, Optional.empty(), Optional.empty());
  }

  private static VerifyResult broken(long checked, Head head, long seq, String problem) {
    return new VerifyResult(checked, head.seq, head.hash, Optional.of(seq), Optional.of(problem));
  }

  @Override
  public List<AuditEvent> events(String caseId) {
    Checks.caseId(caseId);
    return transactions.read(
        h ->
            h.createQuery(
                    "SELECT " + COLUMNS + " FROM audit_events WHERE case_id = :caseId ORDER BY seq")
                .bind("caseId", caseId)
                .map((rs, ctx) -> event(rs))
                .list());
  }

  @Override
  public List<AuditEvent> events(long fromSeq, int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("the limit must not be negative, not " + limit);
    }
    return transactions.read(
        h ->
            h.createQuery(
                    "SELECT "
                        + COLUMNS
                        + " FROM audit_events WHERE seq >= :from ORDER BY seq LIMIT :limit")
                .bind("from", fromSeq)
                .bind("limit", limit)
                .map((rs, ctx) -> event(rs))
                .list());
  }

  private AuditEvent event(ResultSet rs) throws SQLException {
    return new AuditEvent(
        rs.getLong("seq"),
        database.instant(rs, "at"),
        rs.getString("actor"),
        rs.getString("action"),
        Optional.ofNullable(rs.getString("case_id")),
        Optional.ofNullable(rs.getString("subject")),
        rs.getString("prev_hash"),
        rs.getString("hash"),
        rs.getInt("format"));
  }

  /** A row for verify: an event, or why it cannot be read (a time that is not a time, say). */
  private Row row(ResultSet rs) throws SQLException {
    try {
      return new Row(rs.getLong("seq"), event(rs), null);
    } catch (RuntimeException e) {
      return new Row(rs.getLong("seq"), null, Transactions.message(e));
    }
  }

  private record Row(long seq, AuditEvent event, String unreadable) {}

  private record Head(long seq, String hash) {}
}
