package org.asylex.server;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How the HTTP API runs: where it listens, its limits, and how it authenticates. Immutable; the
 * {@code with…} methods return changed copies of {@link #defaults()}.
 *
 * @param bind the address to listen on; loopback unless set, so an unconfigured server is never
 *     reachable from the network
 * @param port the TCP port; 0 picks any free one (tests)
 * @param maxBodyBytes the largest request body accepted; larger ones get 413 (JSON bodies are also
 *     capped at the 1 MiB of {@link org.asylex.json.CaseJson#MAX_BYTES})
 * @param stopTimeout how long {@link AsylexServer#stop()} lets requests in flight finish
 * @param tokenCacheTtl how long a verified API token is trusted without checking its hash again;
 *     also the longest a token disabled outside this server (the command line) keeps working
 * @param bcryptCost the BCrypt cost of new API tokens (10; tests use 4), for whoever opens the
 *     {@link org.asylex.app.Application} the server runs over ({@code new ApiTokens(bcryptCost)}):
 *     the accounts make the tokens
 * @param oidc the OpenID Connect provider whose JWTs are accepted besides API tokens, if any
 * @param clock the time of the token cache and of JWT expiry; "today" comes from the application's
 *     {@link org.asylex.app.Today}
 */
public record ServerConfig(
    String bind,
    int port,
    long maxBodyBytes,
    Duration stopTimeout,
    Duration tokenCacheTtl,
    int bcryptCost,
    Optional<OidcConfig> oidc,
    Clock clock) {

  public ServerConfig {
    Objects.requireNonNull(bind, "bind");
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("not a TCP port: " + port);
    }
    if (maxBodyBytes < 1) {
      throw new IllegalArgumentException("the body limit must be positive, not " + maxBodyBytes);
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
  }

  private static void requirePositive(Duration d, String what) {
    Objects.requireNonNull(d, what);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException("the " + what + " must be positive, not " + d);
    }
  }

  /** 127.0.0.1:8080, 1 MiB bodies, 10 s to stop, tokens cached 60 s, BCrypt cost 10, no OIDC. */
  public static ServerConfig defaults() {
    return new ServerConfig(
        "127.0.0.1",
        8080,
        1L << 20,
        Duration.ofSeconds(10),
        Duration.ofSeconds(60),
        10,
        Optional.empty(),
        Clock.systemUTC());
  }

  public ServerConfig withBind(String bind) {
    return new ServerConfig(
        bind, port, maxBodyBytes, stopTimeout, tokenCacheTtl, bcryptCost, oidc, clock);
  }

  public ServerConfig withPort(int port) {
    return new ServerConfig(
        bind, port, maxBodyBytes, stopTimeout, tokenCacheTtl, bcryptCost, oidc, clock);
  }

  public ServerConfig withMaxBodyBytes(long maxBodyBytes) {
    return new ServerConfig(
        bind, port, maxBodyBytes, stopTimeout, tokenCacheTtl, bcryptCost, oidc, clock);
  }

  public ServerConfig withStopTimeout(Duration stopTimeout) {
    return new ServerConfig(
        bind, port, maxBodyBytes, stopTimeout, tokenCacheTtl, bcryptCost, oidc, clock);
  }

  public ServerConfig withTokenCacheTtl(Duration tokenCacheTtl) {
    return new ServerConfig(
        bind, port, maxBodyBytes, stopTimeout, tokenCacheTtl, bcryptCost, oidc, clock);
  }

  public ServerConfig withBcryptCost(int bcryptCost) {
    return new ServerConfig(
        bind, port, maxBodyBytes, stopTimeout, tokenCacheTtl, bcryptCost, oidc, clock);
  }

  public ServerConfig withOidc(OidcConfig oidc) {
    return new ServerConfig(
        bind, port, maxBodyBytes, stopTimeout, tokenCacheTtl, bcryptCost, Optional.of(oidc), clock);
  }

  public ServerConfig withClock(Clock clock) {
    return new ServerConfig(
        bind, port, maxBodyBytes, stopTimeout, tokenCacheTtl, bcryptCost, oidc, clock);
  }
}
