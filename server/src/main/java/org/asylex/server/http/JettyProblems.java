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
 * cannot parse (a bad URI or header, conflicting framing, headers too large, a request line too
 * long, another HTTP version), and 503 for requests arriving while the server stops. Jetty's own
 * pages are HTML, may name the server, and are left empty for methods other than GET, POST and
 * HEAD; these are the same problem+json with the same security headers as every other answer,
 * whatever the method.
 */
public final class JettyProblems extends ErrorHandler {
  public JettyProblems() {
    setShowStacks(false);
    setShowCauses(false);
    setShowMessageInTitle(false);
    setCacheControl("no-store");
  }

  /** Every method gets a problem document: a PATCH Jetty cannot parse is as much an error. */
  @Override
  public boolean errorPageForMethod(String method) {
    return true;
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
    if (SlowClients.TooSlow.in(cause)) {
      code = 408; // cut off by SlowClients: Jetty calls any failure of a request's body a 500
      response.setStatus(code);
    }
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
    SecurityHeaders.HEADERS.forEach(headers::put);
  }

  private static ByteBuffer body(int status, String path, String id) {
    return ByteBuffer.wrap(
        Problems.json(Problems.generic(status), path, id).getBytes(StandardCharsets.UTF_8));
  }
}
