package org.asylex.app.audit;

import java.util.List;
import java.util.Objects;
import org.asylex.store.AuditEvent;
import org.asylex.store.Store;
import org.asylex.store.VerifyResult;

/** The audit trail, for auditors: verify its hash chain, page through its events. */
public final class AuditLog {
  /** The most events one page holds. */
  public static final int MAX_PAGE = 500;

  private final Store store;

  public AuditLog(Store store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  /** Checks every event's hash and the chain head. */
  public VerifyResult verify() {
    return store.audit().verify();
  }

  /** A page of events from a sequence number on, and the first of the next page if any. */
  public record Page(List<AuditEvent> events, Long next) {
    public Page {
      events = List.copyOf(events);
    }
  }

  /** At most {@code limit} (up to {@link #MAX_PAGE}) events from {@code fromSeq} on. */
  public Page events(long fromSeq, int limit) {
    int size = Math.min(limit, MAX_PAGE);
    List<AuditEvent> events = store.audit().events(fromSeq, size + 1);
    return new Page(
        events.subList(0, Math.min(size, events.size())),
        events.size() > size ? events.get(size).seq() : null);
  }
}
