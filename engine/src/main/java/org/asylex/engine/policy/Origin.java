package org.asylex.engine.policy;

import java.util.Map;
import org.asylex.engine.diagnostic.SourcePosition;

/**
 * Where a pack item was loaded from: the item itself and each of its fields, so a problem with one
 * field points at that field's line.
 */
public record Origin(SourcePosition at, Map<String, SourcePosition> fields) {
  public Origin {
    fields = Map.copyOf(fields);
  }

  public static Origin of(SourcePosition at) {
    return new Origin(at, Map.of());
  }

  /** The position of {@code field}, or of the item when the field was not given. */
  public SourcePosition of(String field) {
    return fields.getOrDefault(field, at);
  }
}
