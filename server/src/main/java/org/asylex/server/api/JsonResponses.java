package org.asylex.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;

/**
 * Writes response bodies: trees of maps, lists and scalars as compact JSON, with the media type set
 * here rather than left to a mapper, so every domain response is written the same way.
 */
final class JsonResponses {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonResponses() {}

  static void send(Context ctx, int status, Object tree) {
    ctx.status(status).contentType("application/json").result(write(tree));
  }

  /** Sends JSON written already, e.g. by {@code AssessmentJson.write}. */
  static void sendWritten(Context ctx, int status, String json) {
    ctx.status(status).contentType("application/json").result(json);
  }

  static String write(Object tree) {
    try {
      return MAPPER.writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a response as JSON", e);
    }
  }
}
