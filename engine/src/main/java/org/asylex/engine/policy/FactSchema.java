package org.asylex.engine.policy;

import java.util.List;
import java.util.Optional;

/** The facts of a pack, by name, in the order the pack declares them. */
public record FactSchema(List<FactDefinition> facts) {
  /**
   * The fact that selects a case's pack: every pack declares it, of type country (ADR 0012). The
   * same name as {@code CaseInput.COUNTRY_FACT}, which reads it from a case.
   */
  public static final String COUNTRY_FACT = "countryOfOrigin";

  public FactSchema {
    facts = List.copyOf(facts);
  }

  public Optional<FactDefinition> fact(String name) {
    for (FactDefinition f : facts) { // a loop, not a stream: called for every fact of every case
      if (f.name().equals(name)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }
}
