package org.asylex.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One change of one fact of a case: the value before (empty when the fact was not set) and after
 * (empty when it was removed), who changed it, when, with an optional note, and the case version
 * the change produced. Creating a case records each of its facts as a change at version 1.
 */
public record FactChange(
    String caseId,
    String fact,
    Optional<Object> oldValue,
    Optional<Object> newValue,
    String actor,
    Instant at,
    Optional<String> note,
    long version) {

  public FactChange {
    Objects.requireNonNull(caseId, "caseId");
    Objects.requireNonNull(fact, "fact");
    Objects.requireNonNull(oldValue, "oldValue");
    Objects.requireNonNull(newValue, "newValue");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(note, "note");
  }

  /** Leaves the values out: they are case facts. */
  @Override
  public String toString() {
    return "FactChange[case="
        + caseId
        + ", fact="
        + fact
        + ", version="
        + version
        + ", actor="
        + actor
        + ", at="
        + at
        + "]";
  }
}
