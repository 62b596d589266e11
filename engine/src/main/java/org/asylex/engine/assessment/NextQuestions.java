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

  /** The same questions from each element's missing-fact mask, element ids in test order. */
  static List<NextQuestion> of(FactSchema schema, List<String> elements, long[] missing) {
    long all = 0;
    for (long m : missing) {
      all |= m;
    }
    if (all == 0) {
      return List.of();
    }
    var questions = new ArrayList<NextQuestion>(Long.bitCount(all));
    for (long m = all; m != 0; m &= m - 1) {
      int f = Long.numberOfTrailingZeros(m);
      var waiting = new ArrayList<String>();
      for (int i = 0; i < missing.length; i++) {
        if ((missing[i] & (1L << f)) != 0) {
          waiting.add(elements.get(i));
        }
      }
      FactDefinition d = schema.facts().get(f);
      questions.add(new NextQuestion(d.name(), d.label(), d.question(), waiting));
    }
    if (questions.size() > 1) {
      questions.sort(Comparator.comparingInt((NextQuestion q) -> -q.elements().size()));
    }
    return questions;
  }
}
