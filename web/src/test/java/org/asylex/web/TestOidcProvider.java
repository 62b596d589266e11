package org.asylex.web;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * A small OpenID Connect provider on the JDK's HTTP server, for tests: discovery, an authorization
 * endpoint that signs the person in at once (as {@link #subject} with {@link #claims}), a token
 * endpoint that checks the client secret and the PKCE S256 verifier, and the JWKS. {@link #token}
 * lets a test tamper with the ID token's claims.
 */
final class TestOidcProvider implements AutoCloseable {
  static final String CLIENT_ID = "asylex-web";
  static final String CLIENT_SECRET = "s3cret-for-tests";

  private record Grant(String redirect, String nonce, String challenge) {}

  private final HttpServer http;
  private final RSAKey key;
  private final Map<String, Grant> grants = new ConcurrentHashMap<>();
  volatile String subject = "u-123";
  volatile Map<String, Object> claims = Map.of("asylex_role", "officer");
  volatile UnaryOperator<JWTClaimsSet.Builder> token = UnaryOperator.identity();

  TestOidcProvider() throws Exception {
    key = new RSAKeyGenerator(2048).keyID("k1").generate();
    http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    http.createContext("/.well-known/openid-configuration", this::discovery);
    http.createContext("/authorize", this::authorize);
    http.createContext("/token", this::token);
    http.createContext("/jwks", x -> send(x, 200, new JWKSet(key.toPublicJWK()).toString(false)));
    http.start();
  }

  /** A test server whose sign-in page offers this provider (role claim {@code asylex_role}). */
  WebTestServer webServer() {
    return WebTestServer.start(
        c -> c.withOidc(WebOidc.of(issuer(), CLIENT_ID, CLIENT_SECRET, "asylex_role")));
  }

  URI issuer() {
    return URI.create("http://127.0.0.1:" + http.getAddress().getPort());
  }

  private void discovery(HttpExchange x) throws IOException {
    String i = issuer().toString();
    send(
        x,
        200,
        "{\"issuer\":\""
            + i
            + "\",\"authorization_endpoint\":\""
            + i
            + "/authorize\",\"token_endpoint\":\""
            + i
            + "/token\",\"jwks_uri\":\""
            + i
            + "/jwks\",\"response_types_supported\":[\"code\"],"
            + "\"subject_types_supported\":[\"public\"],"
            + "\"id_token_signing_alg_values_supported\":[\"RS256\"]}");
  }

  private void authorize(HttpExchange x) throws IOException {
    Map<String, String> q = form(x.getRequestURI().getRawQuery());
    if (!CLIENT_ID.equals(q.get("client_id"))
        || !"code".equals(q.get("response_type"))
        || !"S256".equals(q.get("code_challenge_method"))
        || q.get("code_challenge") == null
        || q.get("nonce") == null) {
      send(x, 400, "bad authorization request");
      return;
    }
    String code = UUID.randomUUID().toString();
    grants.put(code, new Grant(q.get("redirect_uri"), q.get("nonce"), q.get("code_challenge")));
    x.getResponseHeaders()
        .add(
            "Location",
            q.get("redirect_uri")
                + "?code="
                + code
                + "&state="
                + URLEncoder.encode(q.get("state"), StandardCharsets.UTF_8));
    x.sendResponseHeaders(302, -1);
    x.close();
  }

  private void token(HttpExchange x) throws IOException {
    String basic =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
    Map<String, String> f =
        form(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    Grant grant = grants.remove(f.getOrDefault("code", ""));
    if (!basic.equals(x.getRequestHeaders().getFirst("Authorization"))
        || grant == null
        || !grant.redirect().equals(f.get("redirect_uri"))
        || !grant.challenge().equals(s256(f.getOrDefault("code_verifier", "")))) {
      send(x, 400, "{\"error\":\"invalid_grant\"}");
      return;
    }
    long now = System.currentTimeMillis();
    JWTClaimsSet.Builder c =
        new JWTClaimsSet.Builder()
            .issuer(issuer().toString())
            .audience(CLIENT_ID)
            .subject(subject)
            .claim("nonce", grant.nonce())
            .issueTime(new Date(now))
            .expirationTime(new Date(now + 300_000));
    claims.forEach(c::claim);
    try {
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
              token.apply(c).build());
      jwt.sign(new RSASSASigner(key));
      send(
          x,
          200,
          "{\"access_token\":\"at\",\"token_type\":\"Bearer\",\"expires_in\":300,"
              + "\"id_token\":\""
              + jwt.serialize()
              + "\"}");
    } catch (Exception e) {
      send(x, 500, "{\"error\":\"server_error\"}");
    }
  }

  private static String s256(String verifier) {
    try {
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(
              MessageDigest.getInstance("SHA-256")
                  .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, String> form(String raw) {
    Map<String, String> m = new HashMap<>();
    if (raw == null || raw.isEmpty()) {
      return m;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      m.put(
          URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return m;
  }

  private static void send(HttpExchange x, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    x.getResponseHeaders()
        .add("Content-Type", body.startsWith("{") ? "application/json" : "text/plain");
    x.sendResponseHeaders(status, bytes.length);
    x.getResponseBody().write(bytes);
    x.close();
  }

  @Override
  public void close() {
    http.stop(0);
  }
}
