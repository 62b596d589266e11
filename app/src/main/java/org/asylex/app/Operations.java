package org.asylex.app;

import java.time.Duration;
import java.util.Objects;
import java.util.function.IntConsumer;
import org.asylex.store.PoolUse;
import org.asylex.store.Store;

/**
 * What running Asylex needs to know about the store, for readiness checks and metrics: whether it
 * answers, how its connection pool is used, and how many stored assessments share each commit.
 * Nothing here reads or changes a case.
 */
public final class Operations {
  /** How long the driver may take to say that a connection is valid. */
  public static final Duration STORE_CHECK_TIMEOUT = Duration.ofSeconds(2);

  private final Store store;

  Operations(Store store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  /**
   * Whether the store answers now: a pooled connection that the database finds valid. A pool that
   * lends no connection within its timeout (all busy, or the database gone) does not answer.
   */
  public boolean storeAnswers() {
    return store.answers(STORE_CHECK_TIMEOUT);
  }

  /** How the store's connection pool is used now. */
  public PoolUse pool() {
    return store.poolUse();
  }

  /**
   * Tells {@code sizes} how many stored assessments each commit of the stored-assessment writes
   * holds, until the handle is closed. It runs on the store's writer thread: quick, never throwing.
   */
  public AutoCloseable observeAssessmentCommits(IntConsumer sizes) {
    return store.observeGroupCommits(sizes);
  }
}
