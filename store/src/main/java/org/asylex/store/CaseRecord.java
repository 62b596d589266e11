package org.asylex.store;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A stored case: its facts as JSON values (fact name to {@link String}, {@link Boolean}, {@link
 * Long}, {@link java.math.BigDecimal}, {@link java.util.List} or {@link Map}, the types {@link
 * org.asylex.json.CaseJson} reads), in the order they were first set, and the version that
 * optimistic locking compares. Dates, full or partial ({@code "1990-05"}), are ISO text.
 *
 * <p>{@link #toString()} leaves the facts out: they are special-category personal data and must not
 * reach a log by accident.
 */
public record CaseRecord(
    String id,
    Optional<String> reference,
    Map<String, Object> facts,
    long version,
    Instant created,
    Instant updated) {

  public CaseRecord {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(reference, "reference");
    facts = Collections.unmodifiableMap(new LinkedHashMap<>(facts));
    Objects.requireNonNull(created, "created");
    Objects.requireNonNull(updated, "updated");
  }

  @Override
  public String toString() {
    return "CaseRecord[id="
        + id
        + ", version="
        + version
        + ", facts="
        + facts.size()
        + ", created="
        + created
        + ", updated="
        + updated
        + "]";
  }
}
