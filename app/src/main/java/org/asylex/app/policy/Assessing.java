package org.asylex.app.policy;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import org.asylex.app.Refusal;
import org.asylex.app.Refused;
import org.asylex.engine.assessment.Assessment;
import org.asylex.engine.assessment.PolicyConflictException;
import org.asylex.engine.policy.PolicyPack;

/**
 * Assesses facts that are not stored ({@code asylex assess}, {@code POST /api/v1/assessments}, the
 * web UI's "what if"): the facts are checked against the pack of their country, the pack is
 * compiled with the deployment's assumption values and the request's over them, and nothing is
 * kept.
 */
public final class Assessing {
  private final PolicyCatalog policies;
  private final FactCheck facts;

  public Assessing(PolicyCatalog policies) {
    this.policies = Objects.requireNonNull(policies, "policies");
    this.facts = new FactCheck(policies);
  }

  /** An assessment with the pack it was made under. */
  public record Assessed(Assessment assessment, PolicyPack pack) {}

  /**
   * Assesses {@code raw} as of {@code asOf}.
   *
   * @param prefix the JSON pointer of the facts in the request ("" for a case file)
   * @throws Refused {@link Refusal.InvalidFacts}, {@link Refusal.InvalidAssumptions} or {@link
   *     Refusal.PolicyConflict}
   */
  public Assessed assess(
      Map<String, ?> raw,
      LocalDate asOf,
      Map<String, String> assumptions,
      boolean explain,
      String prefix) {
    FactCheck.Checked checked = facts.check(raw, asOf, prefix, false);
    if (!checked.isValid()) {
      throw new Refused(new Refusal.InvalidFacts(checked.errors(), false));
    }
    PolicyPack pack = checked.pack().orElseThrow();
    try {
      return new Assessed(
          policies.compiled(pack, assumptions).assess(checked.facts().orElseThrow(), asOf, explain),
          pack);
    } catch (PolicyConflictException e) {
      throw new Refused(PolicyCatalog.conflict(pack, e));
    }
  }

  /** The facts checked as they would be assessed, without assessing: for collecting errors. */
  public FactCheck.Checked check(Map<String, ?> raw, LocalDate asOf, String prefix) {
    return facts.check(raw, asOf, prefix, false);
  }
}
