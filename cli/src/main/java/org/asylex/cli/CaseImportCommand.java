package org.asylex.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.asylex.app.Application;
import org.asylex.app.cases.CaseImport;
import org.asylex.store.ImportResult;
import org.asylex.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code asylex case import FILE.jsonl}: one case per line, each checked on its own and stored in
 * batches. A line that is not a valid case is reported with its line number and field, and nothing
 * of it is stored; the other lines go in. Importing is idempotent by id.
 */
@Command(
    name = "import",
    description = {
      "Import cases from JSON Lines: one case per line, {\"id\": \"…\", \"reference\": \"…\","
          + " \"facts\": {…}} (reference optional), the format 'case export' writes.",
      "Each line is checked on its own against the pack of its country (facts valid as of today);"
          + " a bad line is reported as FILE:LINE: /field: problem and nothing of it is stored, the"
          + " rest goes in. An id that is already stored is left as it is: unchanged when the facts"
          + " are the same, 'exists' when they differ. At most 20 problems are printed for one"
          + " line, then how many more. Exit 0 when no line was rejected, 2 otherwise."
    },
    mixinStandardHelpOptions = true)
final class CaseImportCommand extends PackStoreCommand {
  /** Exists-notes beyond this many are counted, not listed. */
  private static final int MAX_EXISTS_NOTES = 20;

  @Parameters(paramLabel = "FILE|-", description = "The cases, JSON Lines; - for standard input.")
  String file;

  @Option(
      names = "--batch",
      paramLabel = "N",
      description = "Cases per transaction (default: ${DEFAULT-VALUE}).",
      defaultValue = "500")
  int batch;

  @Override
  int run(Application app, String actor) {
    if (batch < 1 || batch > 10_000) {
      throw new UsageError("--batch takes a number from 1 to 10000, not " + batch);
    }
    boolean stdin = file.equals("-");
    String source = stdin ? "<stdin>" : Terminal.safe(file);
    var listener = new Report(source);
    CaseImport.Summary summary;
    try (InputStream in = stdin ? stdin() : open(file)) {
      summary = app.caseImport().run(in, batch, actor, listener);
    } catch (CaseImport.ImportStopped e) {
      summary(source, e.summary(), listener, true);
      if (e.getCause() instanceof StoreException failed) {
        throw failed;
      }
      err().println("asylex: " + source + ": " + e.getMessage());
      return Main.INVALID;
    } catch (IOException e) {
      throw new UsageError("cannot read " + source + ": " + e.getMessage());
    }
    summary(source, summary, listener, false);
    return summary.rejected() == 0 ? 0 : Main.INVALID;
  }

  /** Prints rejected lines and the first exists-notes as the import goes. */
  private final class Report implements CaseImport.Listener {
    private final String source;
    private long existsNoted;

    Report(String source) {
      this.source = source;
    }

    @Override
    public void rejected(long line, int column, List<String> problems) {
      String where = source + ":" + line + (column > 0 ? ":" + column : "");
      Listing.print(err(), problems, p -> where + ": " + Terminal.safe(p), where + ": ");
    }

    @Override
    public void exists(long line, String caseId) {
      if (++existsNoted <= MAX_EXISTS_NOTES) {
        err()
            .println(
                source
                    + ":"
                    + line
                    + ": case '"
                    + Terminal.safe(caseId)
                    + "' is already stored with other facts or another reference; it was not"
                    + " overwritten");
      }
    }
  }

  private void summary(String source, CaseImport.Summary s, Report report, boolean stopped) {
    long exists = s.count(ImportResult.EXISTS);
    if (report.existsNoted > MAX_EXISTS_NOTES) {
      err()
          .println(
              source
                  + ": and "
                  + (report.existsNoted - MAX_EXISTS_NOTES)
                  + " more cases already stored with other facts or another reference");
    }
    out()
        .println(
            source
                + ": "
                + s.lines()
                + (s.lines() == 1 ? " line" : " lines")
                + (stopped ? " read when it stopped" : "")
                + ": created "
                + s.count(ImportResult.CREATED)
                + ", unchanged "
                + s.count(ImportResult.UNCHANGED)
                + ", exists "
                + exists
                + (exists > 0 ? " (stored with other facts; not overwritten)" : "")
                + ", rejected "
                + s.rejected());
  }

  private InputStream stdin() {
    return ((Main) spec.root().userObject()).stdin();
  }

  /** A file of cases opened for reading, or a usage error that names it and why not. */
  static InputStream open(String file) {
    Path path = Path.of(file);
    if (Files.isDirectory(path)) {
      throw new UsageError(
          "cannot read " + Terminal.safe(file) + ": it is a directory, not a file of cases");
    }
    try {
      return Files.newInputStream(path);
    } catch (NoSuchFileException e) {
      throw new UsageError("cannot read " + Terminal.safe(file) + ": no such file");
    } catch (AccessDeniedException e) {
      throw new UsageError("cannot read " + Terminal.safe(file) + ": permission denied");
    } catch (IOException e) {
      throw new UsageError("cannot read " + Terminal.safe(file) + ": " + e.getMessage());
    }
  }
}
