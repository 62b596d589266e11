package org.asylex.server.http;

import io.javalin.http.Context;
import java.util.Enumeration;
import java.util.List;

/**
 * Headers that must come once. Given twice, a server that takes the first and a proxy or log that
 * takes the other disagree about the request: two {@code Authorization} headers (admin and officer)
 * would act as the first, two {@code If-Match} headers would apply a change the second forbids. So
 * any of these given more than once is a 400 {@code invalid-parameter} naming it, before the
 * request is authenticated or read.
 */
public final class SingleHeaders {
  /** The headers refused when repeated. */
  public static final List<String> NAMES =
      List.of("Authorization", "If-Match", "Content-Type", "Content-Encoding");

  private SingleHeaders() {}

  /**
   * Refuses the request when one of {@link #NAMES} is repeated.
   *
   * @throws ApiProblem 400 {@code invalid-parameter} naming the header
   */
  public static void require(Context ctx) {
    for (String name : NAMES) {
      Enumeration<String> values = ctx.req().getHeaders(name);
      if (values != null && values.hasMoreElements()) {
        values.nextElement();
        if (values.hasMoreElements()) {
          String detail = "give this header once";
          throw ApiProblem.invalidParameter(
              name + ": " + detail, FieldError.parameter(name, "repeated-header", detail));
        }
      }
    }
  }
}
