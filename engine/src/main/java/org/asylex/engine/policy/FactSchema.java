package org.asylex.engine.policy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The facts of a pack, by name, in the order the pack declares them. */
public record FactSchema(List<FactDefinition> facts) {
  public FactSchema {
    facts = List.copyOf(facts);
  }

  public Optional<FactDefinition> fact(String name) {
    return facts.stream().filter(f -> f.name().equals(name)).findFirst();
  }

  public Map<String, FactDefinition> byName() {
    var map = new LinkedHashMap<String, FactDefinition>();
    facts.forEach(f -> map.putIfAbsent(f.name(), f));
    return map;
  }
}
