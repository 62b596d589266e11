package org.asylex.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@code GET /metrics} of a server in the Prometheus text format, on a port of its own (ADR 0017):
 * loopback unless bound elsewhere on purpose, no credential, nothing else on it. Apart from the
 * API's port so that a scrape needs no token with a role, reaches each node itself rather than
 * whichever the load balancer picks, and still answers while the API's threads are busy.
 */
public final class MetricsEndpoint implements AutoCloseable {
  /** The content type of the Prometheus text format. */
  public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final HttpServer http;
  private final ExecutorService executor;
  private final String host;

  private MetricsEndpoint(HttpServer http, ExecutorService executor, String host) {
    this.http = http;
    this.executor = executor;
    this.host = host;
  }

  /**
   * Serves {@code server}'s metrics at {@code http://bind:port/metrics} until closed.
   *
   * @param port 0 picks a free one
   * @throws IllegalStateException when the port cannot be bound
   */
  public static MetricsEndpoint start(AsylexServer server, String bind, int port) {
    Objects.requireNonNull(server, "server");
    Objects.requireNonNull(bind, "bind");
    HttpServer http;
    try {
      http = HttpServer.create(new InetSocketAddress(bind, port), 16);
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot serve metrics on " + bind + ":" + port + ": " + e.getMessage(), e);
    }
    // One thread: a scrape is a few milliseconds, and the API's threads are never used.
    ExecutorService executor =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "asylex-metrics");
              t.setDaemon(true);
              return t;
            });
    http.setExecutor(executor);
    http.createContext("/", exchange -> answer(exchange, server));
    http.start();
    return new MetricsEndpoint(http, executor, bind);
  }

  private static void answer(HttpExchange exchange, AsylexServer server) throws IOException {
    try (exchange) {
      exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
      exchange.getResponseHeaders().set("Cache-Control", "no-store");
      String method = exchange.getRequestMethod();
      if (!exchange.getRequestURI().getPath().equals("/metrics")) {
        send(exchange, 404, "text/plain; charset=utf-8", "not found: only /metrics is here\n");
      } else if (!method.equals("GET") && !method.equals("HEAD")) {
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        send(exchange, 405, "text/plain; charset=utf-8", "method not allowed: use GET\n");
      } else {
        send(exchange, 200, CONTENT_TYPE, server.metrics().scrape());
      }
    }
  }

  private static void send(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    boolean head = exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
    if (!head) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      } catch (UncheckedIOException e) {
        // the scraper went away
      }
    }
  }

  /** The port it listens on (the one picked, when started with 0). */
  public int port() {
    return http.getAddress().getPort();
  }

  /** Where the metrics are, e.g. {@code http://127.0.0.1:9464/metrics}. */
  public URI url() {
    String h = host.contains(":") ? "[" + host + "]" : host;
    if (host.equals("0.0.0.0") || host.equals("::")) {
      h = "127.0.0.1";
    }
    return URI.create("http://" + h + ":" + port() + "/metrics");
  }

  /** Stops at once: a scrape is cheap to repeat. */
  @Override
  public void close() {
    http.stop(0);
    executor.shutdownNow();
  }
}
