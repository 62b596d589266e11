package org.asylex.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.asylex.app.Application;
import org.asylex.app.Refusal;
import org.asylex.app.Refused;
import org.asylex.app.cases.CaseFiles;
import org.asylex.app.impact.Deadlines;
import org.asylex.engine.assessment.InputError;
import org.asylex.engine.policy.PolicyPack;
import org.asylex.engine.text.Language;
import org.asylex.json.DiffText;
import org.asylex.store.CaseFilter;
import org.asylex.store.CaseRecord;
import org.asylex.store.StoredAssessment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code asylex case ...}: the case store. */
@Command(
    name = "case",
    description = {
      "Cases in the case store: import, list, show, change, assess and export them; every read and"
          + " change is recorded in the audit trail (asylex audit verify).",
      "The store is the data directory --data DIR ($ASYLEX_DATA; default $HOME/.asylex/data, or"
          + " ./.asylex-data when HOME is not set) or the database --db URL ($ASYLEX_DB).",
      "Exit codes: 0 done, 1 reproduce found differences (check-ids: ids that break the rule), 2"
          + " bad input, unknown case or version conflict, 3 the store cannot be reached or"
          + " failed."
    },
    mixinStandardHelpOptions = true,
    subcommands = {
      CaseImportCommand.class,
      CaseCommand.ListCases.class,
      CaseCommand.Show.class,
      CaseCommand.Set.class,
      CaseAssessCommand.class,
      CaseCommand.Assessments.class,
      CaseReproduceCommand.class,
      CaseHistoryCommand.class,
      CaseCommand.Export.class,
      CaseCheckIdsCommand.class
    })
final class CaseCommand {

  /** {@code asylex case list}. */
  @Command(
      name = "list",
      description = "List cases by id: id, reference, version and when last changed (never facts).",
      mixinStandardHelpOptions = true)
  static final class ListCases extends PackStoreCommand {
    @Option(
        names = "--filter",
        paramLabel = "FACT=VALUE",
        description =
            "Only cases where the fact has this value, read as the fact's type in the packs (a"
                + " boolean as true or false, a value or code as it is, a date as YYYY-MM-DD);"
                + " FACT= selects cases where it is not set. Repeatable. 'lapses-within=N'"
                + " instead lists the cases whose moratorium, or any finding that depends on a"
                + " rule's validity boundary, changes within N days of today, with that date.")
    List<String> filters = List.of();

    @Option(
        names = "--offset",
        paramLabel = "N",
        description = "Skip the first N cases (default: 0).")
    int offset;

    @Option(
        names = "--limit",
        paramLabel = "N",
        description = "Show at most N cases (default: ${DEFAULT-VALUE}).",
        defaultValue = "100")
    int limit;

    @Override
    int run(Application app, String actor) {
      if (offset < 0 || limit < 0) {
        throw new UsageError("--offset and --limit take numbers of 0 or more");
      }
      var facts = new java.util.ArrayList<String>();
      Integer lapsesWithin = null;
      for (String f : filters) {
        if (f.startsWith(LAPSES_WITHIN + "=")) {
          lapsesWithin = days(f.substring(LAPSES_WITHIN.length() + 1));
        } else {
          facts.add(f);
        }
      }
      if (lapsesWithin != null) {
        Deadlines.Page page =
            app.deadlines().within(lapsesWithin, filter(app, facts), offset, limit, actor);
        new DeadlineText(out()).print(page);
        return 0;
      }
      CaseFiles.Page page = app.cases().list(filter(app, facts), offset, limit, actor);
      long total = page.total();
      List<CaseRecord> cases = page.items();
      if (!cases.isEmpty()) {
        int idWidth = Math.max(2, cases.stream().mapToInt(c -> c.id().length()).max().orElse(2));
        int refWidth =
            Math.max(
                9,
                cases.stream().mapToInt(c -> c.reference().orElse("-").length()).max().orElse(9));
        String format = "%-" + idWidth + "s  %-" + refWidth + "s  %7s  %s%n";
        out().printf(format, "ID", "REFERENCE", "VERSION", "UPDATED");
        for (CaseRecord c : cases) {
          out()
              .printf(
                  format,
                  Terminal.safe(c.id()),
                  Terminal.safe(c.reference().orElse("-")),
                  c.version(),
                  time(c.updated()));
        }
      }
      String more =
          offset + cases.size() < total
              ? "; --offset " + (offset + cases.size()) + " for more"
              : "";
      out()
          .println(
              cases.isEmpty()
                  ? "no cases"
                      + (offset > 0 && total > 0 ? " from offset " + offset : "")
                      + " ("
                      + total
                      + " in all)"
                  : (cases.size() + " of " + total + (total == 1 ? " case" : " cases"))
                      + (offset > 0 ? " from offset " + offset : "")
                      + more);
      return 0;
    }
  }

  /** The --filter that lists coming changes instead of facts. */
  static final String LAPSES_WITHIN = "lapses-within";

  private static int days(String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new UsageError(
          "--filter lapses-within=N takes a number of days, not '" + Terminal.safe(text) + "'");
    }
  }

  /**
   * Reads --filter FACT=VALUE options: each value typed by its fact in the packs ({@code true} is
   * the boolean), an empty value selects cases where the fact is not set.
   */
  static CaseFilter filter(Application app, List<String> filters) {
    var given = new LinkedHashMap<String, String>();
    for (String f : filters) {
      int eq = f.indexOf('=');
      if (eq <= 0) {
        throw new UsageError("--filter takes FACT=VALUE, e.g. countryOfOrigin=NL");
      }
      String value = f.substring(eq + 1);
      given.put(f.substring(0, eq).strip(), value.equals("null") ? "" : value);
    }
    return app.cases().filter(given);
  }

  /** {@code asylex case show ID}. */
  @Command(
      name = "show",
      description = "Show a case: reference, version, times and every fact.",
      mixinStandardHelpOptions = true)
  static final class Show extends PackStoreCommand {
    @Parameters(paramLabel = "ID", description = "The case id.")
    String id;

    @Override
    int run(Application app, String actor) {
      CaseRecord c = app.cases().find(id, actor);
      Optional<PolicyPack> pack = app.policies().packFor(c.facts());
      out().println("Case " + Terminal.safe(c.id()));
      out().println("  reference: " + Terminal.safe(c.reference().orElse("(none)")));
      out().println("  version:   " + c.version());
      out().println("  created:   " + time(c.created()));
      out().println("  updated:   " + time(c.updated()));
      out().println("Facts (" + c.facts().size() + "):");
      int width = c.facts().keySet().stream().mapToInt(String::length).max().orElse(0);
      c.facts()
          .forEach(
              (name, value) ->
                  out()
                      .println(
                          "  "
                              + Terminal.safe(name)
                              + " ".repeat(width - name.length())
                              + " = "
                              + Terminal.safe(
                                  ValueLabels.fact(
                                      pack, name, value, FactValues.json(value), Language.EN))));
      return 0;
    }
  }

  /** {@code asylex case set ID FACT=VALUE...}. */
  @Command(
      name = "set",
      description = {
        "Change facts of a case: FACT=VALUE (JSON when it reads as JSON: true, 12, \"text\"; else"
            + " text); FACT= or FACT=null removes the fact. The facts are checked against the pack"
            + " before anything is stored; the change is recorded in the history.",
        "With --expect-version N the change is made only if the case is still at version N;"
            + " otherwise (someone else changed it) nothing is stored and the exit code is 2."
      },
      mixinStandardHelpOptions = true)
  static final class Set extends PackStoreCommand {
    @Parameters(index = "0", paramLabel = "ID", description = "The case id.")
    String id;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "FACT=VALUE", description = "Facts.")
    List<String> assignments;

    @Option(names = "--note", paramLabel = "TEXT", description = "Why, shown in the history.")
    String note;

    @Option(
        names = "--expect-version",
        paramLabel = "N",
        description = "Change the case only if it is at this version (as 'case show' printed).")
    Long expectVersion;

    @Override
    int run(Application app, String actor) {
      var changes = new LinkedHashMap<String, Object>();
      for (String a : assignments) {
        Map.Entry<String, Object> e = FactValues.assignment(a, "case set");
        if (changes.containsKey(e.getKey())) {
          throw new UsageError("fact '" + e.getKey() + "' is given twice");
        }
        changes.put(e.getKey(), e.getValue());
      }
      CaseFiles.Changed changed;
      try {
        changed =
            app.cases().change(id, Optional.ofNullable(expectVersion), changes, note, "", actor);
      } catch (Refused e) {
        if (e.refusal() instanceof Refusal.InvalidFacts invalid) {
          String where = "case " + Terminal.safe(id) + ": ";
          Listing.print(
              err(), invalid.errors(), error -> where + Terminal.safe(pointed(error)), where);
          err()
              .println(
                  "asylex: "
                      + invalid.errors().size()
                      + (invalid.errors().size() == 1 ? " error" : " errors")
                      + "; nothing was changed");
          return Main.INVALID;
        }
        throw e;
      }
      if (!changed.changed()) {
        out().println("case " + id + ": nothing changed; still at version " + changed.before());
      } else {
        out().println("case " + id + ": version " + changed.before() + " → " + changed.after());
      }
      return 0;
    }
  }

  /** An input error without the value given: {@code /pointer: message}. */
  static String pointed(InputError e) {
    return (e.pointer().isEmpty() ? "(the case)" : e.pointer()) + ": " + e.messageWithoutValue();
  }

  /** {@code asylex case assessments ID}. */
  @Command(
      name = "assessments",
      description = "List the stored assessments of a case, oldest first.",
      mixinStandardHelpOptions = true)
  static final class Assessments extends StoreCommand {
    @Parameters(paramLabel = "ID", description = "The case id.")
    String id;

    @Override
    int run(Application app, String actor) {
      List<StoredAssessment> list = app.assessments().forCase(id, actor);
      for (StoredAssessment a : list) {
        out()
            .println(
                a.id()
                    + "  case version "
                    + a.caseVersion()
                    + ", as of "
                    + a.asOf()
                    + a.factsAsOf().map(t -> ", facts as recorded at " + t).orElse("")
                    + ", pack "
                    + a.packId()
                    + " "
                    + a.packVersion()
                    + " "
                    + shortHash(a.contentHash())
                    + ", engine "
                    + a.engineVersion()
                    + ", by "
                    + a.actor()
                    + " at "
                    + time(a.at()));
      }
      out()
          .println(
              "case "
                  + id
                  + ": "
                  + list.size()
                  + (list.size() == 1 ? " stored assessment" : " stored assessments")
                  + (list.isEmpty() ? "" : "; 'asylex case reproduce ID' re-runs one"));
      return 0;
    }
  }

  /** {@code asylex case export [FILE|-]}. */
  @Command(
      name = "export",
      description = {
        "Write every case as JSON Lines, the format 'case import' reads: {\"id\", \"reference\"?,"
            + " \"facts\"}, ordered by id, from one consistent snapshot.",
        "A FILE is created readable by its owner only and never overwritten: the facts are"
            + " special-category personal data."
      },
      mixinStandardHelpOptions = true)
  static final class Export extends StoreCommand {
    @Parameters(
        arity = "0..1",
        paramLabel = "FILE|-",
        description = "Where to write (default: - for standard output).")
    String file = "-";

    @Override
    int run(Application app, String actor) {
      boolean stdout = file.equals("-");
      try (Writer writer = stdout ? null : create(Path.of(file))) {
        PrintWriter target = stdout ? out() : new PrintWriter(writer);
        long n =
            app.cases()
                .export(
                    actor,
                    c -> {
                      var line = new LinkedHashMap<String, Object>();
                      line.put("id", c.id());
                      c.reference().ifPresent(r -> line.put("reference", r));
                      line.put("facts", c.facts());
                      target.print(FactValues.json(line));
                      target.print('\n');
                    });
        target.flush();
        if (target.checkError()) {
          throw new UsageError("cannot write " + (stdout ? "to standard output" : file));
        }
        if (!stdout) {
          out().println("exported " + n + (n == 1 ? " case" : " cases") + " to " + file);
        }
      } catch (IOException e) {
        throw new UsageError("cannot write " + file + ": " + e.getMessage());
      } catch (UncheckedIOException e) {
        throw new UsageError("cannot write " + file + ": " + e.getCause().getMessage());
      }
      return 0;
    }

    private static Writer create(Path path) {
      try {
        var options =
            new StandardOpenOption[] {StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE};
        boolean posix =
            path.toAbsolutePath().getFileSystem().supportedFileAttributeViews().contains("posix");
        var channel =
            posix
                ? Files.newByteChannel(
                    path,
                    java.util.Set.of(options),
                    PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rw-------")))
                : Files.newByteChannel(path, java.util.Set.of(options));
        return new BufferedWriter(
            new OutputStreamWriter(
                java.nio.channels.Channels.newOutputStream(channel), StandardCharsets.UTF_8),
            1 << 16);
      } catch (FileAlreadyExistsException e) {
        throw new UsageError(
            "cannot write " + path + ": it exists; export never overwrites a file");
      } catch (IOException e) {
        throw new UsageError("cannot write " + path + ": " + e);
      }
    }
  }

  /** A stored time as people read it: UTC to the second. */
  static String time(Instant at) {
    return at.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
  }

  /** {@code sha256:0ee4d28cb2cc} from a full content hash. */
  static String shortHash(String hash) {
    return DiffText.shortHash(hash);
  }

  private CaseCommand() {}
}
