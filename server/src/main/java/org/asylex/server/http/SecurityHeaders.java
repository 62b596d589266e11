package org.asylex.server.http;

import io.javalin.http.Context;

/**
 * Headers every response carries. API responses hold case data: never cached (not by a browser, not
 * by a proxy), never sniffed into another content type, never framed, never leaking a referrer. The
 * API documentation page loosens the content security policy for its own scripts only.
 */
public final class SecurityHeaders {
  /** Nothing may be loaded or run: right for JSON. */
  public static final String API_CSP = "default-src 'none'; frame-ancestors 'none'";

  private SecurityHeaders() {}

  /** Sets the API headers; a handler may replace {@code Cache-Control} and the CSP afterwards. */
  public static void apply(Context ctx) {
    ctx.header("Cache-Control", "no-store");
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("Content-Security-Policy", API_CSP);
  }
}
