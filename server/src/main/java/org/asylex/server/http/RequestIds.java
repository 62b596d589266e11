package org.asylex.server.http;

import io.javalin.http.Context;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The id of each request: sent back as {@code X-Request-Id}, written in the request log and in
 * every problem, so a person quoting it finds the log line. Made by the server; an id sent by the
 * client is ignored (it would let a client forge log lines).
 */
public final class RequestIds {
  /** The response header. */
  public static final String HEADER = "X-Request-Id";

  private static final String ATTRIBUTE = "asylex.requestId";

  private RequestIds() {}

  /** A new id: 16 hex digits, not secret, unique enough to find a log line. */
  public static String next() {
    return HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
  }

  /** Gives the request its id and sends it back; called first for every request. */
  public static String assign(Context ctx) {
    String id = next();
    ctx.attribute(ATTRIBUTE, id);
    ctx.header(HEADER, id);
    return id;
  }

  /** The request's id; one is assigned if the request got none yet. */
  public static String of(Context ctx) {
    String id = ctx.attribute(ATTRIBUTE);
    return id != null ? id : assign(ctx);
  }
}
