package org.asylex.server;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.asylex.server.auth.AuthLimits;
import org.asylex.server.http.RequestDeadlines;

/**
 * How the HTTP API runs: where it listens, its limits, and how it authenticates. Immutable; the
 * {@code with…} methods return changed copies of {@link #defaults()}.
 *
 * @param bind the address to listen on; loopback unless set, so an unconfigured server is never
 *     reachable from the network
 * @param port the TCP port; 0 picks any free one (tests)
 * @param maxBodyBytes the largest request body accepted, at most {@value #MAX_BODY_LIMIT} bytes
 *     (bodies are read into memory); larger ones get 413
 * @param stopTimeout how long {@link AsylexServer#stop()} lets requests in flight finish
 * @param tokenCacheTtl how long a verified API token is trusted without checking its hash again (a
 *     token replaced or an account disabled outside this server stops working within the recheck
 *     time of {@code authLimits}, one second by default)
 * @param bcryptCost the BCrypt cost of new API tokens (10; tests use 4), for whoever opens the
 *     {@link org.asylex.app.Application} the server runs over ({@code new ApiTokens(bcryptCost)}):
 *     the accounts make the tokens
 * @param oidc the OpenID Connect provider whose JWTs are accepted besides API tokens, if any
 * @param clock the time of the token cache and of JWT expiry; "today" comes from the application's
 *     {@link org.asylex.app.Today}
 * @param authLimits how checks of API tokens are limited ({@link AuthLimits})
 * @param deadlines how long a client may take to send a request ({@link RequestDeadlines})
 */
public record ServerConfig(
    String bind,
    int port,
    long maxBodyBytes,
    Duration stopTimeout,
    Duration tokenCacheTtl,
    int bcryptCost,
    Optional<OidcConfig> oidc,
    Clock clock,
    AuthLimits authLimits,
    RequestDeadlines deadlines) {

  /** The largest body limit that may be configured: 16 MiB. */
  public static final long MAX_BODY_LIMIT = 16L << 20;

  public ServerConfig {
    Objects.requireNonNull(bind, "bind");
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("not a TCP port: " + port);
    }
    if (maxBodyBytes < 1 || maxBodyBytes > MAX_BODY_LIMIT) {
      throw new IllegalArgumentException(
          "the body limit is 1 to " + MAX_BODY_LIMIT + " bytes, not " + maxBodyBytes);
    }
    requirePositive(stopTimeout, "stop timeout");
    Objects.requireNonNull(tokenCacheTtl, "tokenCacheTtl");
    if (tokenCacheTtl.isNegative()) {
      throw new IllegalArgumentException("the token cache TTL must not be negative");
    }
    if (bcryptCost < 4 || bcryptCost > 31) {
      throw new IllegalArgumentException("BCrypt cost must be 4..31, not " + bcryptCost);
    }
    Objects.requireNonNull(oidc, "oidc");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(authLimits, "authLimits");
    Objects.requireNonNull(deadlines, "deadlines");
  }

  private static void requirePositive(Duration d, String what) {
    Objects.requireNonNull(d, what);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException("the " + what + " must be positive, not " + d);
    }
  }

  /**
   * 127.0.0.1:8080, 1 MiB bodies, 10 s to stop, tokens cached 60 s, BCrypt cost 10, no OIDC, the
   * default limits on token checks and the default request deadlines.
   */
  public static ServerConfig defaults() {
    return new ServerConfig(
        "127.0.0.1",
        8080,
        1L << 20,
        Duration.ofSeconds(10),
        Duration.ofSeconds(60),
        10,
        Optional.empty(),
        Clock.systemUTC(),
        AuthLimits.defaults(),
        RequestDeadlines.defaults());
  }

  public ServerConfig withBind(String bind) {
    return new ServerConfig(
        bind,
        port,
        maxBodyBytes,
        stopTimeout,
        tokenCacheTtl,
        bcryptCost,
        oidc,
        clock,
        authLimits,
        deadlines);
  }

  public ServerConfig withPort(int port) {
    return new ServerConfig(
        bind,
        port,
        maxBodyBytes,
        stopTimeout,
        tokenCacheTtl,
        bcryptCost,
        oidc,
        clock,
        authLimits,
        deadlines);
  }

  public ServerConfig withMaxBodyBytes(long maxBodyBytes) {
    return new ServerConfig(
        bind,
        port,
        maxBodyBytes,
        stopTimeout,
        tokenCacheTtl,
        bcryptCost,
        oidc,
        clock,
        authLimits,
        deadlines);
  }

  public ServerConfig withStopTimeout(Duration stopTimeout) {
    return new ServerConfig(
        bind,
        port,
        maxBodyBytes,
        stopTimeout,
        tokenCacheTtl,
        bcryptCost,
        oidc,
        clock,
        authLimits,
        deadlines);
  }

  public ServerConfig withTokenCacheTtl(Duration tokenCacheTtl) {
    return new ServerConfig(
        bind,
        port,
        maxBodyBytes,
        stopTimeout,
        tokenCacheTtl,
        bcryptCost,
        oidc,
        clock,
        authLimits,
        deadlines);
  }

  public ServerConfig withBcryptCost(int bcryptCost) {
    return new ServerConfig(
        bind,
        port,
        maxBodyBytes,
        stopTimeout,
        tokenCacheTtl,
        bcryptCost,
        oidc,
        clock,
        authLimits,
        deadlines);
  }

  public ServerConfig withOidc(OidcConfig oidc) {
    return new ServerConfig(
        bind,
        port,
        maxBodyBytes,
        stopTimeout,
        tokenCacheTtl,
        bcryptCost,
        Optional.of(oidc),
        clock,
        authLimits,
        deadlines);
  }

  public ServerConfig withClock(Clock clock) {
    return new ServerConfig(
        bind,
        port,
        maxBodyBytes,
        stopTimeout,
        tokenCacheTtl,
        bcryptCost,
        oidc,
        clock,
        authLimits,
        deadlines);
  }

  public ServerConfig withAuthLimits(AuthLimits authLimits) {
    return new ServerConfig(
        bind,
        port,
        maxBodyBytes,
        stopTimeout,
        tokenCacheTtl,
        bcryptCost,
        oidc,
        clock,
        authLimits,
        deadlines);
  }

  public ServerConfig withDeadlines(RequestDeadlines deadlines) {
    return new ServerConfig(
        bind,
        port,
        maxBodyBytes,
        stopTimeout,
        tokenCacheTtl,
        bcryptCost,
        oidc,
        clock,
        authLimits,
        deadlines);
  }
}
