package org.asylex.server.api;

import io.javalin.http.Context;
import java.util.Map;
import org.asylex.server.http.JsonBodies;

/** The JSON object bodies of domain requests, read strictly by {@link JsonBodies}. */
final class RequestBodies {
  private RequestBodies() {}

  static Map<String, Object> read(Context ctx) {
    return JsonBodies.read(ctx);
  }

  /** The body, where a request may also come without one: no body reads as {@code {}}. */
  static Map<String, Object> readOptional(Context ctx) {
    String length = ctx.header("Content-Length");
    boolean chunked = ctx.header("Transfer-Encoding") != null;
    if (!chunked && (length == null || length.strip().equals("0"))) {
      return Map.of();
    }
    return JsonBodies.read(ctx);
  }
}
