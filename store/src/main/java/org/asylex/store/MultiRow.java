package org.asylex.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.argument.Argument;

/**
 * Inserts rows many at a time: {@code INSERT … VALUES (…), (…), …} with up to {@value #ROWS} rows
 * per statement, in the caller's transaction, through the handle's JDBC connection. One statement
 * per {@value #ROWS} rows instead of one per row: far fewer round trips to the database
 * (PostgreSQL) or calls into the driver (SQLite); the full-size statement is prepared once ({@link
 * Prepared}: on SQLite once per connection, not once per transaction).
 */
final class MultiRow implements AutoCloseable {
  /** Rows per statement: well under SQLite's 32,766 parameters with the widest table here. */
  static final int ROWS = 100;

  private final Handle h;
  private final String insert;
  private final String row;
  private final int width;
  private final List<Object[]> pending = new ArrayList<>(ROWS);
  private Prepared full;

  /**
   * @param insert the statement up to {@code VALUES }
   * @param values each column's SQL: {@code ?} for a parameter (or {@code CAST(? AS json)}), or a
   *     constant
   */
  MultiRow(Handle h, String insert, List<String> values) {
    this.h = h;
    this.insert = insert;
    this.row = "(" + String.join(", ", values) + ")";
    this.width = (int) values.stream().filter(v -> v.contains("?")).count();
  }

  /**
   * Adds a row: one value per parameter, in order (an {@link Argument}, text, a number, bytes or
   * null).
   */
  void add(Object... values) {
    if (values.length != width) {
      throw new IllegalArgumentException(width + " values per row, not " + values.length);
    }
    pending.add(values);
    if (pending.size() == ROWS) {
      flush();
    }
  }

  /** Inserts the rows added and not yet inserted, and closes the statement. */
  void finish() {
    try {
      if (!pending.isEmpty()) {
        flush();
      }
    } finally {
      close();
    }
  }

  @Override
  public void close() {
    if (full != null) {
      try {
        full.close();
      } catch (SQLException e) {
        // closing a statement of a transaction that goes on: nothing to report
      }
      full = null;
    }
  }

  private void flush() {
    try {
      if (pending.size() == ROWS) {
        if (full == null) {
          full = Prepared.of(h, sql(ROWS));
        }
        run(full.statement());
      } else {
        try (PreparedStatement s = h.getConnection().prepareStatement(sql(pending.size()))) {
          run(s);
        }
      }
    } catch (SQLException e) {
      throw new org.jdbi.v3.core.statement.UnableToExecuteStatementException(e, null);
    }
    pending.clear();
  }

  private String sql(int rows) {
    var b = new StringBuilder(insert.length() + rows * (row.length() + 2));
    b.append(insert);
    for (int i = 0; i < rows; i++) {
      b.append(i == 0 ? "" : ", ").append(row);
    }
    return b.toString();
  }

  private void run(PreparedStatement s) throws SQLException {
    int position = 1;
    for (Object[] values : pending) {
      for (Object v : values) {
        bind(s, position++, v);
      }
    }
    s.executeUpdate();
  }

  private static void bind(PreparedStatement s, int position, Object v) throws SQLException {
    if (v instanceof String text) {
      s.setString(position, text);
    } else if (v instanceof Argument a) {
      a.apply(position, s, null);
    } else if (v instanceof Long l) {
      s.setLong(position, l);
    } else if (v instanceof Integer i) {
      s.setInt(position, i);
    } else if (v instanceof byte[] bytes) {
      s.setBytes(position, bytes);
    } else if (v == null) {
      s.setNull(position, Types.VARCHAR);
    } else {
      throw new IllegalArgumentException("cannot bind a " + v.getClass().getSimpleName());
    }
  }
}
