package org.asylex.app.impact;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
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
import java.util.function.Consumer;
import java.util.function.ToLongFunction;
import org.asylex.app.cases.CaseFiles;
import org.asylex.app.cases.CaseIds;
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

  private static final java.lang.invoke.VarHandle LONGS =
      java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
          long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
  private static final long NEWLINES = 0x0a0a0a0a0a0a0a0aL;

  private static final String TOO_LONG =
      "the line is longer than " + (CaseJson.MAX_BYTES >> 10) + " KiB; a line is one case object";

  private final int workers;

  /** Whether plain lines take the fast path ({@link FastLine}); off only to test it against. */
  private final boolean fastLines;

  /** An impact analysis on every core. */
  public Impact() {
    this(Runtime.getRuntime().availableProcessors());
  }

  /** An impact analysis on {@code workers} threads. */
  public Impact(int workers) {
    this(workers, true);
  }

  /** With {@code fastLines} false, every line goes the general path: for the tests. */
  Impact(int workers, boolean fastLines) {
    if (workers < 1) {
      throw new IllegalArgumentException("workers must be at least 1");
    }
    this.workers = workers;
    this.fastLines = fastLines;
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
      var blocks = new LineBlocks(in);
      LineBlocks.Block block;
      while ((block = blocks.next()) != null) {
        run.add(block);
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
      stream(run, each -> cases.export(actor, each));
      return run.finish();
    }
  }

  /**
   * Compares every stored case on its facts as they were recorded at {@code factsAsOf} (replayed
   * from the history, as {@code case assess ID --facts-as-of} reads one case), from one consistent
   * snapshot and one streaming read, in the order of their ids. A case created after {@code
   * factsAsOf} is left out, and counted in the report's {@link ImpactReport#factsAsOf()}.
   *
   * @throws org.asylex.app.Refused {@link org.asylex.app.Refusal.InvalidValue} ({@code factsAsOf})
   *     when {@code factsAsOf} lies in the future
   * @throws InterruptedException when the calling thread is interrupted
   */
  public ImpactReport compareStored(
      CaseFiles cases,
      String actor,
      Instant factsAsOf,
      ImpactPoint before,
      ImpactPoint after,
      Listener listener)
      throws InterruptedException {
    try (var run = new Run(before, after, listener)) {
      long createdAfter = stream(run, each -> cases.exportAsOf(factsAsOf, actor, each));
      ImpactReport r = run.finish();
      return new ImpactReport(
          r.cases(),
          r.rejected(),
          r.from(),
          r.to(),
          r.elements(),
          Optional.of(new ImpactReport.FactsTime(factsAsOf, createdAfter)));
    }
  }

  /** Gives every case a store read gives to the run; what the read returns. */
  private static long stream(Run run, ToLongFunction<Consumer<CaseRecord>> read)
      throws InterruptedException {
    long[] number = {0};
    try {
      return read.applyAsLong(
          record -> {
            try {
              run.add(new Item(++number[0], record));
            } catch (InterruptedException e) {
              throw new Stop(e);
            }
          });
    } catch (Stop e) {
      throw e.interrupted;
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

  /** One stored case. */
  private record Item(long number, CaseRecord stored) {}

  /** A rejected line or a changed finding, kept in order within a batch. */
  private sealed interface Event {}

  private record Rejected(long line, Optional<String> caseId, int column, List<String> problems)
      implements Event {}

  private record Changed(ChangedFinding finding) implements Event {}

  /**
   * What a batch found: its counts, its events in order and how many lines or cases it held; the
   * line numbers of a block's events count from its first line ({@code relative}).
   */
  private record BatchResult(Tally tally, List<Event> events, long items, boolean relative) {}

  /** One analysis: the workers, the batches in flight and the counts so far. */
  private final class Run implements AutoCloseable {
    private final Side before;
    private final Side after;
    private final CaseComparison comparison;
    private final Listener listener;
    private final ExecutorService pool;
    private final ArrayDeque<Future<BatchResult>> inFlight = new ArrayDeque<>();
    private final Tally total = new Tally();

    /**
     * One fast path per worker: its line reader keeps the names and values it has seen, its fact
     * readers the dates, and its buffers the outcomes of the case at hand.
     */
    private final ThreadLocal<FastLine> lines;

    private List<Item> batch = new ArrayList<>(BATCH);
    private long read;

    Run(ImpactPoint before, ImpactPoint after, Listener listener) {
      this.before = new Side(Objects.requireNonNull(before, "before"));
      this.after = new Side(Objects.requireNonNull(after, "after"));
      this.comparison = new CaseComparison(this.before, this.after);
      this.lines =
          ThreadLocal.withInitial(
              () ->
                  new FastLine(
                      fastLines && comparison.oneCatalog() ? before.policies() : null,
                      comparison.checkDate()));
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
      interrupted();
      batch.add(item);
      if (batch.size() == BATCH) {
        submit();
      }
    }

    /** A block of lines: one task, split into lines by the worker. */
    void add(LineBlocks.Block block) throws InterruptedException {
      interrupted();
      enqueue(pool.submit(() -> process(block)));
    }

    private void interrupted() throws InterruptedException {
      if (Thread.currentThread().isInterrupted()) {
        throw new InterruptedException("the impact analysis was interrupted");
      }
    }

    private void submit() throws InterruptedException {
      List<Item> items = batch;
      batch = new ArrayList<>(BATCH);
      enqueue(pool.submit(() -> process(items)));
    }

    private void enqueue(Future<BatchResult> task) throws InterruptedException {
      inFlight.add(task);
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
      long base = result.relative() ? read : 0;
      for (Event e : result.events()) {
        if (e instanceof Rejected r) {
          listener.rejected(base + r.line(), r.caseId(), r.column(), r.problems());
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
      CaseComparison.Buffers buffers = lines.get().buffers;
      for (Item item : items) {
        CaseRecord c = item.stored();
        assess(item.number(), Optional.of(c.id()), c.id(), c.facts(), tally, buffers, events);
      }
      return new BatchResult(tally, events, items.size(), false);
    }

    private BatchResult process(LineBlocks.Block block) {
      var tally = new Tally();
      var events = new ArrayList<Event>();
      if (block.tooLong()) {
        reject(1, Optional.empty(), 0, List.of(TOO_LONG), tally, events);
        return new BatchResult(tally, events, 1, true);
      }
      FastLine fast = lines.get();
      byte[] bytes = block.bytes();
      int length = block.length();
      long number = 0;
      int start = 0;
      while (start < length) {
        int end = lineEnd(bytes, start, length);
        number++;
        line(fast, number, bytes, start, end, tally, events);
        start = end + 1;
      }
      return new BatchResult(tally, events, number, true);
    }

    /** The offset of the next {@code \n} from {@code from}, or {@code length}: eight at a time. */
    private static int lineEnd(byte[] bytes, int from, int length) {
      int i = from;
      for (; i + 8 <= length; i += 8) {
        long word = (long) LONGS.get(bytes, i) ^ NEWLINES;
        // a zero byte in word is a '\n' in the input
        if (((word - 0x0101010101010101L) & ~word & 0x8080808080808080L) != 0) {
          break;
        }
      }
      while (i < length && bytes[i] != '\n') {
        i++;
      }
      return i;
    }

    /** Line {@code number}: {@code bytes[start, end)}, its line end left out. */
    private void line(
        FastLine fast,
        long number,
        byte[] bytes,
        int start,
        int end,
        Tally tally,
        List<Event> events) {
      if (end - start > CaseJson.MAX_BYTES) {
        reject(number, Optional.empty(), 0, List.of(TOO_LONG), tally, events);
        return;
      }
      if (end > start && bytes[end - 1] == '\r') {
        end--;
      }
      if (LineBlocks.blank(bytes, start, end)) {
        return;
      }
      if (fast.read(bytes, start, end)) {
        // a line the general path below takes without a problem, with the same facts
        comparison.compare(
            fast.id(),
            fast.pack(),
            fast.facts(),
            fast.pack(),
            fast.facts(),
            tally,
            fast.buffers,
            c -> events.add(new Changed(c)));
        return;
      }
      Map<String, Object> doc;
      try {
        doc = fast.reader.read(bytes, start, end, "line");
      } catch (JsonInputException e) {
        int column = e.line() > 0 && e.column() > 0 ? e.column() : 0;
        // the parser may quote an unquoted token, which can be a fact value: leave it out
        reject(
            number,
            Optional.empty(),
            column,
            List.of(e.problem().replaceAll("(?i)token '[^']*'", "token")),
            tally,
            events);
        return;
      }
      var problems = new ArrayList<String>();
      String id = lineId(doc, problems);
      Map<String, Object> facts = lineFacts(doc, problems);
      if (!problems.isEmpty()) {
        reject(number, Optional.empty(), 0, problems, tally, events);
        return;
      }
      assess(number, Optional.empty(), id, facts, tally, fast.buffers, events);
    }

    private void assess(
        long number,
        Optional<String> stored,
        String id,
        Map<String, Object> facts,
        Tally tally,
        CaseComparison.Buffers buffers,
        List<Event> events) {
      CaseComparison.Checked checked = comparison.check(facts, "/facts");
      if (!checked.problems().isEmpty()) {
        reject(number, stored, 0, checked.problems(), tally, events);
        return;
      }
      comparison.compare(id, checked, tally, buffers, c -> events.add(new Changed(c)));
    }

    private void reject(
        long number,
        Optional<String> stored,
        int column,
        List<String> problems,
        Tally tally,
        List<Event> events) {
      tally.rejected++;
      events.add(new Rejected(number, stored, column, problems));
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
