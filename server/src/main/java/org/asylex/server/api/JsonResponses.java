package org.asylex.server.api;

import io.javalin.http.Context;
import org.asylex.json.Json;

/**
 * Writes response bodies: trees of maps, lists and scalars as compact JSON with the product's one
 * mapper ({@link Json}), with the media type set here rather than left to a mapper, so every domain
 * response is written the same way.
 */
final class JsonResponses {
  private JsonResponses() {}

  static void send(Context ctx, int status, Object tree) {
    sendWritten(ctx, status, Json.compact(tree));
  }

  /** Sends JSON written already, e.g. by {@code AssessmentJson.write}. */
  static void sendWritten(Context ctx, int status, String json) {
    ctx.status(status).contentType("application/json").result(json);
  }
}
