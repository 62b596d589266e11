package org.asylex.engine.assessment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.asylex.engine.policy.SourceQuote;

/** Source quotes without repeats, in the order first cited: two rules may cite one sentence. */
final class Sources {
  private final Map<String, SourceQuote> byPlace = new LinkedHashMap<>();

  void addAll(List<SourceQuote> quotes) {
    for (SourceQuote q : quotes) {
      byPlace.putIfAbsent(q.document() + "@" + q.span().start() + "-" + q.span().end(), q);
    }
  }

  boolean isEmpty() {
    return byPlace.isEmpty();
  }

  List<SourceQuote> list() {
    return List.copyOf(byPlace.values());
  }
}
