package org.asylex.server.auth;

/**
 * A request that needs its API token checked, refused for now: 429 when its token id or its client
 * has failed too often lately, 503 when the checks the server runs at once are all busy. Answered
 * with {@code Retry-After}. A request with a cached token never meets this.
 */
public final class Throttled extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final boolean tooManyFailures;
  private final long retryAfterSeconds;

  Throttled(boolean tooManyFailures, long retryAfterSeconds, String detail) {
    super(detail, null, false, false);
    this.tooManyFailures = tooManyFailures;
    this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
  }

  /** Whether it is a limit on failures (429), else the checks are all busy (503). */
  public boolean tooManyFailures() {
    return tooManyFailures;
  }

  /** The {@code Retry-After} value: whole seconds, at least one. */
  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
