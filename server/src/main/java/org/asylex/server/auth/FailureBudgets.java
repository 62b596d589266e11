package org.asylex.server.auth;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Failure budgets by key (a token id, a client address): a token bucket each, spent by failures
 * only. Bounded: the least recently used key goes first, so made-up keys cannot grow it without end
 * (a key forgotten that way starts again with a full budget, which the other budget and the bounded
 * verifications still limit).
 */
final class FailureBudgets {
  private final AuthLimits.Budget budget;
  private final int maxKeys;
  private final Map<String, Bucket> buckets;

  private static final class Bucket {
    double tokens;
    long at;

    Bucket(double tokens, long at) {
      this.tokens = tokens;
      this.at = at;
    }
  }

  FailureBudgets(AuthLimits.Budget budget, int maxKeys) {
    this.budget = budget;
    this.maxKeys = maxKeys;
    this.buckets = new LinkedHashMap<>(64, 0.75f, true);
  }

  /** How long until {@code key} may fail again: zero when it may now. */
  synchronized Duration wait(String key, long nanoNow) {
    Bucket bucket = buckets.get(key);
    if (bucket == null) {
      return Duration.ZERO;
    }
    refill(bucket, nanoNow);
    if (bucket.tokens >= 1) {
      return Duration.ZERO;
    }
    long refill = budget.refill().toNanos();
    return Duration.ofNanos((long) Math.ceil((1 - bucket.tokens) * refill));
  }

  /** Spends one failure of {@code key}'s budget. */
  synchronized void failed(String key, long nanoNow) {
    Bucket bucket = buckets.get(key);
    if (bucket == null) {
      bucket = new Bucket(budget.burst(), nanoNow);
      buckets.put(key, bucket);
      if (buckets.size() > maxKeys) {
        var eldest = buckets.keySet().iterator();
        eldest.next();
        eldest.remove();
      }
    }
    refill(bucket, nanoNow);
    bucket.tokens = Math.max(0, bucket.tokens - 1);
  }

  private void refill(Bucket bucket, long nanoNow) {
    double gained = (double) (nanoNow - bucket.at) / budget.refill().toNanos();
    bucket.tokens = Math.min(budget.burst(), bucket.tokens + gained);
    bucket.at = nanoNow;
  }
}
