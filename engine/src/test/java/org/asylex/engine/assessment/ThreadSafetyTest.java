package org.asylex.engine.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.asylex.engine.policy.Outcome;
import org.junit.jupiter.api.Test;

/** One compiled policy serves any number of threads: it keeps no state between assessments. */
class ThreadSafetyTest {
  private static final int CASES = 2_000;
  private static final int THREADS = 8;

  private record Case(CaseFacts facts, LocalDate asOf) {}

  /** Random cases of the neutral pack, each fact given with a random chance, on random dates. */
  private static List<Case> cases(long seed) {
    Random random = new Random(seed);
    var cases = new ArrayList<Case>();
    for (int i = 0; i < CASES; i++) {
      cases.add(
          new Case(
              Domains.random(random, random.nextDouble()),
              Domains.DATES.get(random.nextInt(Domains.DATES.size()))));
    }
    return cases;
  }

  @Test
  void eightThreadsAssessingTheSameCasesGetTheSameFindingsAsOneThread() throws Exception {
    List<Case> cases = cases(20230608);
    CompiledPolicy policy = NeutralPack.defaults();
    var expected = new ArrayList<Assessment>();
    for (Case c : cases) {
      expected.add(policy.assess(c.facts(), c.asOf(), true));
    }

    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      var start = new CountDownLatch(1);
      var futures = new ArrayList<Future<List<Integer>>>();
      for (int t = 0; t < THREADS; t++) {
        // each thread walks all cases in its own order, so different cases run at once
        var order = new ArrayList<Integer>();
        for (int i = 0; i < CASES; i++) {
          order.add(i);
        }
        Collections.shuffle(order, new Random(t));
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  var differing = new ArrayList<Integer>();
                  for (int i : order) {
                    Case c = cases.get(i);
                    if (!policy.assess(c.facts(), c.asOf(), true).equals(expected.get(i))) {
                      differing.add(i);
                    }
                  }
                  return differing;
                }));
      }
      start.countDown();
      for (Future<List<Integer>> f : futures) {
        assertThat(f.get(60, TimeUnit.SECONDS)).as("cases assessed differently").isEmpty();
      }
    } finally {
      pool.shutdownNow();
    }
    // the cases reach every outcome, so the comparison is not one of empty findings
    assertThat(expected)
        .flatExtracting(Assessment::findings)
        .extracting(Finding::outcome)
        .contains(Outcome.values());
  }

  @Test
  void eightThreadsTakingTheirFirstBuffersAtOnceShareOneSetOfTablesAndAgree() throws Exception {
    List<Case> cases = cases(20231208);
    // a new policy: its atom tables are built by whichever thread asks for a buffer first
    CompiledPolicy policy = NeutralPack.compiled(java.util.Map.of());
    var expected = new ArrayList<Outcomes>();
    for (Case c : cases) {
      expected.add(policy.referenceOutcomes(c.facts(), c.asOf()));
    }
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      var start = new CountDownLatch(1);
      var futures = new ArrayList<Future<Integer>>();
      for (int t = 0; t < THREADS; t++) {
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  Outcomes into = policy.newOutcomes();
                  int differing = 0;
                  for (int i = 0; i < CASES; i++) {
                    Case c = cases.get(i);
                    Outcomes o = policy.outcomes(c.facts(), c.asOf(), into);
                    for (int e = 0; e < o.size(); e++) {
                      Outcomes x = expected.get(i);
                      if (o.outcome(e) != x.outcome(e)
                          || o.missingMask(e) != x.missingMask(e)
                          || !o.groups(e).equals(x.groups(e))) {
                        differing++;
                      }
                    }
                  }
                  return differing;
                }));
      }
      start.countDown();
      for (Future<Integer> f : futures) {
        assertThat(f.get(60, TimeUnit.SECONDS))
            .as("outcomes differing from the reference")
            .isZero();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
