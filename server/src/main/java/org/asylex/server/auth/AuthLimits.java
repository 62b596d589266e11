package org.asylex.server.auth;

import java.time.Duration;
import java.util.Objects;

/**
 * How the server keeps the checking of API tokens, slow on purpose (BCrypt), from being turned
 * against it by someone sending made-up tokens. Only a check that is not in the cache costs BCrypt;
 * a valid cached token never waits for any of these limits.
 *
 * @param verifications how many BCrypt checks run at once (the rest of the machine stays free for
 *     requests with cached tokens, health probes and everything else)
 * @param waiting how many more requests may wait for one of them; beyond that a request that needs
 *     a check is answered 503 with {@code Retry-After} at once
 * @param maxWait the longest a request waits for a check to start (then 503)
 * @param perTokenId failed checks allowed for one token id (the public part of a token, {@code
 *     asx_<id>_}) before further checks of it are answered 429
 * @param perClient failed checks allowed for one client address before its further checks are
 *     answered 429
 * @param failureTtl how long a token that failed its check is refused without checking it again
 * @param recheck how often a cached token's account is looked up again (without BCrypt), so that a
 *     token replaced or an account disabled elsewhere (the command line, another server on the same
 *     store) stops working within this time
 */
public record AuthLimits(
    int verifications,
    int waiting,
    Duration maxWait,
    Budget perTokenId,
    Budget perClient,
    Duration failureTtl,
    Duration recheck) {

  /**
   * A budget of failures: {@code burst} at once, then one more every {@code refill}.
   *
   * @param burst failures allowed before the limit applies
   * @param refill the time after which one more failure is allowed
   */
  public record Budget(int burst, Duration refill) {
    public Budget {
      if (burst < 1) {
        throw new IllegalArgumentException("a budget allows at least one failure");
      }
      Objects.requireNonNull(refill, "refill");
      if (refill.isNegative() || refill.isZero()) {
        throw new IllegalArgumentException("the refill time must be positive");
      }
    }
  }

  public AuthLimits {
    if (verifications < 1 || waiting < 0) {
      throw new IllegalArgumentException("at least one verification at a time, no negative queue");
    }
    Objects.requireNonNull(maxWait, "maxWait");
    Objects.requireNonNull(perTokenId, "perTokenId");
    Objects.requireNonNull(perClient, "perClient");
    Objects.requireNonNull(failureTtl, "failureTtl");
    Objects.requireNonNull(recheck, "recheck");
    if (maxWait.isNegative() || failureTtl.isNegative() || recheck.isNegative()) {
      throw new IllegalArgumentException("durations must not be negative");
    }
  }

  /**
   * Half the processors (at least one) checking at once, eight more waiting up to a second; 5
   * failures per token id then one per 10 s; 20 per client address then one per second; a failed
   * token refused unchecked for 60 s; cached tokens looked up again every second.
   */
  public static AuthLimits defaults() {
    return new AuthLimits(
        Math.max(1, Runtime.getRuntime().availableProcessors() / 2),
        8,
        Duration.ofSeconds(1),
        new Budget(5, Duration.ofSeconds(10)),
        new Budget(20, Duration.ofSeconds(1)),
        Duration.ofSeconds(60),
        Duration.ofSeconds(1));
  }

  public AuthLimits withPerClient(Budget perClient) {
    return new AuthLimits(
        verifications, waiting, maxWait, perTokenId, perClient, failureTtl, recheck);
  }

  public AuthLimits withPerTokenId(Budget perTokenId) {
    return new AuthLimits(
        verifications, waiting, maxWait, perTokenId, perClient, failureTtl, recheck);
  }

  public AuthLimits withRecheck(Duration recheck) {
    return new AuthLimits(
        verifications, waiting, maxWait, perTokenId, perClient, failureTtl, recheck);
  }
}
