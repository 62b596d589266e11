package org.asylex.server.http;

import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per request on the logger {@value #LOGGER} at INFO, with key-value pairs: method, route
 * template (never the raw path, which holds ids), status, duration in milliseconds, actor (or
 * {@code -}) and request id. Never a body, a query value, a header or a token: those may hold
 * personal data or credentials.
 */
public final class RequestLog {
  /** The logger's name, for log configuration. */
  public static final String LOGGER = "asylex.http";

  /** What the log shows for a request that matched no route. */
  public static final String UNMATCHED = "-";

  private static final Logger LOG = LoggerFactory.getLogger(LOGGER);
  private static final String ROUTE = "asylex.route";

  private RequestLog() {}

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
  public static void log(Context ctx, Float millis) {
    if (!LOG.isInfoEnabled()) {
      return;
    }
    String method = ctx.method().name();
    String route = routeOf(ctx);
    int status = ctx.statusCode();
    String actor = Requests.principal(ctx).map(p -> p.name()).orElse("-");
    double duration = millis == null ? 0 : Math.round(millis * 10.0) / 10.0;
    LOG.atInfo()
        .setMessage(() -> method + " " + route + " " + status)
        .addKeyValue("method", method)
        .addKeyValue("route", route)
        .addKeyValue("status", status)
        .addKeyValue("durationMs", duration)
        .addKeyValue("actor", actor)
        .addKeyValue("requestId", RequestIds.of(ctx))
        .log();
  }
}
