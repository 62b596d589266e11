package org.asylex.web;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How the web UI runs.
 *
 * @param themeClass the CSS class of the theme on the page's root element (the NL Design System way
 *     of scoping design tokens): {@code utrecht-theme} for the bundled tokens
 * @param themeCss a deployment's own design tokens (a CSS file defining {@code themeClass}), served
 *     instead of the bundled ones; empty: the bundled neutral theme
 * @param idleTimeout a session unused this long is ended
 * @param absoluteTimeout a session is ended this long after sign-in, however busy
 * @param clock the time of sessions and sign-in limits
 * @param oidc the OpenID Connect provider offered at sign-in besides passwords, if any
 */
public record WebConfig(
    String themeClass,
    Optional<Path> themeCss,
    Duration idleTimeout,
    Duration absoluteTimeout,
    Clock clock,
    Optional<WebOidc> oidc) {

  public WebConfig {
    Objects.requireNonNull(themeClass, "themeClass");
    if (!themeClass.matches("[a-z][a-z0-9-]{0,63}")) {
      throw new IllegalArgumentException("not a CSS class name: " + themeClass);
    }
    Objects.requireNonNull(themeCss, "themeCss");
    Objects.requireNonNull(idleTimeout, "idleTimeout");
    Objects.requireNonNull(absoluteTimeout, "absoluteTimeout");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(oidc, "oidc");
    if (idleTimeout.isNegative()
        || idleTimeout.isZero()
        || absoluteTimeout.compareTo(idleTimeout) < 0) {
      throw new IllegalArgumentException(
          "the idle timeout must be positive and at most the absolute timeout");
    }
  }

  /**
   * The bundled theme, sessions idle for 30 minutes and at most 10 hours long, the system clock.
   */
  public static WebConfig defaults() {
    return new WebConfig(
        "utrecht-theme",
        Optional.empty(),
        Duration.ofMinutes(30),
        Duration.ofHours(10),
        Clock.systemUTC(),
        Optional.empty());
  }

  /** A deployment's own theme: its class and the CSS file of its design tokens. */
  public WebConfig withTheme(String themeClass, Path themeCss) {
    return new WebConfig(
        themeClass, Optional.of(themeCss), idleTimeout, absoluteTimeout, clock, oidc);
  }

  public WebConfig withTimeouts(Duration idle, Duration absolute) {
    return new WebConfig(themeClass, themeCss, idle, absolute, clock, oidc);
  }

  public WebConfig withClock(Clock clock) {
    return new WebConfig(themeClass, themeCss, idleTimeout, absoluteTimeout, clock, oidc);
  }

  public WebConfig withOidc(WebOidc oidc) {
    return new WebConfig(
        themeClass, themeCss, idleTimeout, absoluteTimeout, clock, Optional.of(oidc));
  }
}
