package org.asylex.engine.assessment;

import java.util.List;
import org.asylex.engine.text.LocalizedText;

/** A question the officer should ask next, and the findings its answer can settle. */
public record NextQuestion(
    String fact, LocalizedText label, LocalizedText question, List<String> elements) {
  public NextQuestion {
    elements = List.copyOf(elements);
  }
}
