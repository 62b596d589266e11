package org.asylex.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.WeakHashMap;
import org.jdbi.v3.core.Handle;
import org.sqlite.SQLiteConnection;

/**
 * A statement that is run many times, such as a full {@link MultiRow} insert: on SQLite kept
 * prepared on its connection and used again by every transaction that runs the same SQL there (the
 * driver prepares anew for each {@code prepareStatement}, and preparing a statement of hundreds of
 * parameters costs more than running it); on PostgreSQL prepared and closed as usual (the driver
 * keeps server-side statements by SQL itself).
 */
final class Prepared implements AutoCloseable {
  /** SQLite connections (the driver's, under the pool's proxy) and their statements by SQL. */
  private static final Map<SQLiteConnection, Map<String, PreparedStatement>> KEPT =
      new WeakHashMap<>();

  private final PreparedStatement statement;
  private final boolean kept;

  private Prepared(PreparedStatement statement, boolean kept) {
    this.statement = statement;
    this.kept = kept;
  }

  /** The statement for {@code sql} on the connection of {@code h}. */
  static Prepared of(Handle h, String sql) throws SQLException {
    Connection c = h.getConnection();
    if (!c.isWrapperFor(SQLiteConnection.class)) {
      return new Prepared(c.prepareStatement(sql), false);
    }
    SQLiteConnection sqlite = c.unwrap(SQLiteConnection.class);
    Map<String, PreparedStatement> statements;
    synchronized (KEPT) {
      statements = KEPT.computeIfAbsent(sqlite, k -> new HashMap<>());
    }
    // A connection is used by one thread at a time; the lock only orders the map's memory.
    synchronized (statements) {
      PreparedStatement s = statements.get(sql);
      if (s == null || s.isClosed()) {
        s = sqlite.prepareStatement(sql);
        statements.put(sql, s);
      }
      return new Prepared(s, true);
    }
  }

  PreparedStatement statement() {
    return statement;
  }

  /** Closes the statement, or, when it is kept, lets go of the values bound to it. */
  @Override
  public void close() throws SQLException {
    if (kept) {
      statement.clearParameters();
    } else {
      statement.close();
    }
  }
}
