package org.asylex.store;

import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * Runs work in a transaction, or in the one already open on this thread, so a port method called
 * inside {@link Store#inTransaction} joins the caller's transaction instead of waiting for it. (A
 * write inside a reading transaction, such as a store call from an export's consumer, gets a
 * transaction of its own.)
 *
 * <p>Writing transactions are serialized, because the audit trail is one hash chain and every
 * writing transaction appends to it: on SQLite with {@code BEGIN IMMEDIATE} (the database's write
 * lock, taken before anything is read, so two writers never both read the same version and chain
 * head), on PostgreSQL by locking the chain head's row ({@code SELECT … FOR UPDATE}) first thing.
 * Taking the one lock first, always, also means writers cannot deadlock over rows. Reading
 * transactions take no lock: a snapshot (SQLite WAL, PostgreSQL REPEATABLE READ).
 */
final class Transactions {
  private final Jdbi jdbi;
  private final Database database;
  private final ThreadLocal<Open> current = new ThreadLocal<>();

  Transactions(Jdbi jdbi, Database database) {
    this.jdbi = jdbi;
    this.database = database;
  }

  Database database() {
    return database;
  }

  /** Runs work that writes (every audited operation does), holding the writers' lock. */
  <T> T write(Function<Handle, T> work) {
    return run(work, true);
  }

  /** Runs work that only reads, on a consistent snapshot. */
  <T> T read(Function<Handle, T> work) {
    return run(work, false);
  }

  private <T> T run(Function<Handle, T> work, boolean writes) {
    Open joined = current.get();
    if (joined != null && (joined.writes || !writes)) {
      return work.apply(joined.handle);
    }
    // No transaction yet, or a reading one, which cannot write: a transaction of its own. A
    // reading transaction holds no lock that this one would wait for.
    try (Handle handle = jdbi.open()) {
      boolean committed = false;
      try {
        begin(handle, writes);
        current.set(new Open(handle, writes));
        T result = work.apply(handle);
        commit(handle);
        committed = true;
        return result;
      } finally {
        if (joined == null) {
          current.remove();
        } else {
          current.set(joined);
        }
        if (!committed) {
          rollback(handle);
        }
      }
    } catch (JdbiException e) {
      throw new StoreException(database.label() + " failed: " + message(e), e);
    }
  }

  private void begin(Handle handle, boolean writes) {
    if (database == Database.SQLITE) {
      // The connection stays in auto-commit mode; the transaction is SQLite's own, so it can be
      // IMMEDIATE (sqlite-jdbc's own transactions would begin a new one right after each commit).
      handle.execute(writes ? "BEGIN IMMEDIATE" : "BEGIN");
    } else {
      handle.begin();
      if (writes) {
        handle
            .createQuery("SELECT seq FROM audit_head WHERE id = 1 FOR UPDATE")
            .mapTo(Long.class)
            .one();
      } else {
        handle.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
      }
    }
  }

  private void commit(Handle handle) {
    if (database == Database.SQLITE) {
      handle.execute("COMMIT");
    } else {
      handle.commit();
    }
  }

  private void rollback(Handle handle) {
    try {
      if (database == Database.SQLITE) {
        handle.execute("ROLLBACK");
      } else {
        handle.rollback();
      }
    } catch (JdbiException e) {
      // SQLite rolls some failures back by itself; the work's own exception is the one to report.
    }
  }

  private record Open(Handle handle, boolean writes) {}

  static String message(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    String text = cause.getMessage();
    return text == null ? cause.getClass().getSimpleName() : text;
  }
}
