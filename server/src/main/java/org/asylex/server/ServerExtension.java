package org.asylex.server;

import io.javalin.config.JavalinConfig;
import org.asylex.app.Application;

/**
 * Routes served beside the API by the same server, over the same application (store, accounts,
 * audit trail): the web UI mounts its pages through this. An extension registers its routes and
 * handlers on {@code javalin}; the server's own handlers (request ids, security headers, the
 * request log, graceful stop) apply to them as to the API's. An extension must not register API
 * paths ({@code /api/...}, {@code /health}, {@code /openapi.json}, {@code /api-docs}).
 */
@FunctionalInterface
public interface ServerExtension {
  /** Registers the extension's routes, called once while the server is configured. */
  void mount(JavalinConfig javalin, Application app);
}
