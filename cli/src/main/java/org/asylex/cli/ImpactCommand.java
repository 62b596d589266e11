package org.asylex.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.asylex.app.Application;
import org.asylex.app.Refusal;
import org.asylex.app.Refused;
import org.asylex.app.cases.FactsAsOf;
import org.asylex.app.impact.ChangedFinding;
import org.asylex.app.impact.Impact;
import org.asylex.app.impact.ImpactJson;
import org.asylex.app.impact.ImpactPoint;
import org.asylex.app.impact.ImpactReport;
import org.asylex.app.policy.PolicyCatalog;
import org.asylex.app.users.ApiTokens;
import org.asylex.json.Json;
import org.asylex.store.StoreException;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code asylex impact}: a caseload assessed at two points (two dates, two sets of assumption
 * values, two revisions of the packs), the transitions per element and every changed finding with
 * what moved it.
 */
@Command(
    name = "impact",
    description = {
      "The impact of a policy change on a caseload: every case assessed at two points (two dates;"
          + " or one date under two sets of assumption values; or under two revisions of the"
          + " packs), and per element every transition from outcome to outcome with its count"
          + " (unchanged ones too, so that each element's counts add up to the cases), the groups"
          + " gained and lost, and a summary of what moved them with the sentence of the source.",
      "Cases from JSON Lines (--cases, the form 'case export' writes) or from the store (--store)."
          + " A bad line is reported as FILE:LINE: /field: problem and counted as rejected. Exit 0,"
          + " or 2 when a line was rejected or the input is invalid, 3 when the store failed, 130"
          + " when interrupted (then --changed leaves no file)."
    },
    mixinStandardHelpOptions = true)
final class ImpactCommand implements Callable<Integer> {
  static final int INTERRUPTED = 130;

  @Spec CommandLine.Model.CommandSpec spec;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Source source;

  static final class Source {
    @Option(
        names = "--cases",
        paramLabel = "FILE|-",
        description = "The cases, JSON Lines; - for standard input.")
    String cases;

    @Option(names = "--store", description = "The cases of the store (--data or --db).")
    boolean store;
  }

  @Mixin StoreOptions storeOptions;
  @Mixin PackOptions packs;

  @Option(names = "--from", paramLabel = "DATE", required = true, description = "The first date.")
  String from;

  @Option(names = "--to", paramLabel = "DATE", description = "The second date (default: --from).")
  String to;

  @Option(
      names = "--assume-before",
      paramLabel = "ID=VALUE",
      description = "An assumption value at the first point only.")
  List<String> assumeBefore = List.of();

  @Option(
      names = "--assume-after",
      paramLabel = "ID=VALUE",
      description = "An assumption value at the second point only.")
  List<String> assumeAfter = List.of();

  @Option(
      names = "--policies-before",
      paramLabel = "DIR",
      description =
          "The packs at the first point, e.g. a copy from before an edit (default: --policies).")
  Path policiesBefore;

  @Option(
      names = "--format",
      paramLabel = "text|json|csv",
      description = "Output format (default: text).")
  String format = "text";

  @Option(
      names = "--lang",
      paramLabel = "nl|en",
      description = "Language of the text (default: en).")
  String lang = "en";

  @Option(
      names = "--facts-as-of",
      paramLabel = "TIME",
      description =
          "With --store: the facts of every case as they were recorded at TIME (from the cases'"
              + " history) instead of as they are: an instant with its offset"
              + " (2023-06-20T12:00:00+02:00) or a date (2023-06-20: the end of that day in the"
              + " Netherlands). Cases created after TIME are left out and counted.")
  String factsAsOf;

  @Option(
      names = "--changed",
      paramLabel = "FILE",
      description =
          "Write every changed finding to FILE as JSON Lines; the file appears whole or not at all.")
  Path changed;

  @Override
  public Integer call() {
    var err = spec.commandLine().getErr();
    try {
      return run();
    } catch (UsageError e) {
      err.println("asylex: " + e.getMessage());
      return Main.INVALID;
    } catch (Refused e) {
      if (e.refusal() instanceof Refusal.InvalidValue v && v.field().equals(FactsAsOf.FIELD)) {
        err.println("asylex: --facts-as-of: " + Terminal.safe(v.problem()));
        return Main.INVALID;
      }
      err.println("asylex: " + Terminal.safe(e.getMessage()));
      return Main.INVALID;
    } catch (StoreException e) {
      err.println("asylex: " + e.getMessage());
      return Main.STORE_FAILED;
    } catch (InterruptedException e) {
      err.println("asylex: impact: interrupted; nothing written");
      return INTERRUPTED;
    } catch (IOException e) {
      err.println("asylex: cannot read the cases: " + Terminal.safe(e.getMessage()));
      return Main.INVALID;
    }
  }

  private int run() throws IOException, InterruptedException {
    if (!List.of("text", "json", "csv").contains(format)) {
      throw new UsageError("--format takes text, json or csv, not '" + Terminal.safe(format) + "'");
    }
    var language = AssessCommand.language(lang);
    if (factsAsOf != null && !source.store) {
      throw new UsageError("--facts-as-of goes with --store: a file holds no history of its cases");
    }
    Optional<Instant> factsTime = CaseAssessCommand.factsTime(factsAsOf);
    LocalDate d1 = date("--from", from);
    LocalDate d2 = to == null ? d1 : date("--to", to);
    PolicyCatalog after = packs.catalog();
    PolicyCatalog before =
        policiesBefore == null ? after : PolicyCatalog.of(policiesBefore, packs.settings());
    requireUsable(before, "--policies-before");
    requireUsable(after, "--policies");
    var first = new ImpactPoint(before, d1, assignments("--assume-before", assumeBefore));
    var second = new ImpactPoint(after, d2, assignments("--assume-after", assumeAfter));
    String sourceName =
        source.store ? "store" : source.cases.equals("-") ? "<stdin>" : Terminal.safe(source.cases);
    ImpactReport report;
    try (ChangedFile file = changed == null ? null : new ChangedFile(changed)) {
      var listener = new Report(sourceName, file);
      if (source.store) {
        String actor = storeOptions.actor();
        try (Application app =
            Application.open(storeOptions.config(), after, today(), new ApiTokens())) {
          report =
              factsTime.isPresent()
                  ? app.impact().compareStored(actor, factsTime.get(), first, second, listener)
                  : app.impact().compareStored(actor, first, second, listener);
        }
      } else {
        try (InputStream in = open(source.cases)) {
          report = new Impact().compare(in, first, second, listener);
        }
      }
      listener.done();
      if (file != null) {
        file.commit();
      }
    }
    var out = spec.commandLine().getOut();
    switch (format) {
      case "json" -> out.println(Json.pretty(ImpactJson.report(report)));
      case "csv" -> ImpactText.csv(out, report);
      default -> new ImpactText(out, language).print(report);
    }
    return report.rejected() == 0 ? 0 : Main.INVALID;
  }

  private static void requireUsable(PolicyCatalog catalog, String option) {
    try {
      catalog.requireAllUsable();
    } catch (PolicyCatalog.InvalidPacks e) {
      throw new UsageError(option + ": " + Terminal.safe(e.getMessage()));
    }
  }

  private static Map<String, String> assignments(String option, List<String> given) {
    var map = new java.util.TreeMap<String, String>();
    for (String a : given) {
      int eq = a.indexOf('=');
      if (eq <= 0) {
        throw new UsageError(option + " takes ID=VALUE, not '" + Terminal.safe(a) + "'");
      }
      map.put(a.substring(0, eq), a.substring(eq + 1));
    }
    return map;
  }

  private static LocalDate date(String option, String value) {
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new UsageError(option + " takes a date YYYY-MM-DD, not '" + Terminal.safe(value) + "'");
    }
  }

  private org.asylex.app.Today today() {
    return ((Main) spec.root().userObject()).today();
  }

  private InputStream open(String file) {
    return file.equals("-")
        ? ((Main) spec.root().userObject()).stdin()
        : CaseImportCommand.open(file);
  }

  /** Rejected lines to standard error, changed findings to the file, progress to a terminal. */
  private final class Report implements Impact.Listener {
    private final String source;
    private final ChangedFile file;
    // a progress bar only on a terminal: never in a pipe, a file or a test
    private final PrintStream progress = System.console() != null ? System.err : null;
    private long shown;

    Report(String source, ChangedFile file) {
      this.source = source;
      this.file = file;
    }

    @Override
    public void rejected(long line, Optional<String> caseId, int column, List<String> problems) {
      String where =
          caseId.map(id -> source + ": case " + Terminal.safe(id)).orElse(source + ":" + line)
              + (column > 0 ? ":" + column : "");
      Listing.print(
          spec.commandLine().getErr(),
          problems,
          p -> where + ": " + Terminal.safe(p),
          where + ": ");
    }

    @Override
    public void changed(ChangedFinding finding) {
      if (file != null) {
        file.line(ImpactJson.changedLine(finding));
      }
    }

    @Override
    public void progress(long read) {
      if (progress != null && read - shown >= 50_000) {
        shown = read;
        progress.print("\r" + source + ": " + String.format("%,d", read) + " cases read");
        progress.flush();
      }
    }

    void done() {
      if (progress != null && shown > 0) {
        progress.print("\r\033[K");
        progress.flush();
      }
    }
  }
}
