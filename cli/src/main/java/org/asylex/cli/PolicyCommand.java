package org.asylex.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.asylex.app.Refusal;
import org.asylex.app.Refused;
import org.asylex.app.Today;
import org.asylex.app.policy.PolicyCatalog;
import org.asylex.app.policy.PolicyQueries;
import org.asylex.engine.policy.PolicyPack;
import org.asylex.engine.text.Language;
import org.asylex.packs.LoadResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code asylex policy ...}: validate, show and trace policy packs. */
@Command(
    name = "policy",
    description = "Validate, show and trace policy packs.",
    mixinStandardHelpOptions = true,
    subcommands = {
      PolicyCommand.Validate.class,
      PolicyCommand.Show.class,
      PolicyCommand.Timeline.class,
      PolicyCommand.Diff.class,
      PolicyCommand.Test.class
    })
final class PolicyCommand {

  /** Shared by the sub-commands: the packs and their queries; failures exit with code 2. */
  abstract static class PackCommand implements Callable<Integer> {
    @Spec CommandLine.Model.CommandSpec spec;
    @Mixin PackOptions packs;

    PrintWriter out() {
      return spec.commandLine().getOut();
    }

    PrintWriter err() {
      return spec.commandLine().getErr();
    }

    Today today() {
      return ((Main) spec.root().userObject()).today();
    }

    PolicyQueries queries() {
      return new PolicyQueries(packs.catalog());
    }

    @Override
    public Integer call() {
      try {
        return run();
      } catch (UsageError e) {
        err().println("asylex: " + e.getMessage());
        return Main.INVALID;
      } catch (PolicyQueries.InvalidPack e) {
        var printer = new DiagnosticPrinter(err());
        e.result().errors().forEach(printer::print);
        err().println(e.getMessage());
        return Main.INVALID;
      } catch (Refused e) {
        refused(e.refusal());
        return Main.INVALID;
      }
    }

    private void refused(Refusal r) {
      if (r instanceof Refusal.InvalidAssumptions a) {
        a.problems().forEach(p -> err().println("asylex: " + Terminal.safe(p.message())));
      } else if (r instanceof Refusal.PackUnusable u) {
        u.problems().forEach(p -> err().println(Terminal.safe(p)));
        err().println("asylex: " + r.message());
      } else {
        err().println("asylex: " + Terminal.safe(r.message()));
      }
    }

    abstract int run();
  }

  /** {@code asylex policy validate [DIR]}. */
  @Command(
      name = "validate",
      description =
          "Check packs; list every error with file:line:col. Exit 0 when valid, 2 otherwise.",
      mixinStandardHelpOptions = true)
  static final class Validate extends PackCommand {
    @Parameters(
        arity = "0..1",
        paramLabel = "DIR",
        description =
            "A pack directory or pack id (default: every pack in the policies directory).")
    String target;

    @Override
    int run() {
      PolicyQueries queries = queries();
      List<Path> dirs = new ArrayList<>();
      if (target == null) {
        dirs.addAll(queries.directories());
        if (dirs.isEmpty()) {
          throw new UsageError("no policy packs in " + packs.root());
        }
      } else {
        dirs.add(queries.locate(target));
      }
      var printer = new DiagnosticPrinter(out());
      int invalid = 0;
      for (Path dir : dirs) {
        LoadResult result = PolicyCatalog.validate(dir);
        result.diagnostics().forEach(printer::print);
        if (result.pack().isPresent()) {
          PolicyPack p = result.pack().get();
          out()
              .printf(
                  "%s: valid: pack %s version %s, %d elements, %d rules, %d assumptions, %d source quotes verified, %d warnings, %s%n",
                  dir,
                  p.id(),
                  p.version(),
                  p.elements().size(),
                  p.rules().size(),
                  p.assumptions().size(),
                  Summary.quoteCount(p),
                  result.warnings().size(),
                  p.contentHash());
        } else {
          invalid++;
          out()
              .printf(
                  "%s: invalid: %d errors, %d warnings%n",
                  dir, result.errors().size(), result.warnings().size());
        }
      }
      return invalid == 0 ? 0 : Main.INVALID;
    }
  }

  /** {@code asylex policy show [ID]}. */
  @Command(
      name = "show",
      description =
          "A readable summary of a pack: elements, rules, validity, sources, assumptions.",
      mixinStandardHelpOptions = true)
  static final class Show extends PackCommand {
    @Parameters(
        arity = "0..1",
        paramLabel = "ID",
        description = "Pack id or directory (default: the only pack, if there is one).")
    String id;

    @Option(
        names = "--lang",
        paramLabel = "nl|en",
        description = "Language of texts (default: en).")
    String lang = "en";

    @Override
    int run() {
      Language language = AssessCommand.language(lang);
      PolicyQueries queries = queries();
      Path dir;
      if (id == null) {
        List<Path> all = queries.directories();
        if (all.size() != 1) {
          throw new UsageError(
              "name a pack: "
                  + String.join(", ", all.stream().map(d -> d.getFileName().toString()).toList()));
        }
        dir = all.get(0);
      } else {
        dir = queries.locate(id);
      }
      PolicyQueries.PackView view = queries.packIn(dir);
      new Summary(out(), language).show(view.pack(), view.values());
      return 0;
    }
  }

  /** {@code asylex policy timeline ID}. */
  @Command(
      name = "timeline",
      description =
          "Every date on which the policy changes and what changes; dates that rest on an assumption are marked.",
      mixinStandardHelpOptions = true)
  static final class Timeline extends PackCommand {
    @Parameters(paramLabel = "ID", description = "Pack id or directory.")
    String id;

    @Option(
        names = "--lang",
        paramLabel = "nl|en",
        description = "Language of texts (default: en).")
    String lang = "en";

    @Override
    int run() {
      Language language = AssessCommand.language(lang);
      PolicyQueries queries = queries();
      new Summary(out(), language).timeline(queries.timeline(queries.packByIdOrDirectory(id)));
      return 0;
    }
  }

  /** {@code asylex policy diff ID --from D1 --to D2}. */
  @Command(
      name = "diff",
      description =
          "What differs in the policy between two dates: rules in force on one date only, rules"
              + " whose version changed (both wordings and quotes), boundaries crossed that rest"
              + " on an assumption, and the milestones between.",
      mixinStandardHelpOptions = true)
  static final class Diff extends PackCommand {
    @Parameters(paramLabel = "ID", description = "Pack id or directory.")
    String id;

    @Option(names = "--from", required = true, paramLabel = "DATE", description = "YYYY-MM-DD.")
    String from;

    @Option(names = "--to", required = true, paramLabel = "DATE", description = "YYYY-MM-DD.")
    String to;

    @Option(
        names = "--lang",
        paramLabel = "nl|en",
        description = "Language of texts (default: en).")
    String lang = "en";

    @Override
    int run() {
      Language language = AssessCommand.language(lang);
      var fromDate = AssessCommand.parseDate("--from", from);
      var toDate = AssessCommand.parseDate("--to", to);
      PolicyQueries queries = queries();
      PolicyQueries.DiffView view = queries.diff(queries.packByIdOrDirectory(id), fromDate, toDate);
      new Summary(out(), language).diff(view.pack(), view.values(), view.diff());
      return 0;
    }
  }

  /** {@code asylex policy test ID}: runs the pack's scenarios. */
  @Command(
      name = "test",
      description =
          "Run the pack's scenarios (scenarios/*.yaml): each expected finding is checked. Exit 0"
              + " when all pass, 1 when one fails, 2 when a scenario file is invalid.",
      mixinStandardHelpOptions = true)
  static final class Test extends PackCommand {
    @Parameters(paramLabel = "ID", description = "Pack id or directory.")
    String id;

    @Option(names = "--verbose", description = "List every scenario, not only the failing ones.")
    boolean verbose;

    @Override
    int run() {
      PolicyQueries.ScenarioResults results = queries().scenarios(queries().locate(id));
      for (var result : results.results()) {
        if (result.passed()) {
          if (verbose) {
            out().println("ok    " + result.scenario().origin() + ": " + result.scenario().name());
          }
        } else {
          out().println("FAIL  " + result.report());
        }
      }
      var printer = new DiagnosticPrinter(err());
      results.problems().forEach(printer::print);
      long passed = results.passed();
      long failed = results.results().size() - passed;
      out().println(passed + " passed, " + failed + " failed");
      if (results.problems().stream().anyMatch(d -> d.isError())) {
        return Main.INVALID;
      }
      return failed == 0 ? 0 : 1;
    }
  }
}
