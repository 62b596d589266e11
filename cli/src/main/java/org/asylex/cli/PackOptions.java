package org.asylex.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.asylex.app.policy.AssumptionSettings;
import org.asylex.app.policy.PolicyCatalog;
import picocli.CommandLine.Option;

/**
 * Where the packs are, and the assumption values of this deployment and this run. A deployment sets
 * assumptions in a configuration file; {@code --assume} on the command line wins over it.
 */
final class PackOptions {
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

  /** The packs of this run, with its assumption values; nothing is loaded until asked for. */
  PolicyCatalog catalog() {
    return PolicyCatalog.of(root(), settings());
  }

  /** The policies directory. */
  Path root() {
    if (policies != null) {
      return policies;
    }
    String env = System.getenv("ASYLEX_POLICIES");
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    Path local = Path.of("policies");
    String home = System.getenv("ASYLEX_HOME");
    if (!Files.isDirectory(local) && home != null) {
      return Path.of(home, "policies");
    }
    return local;
  }

  /** The configuration file's assumption values, with --assume's over them. */
  AssumptionSettings settings() {
    try {
      AssumptionSettings settings =
          configFile() == null
              ? AssumptionSettings.none()
              : AssumptionSettings.fromConfig(configFile());
      return settings.withAssignments(assume);
    } catch (IllegalArgumentException e) {
      throw new UsageError(e.getMessage());
    }
  }

  private Path configFile() {
    if (config != null) {
      return config;
    }
    String env = System.getenv("ASYLEX_CONFIG");
    return env == null || env.isBlank() ? null : Path.of(env);
  }
}
