package org.asylex.server.auth;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The BCrypt checks running at once, bounded: {@link AuthLimits#verifications()} run, {@link
 * AuthLimits#waiting()} more wait up to {@link AuthLimits#maxWait()}, any other is refused at once
 * ({@link Throttled}, 503). So a flood of made-up tokens holds at most that many request threads
 * and that many cores, whatever its size.
 */
final class Verifications {
  private final Semaphore running;
  private final int admitted;
  private final long waitNanos;
  private final AtomicInteger inside = new AtomicInteger();

  Verifications(AuthLimits limits) {
    this.running = new Semaphore(limits.verifications(), true);
    this.admitted = limits.verifications() + limits.waiting();
    this.waitNanos = limits.maxWait().toNanos();
  }

  /** Runs {@code check} once a place is free. */
  <T> T run(Supplier<T> check) {
    if (inside.incrementAndGet() > admitted) {
      inside.decrementAndGet();
      throw busy();
    }
    try {
      if (!running.tryAcquire(waitNanos, TimeUnit.NANOSECONDS)) {
        throw busy();
      }
      try {
        return check.get();
      } finally {
        running.release();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw busy();
    } finally {
      inside.decrementAndGet();
    }
  }

  private static Throttled busy() {
    return new Throttled(
        false, 1, "The server is checking as many tokens as it can; try again in a second.");
  }
}
