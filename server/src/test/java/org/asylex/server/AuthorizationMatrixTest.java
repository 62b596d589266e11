package org.asylex.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jwt.PlainJWT;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.asylex.app.users.ApiTokens;
import org.asylex.app.users.Role;
import org.asylex.server.http.ApiRoute;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * Every route of the route table against every kind of credential: no credential and every kind of
 * bad one get 401 on a protected route, a good credential of a role the route does not list gets
 * 403, one of a role it lists gets neither; a public route never answers 401 or 403. Generated from
 * the route table, so a new route is covered without writing a test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest {
  private TestServer server;
  private ApiClient client;
  private final List<Credential> credentials = new ArrayList<>();

  /** What a credential should get on a protected route. */
  private enum Expect {
    NO_CREDENTIAL,
    INVALID,
    FORBIDDEN_EVERYWHERE,
    ROLE
  }

  private record Credential(String name, String authorization, Expect expect, Optional<Role> role) {
    static Credential of(String name, String authorization, Expect expect) {
      return new Credential(name, authorization, expect, Optional.empty());
    }
  }

  @BeforeAll
  void start() {
    TestJwts jwts = new TestJwts();
    server = TestServer.start(config -> config.withOidc(jwts.config()));
    client = server.client();

    ApiTokens.NewToken gone = new ApiTokens(4).generate();
    server.store().users().add("gone", "officer", gone.id(), gone.hash(), "test-setup");
    server.store().users().disable("gone", "test-setup");
    String officer = server.token(Role.OFFICER);
    String officerId = ApiTokens.idOf(officer).orElseThrow();
    Instant past = Instant.now().minusSeconds(600);

    credentials.add(Credential.of("no Authorization header", null, Expect.NO_CREDENTIAL));
    credentials.add(Credential.of("Basic scheme", "Basic b2ZmaWNlcjpzZWNyZXQ=", Expect.INVALID));
    credentials.add(Credential.of("Bearer without a credential", "Bearer ", Expect.INVALID));
    credentials.add(Credential.of("Bearer garbage", "Bearer not-a-token", Expect.INVALID));
    credentials.add(
        Credential.of(
            "token of the right shape with an unknown id",
            "Bearer asx_0123456789abcdef_" + "A".repeat(43),
            Expect.INVALID));
    credentials.add(
        Credential.of(
            "token with a known id and a wrong secret",
            "Bearer asx_" + officerId + "_" + "B".repeat(43),
            Expect.INVALID));
    credentials.add(
        Credential.of("token of a disabled user", "Bearer " + gone.token(), Expect.INVALID));
    credentials.add(
        Credential.of(
            "expired JWT",
            "Bearer "
                + jwts.token(
                    "sub-expired",
                    "officer",
                    c ->
                        c.expirationTime(Date.from(past))
                            .notBeforeTime(Date.from(past.minusSeconds(60)))),
            Expect.INVALID));
    credentials.add(
        Credential.of(
            "JWT of another issuer",
            "Bearer "
                + jwts.token("sub-iss", "officer", c -> c.issuer("https://evil.example.test")),
            Expect.INVALID));
    credentials.add(
        Credential.of(
            "JWT for another audience",
            "Bearer " + jwts.token("sub-aud", "officer", c -> c.audience("another-api")),
            Expect.INVALID));
    credentials.add(
        Credential.of(
            "JWT signed by an unknown key",
            "Bearer " + jwts.signedByStranger("sub-key", "officer"),
            Expect.INVALID));
    credentials.add(
        Credential.of(
            "JWT signed with HS256", "Bearer " + jwts.hmac("sub-hmac", "officer"), Expect.INVALID));
    credentials.add(
        Credential.of(
            "unsigned JWT (alg none)",
            "Bearer "
                + new PlainJWT(new PlainHeader(), TestJwts.claims("sub-none", "officer").build())
                    .serialize(),
            Expect.INVALID));
    credentials.add(
        Credential.of(
            "JWT without a role claim",
            "Bearer " + jwts.token("sub-norole", null),
            Expect.FORBIDDEN_EVERYWHERE));
    credentials.add(
        Credential.of(
            "JWT with two roles",
            "Bearer " + jwts.token("sub-two", List.of("officer", "admin")),
            Expect.FORBIDDEN_EVERYWHERE));
    for (Role role : Role.values()) {
      credentials.add(
          new Credential(
              "API token of a user with role " + role,
              "Bearer " + server.token(role),
              Expect.ROLE,
              Optional.of(role)));
    }
    for (Role role : Role.values()) {
      credentials.add(
          new Credential(
              "JWT with role " + role,
              "Bearer " + jwts.token("sub-" + role.id(), List.of(role.id(), "unrelated-role")),
              Expect.ROLE,
              Optional.of(role)));
    }
  }

  @AfterAll
  void stop() {
    server.close();
  }

  @TestFactory
  Stream<DynamicContainer> everyRouteAgainstEveryCredential() {
    return server.server().routes().stream()
        .map(
            route ->
                dynamicContainer(
                    route.toString() + (route.isPublic() ? " (public)" : " " + route.roles()),
                    credentials.stream().map(c -> dynamicTest(c.name(), () -> check(route, c)))));
  }

  /**
   * HEAD on every route's path, with every credential: refused on the API (405, {@code Allow}
   * without HEAD), so that it can never answer without authentication, authorisation and the audit
   * its GET has; answered like GET on the public pages.
   */
  @TestFactory
  Stream<DynamicContainer> headOnEveryRouteAgainstEveryCredential() {
    return server.server().routes().stream()
        .map(
            route ->
                dynamicContainer(
                    "HEAD " + route.path() + " (" + route.method() + " route)",
                    credentials.stream().map(c -> dynamicTest(c.name(), () -> head(route, c)))));
  }

  private void head(ApiRoute route, Credential credential) {
    String path = route.path().replace("{id}", "matrix-absent").replace("{name}", "nobody");
    var request = client.request("HEAD", path);
    if (credential.authorization() != null) {
      request.header("Authorization", credential.authorization());
    }
    ApiClient.Response response = request.send();
    assertThat(response.body()).as("a HEAD answer has no body").isEmpty();
    if (!route.path().startsWith("/api/")) {
      var get = client.request("GET", path).send();
      assertThat(response.status()).as(response.toString()).isEqualTo(get.status());
      assertThat(response.contentType()).isEqualTo(get.contentType());
      return;
    }
    assertThat(response.status()).as(response.toString()).isEqualTo(405);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.header("Allow"))
        .as("Allow of HEAD " + path)
        .hasValueSatisfying(
            allow ->
                assertThat(allow.split(", "))
                    .contains(route.method().name())
                    .doesNotContain("HEAD"));
  }

  private void check(ApiRoute route, Credential credential) {
    ApiClient.Response response = send(route, credential);
    if (route.isPublic()) {
      assertThat(response.status()).as(response.toString()).isNotIn(401, 403);
      return;
    }
    switch (credential.expect()) {
      case NO_CREDENTIAL:
        assertThat(response.status()).as(response.toString()).isEqualTo(401);
        assertThat(response.header("WWW-Authenticate")).contains("Bearer realm=\"asylex\"");
        assertThat(response.json().path("type").asText())
            .isEqualTo("urn:asylex:problem:unauthenticated");
        break;
      case INVALID:
        assertThat(response.status()).as(response.toString()).isEqualTo(401);
        assertThat(response.header("WWW-Authenticate"))
            .contains("Bearer realm=\"asylex\", error=\"invalid_token\"");
        break;
      case FORBIDDEN_EVERYWHERE:
        assertThat(response.status()).as(response.toString()).isEqualTo(403);
        assertThat(response.json().path("type").asText()).isEqualTo("urn:asylex:problem:forbidden");
        break;
      case ROLE:
        if (route.roles().contains(credential.role().orElseThrow())) {
          assertThat(response.status()).as(response.toString()).isNotIn(401, 403);
        } else {
          assertThat(response.status()).as(response.toString()).isEqualTo(403);
          assertThat(response.contentType()).startsWith("application/problem+json");
        }
        break;
      default:
        throw new AssertionError(credential.expect());
    }
  }

  /**
   * A request that reaches the handler when authorised, and changes nothing the other cases rely
   * on: path ids that do not exist, bodies that are rejected.
   */
  private ApiClient.Response send(ApiRoute route, Credential credential) {
    String path = route.path().replace("{id}", "matrix-absent").replace("{name}", "nobody");
    var request = client.request(route.method().name(), path);
    if (credential.authorization() != null) {
      request.header("Authorization", credential.authorization());
    }
    if (route.method().name().equals("POST") || route.method().name().equals("PATCH")) {
      request.json("{}");
    }
    return request.send();
  }
}
