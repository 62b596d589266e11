package org.asylex.cli;

import org.asylex.app.policy.PolicyCatalog;
import picocli.CommandLine.Mixin;

/**
 * A command on the case store that checks, re-runs or labels cases with the packs of {@code
 * --policies}, each with its own assumption values.
 */
abstract class PackStoreCommand extends StoreCommand {
  @Mixin PoliciesOption policies;

  @Override
  PolicyCatalog catalog() {
    return policies.catalog();
  }
}
