package org.asylex.cli;

import java.nio.file.Path;
import org.asylex.app.policy.PolicyCatalog;
import picocli.CommandLine.Option;

/** Where the packs are, for commands that check or re-run cases but take no assumption values. */
final class PoliciesOption {
  @Option(
      names = "--policies",
      paramLabel = "DIR",
      description =
          "Directory of policy packs (default: $ASYLEX_POLICIES, else ./policies, else the"
              + " installation's policies/).")
  Path policies;

  /** Pack options with this directory and no assumption overrides. */
  PackOptions packs() {
    var options = new PackOptions();
    options.policies = policies;
    return options;
  }

  /** The packs, with their own assumption values. */
  PolicyCatalog catalog() {
    var options = packs();
    return PolicyCatalog.of(options.root(), org.asylex.app.policy.AssumptionSettings.none());
  }
}
