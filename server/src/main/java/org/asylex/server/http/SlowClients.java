package org.asylex.server.http;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.NanoTime;
import org.eclipse.jetty.util.component.AbstractLifeCycle;

/**
 * Ends connections whose client sends a request too slowly ({@link RequestDeadlines}): the request
 * line and headers over their deadline, a body over its deadline or, after its grace, below the
 * minimum rate. Jetty itself only ends a connection that sends nothing for its idle timeout, so a
 * client dripping one byte every few seconds would hold the connection (and, reading a body, a
 * thread) for good. Four times a second this looks at every open connection and ends the slow ones
 * ({@link #cutOff}).
 */
public final class SlowClients extends AbstractLifeCycle {
  /** How often connections are looked at. */
  static final long SWEEP_MILLIS = 250;

  private final Server server;
  private final RequestDeadlines deadlines;
  private ScheduledExecutorService timer;

  public SlowClients(Server server, RequestDeadlines deadlines) {
    this.server = server;
    this.deadlines = deadlines;
  }

  @Override
  protected void doStart() {
    timer =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread t = new Thread(task, "asylex-slow-clients");
              t.setDaemon(true);
              return t;
            });
    timer.scheduleWithFixedDelay(this::sweep, SWEEP_MILLIS, SWEEP_MILLIS, TimeUnit.MILLISECONDS);
  }

  @Override
  protected void doStop() {
    timer.shutdownNow();
  }

  private void sweep() {
    try {
      long now = NanoTime.now();
      for (Connector connector : server.getConnectors()) {
        for (EndPoint endPoint : connector.getConnectedEndPoints()) {
          if (endPoint.getConnection() instanceof HttpConnection http && tooSlow(http, now)) {
            cutOff(http, endPoint);
          }
        }
      }
    } catch (RuntimeException e) {
      // a connection that closed meanwhile; the next sweep looks again
    }
  }

  /**
   * Ends a slow request: one still in its head has no request to answer yet, so its connection is
   * closed; one sending its body is failed with 408, which Jetty answers (through {@link
   * JettyProblems}) and then closes the connection, the body being unread.
   */
  private void cutOff(HttpConnection http, EndPoint endPoint) {
    if (http.getParser().inHeaderState()) {
      endPoint.close(new TimeoutException("the request head took too long"));
      return;
    }
    Runnable fail = http.getHttpChannel().onFailure(new TooSlow());
    if (fail != null) {
      server.getThreadPool().execute(fail);
    }
  }

  /** The failure of a request whose body came too slowly: answered 408 ({@link JettyProblems}). */
  static final class TooSlow extends HttpException.RuntimeException {
    private static final long serialVersionUID = 1L;

    TooSlow() {
      super(408, "the request body took too long");
    }

    /** Whether {@code failure} or one of its causes is a request cut off for being too slow. */
    static boolean in(Throwable failure) {
      for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
        if (t instanceof TooSlow) {
          return true;
        }
      }
      return false;
    }
  }

  /** Whether the request the connection is receiving is over a deadline or below the rate. */
  boolean tooSlow(HttpConnection http, long now) {
    HttpParser parser = http.getParser();
    if (parser.isStart()) {
      return false; // between requests: the idle timeout applies
    }
    long elapsed = now - parser.getBeginNanoTime();
    if (parser.inHeaderState()) {
      return elapsed > deadlines.headers().toNanos();
    }
    if (!parser.inContentState()) {
      return false; // received: being answered
    }
    if (elapsed > deadlines.headers().plus(deadlines.body()).toNanos()) {
      return true;
    }
    long grace = deadlines.grace().toNanos();
    if (elapsed <= grace || deadlines.minBodyRate() == 0) {
      return false;
    }
    double rate = parser.getContentRead() / (elapsed / 1e9);
    return rate < deadlines.minBodyRate();
  }
}
