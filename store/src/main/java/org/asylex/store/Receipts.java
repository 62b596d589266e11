package org.asylex.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.asylex.engine.assessment.Assessment;
import org.asylex.engine.assessment.AssumptionUse;
import org.asylex.engine.assessment.CompiledPolicy;
import org.asylex.engine.policy.Assumption;
import org.asylex.engine.policy.AssumptionValues;
import org.asylex.engine.policy.PolicyPack;
import org.asylex.json.AssessmentDiff;
import org.asylex.json.AssessmentJson;

/**
 * How an assessment becomes a stored receipt, and how a receipt is re-run: one definition for the
 * command line and the API, so that a receipt stored by either reproduces identically with the
 * other.
 */
public final class Receipts {
  private static final ObjectMapper MAPPER = new ObjectMapper();

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
    try {
      return MAPPER.writeValueAsString(AssessmentJson.tree(assessment, pack, null));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the findings: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * The receipt of an assessment of case {@code c} (at its current version), made at {@code at}.
   */
  public static StoredAssessment of(
      CaseRecord c, Assessment assessment, PolicyPack pack, String actor, Instant at) {
    var assumptions = new LinkedHashMap<String, String>();
    for (AssumptionUse u : assessment.assumptions()) {
      assumptions.put(u.id(), u.value());
    }
    return new StoredAssessment(
        UUID.randomUUID().toString(),
        c.id(),
        c.version(),
        assessment.asOf(),
        c.facts(),
        assessment.policy().id(),
        assessment.policy().version(),
        assessment.policy().contentHash(),
        assumptions,
        engineVersion(),
        findings(assessment, pack),
        actor,
        at);
  }

  /** The stored findings as a JSON tree. */
  public static JsonNode storedFindings(StoredAssessment stored) {
    try {
      return MAPPER.readTree(stored.findingsJson());
    } catch (JsonProcessingException e) {
      throw new StoreException("the stored findings of " + stored.id() + " are unreadable", e);
    }
  }

  /**
   * The assumption values to re-run a receipt with: those stored. A value that was overridden then,
   * or that is no longer the pack's default, is given as an override; a stored assumption the pack
   * no longer has, or whose value no longer fits its type, is noted in {@code notes} and left at
   * the pack's value.
   */
  public static Map<String, String> rerunOverrides(
      StoredAssessment stored, PolicyPack pack, List<String> notes) {
    Set<String> overridden = new HashSet<>();
    storedFindings(stored)
        .path("assumptions")
        .forEach(
            a -> {
              if (a.path("overridden").asBoolean(false)) {
                overridden.add(a.path("id").asText());
              }
            });
    var overrides = new LinkedHashMap<String, String>();
    stored
        .assumptions()
        .forEach(
            (id, value) -> {
              Optional<Assumption> assumption = pack.assumption(id);
              if (assumption.isEmpty()) {
                notes.add(
                    "assumption "
                        + id
                        + " (stored value "
                        + value
                        + ") is no longer in the pack; it was left out");
                return;
              }
              if (AssumptionValues.parse(assumption.get().type(), value).isEmpty()) {
                notes.add(
                    "assumption "
                        + id
                        + " now takes "
                        + AssumptionValues.expected(assumption.get().type())
                        + "; the stored value "
                        + value
                        + " cannot be used, the pack's default "
                        + assumption.get().defaultValue()
                        + " was");
                return;
              }
              boolean defaultChanged = !value.equals(assumption.get().defaultValue());
              if (defaultChanged && !overridden.contains(id)) {
                notes.add(
                    "the pack's default for assumption "
                        + id
                        + " is now "
                        + assumption.get().defaultValue()
                        + "; the re-run used the stored value "
                        + value);
              }
              if (overridden.contains(id) || defaultChanged) {
                overrides.put(id, value);
              }
            });
    return overrides;
  }

  /**
   * Why a re-run of {@code stored} with {@code pack} (as it is now) and engine {@code engine}
   * differs: the comparison's {@code reasons}, then whether the pack and the engine changed, then
   * the {@code notes} of {@link #rerunOverrides}.
   */
  public static List<String> rerunReasons(
      StoredAssessment stored,
      PolicyPack pack,
      String engine,
      List<String> reasons,
      List<String> notes) {
    var all = new ArrayList<String>(reasons);
    if (reasons.stream().noneMatch(r -> r.startsWith("the pack changed"))
        && !pack.contentHash().equals(stored.contentHash())) {
      all.add(
          0,
          AssessmentDiff.packChange(
              stored.packVersion(), pack.version(), stored.contentHash(), pack.contentHash()));
    }
    if (pack.contentHash().equals(stored.contentHash())) {
      all.add(
          "the pack is unchanged; "
              + (engine.equals(stored.engineVersion())
                  ? "the engine version is the same (" + engine + ")"
                  : "the engine changed: " + stored.engineVersion() + " → " + engine));
    } else if (!engine.equals(stored.engineVersion())) {
      all.add("the engine changed too: " + stored.engineVersion() + " → " + engine);
    }
    all.addAll(notes);
    return all;
  }
}
