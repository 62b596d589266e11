package org.asylex.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;

/**
 * Renders the precompiled templates. Every page gets the web UI's content security policy: scripts,
 * styles and images from this server only, nothing inline, forms posted only here, never framed.
 */
final class Pages {
  /** No inline script or style anywhere (htmx is told not to add its indicator style). */
  static final String CSP =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

  private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

  /** Renders {@code template} (one {@code @param}: {@code model}) as the response. */
  void render(Context ctx, String template, Object model) {
    StringOutput out = new StringOutput();
    engine.render(template, model, out);
    ctx.header("Content-Security-Policy", CSP);
    ctx.header("Cache-Control", "no-store");
    ctx.contentType("text/html; charset=utf-8").result(out.toString());
  }
}
