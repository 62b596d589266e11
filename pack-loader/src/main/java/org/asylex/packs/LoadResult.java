package org.asylex.packs;

import java.util.List;
import java.util.Optional;
import org.asylex.engine.diagnostic.Diagnostic;
import org.asylex.engine.policy.PolicyPack;

/** A loaded pack, present only when it has no errors, and every diagnostic found. */
public record LoadResult(Optional<PolicyPack> pack, List<Diagnostic> diagnostics) {
  public LoadResult {
    diagnostics = List.copyOf(diagnostics);
  }

  public List<Diagnostic> errors() {
    return diagnostics.stream().filter(Diagnostic::isError).toList();
  }

  public List<Diagnostic> warnings() {
    return diagnostics.stream().filter(d -> !d.isError()).toList();
  }
}
