package org.asylex.server.http;

import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * One line per request on the logger {@value #LOGGER} at INFO, with key-value pairs: method, route
 * template (never the raw path, which holds ids), status, duration in milliseconds, actor (or
 * {@code -}) and request id. Never a body, a query value, a header or a token: those may hold
 * personal data or credentials.
 *
 * <p>Refused credentials (401) and throttled token checks (429) are what a flood of made-up tokens
 * produces, thousands a second: at most {@value #REFUSALS_PER_SECOND} such lines are written a
 * second, and the next line after a second with more says how many were left out ({@code
 * suppressed=N}).
 */
public final class RequestLog {
  /** The logger's name, for log configuration. */
  public static final String LOGGER = "asylex.http";

  /** What the log shows for a request that matched no route. */
  public static final String UNMATCHED = "-";

  /** The most 401 and 429 lines written in one second. */
  public static final int REFUSALS_PER_SECOND = 10;

  private static final Logger LOG = LoggerFactory.getLogger(LOGGER);
  private static final String ROUTE = "asylex.route";
  private final Object refusals = new Object();
  private long refusalSecond;
  private int refusalsThisSecond;
  private long refusalsSuppressed;

  /** The request log of one server (its limit on refusal lines is its own). */
  public RequestLog() {}

  /** Records the route template the request matched; called before its handler runs. */
  public static void matched(Context ctx, String template) {
    ctx.attribute(ROUTE, template);
  }

  /** The route template the request matched, or {@value #UNMATCHED}. */
  public static String routeOf(Context ctx) {
    String route = ctx.attribute(ROUTE);
    return route == null ? UNMATCHED : route;
  }

  /** Writes the request's line; Javalin calls it once the response is complete. */
  public void log(Context ctx, Float millis) {
    if (!LOG.isInfoEnabled()) {
      return;
    }
    String method = ctx.method().name();
    String route = routeOf(ctx);
    int status = ctx.statusCode();
    long suppressed = 0;
    if (status == 401 || status == 429) {
      suppressed = admitRefusal(System.nanoTime() / 1_000_000_000L);
      if (suppressed < 0) {
        return;
      }
    }
    String actor = Requests.principal(ctx).map(p -> p.name()).orElse("-");
    double duration = millis == null ? 0 : Math.round(millis * 10.0) / 10.0;
    LoggingEventBuilder line =
        LOG.atInfo()
            .setMessage(() -> method + " " + route + " " + status)
            .addKeyValue("method", method)
            .addKeyValue("route", route)
            .addKeyValue("status", status)
            .addKeyValue("durationMs", duration)
            .addKeyValue("actor", actor)
            .addKeyValue("requestId", RequestIds.of(ctx));
    if (suppressed > 0) {
      line = line.addKeyValue("suppressed", suppressed);
    }
    line.log();
  }

  /**
   * Whether a refusal line may be written in {@code second}: -1 when not (it is counted), else the
   * number of refusal lines left out since the last one written.
   */
  private long admitRefusal(long second) {
    synchronized (refusals) {
      if (second != refusalSecond) {
        refusalSecond = second;
        refusalsThisSecond = 0;
      }
      if (++refusalsThisSecond > REFUSALS_PER_SECOND) {
        refusalsSuppressed++;
        return -1;
      }
      long left = refusalsSuppressed;
      refusalsSuppressed = 0;
      return left;
    }
  }
}
