package org.asylex.cli;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import org.asylex.engine.assessment.Assessment;
import org.asylex.engine.assessment.CompiledPolicy;
import org.asylex.engine.assessment.InputError;
import org.asylex.engine.assessment.PolicyConflictException;
import org.asylex.engine.policy.PolicyPack;
import org.asylex.engine.text.Language;
import org.asylex.json.AssessmentJson;
import org.asylex.store.CaseFilter;
import org.asylex.store.CaseNotFound;
import org.asylex.store.CaseRecord;
import org.asylex.store.Receipts;
import org.asylex.store.Store;
import org.asylex.store.StoredAssessment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code asylex case assess ID}: assesses the stored facts of a case with the pack of its country
 * and stores the assessment as an immutable receipt (facts snapshot, pack id, version and content
 * hash, assumption values, engine version, findings, who and when), so that {@code case reproduce}
 * can re-run it later.
 */
@Command(
    name = "assess",
    description = {
      "Assess the stored facts of a case on a date and store the assessment: the facts as"
          + " assessed, the pack's id, version and content hash, the assumption values, the engine"
          + " version and the findings, with who and when. Prints the findings and the assessment"
          + " id ('asylex case reproduce ASSESSMENT_ID' re-runs it).",
      "With --all (and --filter, --limit) every selected case is assessed and stored; one line per"
          + " case: case id and assessment id.",
      "The findings support a decision; they are never the decision."
    },
    mixinStandardHelpOptions = true)
final class CaseAssessCommand extends StoreCommand {
  /** Cases read and assessments stored per transaction with --all. */
  private static final int PAGE = 500;

  @Parameters(arity = "0..1", paramLabel = "ID", description = "The case id.")
  String id;

  @Option(names = "--all", description = "Assess every case (that --filter selects).")
  boolean all;

  @Option(
      names = "--filter",
      paramLabel = "FACT=VALUE",
      description = "With --all: only cases where the fact has this value. Repeatable.")
  List<String> filters = List.of();

  @Option(names = "--limit", paramLabel = "N", description = "With --all: at most N cases.")
  Integer limit;

  @Option(
      names = "--as-of",
      paramLabel = "DATE",
      description = "The assessment date, YYYY-MM-DD (default: today in the Netherlands).")
  String asOf;

  @Option(
      names = "--format",
      paramLabel = "text|json",
      description = "Output: text for a person (default) or json.")
  String format = "text";

  @Option(names = "--lang", paramLabel = "nl|en", description = "Language of texts (default: en).")
  String lang = "en";

  @Mixin PackOptions packs;

  @Override
  int run(Store store, String actor) {
    Language language =
        Language.fromCode(lang)
            .orElseThrow(() -> new UsageError("--lang takes nl or en, not '" + lang + "'"));
    boolean json =
        switch (format) {
          case "json" -> true;
          case "text" -> false;
          default -> throw new UsageError("--format takes text or json, not '" + format + "'");
        };
    LocalDate date =
        asOf == null
            ? LocalDate.now(AssessCommand.DECISION_ZONE)
            : AssessCommand.parseDate("--as-of", asOf);
    if (all == (id != null)) {
      throw new UsageError("give a case ID or --all");
    }
    if (!all && (!filters.isEmpty() || limit != null)) {
      throw new UsageError("--filter and --limit go with --all");
    }
    if (limit != null && limit < 0) {
      throw new UsageError("--limit takes a number of 0 or more");
    }
    var casePacks = new CasePacks(packs, err());
    return all
        ? assessAll(store, actor, casePacks, date)
        : assessOne(store, actor, casePacks, date, language, json);
  }

  private int assessOne(
      Store store,
      String actor,
      CasePacks casePacks,
      LocalDate date,
      Language language,
      boolean json) {
    CaseRecord c = store.cases().find(id, actor).orElseThrow(() -> new CaseNotFound(id));
    CasePacks.Checked checked = casePacks.check(c.facts(), date, "");
    if (!checked.isValid()) {
      for (InputError e : checked.errors()) {
        err().println("case " + id + ": " + e);
      }
      err()
          .println(
              "asylex: "
                  + checked.errors().size()
                  + (checked.errors().size() == 1 ? " error" : " errors")
                  + " in the stored facts; nothing was assessed ('asylex case set' corrects them)");
      return Main.INVALID;
    }
    PolicyPack pack = checked.pack().orElseThrow();
    Assessment assessment;
    try {
      assessment =
          CompiledPolicy.compile(pack, casePacks.values(pack))
              .assess(checked.facts().orElseThrow(), date);
    } catch (PolicyConflictException e) {
      err()
          .println(
              "asylex: pack " + pack.id() + " cannot assess case " + id + ": " + e.getMessage());
      return Main.INVALID;
    }
    StoredAssessment stored =
        store.assessments().record(Receipts.of(c, assessment, pack, actor, store.now()));
    if (json) {
      var root = new LinkedHashMap<String, Object>();
      root.put("assessment", stored.id());
      root.put("case", c.id());
      root.put("caseVersion", c.version());
      root.put("actor", stored.actor());
      root.put("at", stored.at().toString());
      root.put("engineVersion", stored.engineVersion());
      root.put("findings", AssessmentJson.tree(assessment, pack, language));
      out().println(FactValues.pretty(root));
    } else {
      new AssessmentText(out(), language)
          .print(assessment, pack, "case " + c.id() + " (version " + c.version() + ")", false);
      out().println();
      out().println("Stored as assessment " + stored.id());
    }
    return 0;
  }

  private int assessAll(Store store, String actor, CasePacks casePacks, LocalDate date) {
    CaseFilter filter = CaseCommand.filter(filters);
    var policies = new HashMap<String, CompiledPolicy>();
    long assessed = 0;
    long refused = 0;
    int offset = 0;
    long max = limit == null ? Long.MAX_VALUE : limit;
    while (assessed + refused < max) {
      int size = (int) Math.min(PAGE, max - assessed - refused);
      List<CaseRecord> page = store.cases().list(filter, offset, size, actor);
      if (page.isEmpty()) {
        break;
      }
      offset += page.size();
      var receipts = new ArrayList<StoredAssessment>(page.size());
      for (CaseRecord c : page) {
        CasePacks.Checked checked = casePacks.check(c.facts(), date, "");
        if (!checked.isValid()) {
          err()
              .println(
                  "case "
                      + c.id()
                      + ": not assessed: "
                      + checked.errors().size()
                      + " errors in the stored facts (asylex case assess "
                      + c.id()
                      + " shows them)");
          refused++;
          continue;
        }
        PolicyPack pack = checked.pack().orElseThrow();
        try {
          CompiledPolicy policy =
              policies.computeIfAbsent(
                  pack.id(), p -> CompiledPolicy.compile(pack, casePacks.values(pack)));
          receipts.add(
              Receipts.of(
                  c, policy.assess(checked.facts().orElseThrow(), date), pack, actor, store.now()));
        } catch (PolicyConflictException e) {
          err().println("case " + c.id() + ": not assessed: " + e.getMessage());
          refused++;
        }
      }
      store.useTransaction(tx -> receipts.forEach(r -> tx.assessments().record(r)));
      for (StoredAssessment r : receipts) {
        out().print(r.caseId() + "\t" + r.id() + "\n");
      }
      assessed += receipts.size();
    }
    out().flush();
    err()
        .println(
            "assessed and stored "
                + assessed
                + (assessed == 1 ? " case" : " cases")
                + (refused > 0 ? "; " + refused + " not assessed (see above)" : ""));
    return refused == 0 ? 0 : Main.INVALID;
  }
}
