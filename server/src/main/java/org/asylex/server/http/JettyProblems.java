package org.asylex.server.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Problem documents for the errors Jetty answers before Javalin sees the request: a request it
 * cannot parse (bad URI, headers too large), and 503 for requests arriving while the server stops.
 * Jetty's own pages are HTML and may name the server; these are the same problem+json as the rest.
 */
public final class JettyProblems extends ErrorHandler {
  public JettyProblems() {
    setShowStacks(false);
    setShowCauses(false);
    setShowMessageInTitle(false);
  }

  @Override
  protected void generateResponse(
      Request request,
      Response response,
      int code,
      String message,
      Throwable cause,
      Callback callback) {
    String id = RequestIds.next();
    HttpFields.Mutable headers = response.getHeaders();
    headers(headers, id);
    String path;
    try {
      path = request.getHttpURI().getPath();
    } catch (RuntimeException e) {
      path = null;
    }
    response.write(true, body(code, path == null ? "" : path, id), callback);
  }

  private static void headers(HttpFields.Mutable headers, String id) {
    headers.put(new HttpField(HttpHeader.CONTENT_TYPE, Problems.MEDIA_TYPE));
    headers.put(RequestIds.HEADER, id);
    headers.put(HttpHeader.CACHE_CONTROL, "no-store");
    headers.put("X-Content-Type-Options", "nosniff");
    headers.put("Referrer-Policy", "no-referrer");
    headers.put("Content-Security-Policy", SecurityHeaders.API_CSP);
  }

  private static ByteBuffer body(int status, String path, String id) {
    return ByteBuffer.wrap(
        Problems.json(Problems.generic(status), path, id).getBytes(StandardCharsets.UTF_8));
  }
}
