package org.asylex.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.asylex.engine.assessment.InputError;
import org.asylex.json.CaseJson;
import org.asylex.json.JsonInputException;
import org.asylex.store.CaseImport;
import org.asylex.store.ImportResult;
import org.asylex.store.Store;
import org.asylex.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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
          + " are the same, 'exists' when they differ. Exit 0 when no line was rejected, 2"
          + " otherwise."
    },
    mixinStandardHelpOptions = true)
final class CaseImportCommand extends StoreCommand {
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

  @Mixin PoliciesOption policies;

  private final Map<ImportResult, Long> counts = new EnumMap<>(ImportResult.class);
  private long rejected;
  private long existsNoted;

  @Override
  int run(Store store, String actor) {
    if (batch < 1 || batch > 10_000) {
      throw new UsageError("--batch takes a number from 1 to 10000, not " + batch);
    }
    boolean stdin = file.equals("-");
    String source = stdin ? "<stdin>" : file;
    var casePacks = new CasePacks(policies.packs(), err());
    LocalDate today = LocalDate.now(AssessCommand.DECISION_ZONE);
    var pending = new ArrayList<Line>(batch);
    long lines = 0;
    try (InputStream in = stdin ? stdin() : open(file)) {
      var reader = new LineReader(in);
      byte[] bytes;
      while ((bytes = reader.next()) != null) {
        lines++;
        Line line = parse(bytes, reader.tooLong(), source, lines, casePacks, today);
        if (line != null) {
          pending.add(line);
          if (pending.size() == batch) {
            store(store, pending, actor, source);
            pending.clear();
          }
        }
      }
    } catch (IOException e) {
      store(store, pending, actor, source);
      err().println("asylex: cannot read " + source + " after line " + lines + ": " + e);
      summary(source, lines, true);
      return Main.INVALID;
    } catch (UncheckedIOException e) {
      store(store, pending, actor, source);
      err().println("asylex: cannot read " + source + " after line " + lines + ": " + e.getCause());
      summary(source, lines, true);
      return Main.INVALID;
    } catch (StoreException e) {
      // What went in before stays in (each batch is committed or not at all); say how far it got.
      summary(source, lines, true);
      throw e;
    }
    try {
      store(store, pending, actor, source);
    } catch (StoreException e) {
      summary(source, lines, true);
      throw e;
    }
    summary(source, lines, false);
    return rejected == 0 ? 0 : Main.INVALID;
  }

  private void summary(String source, long lines, boolean stopped) {
    long exists = counts.getOrDefault(ImportResult.EXISTS, 0L);
    if (existsNoted > MAX_EXISTS_NOTES) {
      err()
          .println(
              source
                  + ": and "
                  + (existsNoted - MAX_EXISTS_NOTES)
                  + " more cases already stored with other facts or another reference");
    }
    out()
        .println(
            source
                + ": "
                + lines
                + (lines == 1 ? " line" : " lines")
                + (stopped ? " read when it stopped" : "")
                + ": created "
                + counts.getOrDefault(ImportResult.CREATED, 0L)
                + ", unchanged "
                + counts.getOrDefault(ImportResult.UNCHANGED, 0L)
                + ", exists "
                + exists
                + (exists > 0 ? " (stored with other facts; not overwritten)" : "")
                + ", rejected "
                + rejected);
  }

  /** One checked line waiting for its batch. */
  private record Line(long number, CaseImport value) {}

  /** Reads and checks one line; null (after reporting why) when it is rejected or blank. */
  private Line parse(
      byte[] bytes,
      boolean tooLong,
      String source,
      long number,
      CasePacks casePacks,
      LocalDate today) {
    if (tooLong) {
      reject(
          source,
          number,
          "the line is longer than "
              + (CaseJson.MAX_BYTES >> 10)
              + " KiB; a line is one case object");
      return null;
    }
    if (blank(bytes)) {
      return null;
    }
    Map<String, Object> doc;
    try {
      doc = CaseJson.read(new ByteArrayInputStream(bytes), source);
    } catch (JsonInputException e) {
      String where =
          source + ":" + number + (e.line() > 0 && e.column() > 0 ? ":" + e.column() : "");
      // The parser may quote an unquoted token, which can be a fact value: leave it out.
      err().println(where + ": " + e.problem().replaceAll("(?i)token '[^']*'", "token"));
      rejected++;
      return null;
    }
    var errors = new ArrayList<String>();
    for (String key : doc.keySet()) {
      if (!key.equals("id") && !key.equals("reference") && !key.equals("facts")) {
        errors.add(
            "/" + key + ": unknown key '" + key + "'; a line has id, reference and facts only");
      }
    }
    String id = text(doc.get("id"), "/id", "the case id", true, errors);
    String reference = text(doc.get("reference"), "/reference", "the reference", false, errors);
    Object facts = doc.get("facts");
    Map<String, Object> factMap = null;
    if (facts == null) {
      errors.add("/facts: the facts are missing: an object of facts {…}");
    } else if (!(facts instanceof Map)) {
      errors.add("/facts: the facts must be an object of facts {…}");
    } else {
      @SuppressWarnings("unchecked")
      Map<String, Object> map = (Map<String, Object>) facts;
      factMap = map;
      CasePacks.Checked checked = casePacks.check(map, today, "/facts");
      for (InputError e : checked.errors()) {
        errors.add(CasePacks.withoutValue(e, true));
      }
    }
    if (!errors.isEmpty()) {
      errors.forEach(e -> err().println(source + ":" + number + ": " + e));
      rejected++;
      return null;
    }
    return new Line(number, new CaseImport(id, reference, factMap));
  }

  /** An id or reference: text of at most 200 characters without control characters. */
  private static String text(
      Object value, String pointer, String what, boolean required, List<String> errors) {
    if (value == null) {
      if (required) {
        errors.add(pointer + ": " + what + " is missing");
      }
      return null;
    }
    if (!(value instanceof String s)) {
      errors.add(pointer + ": " + what + " must be text");
      return null;
    }
    if (s.isBlank()) {
      errors.add(pointer + ": " + what + " must not be empty");
    } else if (s.length() > 200) {
      errors.add(pointer + ": " + what + " is longer than 200 characters");
    } else if (s.chars().anyMatch(Character::isISOControl)) {
      errors.add(pointer + ": " + what + " must not contain control characters");
    } else {
      return s;
    }
    return null;
  }

  private void reject(String source, long number, String problem) {
    err().println(source + ":" + number + ": " + problem);
    rejected++;
  }

  /** Stores one batch in one transaction; a batch the store refuses is stored case by case. */
  private void store(Store store, List<Line> lines, String actor, String source) {
    if (lines.isEmpty()) {
      return;
    }
    List<ImportResult> results;
    try {
      results = store.cases().importCases(lines.stream().map(Line::value).toList(), actor);
    } catch (IllegalArgumentException e) {
      for (Line line : lines) {
        try {
          ImportResult r =
              store
                  .cases()
                  .importCase(
                      line.value().id(), line.value().reference(), line.value().facts(), actor);
          count(r, line, source);
        } catch (IllegalArgumentException one) {
          reject(source, line.number(), one.getMessage());
        }
      }
      return;
    }
    for (int i = 0; i < lines.size(); i++) {
      count(results.get(i), lines.get(i), source);
    }
  }

  private void count(ImportResult r, Line line, String source) {
    counts.merge(r, 1L, Long::sum);
    if (r == ImportResult.EXISTS && ++existsNoted <= MAX_EXISTS_NOTES) {
      err()
          .println(
              source
                  + ":"
                  + line.number()
                  + ": case '"
                  + line.value().id()
                  + "' is already stored with other facts or another reference; it was not overwritten");
    }
  }

  private static boolean blank(byte[] bytes) {
    for (byte b : bytes) {
      if (b != ' ' && b != '\t' && b != '\r') {
        return false;
      }
    }
    return true;
  }

  private InputStream stdin() {
    return ((Main) spec.root().userObject()).stdin();
  }

  private static InputStream open(String file) {
    Path path = Path.of(file);
    if (Files.isDirectory(path)) {
      throw new UsageError("cannot read " + file + ": it is a directory, not a file of cases");
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

  /** Splits a stream into lines of bytes at {@code \n}; a final {@code \r} is dropped. */
  static final class LineReader {
    private final InputStream in;
    private final byte[] buffer = new byte[1 << 16];
    private int pos;
    private int limit;
    private byte[] line = new byte[1024];
    private boolean tooLong;

    LineReader(InputStream in) {
      this.in = in;
    }

    /** The next line, or null at the end; a line over the limit comes back cut, see tooLong. */
    byte[] next() throws IOException {
      int length = 0;
      tooLong = false;
      boolean any = false;
      while (true) {
        if (pos == limit) {
          limit = in.read(buffer);
          pos = 0;
          if (limit <= 0) {
            limit = 0;
            break;
          }
        }
        any = true;
        int start = pos;
        while (pos < limit && buffer[pos] != '\n') {
          pos++;
        }
        int n = pos - start;
        if (!tooLong) {
          if (length + n > CaseJson.MAX_BYTES) {
            tooLong = true;
          } else {
            if (length + n > line.length) {
              line = Arrays.copyOf(line, Math.max(line.length * 2, length + n));
            }
            System.arraycopy(buffer, start, line, length, n);
            length += n;
          }
        }
        if (pos < limit) {
          pos++; // the line end
          break;
        }
      }
      if (!any) {
        return null;
      }
      if (length > 0 && line[length - 1] == '\r') {
        length--;
      }
      return Arrays.copyOf(line, length);
    }

    /** Whether the line just read was longer than a case may be. */
    boolean tooLong() {
      return tooLong;
    }
  }
}
