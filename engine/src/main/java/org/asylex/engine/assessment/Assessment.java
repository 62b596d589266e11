package org.asylex.engine.assessment;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The assessment of one case as of one date under one policy: one finding per element, in the order
 * a case is tested, and the questions that settle the undetermined ones. A policy finding supports
 * a decision; it is never the decision.
 */
public record Assessment(
    LocalDate asOf,
    PolicyRef policy,
    List<AssumptionUse> assumptions,
    List<Finding> findings,
    List<NextQuestion> nextQuestions) {

  public Assessment {
    assumptions = List.copyOf(assumptions);
    findings = List.copyOf(findings);
    nextQuestions = List.copyOf(nextQuestions);
  }

  public Optional<Finding> finding(String element) {
    return findings.stream().filter(f -> f.element().equals(element)).findFirst();
  }
}
