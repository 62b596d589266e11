package org.asylex.server.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.text.ParseException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.asylex.app.users.Role;
import org.asylex.server.OidcConfig;
import org.asylex.server.http.Problems;

/**
 * Checks the JWTs of the configured OpenID Connect provider (nimbus-jose-jwt): signature by a key
 * of the provider's set, RS256 or ES256 only (never {@code none} or HMAC, which would let a public
 * key serve as a shared secret), exact issuer, audience, {@code exp} required, {@code nbf}, a
 * subject, all with the configured clock skew. The role comes from the configured claim.
 */
public final class JwtVerifier {
  /** Three base64url parts: the shape of a signed JWT (JWS compact serialisation). */
  private static final Pattern SHAPE =
      Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");

  private final DefaultJWTProcessor<SecurityContext> processor;
  private final String roleClaim;

  public JwtVerifier(OidcConfig config, Clock clock) {
    this.roleClaim = config.roleClaim();
    this.processor = new DefaultJWTProcessor<>();
    // Plain JWTs and RFC 9068 access tokens ("at+jwt"), which some providers issue.
    processor.setJWSTypeVerifier(
        new DefaultJOSEObjectTypeVerifier<>(
            JOSEObjectType.JWT, new JOSEObjectType("at+jwt"), null));
    processor.setJWSKeySelector(
        new JWSVerificationKeySelector<>(
            Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256), config.keys()));
    var claims =
        new DefaultJWTClaimsVerifier<SecurityContext>(
            Set.of(config.audience()),
            new JWTClaimsSet.Builder().issuer(config.issuer()).build(),
            Set.of("sub", "exp"),
            Set.of()) {
          @Override
          protected Date currentTime() {
            return Date.from(clock.instant());
          }
        };
    claims.setMaxClockSkew((int) config.clockSkew().toSeconds());
    processor.setJWTClaimsSetVerifier(claims);
  }

  /** Whether the credential looks like a JWT, so it is worth checking. */
  public static boolean looksLikeJwt(String credential) {
    return credential.length() < 16_384 && SHAPE.matcher(credential).matches();
  }

  /**
   * The principal {@code oidc:<sub>} with the role the token names.
   *
   * @throws Unauthenticated for a token that is not valid
   * @throws org.asylex.server.http.ApiProblem 403 when it names no known role or more than one
   */
  public Principal verify(String jwt) {
    JWTClaimsSet claims;
    try {
      claims = processor.process(jwt, null);
    } catch (ParseException | BadJOSEException | JOSEException | RuntimeException e) {
      throw new Unauthenticated(true);
    }
    List<Role> roles = roles(claims.getClaim(roleClaim));
    if (roles.size() != 1) {
      // Says what is wrong with the token, not with the route: no route would take it. The claim's
      // values are not repeated (they come from the token, not from us).
      throw Problems.forbidden(
          "The token's role claim '"
              + roleClaim
              + "' holds "
              + (roles.isEmpty() ? "no Asylex role" : "more than one Asylex role")
              + "; it must hold exactly one of: "
              + Arrays.stream(Role.values()).map(Role::id).collect(Collectors.joining(", "))
              + ".");
    }
    return new Principal("oidc:" + claims.getSubject(), roles.get(0), Principal.Via.JWT);
  }

  /**
   * The distinct known roles a role claim names (a string or an array); the browser sign-in reads
   * it too.
   */
  public static List<Role> roles(Object claim) {
    List<Object> values = new ArrayList<>();
    if (claim instanceof String) {
      values.add(claim);
    } else if (claim instanceof List<?>) {
      values.addAll((List<?>) claim);
    }
    List<Role> roles = new ArrayList<>();
    for (Object value : values) {
      if (value instanceof String) {
        Role.fromId((String) value).filter(r -> !roles.contains(r)).ifPresent(roles::add);
      }
    }
    return roles;
  }
}
