package org.asylex.server.api;

import static io.javalin.http.HandlerType.GET;

import io.javalin.http.Context;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
 * and the answer says only ready or not. A request waits at most {@value #ANSWER_WAIT_MILLIS} ms
 * for the store (the pool may wait far longer for a connection), so probes never pile up threads.
 */
public final class ReadinessRoutes {
  /** How long one answer of the store stands. */
  static final long CHECK_INTERVAL_MILLIS = 1_000;

  /** What a client is told to wait when the node is not ready. */
  static final String RETRY_AFTER_SECONDS = "5";

  /** How long a request waits for the store's answer before it counts as "not ready". */
  static final long ANSWER_WAIT_MILLIS = 2_000;

  private final Operations operations;
  private final Clock clock;
  private final ThreadPoolExecutor checker;
  private CompletableFuture<Boolean> check;
  private long checkedAt;

  public ReadinessRoutes(Operations operations, Clock clock) {
    this.operations = Objects.requireNonNull(operations, "operations");
    this.clock = Objects.requireNonNull(clock, "clock");
    // One thread, ending when idle: a check that hangs (a pool waiting for a connection) holds it,
    // never a request's thread for longer than ANSWER_WAIT_MILLIS.
    this.checker =
        new ThreadPoolExecutor(
            1,
            1,
            5,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            r -> {
              Thread t = new Thread(r, "asylex-readiness");
              t.setDaemon(true);
              return t;
            });
    this.checker.allowCoreThreadTimeOut(true);
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

  /**
   * The store's last answer if it is recent, else a new one (one check at a time, whoever asks); a
   * store that takes longer than {@value #ANSWER_WAIT_MILLIS} ms to answer is not ready.
   */
  private boolean storeAnswers() {
    CompletableFuture<Boolean> current;
    synchronized (this) {
      long now = clock.millis();
      boolean stale = now - checkedAt >= CHECK_INTERVAL_MILLIS || now < checkedAt;
      if (check == null || (check.isDone() && stale)) {
        check = CompletableFuture.supplyAsync(operations::storeAnswers, checker);
        checkedAt = now;
      }
      current = check;
    }
    try {
      return current.get(ANSWER_WAIT_MILLIS, TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
