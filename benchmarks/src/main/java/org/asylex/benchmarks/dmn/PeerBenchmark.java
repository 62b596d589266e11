package org.asylex.benchmarks.dmn;

import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.asylex.benchmarks.CaseBatch;
import org.asylex.benchmarks.CaseGenerator;
import org.asylex.benchmarks.HandWrittenRussianPolicy;
import org.asylex.benchmarks.PolicyBenchmark;
import org.asylex.benchmarks.RussianPack;
import org.asylex.engine.assessment.CompiledPolicy;
import org.asylex.engine.assessment.Outcomes;
import org.asylex.engine.policy.PolicyPack;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The RU policy in two DMN engines beside the engine and the hand-written baseline, single thread,
 * in cases per second, on the million cases of {@code PolicyBenchmark} (same seed, presence 0.7).
 * Before a DMN engine is measured, its {@code @Setup} runs it on all million cases and fails the
 * trial, printing the first differing cases, if any outcome differs from the hand-written one.
 *
 * <p>One invocation assesses the next {@value #CHUNK} cases of the million (wrapping round), each
 * on its own date, so that the slow engines' invocations stay short of an iteration; ops/s are
 * cases per second. Run with {@code java -jar benchmarks/target/benchmarks.jar PeerBenchmark} (see
 * docs/performance.md).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(PeerBenchmark.CHUNK)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms5g", "-Xmx5g"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Threads(1)
public class PeerBenchmark {
  static final int CASES = 1_000_000;
  static final int CHUNK = 10_000;

  /** PolicyBenchmark's seed: the same million cases. */
  static final long SEED = 20230608L;

  /** The million cases in every form, and the next chunk to assess. */
  @State(Scope.Benchmark)
  public static class Cases {
    PolicyPack pack;
    CompiledPolicy engine;

    /** The engine's outcomes buffer: reused as the peers reuse their output array. */
    Outcomes into;

    HandWrittenRussianPolicy handWritten;
    CaseBatch batch;
    DmnCases dmn;
    int next;
    final long[] missing = new long[HandWrittenRussianPolicy.ELEMENTS.size()];
    final int[] outcomes = new int[HandWrittenRussianPolicy.ELEMENTS.size()];

    @Setup(Level.Trial)
    public void setUp() {
      pack = RussianPack.load();
      engine = RussianPack.compileDefaults(pack);
      into = engine.newOutcomes();
      handWritten = new HandWrittenRussianPolicy(pack.facts(), LocalDate.of(2023, 6, 8));
      batch = new CaseBatch(new CaseGenerator(pack.facts()).generate(SEED, CASES), handWritten);
      dmn = new DmnCases(batch, pack.facts());
    }

    /** The first case of the next chunk. */
    int chunk() {
      int from = next;
      next = from + CHUNK >= batch.size ? 0 : from + CHUNK;
      return from;
    }
  }

  /** Drools DMN, checked on every case before it is measured. */
  @State(Scope.Benchmark)
  public static class Drools {
    DmnPeer peer;

    @Setup(Level.Trial)
    public void setUp(Cases cases) {
      peer = checked(new DroolsRussianPolicy(), cases);
    }
  }

  /** jDMN compiled mode, checked on every case before it is measured. */
  @State(Scope.Benchmark)
  public static class Jdmn {
    DmnPeer peer;

    @Setup(Level.Trial)
    public void setUp(Cases cases) {
      peer = checked(JdmnRussianPolicy.compile(), cases);
    }
  }

  /** The peer, once it gave the hand-written outcome on every case; else the trial fails. */
  static DmnPeer checked(DmnPeer peer, Cases cases) {
    long start = System.nanoTime();
    PeerCheck.Result r = PeerCheck.check(peer, cases.handWritten, cases.batch, cases.dmn, 5);
    System.out.printf("%n%s (checked in %.1f s)%n", r.report(), (System.nanoTime() - start) / 1e9);
    if (!r.identical()) {
      throw new IllegalStateException(r.report());
    }
    return peer;
  }

  @Benchmark
  public void drools(Cases c, Drools d, Blackhole bh) {
    peer(c, d.peer, bh);
  }

  @Benchmark
  public void jdmn(Cases c, Jdmn j, Blackhole bh) {
    peer(c, j.peer, bh);
  }

  private static void peer(Cases c, DmnPeer p, Blackhole bh) {
    DmnCases cases = c.dmn;
    int[] out = c.outcomes;
    int from = c.chunk();
    for (int i = from; i < from + CHUNK; i++) {
      p.outcomes(cases, i, out);
      bh.consume(out[0] + out[1] + out[2] + out[3] + out[4] + out[5]);
    }
  }

  /** The baseline, as in PolicyBenchmark: outcomes and missing facts on the compact encoding. */
  @Benchmark
  public void handWritten(Cases c, Blackhole bh) {
    CaseBatch b = c.batch;
    HandWrittenRussianPolicy p = c.handWritten;
    long[] m = c.missing;
    int from = c.chunk();
    for (int i = from; i < from + CHUNK; i++) {
      bh.consume(p.evaluate(b.words[i], b.birthEarliest[i], b.birthLatest[i], b.packedDates[i], m));
      bh.consume(m[0] ^ m[1] ^ m[2] ^ m[3] ^ m[4] ^ m[5]);
    }
  }

  /**
   * The engine, as in PolicyBenchmark: outcomes with exact missing facts into a reused buffer, each
   * element's outcome and mask consumed.
   */
  @Benchmark
  public void engineOutcomes(Cases c, Blackhole bh) {
    CaseBatch b = c.batch;
    CompiledPolicy p = c.engine;
    int from = c.chunk();
    Outcomes into = c.into;
    for (int i = from; i < from + CHUNK; i++) {
      PolicyBenchmark.consume(p.outcomes(b.facts[i], b.dates[i], into), bh);
    }
  }
}
