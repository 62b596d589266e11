package org.asylex.server.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.asylex.app.Refusal;
import org.asylex.app.cases.Reproduction;
import org.asylex.engine.assessment.Assessment;
import org.asylex.engine.assessment.InputError;
import org.asylex.engine.policy.PolicyPack;
import org.asylex.json.AssessmentJson;
import org.asylex.json.DiffText;
import org.asylex.json.ReceiptJson;

/**
 * The answer of {@code POST /api/v1/case-assessments/{id}/reproduce}: {@code {assessmentId,
 * identical, differences, reasons, stored, current, assessment}}, the differences and reasons in
 * the words of {@link DiffText}. Fact values never appear: input errors are worded without them.
 */
final class ReproductionJson {
  private ReproductionJson() {}

  /** What the response says of one reproduction, before it is written out. */
  private record Said(
      boolean identical,
      List<String> differences,
      List<String> reasons,
      PolicyPack pack,
      Map<String, Object> assessment) {}

  static Map<String, Object> of(Reproduction r) {
    return tree(r, said(r));
  }

  private static Said said(Reproduction r) {
    if (r instanceof Reproduction.Identical i) {
      return new Said(
          true, List.of(), DiffText.reasons(i.notes()), i.pack(), tree(i.assessment(), i.pack()));
    }
    if (r instanceof Reproduction.Different d) {
      var lines = new ArrayList<>(DiffText.lines(d.differences()));
      if (lines.isEmpty()) {
        lines.add("the findings differ in their form only");
      }
      return new Said(
          false, lines, DiffText.reasons(d.reasons()), d.pack(), tree(d.assessment(), d.pack()));
    }
    if (r instanceof Reproduction.FactsInvalid f) {
      var lines = new ArrayList<String>();
      lines.add("the stored facts are no longer valid input for the pack:");
      for (InputError e : f.errors()) {
        lines.add("  " + e.pointer() + ": " + e.messageWithoutValue());
      }
      return new Said(false, lines, DiffText.reasons(f.reasons()), f.pack(), null);
    }
    if (r instanceof Reproduction.CannotAssess c) {
      return new Said(
          false,
          List.of("the pack as it is now cannot assess the case: " + detail(c.refusal())),
          DiffText.reasons(c.reasons()),
          c.pack(),
          null);
    }
    String packId = r.stored().packId();
    return new Said(
        false,
        List.of("pack " + packId + " is no longer served"),
        List.of("the server has no pack " + packId + " now; it cannot be re-run"),
        null,
        null);
  }

  /** Why the pack cannot assess: a conflict's own words, which name the rules. */
  private static String detail(Refusal refusal) {
    return refusal instanceof Refusal.PolicyConflict c ? c.detail() : refusal.message();
  }

  private static Map<String, Object> tree(Assessment assessment, PolicyPack pack) {
    return AssessmentJson.tree(assessment, pack, null);
  }

  private static Map<String, Object> tree(Reproduction r, Said said) {
    var root = new LinkedHashMap<String, Object>();
    root.put("assessmentId", r.stored().id());
    root.put("identical", said.identical());
    root.put("differences", said.differences());
    root.put("reasons", said.reasons());
    var was = new LinkedHashMap<String, Object>();
    was.put("policy", ReceiptJson.policy(r.stored()));
    was.put("engineVersion", r.stored().engineVersion());
    was.put("asOf", r.stored().asOf().toString());
    r.stored().factsAsOf().ifPresent(t -> was.put("factsAsOf", t.toString()));
    root.put("stored", was);
    var now = new LinkedHashMap<String, Object>();
    Map<String, Object> policy = null;
    if (said.pack() != null) {
      policy = new LinkedHashMap<>();
      policy.put("id", said.pack().id());
      policy.put("version", said.pack().version());
      policy.put("contentHash", said.pack().contentHash());
    }
    now.put("policy", policy);
    now.put("engineVersion", r.engineVersion());
    root.put("current", now);
    root.put("assessment", said.assessment());
    return root;
  }
}
