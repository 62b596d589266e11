package org.asylex.server;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.json.JavalinJackson;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.asylex.app.Application;
import org.asylex.json.Json;
import org.asylex.server.api.ApiDocs;
import org.asylex.server.api.CoreRoutes;
import org.asylex.server.api.DomainRoutes;
import org.asylex.server.api.ReadinessRoutes;
import org.asylex.server.auth.Authenticator;
import org.asylex.server.auth.JwtVerifier;
import org.asylex.server.auth.Principal;
import org.asylex.server.auth.TokenCache;
import org.asylex.server.http.ApiRoute;
import org.asylex.server.http.HeadRequests;
import org.asylex.server.http.JettyProblems;
import org.asylex.server.http.JsonBodies;
import org.asylex.server.http.Problems;
import org.asylex.server.http.RequestIds;
import org.asylex.server.http.RequestLog;
import org.asylex.server.http.Requests;
import org.asylex.server.http.SecurityHeaders;
import org.asylex.server.http.SingleHeaders;
import org.asylex.server.http.SlowClients;
import org.asylex.server.http.WireMethod;
import org.asylex.server.metrics.ServerMetrics;
import org.eclipse.jetty.server.handler.EagerContentHandler;
import org.eclipse.jetty.server.handler.GracefulHandler;

/**
 * The HTTP API: Javalin on Jetty, serving the route table of {@link CoreRoutes} and {@link
 * DomainRoutes}. Each route is registered with its authentication and role check taken from its
 * {@link ApiRoute}; every error is a problem document ({@link Problems}); every request gets an id,
 * the security headers and one line in the request log.
 *
 * <p>Every route calls one use case of the {@link Application} (the packs, cases, stored
 * assessments, accounts and audit trail, and "today"): the server parses requests and renders
 * answers, and holds no workflow of its own.
 *
 * <p>{@link #stop()} is graceful: the server stops accepting connections, answers 503 to new
 * requests on open ones, and lets requests in flight finish (up to the configured stop timeout).
 * The application (and its store) is the caller's: it stays open.
 */
public final class AsylexServer implements AutoCloseable {
  private final Javalin app;
  private final List<ApiRoute> routes;
  private final String host;
  private final GracefulHandler graceful;
  private final ServerMetrics metrics;

  private AsylexServer(
      Javalin app,
      List<ApiRoute> routes,
      String host,
      GracefulHandler graceful,
      ServerMetrics metrics) {
    this.app = app;
    this.routes = routes;
    this.host = host;
    this.graceful = graceful;
    this.metrics = metrics;
  }

  /**
   * Starts the server over {@code app}.
   *
   * @throws org.asylex.app.policy.PolicyCatalog.InvalidPacks when a pack cannot be served (a pack
   *     with errors, two packs with one id or country, assumption values that do not fit), so that
   *     a request never meets such a pack
   * @throws IllegalStateException when the API description cannot be read, two routes clash, or the
   *     port cannot be bound
   */
  public static AsylexServer start(ServerConfig config, Application app) {
    return start(config, app, List.of());
  }

  /**
   * Starts the server over {@code app} with {@code extensions} mounted beside the API (the web UI),
   * in this order, after the API's routes.
   *
   * @see #start(ServerConfig, Application)
   */
  public static AsylexServer start(
      ServerConfig config, Application app, List<ServerExtension> extensions) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(extensions, "extensions");
    Objects.requireNonNull(app, "app");
    app.policies().requireAllUsable();
    ApiDocs docs = ApiDocs.load();
    Authenticator authenticator =
        new Authenticator(
            new Authenticator.TokenVerifier() {
              @Override
              public java.util.Optional<org.asylex.store.UserAccount> verify(String token) {
                return app.accounts().verify(token);
              }

              @Override
              public boolean stillValid(String tokenId, String name) {
                return app.accounts().stillValid(tokenId, name);
              }
            },
            new TokenCache(config.tokenCacheTtl(), config.clock(), TokenCache.DEFAULT_MAX_ENTRIES),
            config.oidc().map(oidc -> new JwtVerifier(oidc, config.clock())),
            config.authLimits());
    List<ApiRoute> routes = new ArrayList<>();
    routes.addAll(new CoreRoutes(app.accounts(), app.audit(), authenticator, docs).routes());
    routes.addAll(DomainRoutes.routes(app));
    // Operations: readiness (metrics are on a port of their own, MetricsEndpoint).
    routes.addAll(new ReadinessRoutes(app.operations(), config.clock()).routes());
    requireDistinct(routes);
    GracefulHandler graceful = new GracefulHandler();
    ServerMetrics metrics =
        new ServerMetrics(
            routes, app.operations(), graceful::getCurrentRequestCount, app.receiptConversion());
    Javalin web =
        Javalin.create(
            javalin -> {
              configure(javalin, config, graceful, metrics);
              register(javalin, routes, authenticator, docs);
              extensions.forEach(extension -> extension.mount(javalin, app));
            });
    try {
      web.start();
    } catch (RuntimeException e) {
      web.stop();
      metrics.close();
      throw new IllegalStateException(
          "cannot start the API on " + config.bind() + ":" + config.port() + ": " + e.getMessage(),
          e);
    }
    StartupLog.receipts(app.receiptConversion());
    return new AsylexServer(web, List.copyOf(routes), config.bind(), graceful, metrics);
  }

  /** Jetty and Javalin as the API needs them: limits, the JSON mapper, the outer handlers. */
  private static void configure(
      JavalinConfig javalin, ServerConfig config, GracefulHandler graceful, ServerMetrics metrics) {
    javalin.startup.showJavalinBanner = false;
    javalin.startup.showOldJavalinVersionWarning = false;
    javalin.jetty.host = config.bind();
    javalin.jetty.port = config.port();
    javalin.http.maxRequestSize = config.maxBodyBytes();
    javalin.http.prefer405over404 = true;
    javalin.jsonMapper(new JavalinJackson(Json.MAPPER, false));
    javalin.appData(JsonBodies.MAX_BYTES, config.maxBodyBytes());
    javalin.jetty.modifyServer(
        server -> {
          // Bodies are received before a thread is given to the request, so a slow body holds a
          // connection (until SlowClients ends it), never a thread.
          server.insertHandler(
              new EagerContentHandler(
                  new EagerContentHandler.RetainedContentLoaderFactory(
                      config.maxBodyBytes() + 1, 16 * 1024, false)));
          server.addBean(new SlowClients(server, config.deadlines()));
          // Before Javalin, which would otherwise take the method from a header.
          server.insertHandler(new WireMethod());
          // Outermost, so that it counts every request, and 503s new ones on stop.
          server.insertHandler(graceful);
          server.setStopTimeout(config.stopTimeout().toMillis());
          server.setErrorHandler(new JettyProblems());
        });
    javalin.jetty.modifyHttpConfiguration(http -> http.setSendServerVersion(false));
    RequestLog log = new RequestLog();
    javalin.requestLogger.http(
        (ctx, millis) -> {
          log.log(ctx, millis);
          metrics.record(ctx, millis);
        });
  }

  /** Every route, its HEAD, the API page's files, and the problem for every error. */
  private static void register(
      JavalinConfig javalin, List<ApiRoute> routes, Authenticator authenticator, ApiDocs docs) {
    javalin.routes.before(
        ctx -> {
          RequestIds.assign(ctx);
          SecurityHeaders.apply(ctx);
          SingleHeaders.require(ctx);
        });
    for (ApiRoute route : routes) {
      javalin.routes.addHttpHandler(route.method(), route.path(), guarded(route, authenticator));
      if (route.method().equals(HandlerType.GET)) {
        javalin.routes.addHttpHandler(
            HandlerType.HEAD,
            route.path(),
            HeadRequests.answered(route.path())
                ? guarded(route, authenticator)
                : HeadRequests.refusal(route.path(), methodsOf(routes, route.path())));
      }
    }
    for (Map.Entry<String, ApiDocs.Asset> asset : docs.assets().entrySet()) {
      Handler serve =
          ctx -> {
            RequestLog.matched(ctx, asset.getKey());
            CoreRoutes.asset(ctx, asset.getValue());
          };
      javalin.routes.get(asset.getKey(), serve);
      javalin.routes.head(asset.getKey(), serve);
    }
    Problems.register(javalin.routes);
    javalin.router.javaLangErrorHandler(Problems::javaLangError);
  }

  /** The route's handler behind its authentication and role check. */
  private static Handler guarded(ApiRoute route, Authenticator authenticator) {
    return ctx -> {
      RequestLog.matched(ctx, route.path());
      if (!route.isPublic()) {
        authorize(ctx, route, authenticator);
      }
      route.handler().handle(ctx);
    };
  }

  private static void authorize(Context ctx, ApiRoute route, Authenticator authenticator) {
    Principal principal = authenticator.authenticate(ctx.header("Authorization"), ctx.ip());
    Requests.authenticate(ctx, principal);
    if (!route.roles().contains(principal.role())) {
      throw Problems.forbidden();
    }
  }

  /** The methods of the routes at this path. */
  private static List<HandlerType> methodsOf(List<ApiRoute> routes, String path) {
    return routes.stream().filter(r -> r.path().equals(path)).map(ApiRoute::method).toList();
  }

  /**
   * Refuses a route table that names a path twice for one method, repeats an operationId, or has
   * HEAD routes of its own (the server derives HEAD from GET, see {@link HeadRequests}).
   */
  private static void requireDistinct(List<ApiRoute> routes) {
    Set<String> seen = new HashSet<>();
    Set<String> operations = new HashSet<>();
    for (ApiRoute route : routes) {
      if (route.method().equals(HandlerType.HEAD)) {
        throw new IllegalStateException("HEAD is derived from GET, not routed: " + route);
      }
      if (!seen.add(route.method() + " " + route.path())) {
        throw new IllegalStateException("two routes for " + route);
      }
      if (!operations.add(route.operationId())) {
        throw new IllegalStateException("two routes with operationId " + route.operationId());
      }
    }
  }

  /** The route table the server serves. */
  public List<ApiRoute> routes() {
    return routes;
  }

  /** The port it listens on (the one picked, when configured with 0). */
  public int port() {
    return app.port();
  }

  /** How many requests are being handled now: for monitoring, and for tests of {@link #stop()}. */
  public long requestsInFlight() {
    return graceful.getCurrentRequestCount();
  }

  /** The server's metrics ({@link MetricsEndpoint} serves them). */
  public ServerMetrics metrics() {
    return metrics;
  }

  /** The base URL, e.g. {@code http://127.0.0.1:8080/}. */
  public URI url() {
    String h = host.contains(":") ? "[" + host + "]" : host;
    if (host.equals("0.0.0.0") || host.equals("::")) {
      h = "127.0.0.1";
    }
    return URI.create("http://" + h + ":" + port() + "/");
  }

  /**
   * Stops gracefully: no new connections, 503 for new requests on open ones, requests in flight
   * finish (up to the stop timeout); returns when the server has stopped.
   */
  public void stop() {
    app.stop();
    metrics.close();
  }

  @Override
  public void close() {
    stop();
  }
}
