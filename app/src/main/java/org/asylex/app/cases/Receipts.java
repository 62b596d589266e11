package org.asylex.app.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochRandomGenerator;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.asylex.engine.assessment.Assessment;
import org.asylex.engine.assessment.AssumptionUse;
import org.asylex.engine.assessment.CompiledPolicy;
import org.asylex.engine.policy.Assumption;
import org.asylex.engine.policy.AssumptionValues;
import org.asylex.engine.policy.PolicyPack;
import org.asylex.json.AssessmentJson;
import org.asylex.json.CompactWriter;
import org.asylex.json.Json;
import org.asylex.json.ReceiptJson;
import org.asylex.json.RerunReason;
import org.asylex.store.CaseRecord;
import org.asylex.store.StoredAssessment;

/**
 * How an assessment becomes a stored receipt, and how a receipt is re-run: one definition, so that
 * a receipt stored through any front end reproduces identically through any other.
 */
public final class Receipts {
  private Receipts() {}

  /** The version of the engine: its jar's Implementation-Version, else "development". */
  public static String engineVersion() {
    String v = CompiledPolicy.class.getPackage().getImplementationVersion();
    return v == null ? "development" : v;
  }

  /**
   * The findings as stored: the JSON form of the assessment ({@link AssessmentJson#tree}), with
   * both languages and none chosen, written compactly. Reproducing compares these bytes.
   */
  public static String findings(Assessment assessment, PolicyPack pack) {
    return Json.compact(AssessmentJson.tree(assessment, pack, null));
  }

  /**
   * The receipt of an assessment of case {@code c} (at its current version), made at {@code at}.
   */
  public static StoredAssessment of(
      CaseRecord c, Assessment assessment, PolicyPack pack, String actor, Instant at) {
    return of(c, assessment, pack, actor, at, Optional.empty());
  }

  /**
   * The receipt of an assessment of case {@code c} as it was at {@code factsAsOf} (its facts and
   * version then) or, when empty, as it is; made at {@code at}.
   */
  public static StoredAssessment of(
      CaseRecord c,
      Assessment assessment,
      PolicyPack pack,
      String actor,
      Instant at,
      Optional<Instant> factsAsOf) {
    return make(c, assessment, pack, actor, at, factsAsOf, false).full();
  }

  /**
   * A receipt in the two forms it has: {@link #stored}, as the store keeps it, with the findings in
   * their compact form when that was asked for ({@link org.asylex.json.CompactFindings}), and
   * {@link #full}, with the findings as the assessment's JSON (what every front end shows), written
   * when first asked for.
   */
  public static final class Made {
    private final StoredAssessment stored;
    private final Supplier<String> fullFindings;
    private final boolean compact;
    private StoredAssessment full;

    private Made(StoredAssessment stored, Supplier<String> fullFindings, boolean compact) {
      this.stored = stored;
      this.fullFindings = fullFindings;
      this.compact = compact;
      if (!compact) {
        this.full = stored;
      }
    }

    /** The receipt as the store keeps it. */
    public StoredAssessment stored() {
      return stored;
    }

    /** The receipt with its findings as the assessment's JSON. */
    public synchronized StoredAssessment full() {
      if (full == null) {
        full = ReceiptPacks.withFindings(stored, fullFindings.get());
      }
      return full;
    }

    /** Whether the stored form refers to the pack. */
    public boolean compact() {
      return compact;
    }
  }

  /**
   * {@link #of}, in both forms.
   *
   * @param compact whether the stored form may refer to the pack instead of copying its texts: only
   *     when the pack is kept in the store ({@link ReceiptPacks#keep})
   */
  public static Made make(
      CaseRecord c,
      Assessment assessment,
      PolicyPack pack,
      String actor,
      Instant at,
      Optional<Instant> factsAsOf,
      boolean compact) {
    var assumptions = new LinkedHashMap<String, String>();
    for (AssumptionUse u : assessment.assumptions()) {
      assumptions.put(u.id(), u.value());
    }
    // The compact form is written straight from the assessment (no tree of maps: most of a
    // stored assessment's cost was that tree), as the UTF-8 bytes the store packs (its text is
    // made only when asked for); the full form only when asked for.
    byte[] findings =
        compact
            ? CompactWriter.compactUtf8(assessment, pack)
            : findings(assessment, pack).getBytes(StandardCharsets.UTF_8);
    StoredAssessment receipt =
        new StoredAssessment(
            assessmentId(at),
            c.id(),
            c.version(),
            assessment.asOf(),
            c.facts(),
            assessment.policy().id(),
            assessment.policy().version(),
            assessment.policy().contentHash(),
            assumptions,
            engineVersion(),
            StoredAssessment.Findings.utf8(findings),
            actor,
            at,
            factsAsOf);
    return new Made(receipt, () -> findings(assessment, pack), compact);
  }

  /**
   * Receipt ids: version 7 UUIDs (RFC 9562), the time of the receipt in milliseconds and then 74
   * random bits (from a SecureRandom), so that new receipts go to the end of the id index instead
   * of to random pages of it: a caseload's writes touch a few index pages, not one per receipt (ADR
   * 0029).
   */
  private static final TimeBasedEpochRandomGenerator IDS =
      Generators.timeBasedEpochRandomGenerator();

  /** A new receipt's id, ordered by {@code at}. */
  static String assessmentId(Instant at) {
    return IDS.construct(at.toEpochMilli()).toString();
  }

  /** The assumption values to re-run a receipt with, and what the re-run should say of them. */
  public record Rerun(Map<String, String> overrides, List<RerunReason> notes) {
    public Rerun {
      overrides = Map.copyOf(overrides);
      notes = List.copyOf(notes);
    }
  }

  /**
   * The assumption values to re-run a receipt with: those stored. A value that was overridden then,
   * or that is no longer the pack's default, is given as an override; a stored assumption the pack
   * no longer has, or whose value no longer fits its type, is noted and left at the pack's value.
   */
  public static Rerun rerun(StoredAssessment stored, PolicyPack pack) {
    Set<String> overridden = new HashSet<>();
    JsonNode findings = ReceiptJson.findings(stored);
    findings
        .path("assumptions")
        .forEach(
            a -> {
              if (a.path("overridden").asBoolean(false)) {
                overridden.add(a.path("id").asText());
              }
            });
    var overrides = new LinkedHashMap<String, String>();
    var notes = new ArrayList<RerunReason>();
    stored
        .assumptions()
        .forEach(
            (id, value) -> {
              Optional<Assumption> assumption = pack.assumption(id);
              if (assumption.isEmpty()) {
                notes.add(new RerunReason.AssumptionGone(id, value));
                return;
              }
              Assumption a = assumption.get();
              if (AssumptionValues.parse(a.type(), value).isEmpty()) {
                notes.add(
                    new RerunReason.AssumptionValueUnusable(
                        id, AssumptionValues.expected(a.type()), value, a.defaultValue()));
                return;
              }
              boolean defaultChanged = !value.equals(a.defaultValue());
              if (defaultChanged && !overridden.contains(id)) {
                notes.add(new RerunReason.DefaultChanged(id, a.defaultValue(), value));
              }
              if (overridden.contains(id) || defaultChanged) {
                overrides.put(id, value);
              }
            });
    return new Rerun(overrides, notes);
  }

  /**
   * Why a re-run of {@code stored} with {@code pack} (as it is now) and engine {@code engine}
   * differs: the comparison's {@code reasons}, then whether the pack and the engine changed, then
   * the {@code notes} of {@link #rerun}.
   */
  public static List<RerunReason> rerunReasons(
      StoredAssessment stored,
      PolicyPack pack,
      String engine,
      List<RerunReason> reasons,
      List<RerunReason> notes) {
    var all = new ArrayList<RerunReason>(reasons);
    boolean packChanged = !pack.contentHash().equals(stored.contentHash());
    if (packChanged && reasons.stream().noneMatch(RerunReason.PackChanged.class::isInstance)) {
      all.add(
          0,
          new RerunReason.PackChanged(
              stored.packVersion(), pack.version(), stored.contentHash(), pack.contentHash()));
    }
    if (!packChanged) {
      all.add(new RerunReason.PackUnchanged(stored.engineVersion(), engine));
    } else if (!engine.equals(stored.engineVersion())) {
      all.add(new RerunReason.EngineChanged(stored.engineVersion(), engine));
    }
    all.addAll(notes);
    return all;
  }
}
