package org.asylex.store;

import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.statement.Update;

/**
 * Inserts rows many at a time: {@code INSERT … VALUES (…), (…), …} with up to {@value #ROWS} rows
 * per statement, in the caller's transaction. One statement per {@value #ROWS} rows instead of one
 * per row: far fewer round trips to the database (PostgreSQL) or through the driver (SQLite).
 */
final class MultiRow {
  /** Rows per statement: well under SQLite's 32,766 parameters with the widest table here. */
  static final int ROWS = 200;

  private final Handle h;
  private final String insert;
  private final String row;
  private final int width;
  private final List<Object[]> pending = new ArrayList<>(ROWS);
  private String full;

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

  /** Inserts the rows added and not yet inserted. */
  void finish() {
    if (!pending.isEmpty()) {
      flush();
    }
  }

  private void flush() {
    String sql;
    if (pending.size() == ROWS && full != null) {
      sql = full;
    } else {
      var b = new StringBuilder(insert);
      for (int i = 0; i < pending.size(); i++) {
        b.append(i == 0 ? "" : ", ").append(row);
      }
      sql = b.toString();
      if (pending.size() == ROWS) {
        full = sql;
      }
    }
    Update update = h.createUpdate(sql);
    int position = 0;
    for (Object[] values : pending) {
      for (Object v : values) {
        bind(update, position++, v);
      }
    }
    update.execute();
    pending.clear();
  }

  private static void bind(Update update, int position, Object v) {
    if (v instanceof Argument a) {
      update.bind(position, a);
    } else if (v instanceof String s) {
      update.bind(position, s);
    } else if (v instanceof Long l) {
      update.bind(position, l.longValue());
    } else if (v instanceof Integer i) {
      update.bind(position, i.intValue());
    } else if (v instanceof byte[] bytes) {
      update.bind(position, bytes);
    } else if (v == null) {
      update.bind(position, (String) null);
    } else {
      throw new IllegalArgumentException("cannot bind a " + v.getClass().getSimpleName());
    }
  }
}
