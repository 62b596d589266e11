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
 * the pack by content hash and id); the application layer gives it in full. The receipt holds it as
 * {@link Findings}: a caseload's receipts are made from the findings' UTF-8 bytes and packed from
 * them, their text made only when asked for
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
    Findings findings,
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
    Objects.requireNonNull(findings, "findings");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(at, "at");
    factsAsOf = factsAsOf.map(Times::micros);
  }

  /**
   * This receipt with another facts snapshot and time (as the store keeps them), its findings in
   * the form they were given.
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
        findings,
        actor,
        storedAt,
        factsAsOf);
  }

  @Override
  public String findingsJson() {
    return findings.text();
  }

  /** The findings as UTF-8: the bytes given, or the text encoded. */
  byte[] findingsUtf8() {
    return findings.utf8();
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

  /**
   * A receipt's findings as given: their text, or their UTF-8 bytes (kept as they are: do not
   * change them), whose text is made when first asked for. Equal when their texts are.
   */
  public static final class Findings {
    private final byte[] utf8;
    private volatile String text;

    private Findings(String text, byte[] utf8) {
      this.text = text;
      this.utf8 = utf8;
    }

    public static Findings text(String json) {
      return new Findings(Objects.requireNonNull(json, "findingsJson"), null);
    }

    public static Findings utf8(byte[] json) {
      return new Findings(null, Objects.requireNonNull(json, "findingsUtf8"));
    }

    public String text() {
      String t = text;
      if (t == null) {
        t = new String(utf8, StandardCharsets.UTF_8);
        text = t;
      }
      return t;
    }

    byte[] utf8() {
      return utf8 != null ? utf8 : text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
      return o == this || o instanceof Findings f && text().equals(f.text());
    }

    @Override
    public int hashCode() {
      return text().hashCode();
    }

    /** Case data: not shown. */
    @Override
    public String toString() {
      return "Findings[" + text().length() + " characters]";
    }
  }
}
