package org.asylex.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.asylex.packs.PackDirectory;
import picocli.CommandLine.Option;

/**
 * Where the packs are, and the assumption values of this deployment and this run. A deployment sets
 * assumptions in a configuration file; {@code --assume} on the command line wins over it.
 */
final class PackOptions {
  static final String CONFIG_PREFIX = "assume.";

  @Option(
      names = "--policies",
      paramLabel = "DIR",
      description =
          "Directory of policy packs (default: $ASYLEX_POLICIES, else ./policies, else the"
              + " installation's policies/).")
  Path policies;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "Deployment configuration (Java properties; default: $ASYLEX_CONFIG). A line"
              + " 'assume.XX.some-date=2024-01-01' overrides assumption some-date of pack XX.")
  Path config;

  @Option(
      names = "--assume",
      paramLabel = "ID=VALUE",
      description = "Override an assumption of the pack, e.g. --assume some-date=2024-01-01.")
  List<String> assume = List.of();

  PackDirectory directory() {
    if (policies != null) {
      return new PackDirectory(policies);
    }
    String env = System.getenv("ASYLEX_POLICIES");
    if (env != null && !env.isBlank()) {
      return new PackDirectory(Path.of(env));
    }
    Path local = Path.of("policies");
    String home = System.getenv("ASYLEX_HOME");
    if (!Files.isDirectory(local) && home != null) {
      return new PackDirectory(Path.of(home, "policies"));
    }
    return new PackDirectory(local);
  }

  /** The overrides for pack {@code packId}: the configuration file's, then --assume's. */
  Map<String, String> overrides(String packId) {
    var map = new LinkedHashMap<String, String>();
    configFile().ifPresent(file -> map.putAll(fromConfig(file, packId)));
    for (String a : assume) {
      int eq = a.indexOf('=');
      if (eq <= 0) {
        throw new UsageError(
            "--assume takes ID=VALUE, e.g. --assume some-date=2024-01-01; got '" + a + "'");
      }
      map.put(a.substring(0, eq), a.substring(eq + 1));
    }
    return map;
  }

  private java.util.Optional<Path> configFile() {
    if (config != null) {
      return java.util.Optional.of(config);
    }
    String env = System.getenv("ASYLEX_CONFIG");
    return env == null || env.isBlank()
        ? java.util.Optional.empty()
        : java.util.Optional.of(Path.of(env));
  }

  static Map<String, String> fromConfig(Path file, String packId) {
    var props = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      props.load(in);
    } catch (IOException | IllegalArgumentException e) {
      throw new UsageError("cannot read configuration " + file + ": " + e.getMessage());
    }
    var map = new LinkedHashMap<String, String>();
    String prefix = CONFIG_PREFIX + packId.toUpperCase(Locale.ROOT) + ".";
    for (String key : props.stringPropertyNames()) {
      if (key.startsWith(prefix)) {
        map.put(key.substring(prefix.length()), props.getProperty(key).strip());
      } else if (!key.startsWith(CONFIG_PREFIX)) {
        throw new UsageError(
            file
                + ": unknown setting '"
                + key
                + "' (expected assume.<PACK>.<assumption-id>=<value>)");
      }
    }
    return map;
  }
}
