package org.asylex.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.function.Predicate;

/**
 * Runs concurrent units of write work in shared transactions: one commit (on SQLite with {@code
 * synchronous=FULL}, one fsync) for all the work that arrived while the previous commit was being
 * made. Writers are serialized by the audit chain anyway, so a commit per request caps a server at
 * the disk's sync rate (about 150 to 500 per second here) and makes requests queue behind each
 * other's syncs; grouping keeps durability (nothing is answered before its commit) and divides that
 * cost by the group's size.
 *
 * <p>A unit that throws an <em>expected</em> exception (one {@code keepsTransaction} accepts, e.g.
 * a refused request) fails alone: its writes before the throw stay in the group's transaction, so a
 * unit may only throw such an exception when what it wrote so far is true on its own (an audited
 * read, say). Any other exception aborts the group, and each unit of it is then run in its own
 * transaction, so that one bad unit never fails the others.
 */
public final class GroupCommit {
  private final Store store;
  private final int maxGroup;
  private final Predicate<RuntimeException> keepsTransaction;
  private final LinkedBlockingQueue<Unit<?>> queue = new LinkedBlockingQueue<>();
  private final AtomicBoolean draining = new AtomicBoolean();
  private final ThreadPoolExecutor writer;
  private final AtomicLong commits = new AtomicLong();
  private final IntConsumer committed;

  /**
   * @param maxGroup the most units in one transaction
   * @param keepsTransaction which exceptions of a unit leave the group's transaction usable
   */
  public GroupCommit(Store store, int maxGroup, Predicate<RuntimeException> keepsTransaction) {
    this(store, maxGroup, keepsTransaction, size -> {});
  }

  /**
   * @param committed told the number of units of each transaction committed (a unit of {@link
   *     #run(Function, int)} counting as its weight) (for metrics); runs on the writer thread, so
   *     it must be quick and must not throw
   */
  GroupCommit(
      Store store,
      int maxGroup,
      Predicate<RuntimeException> keepsTransaction,
      IntConsumer committed) {
    this.store = Objects.requireNonNull(store, "store");
    this.committed = Objects.requireNonNull(committed, "committed");
    if (maxGroup < 1) {
      throw new IllegalArgumentException("a group holds at least one unit, not " + maxGroup);
    }
    this.maxGroup = maxGroup;
    this.keepsTransaction = Objects.requireNonNull(keepsTransaction, "keepsTransaction");
    // One writer thread, which ends when idle: nothing to close, nothing left running in tests.
    this.writer =
        new ThreadPoolExecutor(
            1,
            1,
            5,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            r -> {
              Thread t = new Thread(r, "asylex-group-commit");
              t.setDaemon(true);
              return t;
            });
    this.writer.allowCoreThreadTimeOut(true);
  }

  /**
   * Runs {@code work} in a transaction shared with other callers' work and returns its result once
   * that transaction is committed; rethrows what the work threw.
   */
  public <T> T run(Function<Transaction, T> work) {
    return await(submit(work));
  }

  /**
   * Queues {@code work} for a transaction shared with other work and returns at once; the future
   * completes once that transaction is committed. A caller with many units submits them all, then
   * waits, so that they share commits.
   */
  public <T> CompletableFuture<T> submit(Function<Transaction, T> work) {
    return submit(work, 1);
  }

  /**
   * {@link #run}, for work that stores {@code weight} things at once (a batch of receipts): the
   * observer of each commit is told the sum of the weights of its units.
   */
  <T> T run(Function<Transaction, T> work, int weight) {
    return await(submit(work, weight));
  }

  private <T> CompletableFuture<T> submit(Function<Transaction, T> work, int weight) {
    var unit = new Unit<T>(Objects.requireNonNull(work, "work"), weight);
    queue.add(unit);
    if (draining.compareAndSet(false, true)) {
      writer.execute(this::drain);
    }
    return unit.done;
  }

  /** The result of submitted work once committed; rethrows what the work threw. */
  public static <T> T await(CompletableFuture<T> done) {
    try {
      return done.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("interrupted while waiting for a commit", e);
    } catch (ExecutionException e) {
      throw unwrap(e.getCause());
    }
  }

  /** How many transactions were committed so far (for tests and measurements). */
  public long commits() {
    return commits.get();
  }

  /** How many units wait for the writer (for tests). */
  int waiting() {
    return queue.size();
  }

  private void drain() {
    for (; ; ) {
      var group = new ArrayList<Unit<?>>();
      queue.drainTo(group, maxGroup);
      if (group.isEmpty()) {
        draining.set(false);
        // A unit added after drainTo saw draining still set and did not start a drain: recheck.
        if (queue.isEmpty() || !draining.compareAndSet(false, true)) {
          return;
        }
        continue;
      }
      commit(group);
    }
  }

  private void commit(List<Unit<?>> group) {
    if (group.size() == 1) {
      alone(group.get(0));
      return;
    }
    List<Runnable> completions;
    try {
      completions =
          store.inTransaction(
              tx -> {
                var done = new ArrayList<Runnable>(group.size());
                for (Unit<?> unit : group) {
                  done.add(unit.apply(tx, keepsTransaction));
                }
                return done;
              });
    } catch (RuntimeException e) {
      group.forEach(this::alone);
      return;
    }
    commits.incrementAndGet();
    committed.accept(group.stream().mapToInt(u -> u.weight).sum());
    completions.forEach(Runnable::run);
  }

  private void alone(Unit<?> unit) {
    try {
      Runnable completion = store.inTransaction(tx -> unit.apply(tx, keepsTransaction));
      commits.incrementAndGet();
      committed.accept(unit.weight);
      completion.run();
    } catch (RuntimeException e) {
      unit.done.completeExceptionally(e);
    }
  }

  private static RuntimeException unwrap(Throwable cause) {
    if (cause instanceof CompletionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof RuntimeException r) {
      return r;
    }
    if (cause instanceof Error err) {
      throw err;
    }
    return new StoreException("a grouped write failed: " + cause, cause);
  }

  /** One caller's work and the future its caller waits on. */
  private static final class Unit<T> {
    final Function<Transaction, T> work;
    final CompletableFuture<T> done = new CompletableFuture<>();
    final int weight;

    Unit(Function<Transaction, T> work, int weight) {
      this.work = work;
      this.weight = weight;
    }

    /**
     * Runs the work; returns how to complete the caller once the transaction is committed. An
     * exception that does not keep the transaction propagates and aborts the group.
     */
    Runnable apply(Transaction tx, Predicate<RuntimeException> keeps) {
      try {
        T result = work.apply(tx);
        return () -> done.complete(result);
      } catch (RuntimeException e) {
        if (!keeps.test(e)) {
          throw e;
        }
        return () -> done.completeExceptionally(e);
      }
    }
  }
}
