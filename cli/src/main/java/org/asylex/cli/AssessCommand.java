package org.asylex.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.asylex.app.Refusal;
import org.asylex.app.Refused;
import org.asylex.app.policy.Assessing;
import org.asylex.app.policy.PolicyCatalog;
import org.asylex.engine.assessment.InputError;
import org.asylex.engine.text.Language;
import org.asylex.json.AssessmentJson;
import org.asylex.json.CaseJson;
import org.asylex.json.JsonInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code asylex assess FILE}: the policy findings for one case on one date. The case is a JSON
 * object of established facts; its {@code countryOfOrigin} selects the pack. This adapter reads the
 * clock (for the default date) and the file; the engine does neither.
 */
@Command(
    name = "assess",
    description = {
      "Assess a case: which policy elements apply on a date, why, under which rule version, with"
          + " the sentences of the source, the facts used and missing, the assumptions, and the"
          + " next questions to ask.",
      "FILE is a JSON object of facts, e.g. {\"countryOfOrigin\": \"XX\", ...}; '-' reads it from"
          + " standard input (UTF-8, at most 1 MiB). Exit 0 when assessed, 2 for invalid input"
          + " (at most 20 problems are printed, then how many more) or an invalid pack.",
      "The findings support a decision; they are never the decision."
    },
    mixinStandardHelpOptions = true)
final class AssessCommand extends PolicyCommand.PackCommand {
  @Parameters(
      paramLabel = "FILE|-",
      description = "The case: a JSON file of facts, or - for standard input.")
  String file;

  @Option(
      names = "--as-of",
      paramLabel = "DATE",
      description = "The assessment date, YYYY-MM-DD (default: today in the Netherlands).")
  String asOf;

  @Option(
      names = "--format",
      paramLabel = "text|json",
      description =
          "Output: text for a person (default) or json (the same structure as the API; input"
              + " errors then also go to standard output as {\"errors\": [...]}).")
  String format = "text";

  @Option(names = "--lang", paramLabel = "nl|en", description = "Language of texts (default: en).")
  String lang = "en";

  @Option(
      names = "--explain",
      description = "Show how each rule evaluated: every sub-condition with its value.")
  boolean explain;

  @Override
  int run() {
    Language language = language(lang);
    boolean json = json(format);
    LocalDate date = asOf == null ? today().date() : parseDate("--as-of", asOf);
    boolean stdin = file.equals("-");
    String source = stdin ? "<stdin>" : file;

    Map<String, Object> raw;
    try {
      raw = stdin ? CaseJson.read(stdin(), source) : CaseJson.read(open(file), source);
    } catch (JsonInputException e) {
      err().println(e.getMessage());
      if (json) {
        out().println(AssessmentJson.errors(List.of(e.toInputError())));
      }
      return Main.INVALID;
    }
    PolicyCatalog catalog = packs.catalog();
    Assessing.Assessed assessed;
    try {
      assessed = new Assessing(catalog).assess(raw, date, Map.of(), explain, "");
    } catch (Refused e) {
      if (e.refusal() instanceof Refusal.InvalidFacts invalid) {
        return inputErrors(catalog, source, invalid.errors(), json);
      }
      throw e;
    }
    if (json) {
      out().println(AssessmentJson.write(assessed.assessment(), assessed.pack(), language));
    } else {
      new AssessmentText(out(), language)
          .print(assessed.assessment(), assessed.pack(), source, explain);
    }
    return 0;
  }

  private InputStream stdin() {
    return ((Main) spec.root().userObject()).stdin();
  }

  private static InputStream open(String file) {
    Path path = Path.of(file);
    if (Files.isDirectory(path)) {
      throw new UsageError("cannot read " + file + ": it is a directory, not a case file");
    }
    try {
      return Files.newInputStream(path);
    } catch (NoSuchFileException e) {
      throw new UsageError("cannot read " + file + ": no such file");
    } catch (AccessDeniedException e) {
      throw new UsageError("cannot read " + file + ": permission denied");
    } catch (IOException e) {
      throw new UsageError("cannot read " + file + ": " + e.getMessage());
    }
  }

  private int inputErrors(
      PolicyCatalog catalog, String source, List<InputError> errors, boolean json) {
    if (errors.stream().anyMatch(e -> e.kind() == InputError.Kind.INVALID_PACK)) {
      catalog.problems().forEach(p -> err().println(Terminal.safe(p)));
    }
    Listing.print(err(), errors, e -> source + ": " + Terminal.safe(e.toString()), source + ": ");
    err()
        .println(
            "asylex: "
                + errors.size()
                + (errors.size() == 1 ? " error" : " errors")
                + " in the case; nothing was assessed");
    if (json) {
      out().println(AssessmentJson.errors(errors));
    }
    return Main.INVALID;
  }

  /** Parses a date option; an impossible date is a usage error, never a stack trace. */
  static LocalDate parseDate(String option, String text) {
    if (!text.matches("\\d{4}-\\d{2}-\\d{2}")) {
      throw new UsageError(option + " takes a date written YYYY-MM-DD, not '" + text + "'");
    }
    try {
      return LocalDate.parse(text);
    } catch (DateTimeException e) {
      throw new UsageError(option + " " + text + " is not a date that exists");
    }
  }

  /** Reads --lang. */
  static Language language(String lang) {
    return Language.fromCode(lang)
        .orElseThrow(() -> new UsageError("--lang takes nl or en, not '" + lang + "'"));
  }

  /** Reads --format: whether it is json. */
  static boolean json(String format) {
    return switch (format) {
      case "json" -> true;
      case "text" -> false;
      default -> throw new UsageError("--format takes text or json, not '" + format + "'");
    };
  }
}
