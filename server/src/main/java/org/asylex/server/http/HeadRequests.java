package org.asylex.server.http;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.Collection;
import java.util.stream.Collectors;

/**
 * HEAD requests. Left to itself, Javalin answers HEAD on any path with a GET route 200 and no body,
 * without running the route's handler, and so without authentication, the role check or the audit.
 * So the server registers HEAD itself: the API ({@value #API_PREFIX}…) refuses it with a 405 before
 * anything is read, and the public pages (health, the API description) answer it as GET without the
 * body, for probes that use HEAD.
 */
public final class HeadRequests {
  /** Where HEAD is refused: every path of the API proper. */
  public static final String API_PREFIX = "/api/";

  private HeadRequests() {}

  /** Whether HEAD is answered on this path (or route template), rather than refused. */
  public static boolean answered(String path) {
    return !path.startsWith(API_PREFIX);
  }

  /**
   * The HEAD handler of an API path: 405 with {@code Allow} naming the path's methods.
   *
   * @param template the route template, for the request log
   * @param methods the methods the path's routes take
   */
  public static Handler refusal(String template, Collection<HandlerType> methods) {
    String allow = allow(template, methods.stream().map(HandlerType::name).toList());
    return ctx -> {
      RequestLog.matched(ctx, template);
      ctx.header("Allow", allow);
      Problems.write(
          ctx,
          new ApiProblem(ProblemType.METHOD_NOT_ALLOWED, "The API does not answer HEAD; use GET."));
    };
  }

  /**
   * The {@code Allow} value for a path: the given methods in the usual order, without HEAD where it
   * is refused.
   */
  public static String allow(String path, Collection<String> methods) {
    return HandlerType.values().stream()
        .map(HandlerType::name)
        .filter(methods::contains)
        .filter(m -> answered(path) || !m.equals(HandlerType.HEAD.name()))
        .collect(Collectors.joining(", "));
  }
}
