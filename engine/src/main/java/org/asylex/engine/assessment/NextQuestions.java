package org.asylex.engine.assessment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import org.asylex.engine.policy.FactDefinition;
import org.asylex.engine.policy.FactSchema;

/**
 * The questions that settle the undetermined findings (docs/engine.md §4): one per missing fact,
 * ordered so the answer that settles the most findings comes first; ties keep the schema's order.
 */
final class NextQuestions {
  private NextQuestions() {}

  static List<NextQuestion> of(FactSchema schema, List<Finding> findings) {
    var byFact = new LinkedHashMap<String, List<String>>();
    for (FactDefinition f : schema.facts()) {
      for (Finding finding : findings) {
        if (finding.missingFacts().contains(f.name())) {
          byFact.computeIfAbsent(f.name(), k -> new ArrayList<>()).add(finding.element());
        }
      }
    }
    var questions = new ArrayList<NextQuestion>();
    byFact.forEach(
        (name, elements) -> {
          FactDefinition f = schema.fact(name).orElseThrow();
          questions.add(new NextQuestion(name, f.label(), f.question(), elements));
        });
    // stable: equal counts keep the schema's order
    questions.sort(Comparator.comparingInt((NextQuestion q) -> -q.elements().size()));
    return questions;
  }
}
