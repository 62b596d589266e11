package org.asylex.cli;

import java.util.List;
import org.asylex.app.Application;
import org.asylex.app.cases.Reproduction;
import org.asylex.engine.policy.PolicyPack;
import org.asylex.json.DiffText;
import org.asylex.json.RerunReason;
import org.asylex.store.StoredAssessment;
import picocli.CommandLine.Command;
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
final class CaseReproduceCommand extends PackStoreCommand {
  @Parameters(paramLabel = "ASSESSMENT_ID", description = "The id 'case assess' printed.")
  String assessmentId;

  @Override
  int run(Application app, String actor) {
    StoredAssessment stored = app.assessments().find(assessmentId, actor);
    out()
        .println(
            "Assessment "
                + stored.id()
                + " of case "
                + Terminal.safe(stored.caseId())
                + " (version "
                + stored.caseVersion()
                + ") as of "
                + stored.asOf()
                + stored.factsAsOf().map(t -> ", facts as recorded at " + t).orElse("")
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
    Reproduction r = app.assessments().reproduce(stored);
    if (r instanceof Reproduction.PackGone) {
      throw new UsageError(
          "pack "
              + stored.packId()
              + " is not in "
              + app.policies().root()
              + "; give the policies directory with --policies");
    }
    PolicyPack pack = pack(r);
    out()
        .println(
            "Re-run with pack "
                + pack.id()
                + " as it is now ("
                + app.policies().root()
                + "): version "
                + pack.version()
                + ", content "
                + pack.contentHash()
                + ", engine "
                + r.engineVersion());
    out().println();
    return verdict(r);
  }

  private static PolicyPack pack(Reproduction r) {
    if (r instanceof Reproduction.Identical i) {
      return i.pack();
    } else if (r instanceof Reproduction.Different d) {
      return d.pack();
    } else if (r instanceof Reproduction.FactsInvalid f) {
      return f.pack();
    }
    return ((Reproduction.CannotAssess) r).pack();
  }

  private int verdict(Reproduction r) {
    if (r instanceof Reproduction.Identical i) {
      out()
          .println(
              "IDENTICAL: the pack's content is unchanged and the findings are the same, byte for"
                  + " byte.");
      DiffText.reasons(i.notes()).forEach(n -> out().println("  note: " + n));
      return 0;
    }
    List<RerunReason> reasons;
    if (r instanceof Reproduction.Different d) {
      out().println("DIFFERENT:");
      DiffText.lines(d.differences()).forEach(this::printWrapped);
      if (d.differences().isEmpty()) {
        out().println("  the findings differ in their form only");
      }
      reasons = d.reasons();
    } else if (r instanceof Reproduction.FactsInvalid f) {
      out().println("DIFFERENT: the stored facts are no longer valid input for the pack:");
      f.errors().forEach(e -> out().println("  " + Terminal.safe(CaseCommand.pointed(e))));
      reasons = f.reasons();
    } else {
      var c = (Reproduction.CannotAssess) r;
      out()
          .println(
              "DIFFERENT: the pack as it is now cannot assess the case: "
                  + Terminal.safe(c.refusal().message()));
      reasons = c.reasons();
    }
    out().println("Why:");
    DiffText.reasons(reasons).forEach(this::printWrapped);
    return Main.DIFFERENT;
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
            TextFormat.wrap(Terminal.safe(line.substring(spaces)), indent)
                .replace("\n" + indent, "\n" + indent + "    "));
  }
}
