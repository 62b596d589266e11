package org.asylex.app.impact;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.asylex.app.cases.CaseFiles;
import org.asylex.app.cases.CaseIds;
import org.asylex.app.cases.JsonLines;
import org.asylex.json.CaseJson;
import org.asylex.json.JsonInputException;
import org.asylex.store.CaseRecord;

/**
 * The impact of a policy change on a caseload: every case assessed at two points and counted per
 * element, each changed finding explained.
 *
 * <p>A bounded pipeline with flat memory: the calling thread splits the input into lines and hands
 * batches to one worker per core (parsing, checking, assessing); at most {@code 2 × workers}
 * batches are in flight, and their counts are merged, and their rejected lines and changed findings
 * passed on, in input order. Nothing grows with the number of cases but the counts.
 */
public final class Impact {
  /** Lines per batch: large enough to keep hand-over costs small, small enough to stay flat. */
  static final int BATCH = 1024;

  private final int workers;

  /** An impact analysis on every core. */
  public Impact() {
    this(Runtime.getRuntime().availableProcessors());
  }

  /** An impact analysis on {@code workers} threads. */
  public Impact(int workers) {
    if (workers < 1) {
      throw new IllegalArgumentException("workers must be at least 1");
    }
    this.workers = workers;
  }

  /** What the analysis tells as it goes, in input order, on the calling thread. */
  public interface Listener {
    /**
     * Line {@code line} (or stored case {@code caseId}) was not assessed; each problem is {@code
     * /pointer: problem}, or, for JSON that cannot be read, the problem at {@code column}.
     */
    default void rejected(long line, Optional<String> caseId, int column, List<String> problems) {}

    /** A finding that differs between the two points. */
    default void changed(ChangedFinding finding) {}

    /** {@code read} lines or cases have been dealt with so far. */
    default void progress(long read) {}
  }

  /**
   * Compares every case of {@code in} (JSON Lines, {@code {"id", "reference"?, "facts"}} per line,
   * the form {@code case export} writes).
   *
   * @throws org.asylex.app.Refused when an assumption value does not fit a pack
   * @throws IOException when the input cannot be read on
   * @throws InterruptedException when the calling thread is interrupted; nothing is reported then
   */
  public ImpactReport compare(
      InputStream in, ImpactPoint before, ImpactPoint after, Listener listener)
      throws IOException, InterruptedException {
    try (var run = new Run(before, after, listener)) {
      var lines = new JsonLines(in);
      byte[] bytes;
      long number = 0;
      while ((bytes = lines.next()) != null) {
        number++;
        run.add(new Item(number, bytes, lines.tooLong(), null));
      }
      return run.finish();
    }
  }

  /**
   * Compares every stored case, from one consistent snapshot, in the order of their ids.
   *
   * @throws InterruptedException when the calling thread is interrupted
   */
  public ImpactReport compareStored(
      CaseFiles cases, String actor, ImpactPoint before, ImpactPoint after, Listener listener)
      throws InterruptedException {
    try (var run = new Run(before, after, listener)) {
      long[] number = {0};
      try {
        cases.export(
            actor,
            record -> {
              try {
                run.add(new Item(++number[0], null, false, record));
              } catch (InterruptedException e) {
                throw new Stop(e);
              }
            });
      } catch (Stop e) {
        throw e.interrupted;
      }
      return run.finish();
    }
  }

  /** Carries an interruption out of the store's callback. */
  private static final class Stop extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient InterruptedException interrupted;

    Stop(InterruptedException e) {
      super(e);
      this.interrupted = e;
    }
  }

  /** One line of input or one stored case. */
  private record Item(long number, byte[] bytes, boolean tooLong, CaseRecord stored) {}

  /** A rejected line or a changed finding, kept in order within a batch. */
  private sealed interface Event {}

  private record Rejected(long line, Optional<String> caseId, int column, List<String> problems)
      implements Event {}

  private record Changed(ChangedFinding finding) implements Event {}

  private record BatchResult(Tally tally, List<Event> events, long items) {}

  /** One analysis: the workers, the batches in flight and the counts so far. */
  private final class Run implements AutoCloseable {
    private final Side before;
    private final Side after;
    private final CaseComparison comparison;
    private final Listener listener;
    private final ExecutorService pool;
    private final ArrayDeque<Future<BatchResult>> inFlight = new ArrayDeque<>();
    private final Tally total = new Tally();
    private List<Item> batch = new ArrayList<>(BATCH);
    private long read;

    Run(ImpactPoint before, ImpactPoint after, Listener listener) {
      this.before = new Side(Objects.requireNonNull(before, "before"));
      this.after = new Side(Objects.requireNonNull(after, "after"));
      this.comparison = new CaseComparison(this.before, this.after);
      this.listener = Objects.requireNonNull(listener, "listener");
      this.pool =
          Executors.newFixedThreadPool(
              workers,
              r -> {
                Thread t = new Thread(r, "asylex-impact");
                t.setDaemon(true);
                return t;
              });
    }

    void add(Item item) throws InterruptedException {
      if (Thread.currentThread().isInterrupted()) {
        throw new InterruptedException("the impact analysis was interrupted");
      }
      batch.add(item);
      if (batch.size() == BATCH) {
        submit();
      }
    }

    private void submit() throws InterruptedException {
      List<Item> items = batch;
      batch = new ArrayList<>(BATCH);
      inFlight.add(pool.submit(() -> process(items)));
      while (inFlight.size() > 2 * workers) {
        merge(inFlight.poll());
      }
    }

    private void merge(Future<BatchResult> next) throws InterruptedException {
      BatchResult result;
      try {
        result = next.get();
      } catch (ExecutionException e) {
        if (e.getCause() instanceof RuntimeException r) {
          throw r;
        }
        throw new IllegalStateException(e.getCause());
      }
      total.merge(result.tally());
      for (Event e : result.events()) {
        if (e instanceof Rejected r) {
          listener.rejected(r.line(), r.caseId(), r.column(), r.problems());
        } else if (e instanceof Changed c) {
          listener.changed(c.finding());
        }
      }
      read += result.items();
      listener.progress(read);
    }

    ImpactReport finish() throws InterruptedException {
      if (!batch.isEmpty()) {
        submit();
      }
      while (!inFlight.isEmpty()) {
        merge(inFlight.poll());
      }
      return new ImpactReport(
          total.cases, total.rejected, before.describe(), after.describe(), total.report());
    }

    private BatchResult process(List<Item> items) {
      var tally = new Tally();
      var events = new ArrayList<Event>();
      for (Item item : items) {
        one(item, tally, events);
      }
      return new BatchResult(tally, events, items.size());
    }

    private void one(Item item, Tally tally, List<Event> events) {
      Optional<String> stored = Optional.ofNullable(item.stored()).map(CaseRecord::id);
      if (item.tooLong()) {
        reject(
            item,
            stored,
            0,
            List.of(
                "the line is longer than "
                    + (CaseJson.MAX_BYTES >> 10)
                    + " KiB; a line is one case object"),
            tally,
            events);
        return;
      }
      String id;
      Map<String, Object> facts;
      if (item.stored() != null) {
        id = item.stored().id();
        facts = item.stored().facts();
      } else {
        if (JsonLines.blank(item.bytes())) {
          return;
        }
        Map<String, Object> doc;
        try {
          doc = CaseJson.read(item.bytes(), "line", CaseJson.MAX_BYTES);
        } catch (JsonInputException e) {
          int column = e.line() > 0 && e.column() > 0 ? e.column() : 0;
          // the parser may quote an unquoted token, which can be a fact value: leave it out
          reject(
              item,
              stored,
              column,
              List.of(e.problem().replaceAll("(?i)token '[^']*'", "token")),
              tally,
              events);
          return;
        }
        var problems = new ArrayList<String>();
        id = lineId(doc, problems);
        facts = lineFacts(doc, problems);
        if (!problems.isEmpty()) {
          reject(item, stored, 0, problems, tally, events);
          return;
        }
      }
      CaseComparison.Checked checked = comparison.check(facts, "/facts");
      if (!checked.problems().isEmpty()) {
        reject(item, stored, 0, checked.problems(), tally, events);
        return;
      }
      comparison.compare(id, checked, tally, c -> events.add(new Changed(c)));
    }

    private void reject(
        Item item,
        Optional<String> stored,
        int column,
        List<String> problems,
        Tally tally,
        List<Event> events) {
      tally.rejected++;
      events.add(new Rejected(item.number(), stored, column, problems));
    }

    @Override
    public void close() {
      inFlight.forEach(f -> f.cancel(true));
      pool.shutdownNow();
    }
  }

  private static String lineId(Map<String, Object> doc, List<String> problems) {
    for (String key : doc.keySet()) {
      if (!key.equals("id") && !key.equals("reference") && !key.equals("facts")) {
        problems.add(
            "/" + key + ": unknown key '" + key + "'; a line has id, reference and facts only");
      }
    }
    Object id = doc.get("id");
    if (id == null) {
      problems.add("/id: the case id is missing");
    } else if (!(id instanceof String s) || !CaseIds.valid(s)) {
      problems.add("/id: " + CaseIds.RULE);
    } else {
      return s;
    }
    return null;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> lineFacts(Map<String, Object> doc, List<String> problems) {
    Object given = doc.get("facts");
    if (given == null) {
      problems.add("/facts: the facts are missing: an object of facts {…}");
    } else if (!(given instanceof Map)) {
      problems.add("/facts: the facts must be an object of facts {…}");
    } else {
      return (Map<String, Object>) given;
    }
    return null;
  }
}
