package org.asylex.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/** The connection pools {@link Store#open} opens: SQLite in a data directory, or PostgreSQL. */
final class Pools {
  private Pools() {}

  static HikariDataSource sqlite(StoreConfig config) {
    Path file = config.databaseFile().orElseThrow();
    prepare(file);
    var sqlite = new SQLiteConfig();
    // WAL: readers do not block the writer, and a commit is one append to the log.
    sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
    // FULL: the log is synced at every commit, so a committed case survives a power cut too.
    sqlite.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    sqlite.setBusyTimeout((int) Math.min(Integer.MAX_VALUE, config.busyTimeout().toMillis()));
    sqlite.enforceForeignKeys(true);
    // 32 MiB of page cache per connection (SQLite's default is 2 MiB), taken as it is used: an
    // import's inserts into the history and its index stay in memory instead of re-reading pages.
    sqlite.setCacheSize(-32768);
    var source = new SQLiteDataSource(sqlite);
    source.setUrl("jdbc:sqlite:" + file);
    var hikari = new HikariConfig();
    hikari.setPoolName("asylex-sqlite");
    hikari.setDataSource(source);
    hikari.setMaximumPoolSize(config.poolSize());
    hikari.setMinimumIdle(1);
    hikari.setConnectionTimeout(Math.max(250, config.busyTimeout().toMillis()));
    return pool(hikari, config);
  }

  static HikariDataSource postgres(StoreConfig config) {
    var hikari = new HikariConfig();
    hikari.setPoolName("asylex-postgresql");
    hikari.setJdbcUrl(config.url().orElseThrow());
    config.user().ifPresent(hikari::setUsername);
    config.password().ifPresent(hikari::setPassword);
    hikari.setMaximumPoolSize(config.poolSize());
    hikari.setMinimumIdle(1);
    hikari.setConnectionTimeout(Math.max(250, config.busyTimeout().toMillis()));
    return pool(hikari, config);
  }

  private static HikariDataSource pool(HikariConfig hikari, StoreConfig config) {
    try {
      return new HikariDataSource(hikari);
    } catch (RuntimeException e) {
      throw new StoreException(
          "cannot connect to " + config.describe() + ": " + Transactions.message(e), e);
    }
  }

  /**
   * Creates the directory (owner only, where the file system has POSIX permissions) and an empty
   * database file readable by the owner only: SQLite gives its WAL and shared-memory files the same
   * permissions as the database file. Case facts are special-category personal data.
   */
  private static void prepare(Path file) {
    Path dir = file.getParent();
    boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
    try {
      if (!Files.isDirectory(dir)) {
        if (posix) {
          Files.createDirectories(
              dir,
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
          Files.createDirectories(dir);
        }
      }
      if (!Files.exists(file)) {
        try {
          if (posix) {
            Files.createFile(
                file,
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
          } else {
            Files.createFile(file);
          }
        } catch (FileAlreadyExistsException raced) {
          // another process created it first: fine
        }
      }
    } catch (FileAlreadyExistsException e) {
      // createDirectories met a file where a directory of the path should be
      throw new StoreException(
          "cannot use " + dir + " as the data directory: " + e.getFile() + " is a file", e);
    } catch (AccessDeniedException e) {
      throw new StoreException(
          "cannot create the database file " + file + ": permission denied (" + e.getFile() + ")",
          e);
    } catch (IOException e) {
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      throw new StoreException("cannot create the database file " + file + ": " + why, e);
    }
  }
}
