package org.asylex.store;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the store is and how to reach it: a data directory (the embedded SQLite file {@value
 * #DATABASE_FILE} in it, the directory created when missing) or a JDBC URL ({@code
 * jdbc:postgresql://HOST:PORT/DB}, or {@code jdbc:sqlite:FILE}). Immutable; the {@code with…}
 * methods return changed copies.
 */
public final class StoreConfig {
  /** The name of the SQLite file in a data directory. */
  public static final String DATABASE_FILE = "asylex.db";

  private final Path dataDirectory;
  private final String url;
  private final String user;
  private final String password;
  private final Clock clock;
  private final Duration busyTimeout;
  private final int poolSize;

  private StoreConfig(
      Path dataDirectory,
      String url,
      String user,
      String password,
      Clock clock,
      Duration busyTimeout,
      int poolSize) {
    this.dataDirectory = dataDirectory;
    this.url = url;
    this.user = user;
    this.password = password;
    this.clock = clock;
    this.busyTimeout = busyTimeout;
    this.poolSize = poolSize;
  }

  /** The embedded store: {@code DIR/asylex.db}, created with its parents when missing. */
  public static StoreConfig dataDirectory(Path directory) {
    Objects.requireNonNull(directory, "directory");
    return new StoreConfig(
        directory.toAbsolutePath().normalize(),
        null,
        null,
        null,
        Clock.systemUTC(),
        Duration.ofSeconds(30),
        4);
  }

  /**
   * A store at a JDBC URL: {@code jdbc:postgresql://HOST:PORT/DB[?currentSchema=…]} or {@code
   * jdbc:sqlite:FILE}.
   *
   * @throws IllegalArgumentException for any other kind of URL
   */
  public static StoreConfig url(String jdbcUrl) {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    if (!jdbcUrl.startsWith("jdbc:postgresql:") && !jdbcUrl.startsWith("jdbc:sqlite:")) {
      throw new IllegalArgumentException(
          "unsupported database URL '"
              + redact(jdbcUrl)
              + "': use jdbc:postgresql://HOST:PORT/DATABASE, or a data directory for the"
              + " embedded store");
    }
    return new StoreConfig(null, jdbcUrl, null, null, Clock.systemUTC(), Duration.ofSeconds(30), 4);
  }

  /** The user and password for PostgreSQL, when they are not in the URL. */
  public StoreConfig withCredentials(String user, String password) {
    return new StoreConfig(
        dataDirectory,
        url,
        Objects.requireNonNull(user, "user"),
        password,
        clock,
        busyTimeout,
        poolSize);
  }

  /** The clock that stamps cases, history and audit events; tests give a fixed one. */
  public StoreConfig withClock(Clock clock) {
    return new StoreConfig(
        dataDirectory,
        url,
        user,
        password,
        Objects.requireNonNull(clock, "clock"),
        busyTimeout,
        poolSize);
  }

  /**
   * How long a writer waits for another to finish before giving up (SQLite's busy timeout; the
   * pool's connection timeout on PostgreSQL). 30 seconds unless set.
   */
  public StoreConfig withBusyTimeout(Duration timeout) {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("the busy timeout must be positive, not " + timeout);
    }
    return new StoreConfig(dataDirectory, url, user, password, clock, timeout, poolSize);
  }

  /** The most connections kept open; 4 unless set. */
  public StoreConfig withPoolSize(int size) {
    if (size < 1) {
      throw new IllegalArgumentException("the pool needs at least one connection, not " + size);
    }
    return new StoreConfig(dataDirectory, url, user, password, clock, busyTimeout, size);
  }

  /** The data directory, for the embedded store. */
  public Optional<Path> dataDirectory() {
    return Optional.ofNullable(dataDirectory);
  }

  /** The JDBC URL, when one was given. */
  public Optional<String> url() {
    return Optional.ofNullable(url);
  }

  public Optional<String> user() {
    return Optional.ofNullable(user);
  }

  Optional<String> password() {
    return Optional.ofNullable(password);
  }

  public Clock clock() {
    return clock;
  }

  public Duration busyTimeout() {
    return busyTimeout;
  }

  public int poolSize() {
    return poolSize;
  }

  /** Whether this is a PostgreSQL store. */
  public boolean isPostgres() {
    return url != null && url.startsWith("jdbc:postgresql:");
  }

  /** The SQLite file, for an embedded store. */
  public Optional<Path> databaseFile() {
    if (dataDirectory != null) {
      return Optional.of(dataDirectory.resolve(DATABASE_FILE));
    }
    if (url != null && url.startsWith("jdbc:sqlite:")) {
      String file = url.substring("jdbc:sqlite:".length());
      int query = file.indexOf('?');
      return Optional.of(
          Path.of(query < 0 ? file : file.substring(0, query)).toAbsolutePath().normalize());
    }
    return Optional.empty();
  }

  /** Where the store is, for messages: never a password. */
  public String describe() {
    return databaseFile()
        .map(f -> "SQLite " + f)
        .orElseGet(() -> "PostgreSQL " + redact(url) + (user == null ? "" : " as " + user));
  }

  @Override
  public String toString() {
    return "StoreConfig[" + describe() + "]";
  }

  /** A URL with any password parameter blanked out. */
  static String redact(String url) {
    return url.replaceAll("(?i)(password=)[^&;]*", "$1***")
        .replaceAll("(//[^/@:]*:)[^/@]*@", "$1***@");
  }
}
