package org.asylex.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroupCommitTest {
  /** The exception a refused request throws: it keeps the group's transaction. */
  static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Refused(String message) {
      super(message);
    }
  }

  @TempDir Path dir;
  private Store store;
  private ExecutorService callers;

  @BeforeEach
  void open() {
    store = Store.open(StoreConfig.dataDirectory(dir));
    callers = Executors.newFixedThreadPool(8);
  }

  @AfterEach
  void close() throws InterruptedException {
    callers.shutdownNow();
    callers.awaitTermination(10, TimeUnit.SECONDS);
    store.close();
  }

  /**
   * The first unit holds the writer inside its transaction until seven more are waiting; those
   * seven are then committed together.
   */
  @Test
  void workThatArrivesDuringACommitIsCommittedTogether() throws Exception {
    var group = new GroupCommit(store, 64, e -> e instanceof Refused);
    var first = new Held(group, "C-0");
    var results = new ArrayList<Future<CaseRecord>>();
    results.add(first.result);
    for (int i = 1; i <= 7; i++) {
      int n = i;
      results.add(
          callers.submit(
              () ->
                  group.run(
                      tx -> tx.cases().create("C-" + n, null, Map.of("a", (long) n), "officer"))));
    }
    waitUntil(() -> group.waiting() == 7);
    first.release.countDown();

    for (int i = 0; i < results.size(); i++) {
      assertThat(results.get(i).get(10, TimeUnit.SECONDS).id()).isEqualTo("C-" + i);
    }
    assertThat(group.commits()).isEqualTo(2);
    assertThat(store.cases().count(CaseFilter.all())).isEqualTo(8);
    assertThat(store.audit().verify().intact()).isTrue();
  }

  @Test
  void aRefusedUnitFailsAloneAndKeepsWhatItWroteBeforeTheRefusal() throws Exception {
    var group = new GroupCommit(store, 64, e -> e instanceof Refused);
    store.cases().create("C-1", null, Map.of("a", 1L), "setup");
    var first = new Held(group, "C-2");
    Future<Object> refused =
        callers.submit(
            () ->
                group.run(
                    tx -> {
                      tx.cases().find("C-1", "officer"); // an audited read, true on its own
                      throw new Refused("the facts are not valid");
                    }));
    Future<Object> fine =
        callers.submit(() -> group.run(tx -> tx.cases().create("C-3", null, Map.of(), "officer")));
    waitUntil(() -> group.waiting() == 2);
    first.release.countDown();

    assertThat(first.result.get(10, TimeUnit.SECONDS).version()).isEqualTo(1);
    assertThatThrownBy(() -> refused.get(10, TimeUnit.SECONDS))
        .hasCauseInstanceOf(Refused.class)
        .hasMessageContaining("the facts are not valid");
    assertThat(fine.get(10, TimeUnit.SECONDS)).isNotNull();
    assertThat(store.cases().count(CaseFilter.all())).isEqualTo(3);
    List<AuditEvent> reads =
        store.audit().events("C-1").stream()
            .filter(e -> e.action().equals(AuditTrail.CASE_READ))
            .toList();
    assertThat(reads).hasSize(1);
    assertThat(store.audit().verify().intact()).isTrue();
  }

  @Test
  void anUnexpectedFailureRollsBackOnlyItsOwnUnit() throws Exception {
    var group = new GroupCommit(store, 64, e -> e instanceof Refused);
    var first = new Held(group, "C-1");
    Future<Object> broken =
        callers.submit(
            () ->
                group.run(
                    tx -> {
                      tx.cases().create("C-2", null, Map.of(), "officer");
                      throw new IllegalStateException("a bug half-way");
                    }));
    Future<Object> fine =
        callers.submit(() -> group.run(tx -> tx.cases().create("C-3", null, Map.of(), "officer")));
    waitUntil(() -> group.waiting() == 2);
    first.release.countDown();

    assertThat(first.result.get(10, TimeUnit.SECONDS).version()).isEqualTo(1);
    assertThatThrownBy(() -> broken.get(10, TimeUnit.SECONDS))
        .hasCauseInstanceOf(IllegalStateException.class);
    assertThat(fine.get(10, TimeUnit.SECONDS)).isNotNull();
    assertThat(store.cases().find("C-2", "check")).isEmpty();
    assertThat(store.cases().find("C-3", "check")).isPresent();
    assertThat(store.audit().verify().intact()).isTrue();
  }

  @Test
  void aRefusalOnItsOwnIsRethrownToTheCaller() {
    var group = new GroupCommit(store, 64, e -> e instanceof Refused);

    assertThatThrownBy(
            () ->
                group.run(
                    tx -> {
                      throw new Refused("no");
                    }))
        .isInstanceOf(Refused.class)
        .hasMessage("no");
    assertThat(group.run(tx -> tx.cases().create("C-9", null, Map.of(), "o")).version())
        .isEqualTo(1);
  }

  @Test
  void manyConcurrentCallersAllGetTheirOwnResult() throws Exception {
    var group = new GroupCommit(store, 16, e -> e instanceof Refused);
    var futures = new ArrayList<Future<String>>();
    for (int i = 0; i < 200; i++) {
      String id = "C-" + i;
      futures.add(
          callers.submit(
              () -> group.run(tx -> tx.cases().create(id, null, Map.of(), "officer").id())));
    }
    for (int i = 0; i < futures.size(); i++) {
      assertThat(futures.get(i).get(30, TimeUnit.SECONDS)).isEqualTo("C-" + i);
    }
    assertThat(store.cases().count(CaseFilter.all())).isEqualTo(200);
    assertThat(group.commits()).isBetween(13L, 200L);
    assertThat(store.audit().verify().intact()).isTrue();
  }

  /**
   * A unit that holds the writer inside its transaction until released, so that the units submitted
   * meanwhile queue up behind it and are committed as one group.
   */
  private final class Held {
    final CountDownLatch release = new CountDownLatch(1);
    final Future<CaseRecord> result;

    Held(GroupCommit group, String caseId) {
      var started = new CountDownLatch(1);
      result =
          callers.submit(
              () ->
                  group.run(
                      tx -> {
                        started.countDown();
                        await(release);
                        return tx.cases().create(caseId, null, Map.of(), "officer");
                      }));
      await(started);
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the test never released the first unit");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void waitUntil(java.util.function.BooleanSupplier condition)
      throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new IllegalStateException("the condition did not come true within 10 s");
      }
      Thread.sleep(5);
    }
  }
}
