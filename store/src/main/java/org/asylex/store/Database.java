package org.asylex.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jdbi.v3.core.argument.Argument;

/**
 * What differs between the two databases, in one place: column types for times, dates and JSON, the
 * lock that serializes writers, and JSON comparison in filters. The SQL of the adapters is
 * otherwise the same for both.
 */
enum Database {
  SQLITE("SQLite", "db/migration/sqlite"),
  POSTGRESQL("PostgreSQL", "db/migration/postgresql");

  private final String label;
  private final String migrations;

  Database(String label, String migrations) {
    this.label = label;
    this.migrations = migrations;
  }

  String label() {
    return label;
  }

  /** The Flyway location of this database's migrations. */
  String migrations() {
    return "classpath:" + migrations;
  }

  /** The SQL for a JSON parameter: PostgreSQL's {@code json} columns need a cast from text. */
  String json(String parameter) {
    return this == POSTGRESQL ? "CAST(:" + parameter + " AS json)" : ":" + parameter;
  }

  /** {@link #json(String)} for a positional parameter. */
  String json() {
    return this == POSTGRESQL ? "CAST(? AS json)" : "?";
  }

  /** PostgreSQL locks the chain head with the row; SQLite's BEGIN IMMEDIATE has locked it all. */
  String forUpdate() {
    return this == POSTGRESQL ? " FOR UPDATE" : "";
  }

  /**
   * A condition that a fact (its name bound to {@code :name}, see {@link #factPath}) has the JSON
   * value bound to {@code :value} (JSON text).
   */
  String factEquals(String name, String value) {
    return this == POSTGRESQL
        ? "(facts::jsonb -> :" + name + ") = CAST(:" + value + " AS jsonb)"
        : "(facts -> :" + name + ") = :" + value;
  }

  /** A condition that a fact is not set. */
  String factAbsent(String name) {
    return this == POSTGRESQL
        ? "(facts::jsonb -> :" + name + ") IS NULL"
        : "(facts -> :" + name + ") IS NULL";
  }

  /** How a fact name is bound in {@link #factEquals}: a key, or a JSON path for SQLite. */
  String factPath(String fact) {
    return this == POSTGRESQL ? fact : "$." + fact;
  }

  Argument instant(Instant instant) {
    Instant at = Times.micros(instant);
    if (this == POSTGRESQL) {
      OffsetDateTime value = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
      return (position, statement, ctx) -> statement.setObject(position, value);
    }
    String text = Times.format(at);
    return (position, statement, ctx) -> statement.setString(position, text);
  }

  /** A time for a column that may be NULL: NULL when empty. */
  Argument optionalInstant(Optional<Instant> instant) {
    if (instant.isPresent()) {
      return instant(instant.get());
    }
    int type = this == POSTGRESQL ? java.sql.Types.TIMESTAMP_WITH_TIMEZONE : java.sql.Types.VARCHAR;
    return (position, statement, ctx) -> statement.setNull(position, type);
  }

  Instant instant(ResultSet rs, String column) throws SQLException {
    if (this == POSTGRESQL) {
      return rs.getObject(column, OffsetDateTime.class).toInstant();
    }
    return Times.parse(rs.getString(column));
  }

  /** A time from a column that may be NULL. */
  Optional<Instant> optionalInstant(ResultSet rs, String column) throws SQLException {
    return rs.getObject(column) == null ? Optional.empty() : Optional.of(instant(rs, column));
  }

  Argument date(LocalDate date) {
    if (this == POSTGRESQL) {
      return (position, statement, ctx) -> statement.setObject(position, date);
    }
    String text = date.toString();
    return (position, statement, ctx) -> statement.setString(position, text);
  }

  LocalDate date(ResultSet rs, String column) throws SQLException {
    if (this == POSTGRESQL) {
      return rs.getObject(column, LocalDate.class);
    }
    return LocalDate.parse(rs.getString(column));
  }
}
