package org.asylex.server.http;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a client may take to send a request, so that slow clients cannot hold the server's
 * connections and threads: the request line and headers must arrive within {@code headers}, the
 * body within {@code body} of the end of the headers and, once {@code grace} has passed, at {@code
 * minBodyRate} bytes a second at least on average. A request over a limit is answered 408 {@code
 * request-timeout} where an answer can still be given, and its connection is closed.
 *
 * @param headers the longest the request line and headers may take, from their first byte
 * @param body the longest the body may take, from the end of the headers
 * @param minBodyRate bytes per second the body must average once {@code grace} has passed
 * @param grace how long a body may be slower than {@code minBodyRate} (a client starting up)
 */
public record RequestDeadlines(Duration headers, Duration body, long minBodyRate, Duration grace) {
  public RequestDeadlines {
    requirePositive(headers, "headers");
    requirePositive(body, "body");
    Objects.requireNonNull(grace, "grace");
    if (minBodyRate < 0 || grace.isNegative()) {
      throw new IllegalArgumentException("the minimum rate and the grace must not be negative");
    }
  }

  private static void requirePositive(Duration d, String what) {
    Objects.requireNonNull(d, what);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException("the " + what + " deadline must be positive");
    }
  }

  /** Headers within 10 s; a body within 30 s, at 1 KiB/s on average after its first 5 s. */
  public static RequestDeadlines defaults() {
    return new RequestDeadlines(
        Duration.ofSeconds(10), Duration.ofSeconds(30), 1024, Duration.ofSeconds(5));
  }
}
