package org.asylex.app.impact;

import java.util.HashMap;
import java.util.Map;
import org.asylex.app.policy.FactCheck;
import org.asylex.engine.assessment.CompiledPolicy;
import org.asylex.engine.policy.PolicyPack;

/**
 * One point made ready: every usable pack compiled once with the point's assumption values (so that
 * a value that does not fit is refused before any case is read), and the fact check of its packs.
 * Read-only after construction: the workers share it.
 */
final class Side {
  final ImpactPoint point;
  final FactCheck facts;
  private final Map<String, CompiledPolicy> compiled = new HashMap<>();

  /**
   * @throws org.asylex.app.Refused when an assumption value does not fit a pack, or makes rules
   *     conflict
   */
  Side(ImpactPoint point) {
    this.point = point;
    this.facts = new FactCheck(point.policies());
    for (PolicyPack pack : point.policies().packs()) {
      compiled.put(pack.id(), point.policies().compiled(pack, point.assumptions()));
    }
  }

  CompiledPolicy compiled(PolicyPack pack) {
    return compiled.get(pack.id());
  }

  ImpactReport.Point describe() {
    return new ImpactReport.Point(
        point.date(),
        point.assumptions(),
        point.policies().root().toString(),
        compiled.values().stream()
            .map(
                c ->
                    new ImpactReport.Pack(
                        c.pack().id(), c.pack().version(), c.pack().contentHash()))
            .sorted(java.util.Comparator.comparing(ImpactReport.Pack::id))
            .toList());
  }
}
