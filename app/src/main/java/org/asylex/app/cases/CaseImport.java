package org.asylex.app.cases;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.asylex.app.Today;
import org.asylex.app.policy.FactCheck;
import org.asylex.app.policy.PolicyCatalog;
import org.asylex.engine.assessment.InputError;
import org.asylex.json.CaseJson;
import org.asylex.json.CaseLineReader;
import org.asylex.json.JsonInputException;
import org.asylex.store.ImportBatch;
import org.asylex.store.ImportResult;
import org.asylex.store.Store;
import org.asylex.store.StoreException;

/**
 * Imports cases from JSON Lines ({@code {"id", "reference"?, "facts"}} per line, the form export
 * writes): each line checked on its own against the pack of its country (facts valid as of today)
 * and stored in batches; a bad line is reported by number and pointer and nothing of it is stored,
 * the rest goes in. Importing is idempotent by id.
 */
public final class CaseImport {
  private final Store store;
  private final FactCheck facts;
  private final Today today;

  public CaseImport(Store store, PolicyCatalog policies, Today today) {
    this.store = Objects.requireNonNull(store, "store");
    this.facts = new FactCheck(policies);
    this.today = Objects.requireNonNull(today, "today");
  }

  /** What the import tells as it goes: a rejected line, a case stored with other facts. */
  public interface Listener {
    /**
     * Line {@code line} was not imported; each problem is {@code /pointer: problem}, or, for JSON
     * that cannot be read, the problem at {@code column} (0: the line as a whole).
     */
    void rejected(long line, int column, List<String> problems);

    /** Line {@code line}'s case is stored already with other facts or another reference. */
    void exists(long line, String caseId);
  }

  /** How many lines were read, and what became of them. */
  public record Summary(long lines, Map<ImportResult, Long> counts, long rejected) {
    public Summary {
      counts = Map.copyOf(counts);
    }

    public long count(ImportResult r) {
      return counts.getOrDefault(r, 0L);
    }
  }

  /** One checked line waiting for its batch. */
  private record Line(long number, org.asylex.store.CaseImport value) {}

  /**
   * Imports every line of {@code in}; what went in stays in when reading or storing fails part way
   * (each batch is committed or not at all). Reading, checking and preparing the next batch (the
   * store's checks and JSON: {@code Cases.prepareImport}) overlaps with storing the one before, on
   * a second thread; at most one batch is being stored at a time, and batches are committed in
   * order.
   *
   * @param batch cases per transaction
   * @throws ImportStopped when the input cannot be read on, with the summary so far
   */
  public Summary run(InputStream in, int batch, String actor, Listener listener) {
    var run = new Run(batch, actor, listener);
    var reader = new JsonLines(in);
    try {
      byte[] bytes;
      while ((bytes = reader.next()) != null) {
        run.line(bytes, reader.tooLong());
      }
      run.flush();
      run.finish();
    } catch (IOException e) {
      try {
        run.flush();
        run.finish();
      } catch (StoreException stored) {
        throw new ImportStopped(run.summary(), stored);
      }
      throw new ImportStopped(run.summary(), e);
    } catch (StoreException e) {
      // What went in before stays in (each batch is committed or not at all); say how far it got.
      throw new ImportStopped(run.summary(), e);
    } finally {
      run.close();
    }
    return run.summary();
  }

  /**
   * Reading the input ({@link IOException}) or storing a batch ({@link StoreException}) failed part
   * way; {@link #summary()} says how far it got.
   */
  public static final class ImportStopped extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Summary summary;

    ImportStopped(Summary summary, Exception cause) {
      super(
          cause instanceof IOException
              ? "cannot read on after line " + summary.lines() + ": " + cause
              : cause.getMessage(),
          cause);
      this.summary = summary;
    }

    public Summary summary() {
      return summary;
    }
  }

  /** The state of one import. */
  private final class Run {
    private final int batch;
    private final String actor;
    private final Listener listener;
    private List<Line> pending = new ArrayList<>();
    private final CaseLineReader reader = new CaseLineReader();

    /** The batch being stored on the writer thread, if any. */
    private java.util.concurrent.Future<Runnable> storing;

    private java.util.concurrent.ExecutorService writer;
    private final Map<ImportResult, Long> counts = new EnumMap<>(ImportResult.class);
    private long lines;
    private long rejected;

    Run(int batch, String actor, Listener listener) {
      this.batch = batch;
      this.actor = actor;
      this.listener = listener;
    }

    void line(byte[] bytes, boolean tooLong) {
      lines++;
      if (tooLong) {
        reject(
            List.of(
                "the line is longer than "
                    + (CaseJson.MAX_BYTES >> 10)
                    + " KiB; a line is one case object"));
        return;
      }
      if (JsonLines.blank(bytes)) {
        return;
      }
      Map<String, Object> doc;
      try {
        // The line is in memory already (and no longer than CaseJson.MAX_BYTES: see tooLong). The
        // line reader gives the maps and the errors CaseJson gives (ADR 0024), faster.
        doc = reader.read(bytes, 0, bytes.length, "line");
      } catch (JsonInputException e) {
        // The parser may quote an unquoted token, which can be a fact value: leave it out.
        int column = e.line() > 0 && e.column() > 0 ? e.column() : 0;
        reject(column, List.of(e.problem().replaceAll("(?i)token '[^']*'", "token")));
        return;
      }
      var errors = new ArrayList<String>();
      org.asylex.store.CaseImport value = check(doc, errors);
      if (!errors.isEmpty()) {
        reject(errors);
        return;
      }
      pending.add(new Line(lines, value));
      if (pending.size() >= batch) {
        flush();
      }
    }

    private org.asylex.store.CaseImport check(Map<String, Object> doc, List<String> errors) {
      for (String key : doc.keySet()) {
        if (!key.equals("id") && !key.equals("reference") && !key.equals("facts")) {
          errors.add(
              "/" + key + ": unknown key '" + key + "'; a line has id, reference and facts only");
        }
      }
      String id = ImportLineText.text(doc.get("id"), "/id", "the case id", true, errors);
      if (id != null && !CaseIds.valid(id)) {
        errors.add("/id: " + CaseIds.RULE);
      }
      String reference =
          ImportLineText.text(doc.get("reference"), "/reference", "the reference", false, errors);
      Object given = doc.get("facts");
      if (given == null) {
        errors.add("/facts: the facts are missing: an object of facts {…}");
        return null;
      }
      if (!(given instanceof Map)) {
        errors.add("/facts: the facts must be an object of facts {…}");
        return null;
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> map = (Map<String, Object>) given;
      FactCheck.Checked checked = facts.check(map, today.date(), "/facts", true);
      for (InputError e : checked.errors()) {
        errors.add(e.pointer() + ": " + e.messageWithoutValue());
      }
      return errors.isEmpty() ? new org.asylex.store.CaseImport(id, reference, map) : null;
    }

    private void reject(List<String> problems) {
      reject(0, problems);
    }

    private void reject(int column, List<String> problems) {
      rejected++;
      listener.rejected(lines, column, problems);
    }

    /**
     * Prepares the pending lines and hands them to the writer thread, to be stored in one
     * transaction (a batch the store refuses, case by case), once the batch before is stored.
     */
    void flush() {
      if (pending.isEmpty()) {
        return;
      }
      List<Line> lines = pending;
      pending = new ArrayList<>();
      ImportBatch prepared;
      try {
        prepared = store.cases().prepareImport(lines.stream().map(Line::value).toList());
      } catch (IllegalArgumentException e) {
        prepared = null; // the writer stores them one by one, and says which it refused
      }
      ImportBatch batch = prepared;
      finish();
      if (writer == null) {
        writer =
            java.util.concurrent.Executors.newSingleThreadExecutor(
                r -> {
                  Thread t = new Thread(r, "asylex-import-writer");
                  t.setDaemon(true);
                  return t;
                });
      }
      storing = writer.submit(() -> batch == null ? oneByOne(lines) : store(lines, batch));
    }

    /** Waits for the batch being stored, and tells what became of its lines. */
    void finish() {
      if (storing == null) {
        return;
      }
      java.util.concurrent.Future<Runnable> done = storing;
      storing = null;
      Runnable report;
      try {
        report = done.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new StoreException("the import was interrupted", e);
      } catch (java.util.concurrent.ExecutionException e) {
        if (e.getCause() instanceof RuntimeException r) {
          throw r;
        }
        throw new IllegalStateException(e.getCause());
      }
      report.run();
    }

    void close() {
      if (writer != null) {
        writer.shutdown();
      }
    }

    /** On the writer thread: stores the lines; the report runs on the reading thread. */
    private Runnable store(List<Line> lines, ImportBatch batch) {
      List<ImportResult> results;
      try {
        results = store.cases().importCases(batch, actor);
      } catch (IllegalArgumentException e) {
        return oneByOne(lines);
      }
      return () -> {
        for (int i = 0; i < lines.size(); i++) {
          count(results.get(i), lines.get(i));
        }
      };
    }

    private Runnable oneByOne(List<Line> lines) {
      var reports = new ArrayList<Runnable>();
      for (Line line : lines) {
        try {
          var v = line.value();
          ImportResult r = store.cases().importCase(v.id(), v.reference(), v.facts(), actor);
          reports.add(() -> count(r, line));
        } catch (IllegalArgumentException one) {
          reports.add(
              () -> {
                rejected++;
                listener.rejected(line.number(), 0, List.of(one.getMessage()));
              });
        }
      }
      return () -> reports.forEach(Runnable::run);
    }

    private void count(ImportResult r, Line line) {
      counts.merge(r, 1L, Long::sum);
      if (r == ImportResult.EXISTS) {
        listener.exists(line.number(), line.value().id());
      }
    }

    Summary summary() {
      return new Summary(lines, counts, rejected);
    }
  }
}
