package org.asylex.web;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The OpenID Connect provider the browser sign-in sends people to (authorization-code flow with
 * PKCE). Its endpoints and key set come from {@code <issuer>/.well-known/openid-configuration}.
 *
 * @param issuer the provider's issuer, exactly as in its ID tokens (the API's {@code
 *     --oidc-issuer})
 * @param clientId this web UI's client id at the provider: the ID token's audience
 * @param clientSecret the client secret, sent with HTTP Basic to the token endpoint; read from a
 *     file or an environment variable, never from the command line
 * @param roleClaim the claim holding the role, the same as for bearer JWTs
 * @param redirectUri where the provider sends the browser back; empty: derived from the request
 *     ({@code <scheme>://<host>/sign-in/oidc/callback})
 * @param clockSkew allowed for the ID token's {@code exp}/{@code iat}
 */
public record WebOidc(
    URI issuer,
    String clientId,
    String clientSecret,
    String roleClaim,
    Optional<URI> redirectUri,
    Duration clockSkew) {

  /** The environment variable read for the client secret when no file is given. */
  public static final String SECRET_ENV = "ASYLEX_OIDC_CLIENT_SECRET";

  public WebOidc {
    Objects.requireNonNull(issuer, "issuer");
    if (clientId == null || clientId.isBlank()) {
      throw new IllegalArgumentException("OIDC client id is required");
    }
    if (clientSecret == null || clientSecret.isEmpty()) {
      throw new IllegalArgumentException("OIDC client secret is required");
    }
    Objects.requireNonNull(roleClaim, "roleClaim");
    Objects.requireNonNull(redirectUri, "redirectUri");
    Objects.requireNonNull(clockSkew, "clockSkew");
  }

  public static WebOidc of(URI issuer, String clientId, String clientSecret, String roleClaim) {
    return new WebOidc(
        issuer, clientId, clientSecret, roleClaim, Optional.empty(), Duration.ofSeconds(30));
  }

  public WebOidc withRedirectUri(URI redirect) {
    return new WebOidc(issuer, clientId, clientSecret, roleClaim, Optional.of(redirect), clockSkew);
  }

  /** The secret from the file's first line, or else from {@link #SECRET_ENV}; empty: neither. */
  public static Optional<String> readSecret(Optional<Path> file) throws IOException {
    if (file.isPresent()) {
      String text = Files.readString(file.get(), StandardCharsets.UTF_8).strip();
      return text.isEmpty() ? Optional.empty() : Optional.of(text.lines().findFirst().orElse(""));
    }
    return Optional.ofNullable(System.getenv(SECRET_ENV)).filter(s -> !s.isEmpty());
  }

  /** Leaves the secret out. */
  @Override
  public String toString() {
    return "WebOidc[issuer=" + issuer + ", clientId=" + clientId + ", roleClaim=" + roleClaim + "]";
  }
}
