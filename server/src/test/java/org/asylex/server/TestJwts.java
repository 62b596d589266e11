package org.asylex.server;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.function.UnaryOperator;

/**
 * An OpenID Connect provider for tests: an RSA key whose public half the server trusts through an
 * in-memory key set, and JWTs signed with it (or with a key the server does not know).
 */
final class TestJwts {
  static final String ISSUER = "https://idp.example.test/realms/asylex";
  static final String AUDIENCE = "asylex-api";

  private final RSAKey key;
  private final RSAKey stranger;

  TestJwts() {
    try {
      key = new RSAKeyGenerator(2048).keyID("test-key").generate();
      stranger = new RSAKeyGenerator(2048).keyID("test-key").generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The server's configuration: trusts the public key only. */
  OidcConfig config() {
    return OidcConfig.keys(ISSUER, AUDIENCE, new ImmutableJWKSet<>(new JWKSet(key.toPublicJWK())));
  }

  /** Valid claims for subject {@code sub} with a role (a string), expiring in 5 minutes. */
  static JWTClaimsSet.Builder claims(String subject, Object role) {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .issuer(ISSUER)
        .audience(AUDIENCE)
        .subject(subject)
        .issueTime(Date.from(now))
        .notBeforeTime(Date.from(now.minusSeconds(5)))
        .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
        .claim(OidcConfig.DEFAULT_ROLE_CLAIM, role);
  }

  /** A token signed by the trusted key, with the claims changed by {@code change}. */
  String token(String subject, Object role, UnaryOperator<JWTClaimsSet.Builder> change) {
    return sign(key, change.apply(claims(subject, role)).build());
  }

  String token(String subject, Object role) {
    return token(subject, role, UnaryOperator.identity());
  }

  /** A token of the RFC 9068 kind ({@code typ: at+jwt}), signed by the trusted key. */
  String accessToken(String subject, Object role) {
    try {
      var jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256)
                  .keyID(key.getKeyID())
                  .type(new JOSEObjectType("at+jwt"))
                  .build(),
              claims(subject, role).build());
      jwt.sign(new RSASSASigner(key));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A well-formed token signed by a key with the trusted key's id that the server does not know.
   */
  String signedByStranger(String subject, Object role) {
    return sign(stranger, claims(subject, role).build());
  }

  /** A token with a shared-secret signature (HS256): never accepted. */
  String hmac(String subject, Object role) {
    try {
      var jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims(subject, role).build());
      jwt.sign(new MACSigner(new byte[32]));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String sign(RSAKey with, JWTClaimsSet claims) {
    try {
      var jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(with.getKeyID()).build(), claims);
      jwt.sign(new RSASSASigner(with));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }
}
