package org.asylex.store;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One case to import: an id, the office's reference (null when there is none) and the facts. {@link
 * #toString()} leaves the facts out.
 */
public record CaseImport(String id, String reference, Map<String, Object> facts) {
  public CaseImport {
    Objects.requireNonNull(id, "id");
    facts = Collections.unmodifiableMap(new LinkedHashMap<>(facts));
  }

  @Override
  public String toString() {
    return "CaseImport[id=" + id + ", facts=" + facts.size() + "]";
  }
}
