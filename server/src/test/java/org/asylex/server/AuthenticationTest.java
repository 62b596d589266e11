package org.asylex.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.asylex.app.users.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * API tokens and JWTs end to end: who {@code /api/v1/me} says the caller is, that revoking a token
 * through the API takes effect at once despite the verification cache, and that a change made past
 * the API (the command line) takes effect within the cache's TTL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthenticationTest {
  private final MutableClock clock = new MutableClock();
  private TestJwts jwts;
  private TestServer server;
  private ApiClient client;

  @BeforeAll
  void start() {
    jwts = new TestJwts();
    server =
        TestServer.start(
            config ->
                config
                    .withOidc(jwts.config())
                    .withClock(clock)
                    .withTokenCacheTtl(Duration.ofSeconds(60)));
    client = server.client();
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private String admin() {
    return server.token(Role.ADMIN);
  }

  private String newUser(String name, String role) {
    var created = client.post("/api/v1/users", admin(), Map.of("name", name, "role", role));
    assertThat(created.status()).isEqualTo(201);
    return created.json().path("token").asText();
  }

  @Test
  void meNamesTheUserOfAnApiToken() {
    var me = client.get("/api/v1/me", server.token(Role.POLICY_ANALYST)).json();
    assertThat(me.path("name").asText()).isEqualTo("policy-analyst");
    assertThat(me.path("role").asText()).isEqualTo("policy-analyst");
    assertThat(me.path("via").asText()).isEqualTo("api-token");
  }

  @Test
  void meNamesTheSubjectOfAJwt() {
    var me = client.get("/api/v1/me", jwts.token("u-123", "auditor")).json();
    assertThat(me.path("name").asText()).isEqualTo("oidc:u-123");
    assertThat(me.path("role").asText()).isEqualTo("auditor");
    assertThat(me.path("via").asText()).isEqualTo("jwt");
  }

  @Test
  void accessTokensOfRfc9068AreJwtsToo() {
    var me = client.get("/api/v1/me", jwts.accessToken("u-at", "officer"));
    assertThat(me.status()).isEqualTo(200);
    assertThat(me.json().path("name").asText()).isEqualTo("oidc:u-at");
  }

  @Test
  void theRoleClaimMayBeAnArrayWithOneKnownRole() {
    var me = client.get("/api/v1/me", jwts.token("u-1", List.of("offline_access", "admin")));
    assertThat(me.json().path("role").asText()).isEqualTo("admin");
  }

  @Test
  void aJwtWhoseRoleClaimHoldsNoAsylexRoleIsToldSo() {
    for (Object role : List.of("none", List.of("offline_access"), 42)) {
      var me = client.get("/api/v1/me", jwts.token("u-norole", role));
      assertThat(me.status()).isEqualTo(403);
      assertThat(me.json().path("type").asText()).isEqualTo("urn:asylex:problem:forbidden");
      assertThat(me.json().path("detail").asText())
          .contains("role claim")
          .contains("'" + OidcConfig.DEFAULT_ROLE_CLAIM + "'")
          .contains("no Asylex role")
          .contains("officer, policy-analyst, auditor, admin")
          .doesNotContain("none")
          .doesNotContain("Your role may not use this route");
    }
    var absent = client.get("/api/v1/me", jwts.token("u-absent", null));
    assertThat(absent.status()).isEqualTo(403);
    assertThat(absent.json().path("detail").asText()).contains("no Asylex role");
  }

  @Test
  void aJwtWhoseRoleClaimHoldsTwoAsylexRolesIsToldSo() {
    var me = client.get("/api/v1/me", jwts.token("u-two", List.of("officer", "admin")));
    assertThat(me.status()).isEqualTo(403);
    assertThat(me.json().path("detail").asText())
        .contains("'" + OidcConfig.DEFAULT_ROLE_CLAIM + "'")
        .contains("more than one Asylex role");
  }

  @Test
  void aJwtWithAGoodRoleOnAnotherRoutesRoleIsForbiddenForItsRole() {
    var users = client.get("/api/v1/users", jwts.token("u-off", "officer"));
    assertThat(users.status()).isEqualTo(403);
    assertThat(users.json().path("detail").asText()).isEqualTo("Your role may not use this route.");
  }

  @Test
  void aDisabledAccountGetsNoNewTokenAndNothingIsStored() {
    newUser("retired", "officer");
    assertThat(client.post("/api/v1/users/retired/disable", admin(), null).status()).isEqualTo(200);
    var before = server.store().users().find("retired").orElseThrow();
    long events = server.store().audit().verify().checked();

    var response = client.post("/api/v1/users/retired/token", admin(), null);

    assertThat(response.status()).isEqualTo(409);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.json().path("type").asText())
        .isEqualTo("urn:asylex:problem:account-disabled");
    assertThat(response.body()).doesNotContain("asx_");
    var after = server.store().users().find("retired").orElseThrow();
    assertThat(after.tokenId()).isEqualTo(before.tokenId());
    assertThat(after.tokenHash()).isEqualTo(before.tokenHash());
    assertThat(server.store().audit().verify().checked()).isEqualTo(events);
  }

  @Test
  void theBearerSchemeIsCaseInsensitive() {
    var me =
        client
            .request("GET", "/api/v1/me")
            .header("Authorization", "bearer " + server.token(Role.OFFICER))
            .send();
    assertThat(me.status()).isEqualTo(200);
  }

  @Test
  void aDisabledUsersTokenStopsWorkingAtOnceThoughItWasCached() {
    String token = newUser("leaver", "officer");
    assertThat(client.get("/api/v1/me", token).status()).isEqualTo(200);
    assertThat(client.get("/api/v1/me", token).status()).isEqualTo(200);
    var disabled = client.post("/api/v1/users/leaver/disable", admin(), null);
    assertThat(disabled.status()).isEqualTo(200);
    assertThat(disabled.json().path("disabled").isTextual()).isTrue();
    assertThat(client.get("/api/v1/me", token).status()).isEqualTo(401);
  }

  @Test
  void anEnabledUserGetsANewTokenAndTheOldOneStaysDead() {
    String old = newUser("returner", "officer");
    assertThat(client.post("/api/v1/users/returner/disable", admin(), null).status())
        .isEqualTo(200);
    var enabled = client.post("/api/v1/users/returner/enable", admin(), null);
    assertThat(enabled.status()).isEqualTo(200);
    assertThat(enabled.json().path("disabled").isNull()).isTrue();
    String fresh = enabled.json().path("token").asText();
    assertThat(fresh).startsWith("asx_").isNotEqualTo(old);
    assertThat(client.get("/api/v1/me", old).status()).isEqualTo(401);
    assertThat(client.get("/api/v1/me", fresh).status()).isEqualTo(200);
    var again = client.post("/api/v1/users/returner/enable", admin(), null);
    assertThat(again.status()).isEqualTo(422);
    assertThat(again.json().path("errors").findValuesAsText("pointer")).containsExactly("/name");
    assertThat(client.post("/api/v1/users/nobody/enable", admin(), null).status()).isEqualTo(404);
    assertThat(client.post("/api/v1/users/returner/enable", fresh, null).status()).isEqualTo(403);
  }

  @Test
  void aReplacedTokenStopsWorkingAtOnceAndTheNewOneWorks() {
    String old = newUser("rotator", "auditor");
    assertThat(client.get("/api/v1/me", old).status()).isEqualTo(200);
    var replaced = client.post("/api/v1/users/rotator/token", admin(), null);
    assertThat(replaced.status()).isEqualTo(200);
    String fresh = replaced.json().path("token").asText();
    assertThat(fresh).isNotEqualTo(old);
    assertThat(client.get("/api/v1/me", old).status()).isEqualTo(401);
    assertThat(client.get("/api/v1/me", fresh).status()).isEqualTo(200);
  }

  @Test
  void aUserDisabledPastTheApiIsRefusedOnceTheCacheEntryExpires() {
    String token = newUser("cli-disabled", "officer");
    assertThat(client.get("/api/v1/me", token).status()).isEqualTo(200);
    server.store().users().disable("cli-disabled", "cli-admin");
    assertThat(client.get("/api/v1/me", token).status())
        .as("still trusted from the cache: the documented bound")
        .isEqualTo(200);
    clock.advance(Duration.ofSeconds(61));
    assertThat(client.get("/api/v1/me", token).status()).isEqualTo(401);
  }

  @Test
  void tokensAreShownOnlyWhenMadeAndListsHoldNoSecrets() {
    String token = newUser("quiet", "auditor");
    var list = client.get("/api/v1/users", admin());
    assertThat(list.body()).doesNotContain(token).doesNotContain("$2a$").doesNotContain("token");
  }

  @Test
  void userNamesAndRolesAreChecked() {
    var bad =
        client.post("/api/v1/users", admin(), Map.of("name", "Upper", "role", "root", "x", 1));
    assertThat(bad.status()).isEqualTo(422);
    assertThat(bad.json().path("errors").findValuesAsText("pointer"))
        .containsExactlyInAnyOrder("/x", "/name", "/role");
  }
}
