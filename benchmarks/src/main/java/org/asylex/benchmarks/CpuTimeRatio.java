package org.asylex.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.LocalDate;
import org.asylex.engine.assessment.CompiledPolicy;
import org.asylex.engine.assessment.Outcomes;

/**
 * The engine's outcomes against the hand-written baseline in cases per CPU-second of the measuring
 * thread, alternating the two over PolicyBenchmark's million cases: a cross-check for a machine
 * that other work shares, where JMH's wall-clock figures move with the other processes. It reports
 * each round and the best round of each (after three warm-up rounds) and their ratio; JMH on a
 * quiet machine stays the measurement (docs/performance.md).
 *
 * <p>{@code java -Xms3g -Xmx3g -cp benchmarks/target/benchmarks.jar
 * org.asylex.benchmarks.CpuTimeRatio [rounds]}
 */
public final class CpuTimeRatio {
  private static final int WARM_UP = 3;

  private CpuTimeRatio() {}

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 16;
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    var pack = RussianPack.load();
    CompiledPolicy engine = RussianPack.compileDefaults(pack);
    var hand = new HandWrittenRussianPolicy(pack.facts(), LocalDate.of(2023, 6, 8));
    var b =
        new CaseBatch(
            new CaseGenerator(pack.facts(), 0.7)
                .generate(PolicyBenchmark.SEED, PolicyBenchmark.CASES),
            hand);
    PolicyBenchmark.settle();
    long[] m = new long[HandWrittenRussianPolicy.ELEMENTS.size()];
    Outcomes into = engine.newOutcomes();
    long sink = 0;
    double bestHand = 0;
    double bestEngine = 0;
    for (int round = 0; round < rounds; round++) {
      long t0 = cpu.getCurrentThreadCpuTime();
      for (int i = 0; i < b.size; i++) {
        sink +=
            hand.evaluate(b.words[i], b.birthEarliest[i], b.birthLatest[i], b.packedDates[i], m);
        sink ^= m[0] ^ m[1] ^ m[2] ^ m[3] ^ m[4] ^ m[5];
      }
      long t1 = cpu.getCurrentThreadCpuTime();
      for (int i = 0; i < b.size; i++) {
        Outcomes o = engine.outcomes(b.facts[i], b.dates[i], into);
        for (int e = 0; e < o.size(); e++) {
          sink = sink * 4 + o.outcome(e).ordinal() ^ o.missingMask(e);
        }
      }
      long t2 = cpu.getCurrentThreadCpuTime();
      double handRate = b.size / ((t1 - t0) / 1e9);
      double engineRate = b.size / ((t2 - t1) / 1e9);
      System.out.printf(
          "round %2d  hand-written %,12.0f/s  engine %,11.0f/s  %5.1f%%%n",
          round, handRate, engineRate, 100 * engineRate / handRate);
      if (round >= WARM_UP) {
        bestHand = Math.max(bestHand, handRate);
        bestEngine = Math.max(bestEngine, engineRate);
      }
    }
    System.out.printf(
        "best     hand-written %,12.0f/s  engine %,11.0f/s  %5.1f%%  (%d)%n",
        bestHand, bestEngine, 100 * bestEngine / bestHand, sink & 1);
  }
}
