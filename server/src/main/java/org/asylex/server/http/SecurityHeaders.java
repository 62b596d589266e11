package org.asylex.server.http;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Headers every response carries. API responses hold case data: never cached (not by a browser, not
 * by a proxy), never sniffed into another content type, never framed, never leaking a referrer. The
 * API documentation page loosens the content security policy for its own scripts only.
 */
public final class SecurityHeaders {
  /** Nothing may be loaded or run: right for JSON. */
  public static final String API_CSP = "default-src 'none'; frame-ancestors 'none'";

  /** The headers and their values, in the order they are sent. */
  public static final Map<String, String> HEADERS = headers();

  private SecurityHeaders() {}

  private static Map<String, String> headers() {
    var headers = new LinkedHashMap<String, String>();
    headers.put("Cache-Control", "no-store");
    headers.put("X-Content-Type-Options", "nosniff");
    headers.put("Referrer-Policy", "no-referrer");
    headers.put("X-Frame-Options", "DENY");
    headers.put("Content-Security-Policy", API_CSP);
    return java.util.Collections.unmodifiableMap(headers);
  }

  /** Sets the API headers; a handler may replace {@code Cache-Control} and the CSP afterwards. */
  public static void apply(Context ctx) {
    HEADERS.forEach(ctx::header);
  }
}
