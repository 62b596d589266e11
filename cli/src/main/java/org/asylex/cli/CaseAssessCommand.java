package org.asylex.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.asylex.app.Application;
import org.asylex.app.Refusal;
import org.asylex.app.Refused;
import org.asylex.app.cases.FactsAsOf;
import org.asylex.app.cases.StoredAssessments;
import org.asylex.app.policy.PolicyCatalog;
import org.asylex.engine.text.Language;
import org.asylex.json.Json;
import org.asylex.json.ReceiptJson;
import org.asylex.store.CaseFilter;
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
          + " case: case id and assessment id. With --all and --facts-as-of, every case as it was"
          + " recorded then (--filter selects on those facts); cases created later are left out"
          + " and counted.",
      "The findings support a decision; they are never the decision."
    },
    mixinStandardHelpOptions = true)
final class CaseAssessCommand extends StoreCommand {
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
      names = "--facts-as-of",
      paramLabel = "TIME",
      description =
          "Assess the facts as they were recorded at TIME (from the case's history) instead of as"
              + " they are: an instant with its offset (2023-06-20T12:00:00+02:00) or a date"
              + " (2023-06-20: the end of that day in the Netherlands). The receipt records it.")
  String factsAsOf;

  @Option(
      names = "--format",
      paramLabel = "text|json",
      description = "Output: text for a person (default) or json.")
  String format = "text";

  @Option(
      names = "--lang",
      paramLabel = "nl|en",
      description =
          "Language of texts (default: en). The JSON holds both; --lang names the one asked for.")
  String lang;

  @Mixin PackOptions packs;

  @Override
  PolicyCatalog catalog() {
    return packs.catalog();
  }

  @Override
  int run(Application app, String actor) {
    Language language = lang == null ? null : AssessCommand.language(lang);
    boolean json = AssessCommand.json(format);
    Optional<LocalDate> date =
        asOf == null ? Optional.empty() : Optional.of(AssessCommand.parseDate("--as-of", asOf));
    if (all == (id != null)) {
      throw new UsageError("give a case ID or --all");
    }
    if (!all && (!filters.isEmpty() || limit != null)) {
      throw new UsageError("--filter and --limit go with --all");
    }
    if (limit != null && limit < 0) {
      throw new UsageError("--limit takes a number of 0 or more");
    }
    Optional<Instant> factsTime = factsTime(factsAsOf);
    return all
        ? assessAll(app, actor, date.orElseGet(() -> today().date()), factsTime)
        : assessOne(app, actor, date, language, json);
  }

  private int assessOne(
      Application app, String actor, Optional<LocalDate> date, Language language, boolean json) {
    StoredAssessments.Shown shown;
    try {
      shown = app.assessments().assessShowing(id, date, factsTime(factsAsOf), Map.of(), actor);
    } catch (Refused e) {
      if (e.refusal() instanceof Refusal.InvalidValue v && v.field().equals(FactsAsOf.FIELD)) {
        throw new UsageError("--facts-as-of: " + Terminal.safe(v.problem()));
      }
      if (e.refusal() instanceof Refusal.InvalidFacts invalid) {
        String where = "case " + Terminal.safe(id) + ": ";
        Listing.print(
            err(), invalid.errors(), error -> where + Terminal.safe(error.toString()), where);
        err()
            .println(
                "asylex: "
                    + invalid.errors().size()
                    + (invalid.errors().size() == 1 ? " error" : " errors")
                    + " in the stored facts; nothing was assessed ('asylex case set' corrects them)");
        return Main.INVALID;
      }
      throw e;
    }
    StoredAssessment stored = shown.receipt();
    if (json) {
      out().println(Json.pretty(ReceiptJson.parsed(stored, language)));
    } else {
      new AssessmentText(out(), language == null ? Language.EN : language)
          .print(
              shown.assessment(),
              shown.pack(),
              "case "
                  + stored.caseId()
                  + " (version "
                  + stored.caseVersion()
                  + stored.factsAsOf().map(t -> ", the facts as recorded at " + t).orElse("")
                  + ")",
              false);
      out().println();
      out().println("Stored as assessment " + stored.id());
    }
    return 0;
  }

  /**
   * The time of --facts-as-of ({@code factsAsOf}, null when not given), for this command and {@code
   * impact}; a time that is not one is a usage error.
   */
  static Optional<Instant> factsTime(String factsAsOf) {
    if (factsAsOf == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(FactsAsOf.parse("--facts-as-of", factsAsOf));
    } catch (Refused e) {
      if (e.refusal() instanceof Refusal.InvalidValue v) {
        throw new UsageError("--facts-as-of: " + Terminal.safe(v.problem()));
      }
      throw e;
    }
  }

  private int assessAll(
      Application app, String actor, LocalDate date, Optional<Instant> factsTime) {
    CaseFilter filter = CaseCommand.filter(app, filters);
    long max = limit == null ? Long.MAX_VALUE : limit;
    StoredAssessments.Counts counts;
    try {
      counts = assessAll(app, actor, date, factsTime, filter, max);
    } catch (Refused e) {
      if (e.refusal() instanceof Refusal.InvalidValue v && v.field().equals(FactsAsOf.FIELD)) {
        throw new UsageError("--facts-as-of: " + Terminal.safe(v.problem()));
      }
      throw e;
    }
    out().flush();
    err()
        .println(
            "assessed and stored "
                + counts.stored()
                + (counts.stored() == 1 ? " case" : " cases")
                + factsTime.map(t -> " on their facts as recorded at " + t).orElse("")
                + (counts.refused() > 0
                    ? "; " + counts.refused() + " not assessed (see above)"
                    : "")
                + (counts.createdAfter() > 0
                    ? "; "
                        + counts.createdAfter()
                        + (counts.createdAfter() == 1 ? " case" : " cases")
                        + " created later left out"
                    : ""));
    return counts.refused() == 0 ? 0 : Main.INVALID;
  }

  private StoredAssessments.Counts assessAll(
      Application app,
      String actor,
      LocalDate date,
      Optional<Instant> factsTime,
      CaseFilter filter,
      long max) {
    return app.assessments()
        .assessAll(
            filter,
            max,
            date,
            factsTime,
            actor,
            o -> {
              if (o instanceof StoredAssessments.Outcome.Stored s) {
                out().print(s.caseId() + "\t" + s.receipt().id() + "\n");
              } else if (o instanceof StoredAssessments.Outcome.Refused r) {
                err().println(refused(r));
              }
            });
  }

  private static String refused(StoredAssessments.Outcome.Refused r) {
    String id = Terminal.safe(r.caseId());
    if (r.refusal() instanceof Refusal.InvalidFacts invalid) {
      return "case "
          + id
          + ": not assessed: "
          + invalid.errors().size()
          + " errors in the stored facts (asylex case assess "
          + id
          + " shows them)";
    }
    return "case " + id + ": not assessed: " + Terminal.safe(r.refusal().message());
  }
}
