package org.asylex.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.asylex.engine.assessment.Assessment;
import org.asylex.engine.assessment.CaseInput;
import org.asylex.engine.assessment.CompiledPolicy;
import org.asylex.engine.assessment.InputError;
import org.asylex.engine.assessment.PolicyConflictException;
import org.asylex.engine.policy.AssumptionValues;
import org.asylex.engine.policy.PolicyPack;
import org.asylex.json.AssessmentDiff;
import org.asylex.store.Receipts;
import org.asylex.store.Store;
import org.asylex.store.StoredAssessment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code asylex case reproduce ASSESSMENT_ID}: re-runs a stored assessment (its facts snapshot,
 * date and assumption values) with the pack as it is now, and shows that the findings are identical
 * or exactly what differs and why.
 */
@Command(
    name = "reproduce",
    description = {
      "Re-run a stored assessment: the same facts (as stored with it), the same date and the same"
          + " assumption values, with the pack as it is now.",
      "Exit 0 when the pack's content hash is unchanged and the findings are identical; exit 1"
          + " with what differs (pack version and hash, assumptions, and per element the outcome,"
          + " groups, missing facts, rules, reasons and sources) and why."
    },
    mixinStandardHelpOptions = true)
final class CaseReproduceCommand extends StoreCommand {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Parameters(paramLabel = "ASSESSMENT_ID", description = "The id 'case assess' printed.")
  String assessmentId;

  @Mixin PoliciesOption policies;

  @Override
  int run(Store store, String actor) {
    StoredAssessment stored =
        store
            .assessments()
            .find(assessmentId, actor)
            .orElseThrow(
                () -> new UsageError("there is no stored assessment '" + assessmentId + "'"));
    var casePacks = new CasePacks(policies.packs(), err());
    out()
        .println(
            "Assessment "
                + stored.id()
                + " of case "
                + stored.caseId()
                + " (version "
                + stored.caseVersion()
                + ") as of "
                + stored.asOf()
                + ", by "
                + stored.actor()
                + " at "
                + CaseCommand.time(stored.at()));
    out()
        .println(
            "  pack "
                + stored.packId()
                + " version "
                + stored.packVersion()
                + ", content "
                + stored.contentHash()
                + ", engine "
                + stored.engineVersion());

    PolicyPack pack =
        casePacks
            .packById(stored.packId())
            .orElseThrow(
                () ->
                    new UsageError(
                        "pack "
                            + stored.packId()
                            + " is not in "
                            + casePacks.root()
                            + "; give the policies directory with --policies"));
    String engine = Receipts.engineVersion();
    out()
        .println(
            "Re-run with pack "
                + pack.id()
                + " as it is now ("
                + casePacks.root()
                + "): version "
                + pack.version()
                + ", content "
                + pack.contentHash()
                + ", engine "
                + engine);

    JsonNode before = Receipts.storedFindings(stored);
    var notes = new ArrayList<String>();
    Map<String, String> overrides = Receipts.rerunOverrides(stored, pack, notes);

    CaseInput.Validated validated =
        CaseInput.validate(pack, stored.factsSnapshot(), stored.asOf(), "");
    if (!validated.isValid()) {
      out().println();
      out().println("DIFFERENT: the stored facts are no longer valid input for the pack:");
      for (InputError e : validated.errors()) {
        out().println("  " + CasePacks.withoutValue(e));
      }
      why(pack, stored, engine, notes, List.of("the pack's facts changed since the assessment"));
      return Main.DIFFERENT;
    }
    Assessment assessment;
    try {
      assessment =
          CompiledPolicy.compile(pack, AssumptionValues.withOverrides(pack, overrides))
              .assess(validated.facts().orElseThrow(), stored.asOf());
    } catch (PolicyConflictException e) {
      out().println();
      out().println("DIFFERENT: the pack as it is now cannot assess the case: " + e.getMessage());
      why(pack, stored, engine, notes, List.of());
      return Main.DIFFERENT;
    }
    String findings = Receipts.findings(assessment, pack);
    if (findings.equals(stored.findingsJson()) && pack.contentHash().equals(stored.contentHash())) {
      out().println();
      out()
          .println(
              "IDENTICAL: the pack's content is unchanged and the findings are the same, byte for"
                  + " byte.");
      notes.forEach(n -> out().println("  note: " + n));
      return 0;
    }
    JsonNode after;
    try {
      after = MAPPER.readTree(findings);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the findings just written are unreadable", e);
    }
    AssessmentDiff diff = AssessmentDiff.of(before, after);
    out().println();
    out().println("DIFFERENT:");
    diff.differences().forEach(this::printWrapped);
    if (diff.isEmpty()) {
      out().println("  the findings differ in their form only");
    }
    why(pack, stored, engine, notes, diff.reasons());
    return Main.DIFFERENT;
  }

  private void why(
      PolicyPack pack,
      StoredAssessment stored,
      String engine,
      List<String> notes,
      List<String> reasons) {
    List<String> all = Receipts.rerunReasons(stored, pack, engine, reasons, notes);
    out().println("Why:");
    all.forEach(r -> printWrapped(r));
  }

  /** A line of the report, indented by two more spaces, wrapped with its continuation indented. */
  private void printWrapped(String line) {
    int spaces = 0;
    while (spaces < line.length() && line.charAt(spaces) == ' ') {
      spaces++;
    }
    String indent = " ".repeat(spaces + 2);
    out()
        .println(
            TextFormat.wrap(line.substring(spaces), indent)
                .replace("\n" + indent, "\n" + indent + "    "));
  }
}
