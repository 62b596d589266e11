package org.asylex.server.api;

import static io.javalin.http.HandlerType.GET;

import io.javalin.http.Context;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.asylex.app.Operations;
import org.asylex.server.http.ApiProblem;
import org.asylex.server.http.ApiRoute;
import org.asylex.server.http.ProblemType;

/**
 * {@code GET /ready}: whether this node can serve requests now, for a load balancer that takes a
 * node out while its store does not answer. {@code /health} stays the liveness check (the process
 * answers at all); restarting a node because its database is away would not bring the database
 * back.
 *
 * <p>Public, like {@code /health}, and so open to anyone who can reach the port: the store is asked
 * at most once a second whoever calls, so probing it costs the store nothing more under a flood,
 * and the answer says only ready or not.
 */
public final class ReadinessRoutes {
  /** How long one answer of the store stands. */
  static final long CHECK_INTERVAL_MILLIS = 1_000;

  /** What a client is told to wait when the node is not ready. */
  static final String RETRY_AFTER_SECONDS = "5";

  private final Operations operations;
  private final Clock clock;
  private long checkedAt = Long.MIN_VALUE;
  private boolean ready;

  public ReadinessRoutes(Operations operations, Clock clock) {
    this.operations = Objects.requireNonNull(operations, "operations");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public List<ApiRoute> routes() {
    return List.of(ApiRoute.publicRoute(GET, "/ready", "getReadiness", this::ready));
  }

  private void ready(Context ctx) {
    if (!storeAnswers()) {
      ctx.header("Retry-After", RETRY_AFTER_SECONDS);
      throw new ApiProblem(
          ProblemType.UNAVAILABLE, "This node cannot serve requests now; try another.");
    }
    ctx.json(Map.of("status", "ready"));
  }

  /** The store's last answer if it is recent, else a new one; callers meanwhile wait for it. */
  private synchronized boolean storeAnswers() {
    long now = clock.millis();
    if (checkedAt == Long.MIN_VALUE
        || now - checkedAt >= CHECK_INTERVAL_MILLIS
        || now < checkedAt) {
      ready = operations.storeAnswers();
      checkedAt = clock.millis();
    }
    return ready;
  }
}
