package org.asylex.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.asylex.engine.policy.AssumptionValues;
import org.asylex.engine.policy.PolicyDiff;
import org.asylex.engine.policy.PolicyPack;
import org.asylex.engine.text.Language;
import org.asylex.packs.LoadResult;
import org.asylex.packs.PackLoader;
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

  /** Shared by the sub-commands: load a pack by id or directory, or fail with exit code 2. */
  abstract static class PackCommand implements Callable<Integer> {
    @Spec CommandLine.Model.CommandSpec spec;
    @Mixin PackOptions packs;

    PrintWriter out() {
      return spec.commandLine().getOut();
    }

    PrintWriter err() {
      return spec.commandLine().getErr();
    }

    Path locate(String idOrDir) {
      Path asDir = Path.of(idOrDir);
      boolean pathLike = idOrDir.contains("/") || idOrDir.contains("\\");
      if (Files.isDirectory(asDir)
          && (pathLike || Files.isRegularFile(asDir.resolve("pack.yaml")))) {
        return asDir;
      }
      // a path that exists or looks like one is never a pack id
      if (Files.exists(asDir) && !Files.isDirectory(asDir)) {
        throw new UsageError(
            idOrDir + " is not a directory: a pack is a directory holding pack.yaml");
      }
      if (pathLike) {
        throw new UsageError("no such directory: " + idOrDir);
      }
      var directory = packs.directory();
      return directory
          .find(idOrDir)
          .orElseThrow(
              () ->
                  new UsageError(
                      "no policy pack '"
                          + idOrDir
                          + "' in "
                          + directory.root()
                          + (directory.ids().isEmpty()
                              ? ""
                              : " (packs there: " + String.join(", ", directory.ids()) + ")")));
    }

    /** Loads a pack; prints its errors and returns null when it is invalid. */
    PolicyPack load(Path dir) {
      return loaded(dir, PackLoader.load(dir));
    }

    /** The pack of a load result; prints its errors and returns null when it is invalid. */
    PolicyPack loaded(Path dir, LoadResult result) {
      if (result.pack().isEmpty()) {
        var printer = new DiagnosticPrinter(err());
        result.errors().forEach(printer::print);
        err()
            .println(
                dir
                    + ": invalid pack ("
                    + result.errors().size()
                    + " errors); run 'asylex policy validate "
                    + dir
                    + "'");
        return null;
      }
      return result.pack().get();
    }

    AssumptionValues values(PolicyPack pack) {
      try {
        return AssumptionValues.withOverrides(pack, packs.overrides(pack.id()));
      } catch (AssumptionValues.InvalidOverrides e) {
        throw new UsageError(String.join("\nasylex: ", e.problems()));
      }
    }

    @Override
    public Integer call() {
      try {
        return run();
      } catch (UsageError e) {
        err().println("asylex: " + e.getMessage());
        return Main.INVALID;
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
      List<Path> dirs = new ArrayList<>();
      if (target == null) {
        dirs.addAll(packs.directory().packs());
        if (dirs.isEmpty()) {
          throw new UsageError("no policy packs in " + packs.directory().root());
        }
      } else {
        dirs.add(locate(target));
      }
      var printer = new DiagnosticPrinter(out());
      int invalid = 0;
      for (Path dir : dirs) {
        LoadResult result = PackLoader.load(dir);
        result.diagnostics().forEach(printer::print);
        if (result.pack().isPresent()) {
          PolicyPack p = result.pack().get();
          long quotes = Summary.quoteCount(p);
          out()
              .printf(
                  "%s: valid: pack %s version %s, %d elements, %d rules, %d assumptions, %d source quotes verified, %d warnings, %s%n",
                  dir,
                  p.id(),
                  p.version(),
                  p.elements().size(),
                  p.rules().size(),
                  p.assumptions().size(),
                  quotes,
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
      Language language =
          Language.fromCode(lang)
              .orElseThrow(() -> new UsageError("--lang takes nl or en, not '" + lang + "'"));
      Path dir;
      if (id == null) {
        List<Path> all = packs.directory().packs();
        if (all.size() != 1) {
          throw new UsageError("name a pack: " + String.join(", ", packs.directory().ids()));
        }
        dir = all.get(0);
      } else {
        dir = locate(id);
      }
      PolicyPack pack = load(dir);
      if (pack == null) {
        return Main.INVALID;
      }
      new Summary(out(), language).show(pack, values(pack));
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
      Language language =
          Language.fromCode(lang)
              .orElseThrow(() -> new UsageError("--lang takes nl or en, not '" + lang + "'"));
      PolicyPack pack = load(locate(id));
      if (pack == null) {
        return Main.INVALID;
      }
      new Summary(out(), language).timeline(pack, values(pack));
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
      Language language =
          Language.fromCode(lang)
              .orElseThrow(() -> new UsageError("--lang takes nl or en, not '" + lang + "'"));
      var fromDate = AssessCommand.parseDate("--from", from);
      var toDate = AssessCommand.parseDate("--to", to);
      PolicyPack pack = load(locate(id));
      if (pack == null) {
        return Main.INVALID;
      }
      AssumptionValues values = values(pack);
      new Summary(out(), language)
          .diff(pack, values, PolicyDiff.of(pack, values, fromDate, toDate));
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
      Path dir = locate(id);
      PolicyPack pack = load(dir);
      if (pack == null) {
        return Main.INVALID;
      }
      var runner = new org.asylex.packs.ScenarioRunner(pack);
      var diagnostics = new org.asylex.engine.diagnostic.Diagnostics();
      int passed = 0;
      int failed = 0;
      for (Path file : org.asylex.packs.ScenarioFiles.of(dir)) {
        var scenarios = org.asylex.packs.ScenarioFiles.read(file, diagnostics);
        for (var scenario : scenarios.scenarios()) {
          var result = runner.run(scenario);
          if (result.passed()) {
            passed++;
            if (verbose) {
              out().println("ok    " + scenario.origin() + ": " + scenario.name());
            }
          } else {
            failed++;
            out().println("FAIL  " + result.report());
          }
        }
      }
      var printer = new DiagnosticPrinter(err());
      diagnostics.sorted().forEach(printer::print);
      out().println(passed + " passed, " + failed + " failed");
      if (diagnostics.hasErrors()) {
        return Main.INVALID;
      }
      return failed == 0 ? 0 : 1;
    }
  }
}
