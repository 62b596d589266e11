package org.asylex.engine.policy;

import java.util.List;
import org.asylex.engine.text.LocalizedText;

/**
 * A case fact the rules may ask about, with the question an officer asks to establish it.
 *
 * @param values the allowed values of an enumeration; empty for other types
 */
public record FactDefinition(
    String name,
    FactType type,
    List<String> values,
    LocalizedText label,
    LocalizedText question,
    Origin origin) {
  public FactDefinition {
    values = List.copyOf(values);
  }
}
