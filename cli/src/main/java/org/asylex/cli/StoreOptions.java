package org.asylex.cli;

import java.nio.file.Path;
import java.util.Map;
import org.asylex.store.StoreConfig;
import picocli.CommandLine.Option;

/**
 * Which case store a command uses and who is acting. The command line wins over the environment;
 * without either the store is the embedded one in {@value #DEFAULT_HOME_DATA} under the home
 * directory, or {@value #DEFAULT_LOCAL_DATA} in the working directory when there is no home.
 */
final class StoreOptions {
  static final String DEFAULT_HOME_DATA = ".asylex/data";
  static final String DEFAULT_LOCAL_DATA = ".asylex-data";

  @Option(
      names = "--data",
      paramLabel = "DIR",
      description =
          "Data directory of the embedded store (SQLite file asylex.db in it). Default:"
              + " $ASYLEX_DATA, else $HOME/.asylex/data, or ./.asylex-data when HOME is not set.")
  Path data;

  @Option(
      names = "--db",
      paramLabel = "URL",
      description =
          "A database instead of the data directory: jdbc:postgresql://HOST:PORT/DB (default:"
              + " $ASYLEX_DB). User and password in the URL (?user=…) or in $ASYLEX_DB_USER and"
              + " $ASYLEX_DB_PASSWORD.")
  String db;

  @Option(
      names = "--actor",
      paramLabel = "NAME",
      description =
          "Who is acting, recorded in the audit trail (default: $ASYLEX_ACTOR, else the user name"
              + " of the operating system).")
  String actor;

  /** The store to open, from these options and the process environment. */
  StoreConfig config() {
    return config(System.getenv());
  }

  /** The store to open, from these options and {@code env}. */
  StoreConfig config(Map<String, String> env) {
    if (data != null && db != null) {
      throw new UsageError("give --data or --db, not both");
    }
    StoreConfig config;
    if (data != null) {
      config = StoreConfig.dataDirectory(data);
    } else if (db != null) {
      config = url(db);
    } else {
      String envDb = nonBlank(env.get("ASYLEX_DB"));
      String envData = nonBlank(env.get("ASYLEX_DATA"));
      if (envDb != null && envData != null) {
        throw new UsageError(
            "both ASYLEX_DATA and ASYLEX_DB are set; unset one, or choose with --data or --db");
      }
      if (envDb != null) {
        config = url(envDb);
      } else {
        config = StoreConfig.dataDirectory(envData != null ? Path.of(envData) : defaultData(env));
      }
    }
    String user = nonBlank(env.get("ASYLEX_DB_USER"));
    if (user != null && config.url().isPresent()) {
      config = config.withCredentials(user, env.get("ASYLEX_DB_PASSWORD"));
    }
    return config;
  }

  /** {@code $HOME/.asylex/data}, or {@code ./.asylex-data} when HOME is not set. */
  static Path defaultData(Map<String, String> env) {
    String home = nonBlank(env.get("HOME"));
    return home != null ? Path.of(home).resolve(DEFAULT_HOME_DATA) : Path.of(DEFAULT_LOCAL_DATA);
  }

  /** Who is acting: --actor, else $ASYLEX_ACTOR, else the operating system's user name. */
  String actor() {
    return actor(System.getenv());
  }

  String actor(Map<String, String> env) {
    if (actor != null) {
      return actor;
    }
    String fromEnv = nonBlank(env.get("ASYLEX_ACTOR"));
    if (fromEnv != null) {
      return fromEnv;
    }
    String user = nonBlank(System.getProperty("user.name"));
    if (user == null) {
      throw new UsageError("cannot tell who is acting: give --actor NAME or set ASYLEX_ACTOR");
    }
    return user;
  }

  private static StoreConfig url(String url) {
    try {
      return StoreConfig.url(url);
    } catch (IllegalArgumentException e) {
      throw new UsageError(e.getMessage());
    }
  }

  private static String nonBlank(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
