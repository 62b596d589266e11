package org.asylex.server.metrics;

import io.javalin.http.Context;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.ToDoubleFunction;
import org.asylex.app.Operations;
import org.asylex.app.cases.ReceiptConversion;
import org.asylex.server.http.ApiRoute;
import org.asylex.server.http.RequestLog;
import org.asylex.store.PoolUse;

/**
 * The server's metrics, in one Micrometer registry of its own (no global state: two servers in one
 * JVM count apart), exposed in the Prometheus text format ({@link #scrape()}).
 *
 * <p>Requests are counted and timed by method, route <em>template</em> and status, never by raw
 * path: a path holds case ids, which are personal data and would make a series per case. A request
 * that matched no route is counted under {@value #UNMATCHED}.
 */
public final class ServerMetrics implements AutoCloseable {
  /** The route label of requests that matched no route. */
  public static final String UNMATCHED = "unmatched";

  /** The latency buckets: from a cached read to a slow client's deadline. */
  private static final Duration[] LATENCY_BUCKETS = {
    Duration.ofMillis(5),
    Duration.ofMillis(10),
    Duration.ofMillis(25),
    Duration.ofMillis(50),
    Duration.ofMillis(100),
    Duration.ofMillis(250),
    Duration.ofMillis(500),
    Duration.ofSeconds(1),
    Duration.ofMillis(2500),
    Duration.ofSeconds(5),
    Duration.ofSeconds(10)
  };

  /** The operations that assess, and what the assessment counter calls them. */
  private static final Map<String, String> ASSESSING =
      Map.of(
          "assess", "stateless",
          "assessCase", "stored",
          "reproduceCaseAssessment", "reproduced");

  private final PrometheusMeterRegistry registry;
  private final Map<String, String> operations = new HashMap<>();
  private final Map<String, Counter> assessments = new HashMap<>();
  private final JvmGcMetrics gc;
  private final AutoCloseable commitObserver;

  /**
   * @param routes the route table, for the operation behind each method and template
   * @param operations the store's pool use and group commits
   * @param inFlight how many requests are being handled now
   * @param receipts what converting the receipts made before compact receipts did at start-up
   */
  public ServerMetrics(
      List<ApiRoute> routes,
      Operations operations,
      LongSupplier inFlight,
      ReceiptConversion.Result receipts) {
    Objects.requireNonNull(operations, "operations");
    Objects.requireNonNull(receipts, "receipts");
    this.registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    for (ApiRoute route : routes) {
      this.operations.put(route.method().name() + " " + route.path(), route.operationId());
    }
    ASSESSING.forEach(
        (operationId, kind) ->
            assessments.put(
                operationId,
                Counter.builder("asylex.assessments")
                    .description("Assessments made by this node, by kind (stored ones once stored)")
                    .tag("kind", kind)
                    .register(registry)));
    // Strong references: a gauge holds its state weakly, and a method reference is soon collected
    // (the gauge then reads NaN).
    Gauge.builder("asylex.http.requests.in.flight", inFlight, s -> s.getAsLong())
        .description("Requests being handled now")
        .strongReference(true)
        .register(registry);
    // Counts only, fixed at start-up: no receipt is written in full form after it, so the count
    // left then stays true until a start with the missing packs converts them (ADR 0021).
    Gauge.builder("asylex.receipts.converted.at.startup", receipts, r -> r.converted())
        .description("Receipts made before compact receipts that this node converted at start-up")
        .strongReference(true)
        .register(registry);
    Gauge.builder("asylex.receipts.full.form", receipts, r -> r.keptFull())
        .description(
            "Receipts kept in full form after the start-up conversion (their pack not available)")
        .strongReference(true)
        .register(registry);
    pool(operations, "hikaricp.connections.active", "Connections lent out", PoolUse::active);
    pool(operations, "hikaricp.connections.idle", "Connections idle in the pool", PoolUse::idle);
    pool(operations, "hikaricp.connections", "Connections open", PoolUse::total);
    pool(
        operations,
        "hikaricp.connections.pending",
        "Threads waiting for a connection",
        PoolUse::pending);
    pool(operations, "hikaricp.connections.max", "The most connections", PoolUse::max);
    DistributionSummary batches =
        DistributionSummary.builder("asylex.group.commit.batch.size")
            .description("Stored assessments committed together in one transaction")
            .serviceLevelObjectives(1, 2, 4, 8, 16, 32, 64)
            .register(registry);
    this.commitObserver = operations.observeAssessmentCommits(batches::record);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    this.gc = new JvmGcMetrics();
    gc.bindTo(registry);
  }

  private void pool(
      Operations operations, String name, String description, ToDoubleFunction<PoolUse> figure) {
    String poolName = operations.pool().pool();
    Gauge.builder(name, operations, o -> figure.applyAsDouble(o.pool()))
        .description(description)
        .tags(Tags.of("pool", poolName))
        .strongReference(true)
        .register(registry);
  }

  /** Counts and times one request; Javalin calls it once the response is complete. */
  public void record(Context ctx, Float millis) {
    String template = RequestLog.routeOf(ctx);
    String route = template.equals(RequestLog.UNMATCHED) ? UNMATCHED : template;
    String method = ctx.method().name();
    int status = ctx.statusCode();
    Timer.builder("http.server.requests")
        .description("Requests by method, route template and status")
        .tags("method", method, "route", route, "status", Integer.toString(status))
        .serviceLevelObjectives(LATENCY_BUCKETS)
        .register(registry)
        .record((long) ((millis == null ? 0f : millis) * 1_000_000L), TimeUnit.NANOSECONDS);
    String operationId = operations.get(method + " " + template);
    if (operationId != null && status >= 200 && status < 300) {
      Counter assessed = assessments.get(operationId);
      if (assessed != null) {
        assessed.increment();
      }
    }
  }

  /** Every metric in the Prometheus text format (0.0.4). */
  public String scrape() {
    return registry.scrape();
  }

  /** Stops observing the store and the garbage collector. */
  @Override
  public void close() {
    gc.close();
    try {
      commitObserver.close();
    } catch (Exception e) {
      // the observer list's removal does not throw
    }
    registry.close();
  }
}
