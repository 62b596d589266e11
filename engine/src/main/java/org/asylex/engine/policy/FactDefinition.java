package org.asylex.engine.policy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.asylex.engine.text.LocalizedText;

/**
 * A case fact the rules may ask about, with the question an officer asks to establish it.
 *
 * @param values the allowed values of an enumeration; empty for other types
 * @param valueLabels the words a reader sees for a value (an enumeration's values, or codes of a
 *     country or region fact), in the pack's order; empty when the pack labels none
 */
public record FactDefinition(
    String name,
    FactType type,
    List<String> values,
    LocalizedText label,
    LocalizedText question,
    Origin origin,
    Map<String, LocalizedText> valueLabels) {
  public FactDefinition {
    values = List.copyOf(values);
    valueLabels = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(valueLabels));
  }

  /** A fact whose values have no labels. */
  public FactDefinition(
      String name,
      FactType type,
      List<String> values,
      LocalizedText label,
      LocalizedText question,
      Origin origin) {
    this(name, type, values, label, question, origin, Map.of());
  }

  /** The pack's words for {@code value}, if it labels it. */
  public Optional<LocalizedText> valueLabel(String value) {
    return Optional.ofNullable(valueLabels.get(value));
  }
}
