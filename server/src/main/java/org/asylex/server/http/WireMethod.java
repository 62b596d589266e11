package org.asylex.server.http;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * A request is what its request line says. Javalin takes {@value #OVERRIDE} as the request's method
 * wherever it asks for one (routing, its own 405s, {@code ctx.method()}), and has no setting to
 * stop it: a GET with {@code X-HTTP-Method-Override: POST} would run a POST route past every check
 * that looks at the method on the wire (issue 13, defect 1), and the request log would record the
 * wrong method. So the header is removed before Javalin sees the request; nothing else is changed.
 */
public final class WireMethod extends Handler.Wrapper {
  /** The header Javalin would otherwise honour. */
  public static final String OVERRIDE = "X-HTTP-Method-Override";

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    HttpFields headers = request.getHeaders();
    if (!headers.contains(OVERRIDE)) {
      return super.handle(request, response, callback);
    }
    HttpFields without = HttpFields.build(headers).remove(OVERRIDE).asImmutable();
    return super.handle(
        new Request.Wrapper(request) {
          @Override
          public HttpFields getHeaders() {
            return without;
          }
        },
        response,
        callback);
  }
}
