package org.asylex.benchmarks;

import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.asylex.engine.assessment.CaseInput;
import org.asylex.engine.assessment.CompiledPolicy;
import org.asylex.engine.assessment.FactReader;
import org.asylex.engine.policy.PolicyPack;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Single-thread throughput over one million generated RU cases, in cases per second: the engine's
 * outcomes with missing facts, the engine's full findings (reasons, sources, facts used,
 * assumptions; no trace) and the hand-written baseline, all in the same run. One invocation
 * assesses every case once, each on its own date. Run with {@code java -jar
 * benchmarks/target/benchmarks.jar} from the repository root (see docs/performance.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(PolicyBenchmark.CASES)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Threads(1)
public class PolicyBenchmark {
  static final int CASES = 1_000_000;
  static final long SEED = 20230608L;

  /**
   * The probability that each fact (but the country) is present; with 1.0 no outcome is
   * undetermined, which isolates the cost of the missing-fact analysis.
   */
  @Param("0.7")
  public double presence;

  private PolicyPack pack;
  private CompiledPolicy engine;
  private HandWrittenRussianPolicy handWritten;
  private CaseBatch batch;
  private final long[] missing = new long[HandWrittenRussianPolicy.ELEMENTS.size()];

  @Setup
  public void setUp() {
    pack = RussianPack.load();
    engine = RussianPack.compileDefaults(pack);
    handWritten = new HandWrittenRussianPolicy(pack.facts(), LocalDate.of(2023, 6, 8));
    batch =
        new CaseBatch(new CaseGenerator(pack.facts(), presence).generate(SEED, CASES), handWritten);
    settle();
  }

  /**
   * Moves the data built in a setup into the old generation before anything is measured. Without
   * it, G1 copies the million cases (and for {@link #checkFacts} the million parsed maps, about 0.7
   * GB) from survivor space to survivor space and promotes them during the measurement: pauses of
   * about a second each under load, half the measured time, that belong to the setup, not to the
   * code measured (docs/performance.md, "The compiled engine").
   */
  static void settle() {
    System.gc();
  }

  /**
   * Each case's facts as a JSON parser hands them over (strings and booleans in a map, in schema
   * order): built only for {@link #checkFacts}, so the other benchmarks keep their heap.
   */
  @State(Scope.Benchmark)
  public static class Parsed {
    java.util.List<java.util.Map<String, Object>> raw;

    @Setup
    public void setUp(PolicyBenchmark b) {
      raw = new java.util.ArrayList<>(CASES);
      for (int i = 0; i < CASES; i++) {
        var map = new java.util.LinkedHashMap<String, Object>();
        b.batch
            .facts[i]
            .known()
            .forEach((name, value) -> map.put(name, value instanceof Boolean ? value : "" + value));
        // entrySet() stores a view in the map on its first call, as CaseInput.validate makes it:
        // made here, it is settled with the map instead of being made young in an old map during
        // the measurement (a million old-to-young references, then survivor copies until tenured)
        map.entrySet();
        raw.add(map);
      }
      settle();
    }
  }

  /**
   * Each case's facts as {@code CaseLineReader.readFlat} hands them over for {@link
   * #checkFactsFast}: names and values in schema order, a name or a short value (enum, country,
   * region) the same instance in every case as the reader's table gives it, a date a text of its
   * own per case.
   */
  @State(Scope.Benchmark)
  public static class Pairs {
    String[][] names;
    Object[][] values;
    FactReader reader;

    @Setup
    public void setUp(PolicyBenchmark b) {
      names = new String[CASES][];
      values = new Object[CASES][];
      var shared = new java.util.HashMap<String, String>();
      for (int i = 0; i < CASES; i++) {
        var known = b.batch.facts[i].known();
        names[i] = known.keySet().toArray(new String[0]);
        values[i] = new Object[names[i].length];
        int k = 0;
        for (Object value : known.values()) {
          values[i][k++] =
              value instanceof Boolean
                  ? value
                  : value instanceof String s ? shared.computeIfAbsent(s, x -> x) : "" + value;
        }
      }
      reader = new FactReader(b.pack, LocalDate.of(2023, 6, 8));
      // checked before measuring: every case taken, with the facts it was generated with
      for (int i = 0; i < CASES; i++) {
        reader.start(b.batch.dates[i]);
        for (int k = 0; k < names[i].length; k++) {
          if (!reader.fact(names[i][k], values[i][k])) {
            throw new IllegalStateException("case " + i + ": fact " + names[i][k] + " not taken");
          }
        }
        if (!b.batch.facts[i].equals(reader.finish())) {
          throw new IllegalStateException("case " + i + ": other facts than generated");
        }
      }
      settle();
    }
  }

  /** The baseline: the hand-written policy on its compact encoding of each case. */
  @Benchmark
  public void handWritten(Blackhole bh) {
    CaseBatch b = batch;
    HandWrittenRussianPolicy p = handWritten;
    long[] m = missing;
    for (int i = 0; i < b.size; i++) {
      bh.consume(p.evaluate(b.words[i], b.birthEarliest[i], b.birthLatest[i], b.packedDates[i], m));
      bh.consume(m[0] ^ m[1] ^ m[2] ^ m[3] ^ m[4] ^ m[5]);
    }
  }

  /** The hand-written policy reading the engine's input form: fact values in schema order. */
  @Benchmark
  public void handWrittenFromValues(Blackhole bh) {
    CaseBatch b = batch;
    HandWrittenRussianPolicy p = handWritten;
    long[] m = missing;
    for (int i = 0; i < b.size; i++) {
      bh.consume(p.evaluate(b.values[i], b.dates[i], m));
      bh.consume(m[0] ^ m[1] ^ m[2] ^ m[3] ^ m[4] ^ m[5]);
    }
  }

  /**
   * {@link CompiledPolicy#outcomes(org.asylex.engine.assessment.CaseFacts, LocalDate,
   * org.asylex.engine.assessment.Outcomes)}: outcomes and missing-fact masks into one reused
   * buffer, as a caseload run calls it; each element's outcome and mask are consumed, as the
   * baseline's.
   */
  @Benchmark
  public void engineOutcomes(Blackhole bh) {
    CaseBatch b = batch;
    CompiledPolicy p = engine;
    var into = p.newOutcomes();
    for (int i = 0; i < b.size; i++) {
      consume(p.outcomes(b.facts[i], b.dates[i], into), bh);
    }
  }

  /** Consumes every element's outcome and missing-fact mask, as the baseline's are consumed. */
  public static void consume(org.asylex.engine.assessment.Outcomes o, Blackhole bh) {
    int outcomes = 0;
    long missing = 0;
    for (int e = 0; e < o.size(); e++) {
      outcomes = outcomes * 4 + o.outcome(e).ordinal();
      missing ^= o.missingMask(e);
    }
    bh.consume(outcomes);
    bh.consume(missing);
  }

  /** {@link CompiledPolicy#assess}: full findings with reasons and sources, without trace. */
  @Benchmark
  public void engineFullFindings(Blackhole bh) {
    CaseBatch b = batch;
    CompiledPolicy p = engine;
    for (int i = 0; i < b.size; i++) {
      bh.consume(p.assess(b.facts[i], b.dates[i]));
    }
  }

  /**
   * Checking a case: {@link CaseInput#validate} from already-parsed values (as a JSON reader gives
   * them) to {@link org.asylex.engine.assessment.CaseFacts}, each against its assessment date.
   */
  @Benchmark
  public void checkFacts(Parsed parsed, Blackhole bh) {
    CaseBatch b = batch;
    PolicyPack p = pack;
    var r = parsed.raw;
    for (int i = 0; i < b.size; i++) {
      bh.consume(CaseInput.validate(p, r.get(i), b.dates[i], ""));
    }
  }

  /**
   * Checking a case on the fast path of a caseload (ADR 0028): {@link FactReader} from the names
   * and values a line reader gives to {@link org.asylex.engine.assessment.CaseFacts}, each against
   * its assessment date; the same cases as {@link #checkFacts}, which every one passes.
   */
  @Benchmark
  public void checkFactsFast(Pairs pairs, Blackhole bh) {
    CaseBatch b = batch;
    FactReader r = pairs.reader;
    String[][] names = pairs.names;
    Object[][] values = pairs.values;
    for (int i = 0; i < b.size; i++) {
      r.start(b.dates[i]);
      String[] n = names[i];
      Object[] v = values[i];
      boolean taken = true;
      for (int k = 0; k < n.length && taken; k++) {
        taken = r.fact(n[k], v[k]);
      }
      bh.consume(taken ? r.finish() : null);
    }
  }
}
