package org.asylex.server;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.util.Objects;

/**
 * The OpenID Connect provider whose access tokens (JWTs) the API accepts besides its own API
 * tokens. A JWT is accepted when it is signed (RS256 or ES256) by a key of the provider's key set,
 * its {@code iss} is exactly {@link #issuer()}, its {@code aud} contains {@link #audience()}, and
 * it is within its {@code exp}/{@code nbf} allowing {@link #clockSkew()}. The role comes from
 * {@link #roleClaim()}.
 *
 * @param keys where the provider's signing keys come from: its JWKS URL in production ({@link
 *     #jwksUrl}), a fixed key set in tests or air-gapped set-ups ({@link #keys}, {@link #jwksFile})
 * @param roleClaim the claim holding the role id, as a string or an array with exactly one known
 *     role id
 */
public record OidcConfig(
    String issuer,
    String audience,
    String roleClaim,
    JWKSource<SecurityContext> keys,
    Duration clockSkew) {

  /** The claim read for the role unless another is set. */
  public static final String DEFAULT_ROLE_CLAIM = "asylex_role";

  public OidcConfig {
    requireText(issuer, "issuer");
    requireText(audience, "audience");
    requireText(roleClaim, "roleClaim");
    Objects.requireNonNull(keys, "keys");
    Objects.requireNonNull(clockSkew, "clockSkew");
    if (clockSkew.isNegative() || clockSkew.compareTo(Duration.ofMinutes(5)) > 0) {
      throw new IllegalArgumentException("the clock skew must be 0..5 minutes, not " + clockSkew);
    }
  }

  private static void requireText(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("OIDC " + what + " is required");
    }
  }

  /** Keys fetched from the provider's JWKS URL, cached and refreshed by nimbus. */
  public static OidcConfig jwksUrl(String issuer, String audience, URL jwks) {
    return keys(issuer, audience, JWKSourceBuilder.<SecurityContext>create(jwks).build());
  }

  /** A fixed key set: the given source (tests pass an in-memory {@link ImmutableJWKSet}). */
  public static OidcConfig keys(String issuer, String audience, JWKSource<SecurityContext> keys) {
    return new OidcConfig(issuer, audience, DEFAULT_ROLE_CLAIM, keys, Duration.ofSeconds(30));
  }

  /** The public keys in a local JWKS file, read once now. */
  public static OidcConfig jwksFile(String issuer, String audience, Path file)
      throws IOException, ParseException {
    return keys(
        issuer, audience, new ImmutableJWKSet<>(JWKSet.load(file.toFile()).toPublicJWKSet()));
  }

  public OidcConfig withRoleClaim(String roleClaim) {
    return new OidcConfig(issuer, audience, roleClaim, keys, clockSkew);
  }

  public OidcConfig withClockSkew(Duration clockSkew) {
    return new OidcConfig(issuer, audience, roleClaim, keys, clockSkew);
  }

  /** Leaves the keys out. */
  @Override
  public String toString() {
    return "OidcConfig[issuer="
        + issuer
        + ", audience="
        + audience
        + ", roleClaim="
        + roleClaim
        + "]";
  }
}
