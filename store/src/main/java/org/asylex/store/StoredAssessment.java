package org.asylex.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.asylex.json.ReceiptJson;

/**
 * The receipt of one assessment of one case version: everything needed to run it again and show
 * that the findings are the same, or what changed. Never changed once stored.
 *
 * @param id chosen by the caller (a UUID, say); unique in the store
 * @param caseVersion the version of the case that was assessed
 * @param asOf the assessment date
 * @param factsSnapshot the case's facts as they were assessed, as JSON values
 * @param packId the policy pack's id
 * @param packVersion the pack's version label
 * @param contentHash the hash of the pack's content, which identifies exactly what was used
 * @param assumptions every assumption's value as used (id to value)
 * @param engineVersion the version of the engine that assessed
 * @param findingsJson the assessment in its JSON form ({@code AssessmentJson.write}), or, as the
 *     store keeps it since migration V6, its compact form ({@code CompactFindings}, which refers to
 *     the pack by content hash and id); the application layer gives it in full
 * @param actor who assessed
 * @param at when; stored to the microsecond
 * @param factsAsOf when the facts assessed were those recorded at an earlier time (the case's
 *     history up to and including that instant), that time, to the microsecond; empty when they
 *     were the case's facts as they stood when it was assessed (every receipt made before this
 *     field existed)
 */
public record StoredAssessment(
    String id,
    String caseId,
    long caseVersion,
    LocalDate asOf,
    Map<String, Object> factsSnapshot,
    String packId,
    String packVersion,
    String contentHash,
    Map<String, String> assumptions,
    String engineVersion,
    String findingsJson,
    String actor,
    Instant at,
    Optional<Instant> factsAsOf)
    implements ReceiptJson.Receipt {

  public StoredAssessment {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(caseId, "caseId");
    Objects.requireNonNull(asOf, "asOf");
    factsSnapshot = Collections.unmodifiableMap(new LinkedHashMap<>(factsSnapshot));
    Objects.requireNonNull(packId, "packId");
    Objects.requireNonNull(packVersion, "packVersion");
    Objects.requireNonNull(contentHash, "contentHash");
    assumptions = Collections.unmodifiableMap(new LinkedHashMap<>(assumptions));
    Objects.requireNonNull(engineVersion, "engineVersion");
    Objects.requireNonNull(findingsJson, "findingsJson");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(at, "at");
    factsAsOf = factsAsOf.map(Times::micros);
  }

  /** A receipt of the case's facts as they stood when it was assessed. */
  public StoredAssessment(
      String id,
      String caseId,
      long caseVersion,
      LocalDate asOf,
      Map<String, Object> factsSnapshot,
      String packId,
      String packVersion,
      String contentHash,
      Map<String, String> assumptions,
      String engineVersion,
      String findingsJson,
      String actor,
      Instant at) {
    this(
        id,
        caseId,
        caseVersion,
        asOf,
        factsSnapshot,
        packId,
        packVersion,
        contentHash,
        assumptions,
        engineVersion,
        findingsJson,
        actor,
        at,
        Optional.empty());
  }

  /** Leaves the facts and findings out: they are case data. */
  @Override
  public String toString() {
    return "StoredAssessment[id="
        + id
        + ", case="
        + caseId
        + ", caseVersion="
        + caseVersion
        + ", asOf="
        + asOf
        + factsAsOf.map(t -> ", factsAsOf=" + t).orElse("")
        + ", pack="
        + packId
        + " "
        + packVersion
        + " "
        + contentHash
        + ", actor="
        + actor
        + ", at="
        + at
        + "]";
  }
}
