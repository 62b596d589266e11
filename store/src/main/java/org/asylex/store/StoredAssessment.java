package org.asylex.store;

import java.nio.charset.StandardCharsets;
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
 * <p>{@code id}: chosen by the caller (a UUID, say); unique in the store
 *
 * <p>{@code caseVersion}: the version of the case that was assessed
 *
 * <p>{@code asOf}: the assessment date
 *
 * <p>{@code factsSnapshot}: the case's facts as they were assessed, as JSON values
 *
 * <p>{@code packId}: the policy pack's id
 *
 * <p>{@code packVersion}: the pack's version label
 *
 * <p>{@code contentHash}: the hash of the pack's content, which identifies exactly what was used
 *
 * <p>{@code assumptions}: every assumption's value as used (id to value)
 *
 * <p>{@code engineVersion}: the version of the engine that assessed
 *
 * <p>{@code findingsJson}: the assessment in its JSON form ({@code AssessmentJson.write}), or, as
 * the store keeps it since migration V6, its compact form ({@code CompactFindings}, which refers to
 * the pack by content hash and id); the application layer gives it in full
 *
 * <p>{@code actor}: who assessed
 *
 * <p>{@code at}: when; stored to the microsecond
 *
 * <p>{@code factsAsOf}: when the facts assessed were those recorded at an earlier time (the case's
 * history up to and including that instant), that time, to the microsecond; empty when they were
 * the case's facts as they stood when it was assessed (every receipt made before this field
 * existed)
 */
public final class StoredAssessment implements ReceiptJson.Receipt {
  private final String id;
  private final String caseId;
  private final long caseVersion;
  private final LocalDate asOf;
  private final Map<String, Object> factsSnapshot;
  private final String packId;
  private final String packVersion;
  private final String contentHash;
  private final Map<String, String> assumptions;
  private final String engineVersion;

  /**
   * The findings as UTF-8, when the receipt was made from them ({@link #withFindingsUtf8}): a
   * caseload's receipts are packed from these bytes, and their text is made only when asked for.
   */
  private final byte[] findingsUtf8;

  /** The findings' text: given, or decoded from {@link #findingsUtf8} when first asked for. */
  private volatile String findingsJson;

  private final String actor;
  private final Instant at;
  private final Optional<Instant> factsAsOf;

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
      Instant at,
      Optional<Instant> factsAsOf) {
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
        Objects.requireNonNull(findingsJson, "findingsJson"),
        null,
        actor,
        at,
        factsAsOf);
  }

  private StoredAssessment(
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
      byte[] findingsUtf8,
      String actor,
      Instant at,
      Optional<Instant> factsAsOf) {
    this.id = Objects.requireNonNull(id, "id");
    this.caseId = Objects.requireNonNull(caseId, "caseId");
    this.caseVersion = caseVersion;
    this.asOf = Objects.requireNonNull(asOf, "asOf");
    this.factsSnapshot = Collections.unmodifiableMap(new LinkedHashMap<>(factsSnapshot));
    this.packId = Objects.requireNonNull(packId, "packId");
    this.packVersion = Objects.requireNonNull(packVersion, "packVersion");
    this.contentHash = Objects.requireNonNull(contentHash, "contentHash");
    this.assumptions = Collections.unmodifiableMap(new LinkedHashMap<>(assumptions));
    this.engineVersion = Objects.requireNonNull(engineVersion, "engineVersion");
    this.findingsJson = findingsJson;
    this.findingsUtf8 = findingsUtf8;
    this.actor = Objects.requireNonNull(actor, "actor");
    this.at = Objects.requireNonNull(at, "at");
    this.factsAsOf = factsAsOf.map(Times::micros);
  }

  /**
   * A receipt whose findings are given as their UTF-8 bytes (which it keeps: do not change them),
   * as a caseload's receipts are made: stored without being turned into a text and back.
   */
  public static StoredAssessment withFindingsUtf8(
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
      byte[] findingsUtf8,
      String actor,
      Instant at,
      Optional<Instant> factsAsOf) {
    return new StoredAssessment(
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
        null,
        Objects.requireNonNull(findingsUtf8, "findingsUtf8"),
        actor,
        at,
        factsAsOf);
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

  /**
   * This receipt with another id, facts snapshot and time (as the store keeps them), its findings
   * in the form they were given.
   */
  StoredAssessment stored(Map<String, Object> facts, Instant storedAt) {
    return new StoredAssessment(
        id,
        caseId,
        caseVersion,
        asOf,
        facts,
        packId,
        packVersion,
        contentHash,
        assumptions,
        engineVersion,
        findingsJson,
        findingsUtf8,
        actor,
        storedAt,
        factsAsOf);
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String caseId() {
    return caseId;
  }

  @Override
  public long caseVersion() {
    return caseVersion;
  }

  @Override
  public LocalDate asOf() {
    return asOf;
  }

  public Map<String, Object> factsSnapshot() {
    return factsSnapshot;
  }

  @Override
  public String packId() {
    return packId;
  }

  @Override
  public String packVersion() {
    return packVersion;
  }

  @Override
  public String contentHash() {
    return contentHash;
  }

  @Override
  public Map<String, String> assumptions() {
    return assumptions;
  }

  @Override
  public String engineVersion() {
    return engineVersion;
  }

  @Override
  public String findingsJson() {
    String text = findingsJson;
    if (text == null) {
      text = new String(findingsUtf8, StandardCharsets.UTF_8);
      findingsJson = text;
    }
    return text;
  }

  /** The findings as UTF-8: the bytes given, or the text encoded. */
  byte[] findingsUtf8() {
    return findingsUtf8 != null ? findingsUtf8 : findingsJson.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public String actor() {
    return actor;
  }

  @Override
  public Instant at() {
    return at;
  }

  @Override
  public Optional<Instant> factsAsOf() {
    return factsAsOf;
  }

  /** Equal when every field is (the findings as text, however they were given). */
  @Override
  public boolean equals(Object o) {
    return o == this
        || o instanceof StoredAssessment a
            && id.equals(a.id)
            && caseId.equals(a.caseId)
            && caseVersion == a.caseVersion
            && asOf.equals(a.asOf)
            && factsSnapshot.equals(a.factsSnapshot)
            && packId.equals(a.packId)
            && packVersion.equals(a.packVersion)
            && contentHash.equals(a.contentHash)
            && assumptions.equals(a.assumptions)
            && engineVersion.equals(a.engineVersion)
            && findingsJson().equals(a.findingsJson())
            && actor.equals(a.actor)
            && at.equals(a.at)
            && factsAsOf.equals(a.factsAsOf);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
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
        findingsJson(),
        actor,
        at,
        factsAsOf);
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
