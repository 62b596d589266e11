package org.asylex.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.asylex.engine.assessment.Assessment;
import org.asylex.engine.assessment.CaseInput;
import org.asylex.engine.assessment.InputError;
import org.asylex.engine.assessment.PolicyConflictException;
import org.asylex.engine.policy.PolicyPack;
import org.asylex.json.AssessmentDiff;
import org.asylex.json.AssessmentJson;
import org.asylex.store.Receipts;
import org.asylex.store.StoredAssessment;

/**
 * Re-runs a stored assessment (its facts snapshot, date and assumption values) with the pack as the
 * server has it now, as {@code asylex case reproduce} does, and says whether the findings are
 * identical or what differs and why. Nothing is stored.
 *
 * @param identical the pack's content hash is unchanged and the findings are the same, byte for
 *     byte
 * @param pack the pack as it is now; empty when the server no longer has it
 * @param assessment the findings of the re-run; null when it could not be run
 */
record Reproduction(
    StoredAssessment stored,
    boolean identical,
    List<String> differences,
    List<String> reasons,
    Optional<PolicyPack> pack,
    String engineVersion,
    Map<String, Object> assessment) {

  Reproduction {
    differences = List.copyOf(differences);
    reasons = List.copyOf(reasons);
  }

  static Reproduction of(StoredAssessment stored, PolicyCatalog policies) {
    String engine = Receipts.engineVersion();
    Optional<PolicyPack> current = policies.byId(stored.packId());
    if (current.isEmpty()) {
      return new Reproduction(
          stored,
          false,
          List.of("pack " + stored.packId() + " is no longer served"),
          List.of("the server has no pack " + stored.packId() + " now; it cannot be re-run"),
          current,
          engine,
          null);
    }
    PolicyPack pack = current.get();
    JsonNode before = Receipts.storedFindings(stored);
    var notes = new ArrayList<String>();
    Map<String, String> overrides = Receipts.rerunOverrides(stored, pack, notes);

    CaseInput.Validated validated =
        CaseInput.validate(pack, stored.factsSnapshot(), stored.asOf(), "");
    if (!validated.isValid()) {
      var differences = new ArrayList<String>();
      differences.add("the stored facts are no longer valid input for the pack:");
      for (InputError e : validated.errors()) {
        differences.add(
            "  "
                + e.pointer()
                + ": "
                + FactChecks.detail(e, pack, stored.asOf(), false, policies.countries()));
      }
      return different(
          stored,
          pack,
          engine,
          differences,
          notes,
          List.of("the pack's facts changed since the assessment"),
          null);
    }
    Assessment assessment;
    try {
      assessment =
          policies
              .compiledExactly(pack, overrides)
              .assess(validated.facts().orElseThrow(), stored.asOf());
    } catch (PolicyConflictException e) {
      return different(
          stored,
          pack,
          engine,
          List.of("the pack as it is now cannot assess the case: " + e.getMessage()),
          notes,
          List.of(),
          null);
    }
    Map<String, Object> tree = AssessmentJson.tree(assessment, pack, null);
    String findings = Receipts.findings(assessment, pack);
    if (findings.equals(stored.findingsJson()) && pack.contentHash().equals(stored.contentHash())) {
      return new Reproduction(stored, true, List.of(), notes, current, engine, tree);
    }
    AssessmentDiff diff = AssessmentDiff.of(before, JsonResponses.MAPPER.valueToTree(tree));
    var differences = new ArrayList<>(diff.differences());
    if (diff.isEmpty()) {
      differences.add("the findings differ in their form only");
    }
    return different(stored, pack, engine, differences, notes, diff.reasons(), tree);
  }

  private static Reproduction different(
      StoredAssessment stored,
      PolicyPack pack,
      String engine,
      List<String> differences,
      List<String> notes,
      List<String> reasons,
      Map<String, Object> tree) {
    List<String> all = Receipts.rerunReasons(stored, pack, engine, reasons, notes);
    return new Reproduction(stored, false, differences, all, Optional.of(pack), engine, tree);
  }

  /**
   * The response: {@code {assessmentId, identical, differences, reasons, stored, current,
   * assessment}}.
   */
  Map<String, Object> toJson() {
    var root = new LinkedHashMap<String, Object>();
    root.put("assessmentId", stored.id());
    root.put("identical", identical);
    root.put("differences", differences);
    root.put("reasons", reasons);
    var was = new LinkedHashMap<String, Object>();
    was.put("policy", ReceiptJson.policy(stored));
    was.put("engineVersion", stored.engineVersion());
    root.put("stored", was);
    var now = new LinkedHashMap<String, Object>();
    now.put(
        "policy",
        pack.map(
                p -> {
                  var m = new LinkedHashMap<String, Object>();
                  m.put("id", p.id());
                  m.put("version", p.version());
                  m.put("contentHash", p.contentHash());
                  return (Object) m;
                })
            .orElse(null));
    now.put("engineVersion", engineVersion);
    root.put("current", now);
    root.put("assessment", assessment);
    return root;
  }
}
