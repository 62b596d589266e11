package org.asylex.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.asylex.packs.PackDirectory;
import picocli.CommandLine.Option;

/** Where the packs are, and the assumption overrides of this run. */
final class PackOptions {
  @Option(
      names = "--policies",
      paramLabel = "DIR",
      description =
          "Directory of policy packs (default: $ASYLEX_POLICIES, else ./policies, else the"
              + " installation's policies/).")
  Path policies;

  @Option(
      names = "--assume",
      paramLabel = "ID=VALUE",
      description = "Override an assumption of the pack, e.g. --assume in-force-date=2023-07-01.")
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

  /** The --assume options as id to value; a malformed one is a usage error. */
  Map<String, String> overrides() {
    var map = new LinkedHashMap<String, String>();
    for (String a : assume) {
      int eq = a.indexOf('=');
      if (eq <= 0) {
        throw new UsageError(
            "--assume takes ID=VALUE, e.g. --assume in-force-date=2023-07-01; got '" + a + "'");
      }
      map.put(a.substring(0, eq), a.substring(eq + 1));
    }
    return map;
  }
}
