package org.asylex.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.asylex.app.users.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Sign-in, sessions and CSRF, over HTTP as a browser sends it. */
class SignInTest {
  private static final MutableClock CLOCK = new MutableClock();
  private static WebTestServer server;

  @BeforeAll
  static void start() {
    server = WebTestServer.start(c -> c.withClock(CLOCK));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static HttpBrowser browser() {
    return new HttpBrowser(server.url());
  }

  @Test
  void anyoneNotSignedInIsSentToTheSignInForm() throws Exception {
    var b = browser();
    assertThat(b.get("/").headers().firstValue("Location")).hasValue("/sign-in");
    var cases = b.get("/cases?offset=25");
    assertThat(cases.statusCode()).isEqualTo(302);
    assertThat(cases.headers().firstValue("Location"))
        .hasValue("/sign-in?back=%2Fcases%3Foffset%3D25");
  }

  @Test
  void signingInStartsASessionWithStrictCookieFlagsAndGoesToTheRolesStartPage() throws Exception {
    var b = browser();
    var answer = b.signIn("officer", WebTestServer.PASSWORD);

    assertThat(answer.statusCode()).isEqualTo(303);
    assertThat(answer.headers().firstValue("Location")).hasValue("/cases");
    String cookie =
        answer.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith(Site.SESSION_COOKIE + "="))
            .findFirst()
            .orElseThrow();
    assertThat(cookie).contains("HttpOnly").contains("SameSite=Strict").contains("Path=/");
    // The test talks to 127.0.0.1 over plain HTTP: the one case where Secure is left out.
    assertThat(cookie).doesNotContain("Secure");
    assertThat(b.get("/cases").statusCode()).isEqualTo(200);
  }

  @Test
  void aWrongPasswordIsRefusedWithTheErrorSummaryLinkedToTheField() throws Exception {
    var answer = browser().signIn("auditor", "not the password at all");

    assertThat(answer.statusCode()).isEqualTo(401);
    assertThat(answer.body()).contains("id=\"error-summary\"").contains("href=\"#name\"");
    assertThat(answer.headers().allValues("Set-Cookie"))
        .noneMatch(c -> c.startsWith(Site.SESSION_COOKIE + "=") && !c.contains("Max-Age=0"));
  }

  @Test
  void aSignInPostWithoutTheFormsTokenIsRefused() throws Exception {
    var b = browser();
    b.get("/sign-in");
    var answer = b.post("/sign-in", Map.of("name", "officer", "password", WebTestServer.PASSWORD));

    assertThat(answer.statusCode()).isEqualTo(403);
    assertThat(b.cookies).doesNotContainKey(Site.SESSION_COOKIE);
  }

  @Test
  void aFormPostWithoutTheSessionsCsrfTokenIsRefusedAndChangesNothing() throws Exception {
    var b = browser();
    b.signIn("officer", WebTestServer.PASSWORD);

    var signOut = b.post("/sign-out", Map.of("csrf", "made-up"));

    assertThat(signOut.statusCode()).isEqualTo(403);
    assertThat(b.get("/cases").statusCode()).isEqualTo(200);
  }

  @Test
  void signingOutEndsTheSessionOnTheServer() throws Exception {
    var b = browser();
    b.signIn("officer", WebTestServer.PASSWORD);
    String stolen = b.cookies.get(Site.SESSION_COOKIE);
    String csrf = HttpBrowser.csrf(b.get("/cases"));

    assertThat(b.post("/sign-out", Map.of("csrf", csrf)).statusCode()).isEqualTo(303);

    var replay = browser();
    replay.cookies.put(Site.SESSION_COOKIE, stolen);
    assertThat(replay.get("/cases").statusCode()).isEqualTo(302);
  }

  @Test
  void aSessionIdPlantedBeforeSignInIsNeverTheOneUsedAfter() throws Exception {
    var victim = browser();
    victim.signIn("officer", WebTestServer.PASSWORD);
    String before = victim.cookies.get(Site.SESSION_COOKIE);

    victim.signIn("officer", WebTestServer.PASSWORD);
    String after = victim.cookies.get(Site.SESSION_COOKIE);

    assertThat(after).isNotEqualTo(before);
    var attacker = browser();
    attacker.cookies.put(Site.SESSION_COOKIE, before);
    assertThat(attacker.get("/cases").statusCode()).isEqualTo(302);
    var planted = browser();
    planted.cookies.put(Site.SESSION_COOKIE, "planted-by-an-attacker");
    planted.signIn("officer", WebTestServer.PASSWORD);
    assertThat(planted.cookies.get(Site.SESSION_COOKIE)).isNotEqualTo("planted-by-an-attacker");
  }

  @Test
  void aSessionEndsWhenIdleAndAfterItsAbsoluteTime() throws Exception {
    var b = browser();
    b.signIn("auditor", WebTestServer.PASSWORD);
    CLOCK.advance(Duration.ofMinutes(29));
    assertThat(b.get("/audit").statusCode()).isEqualTo(200);
    CLOCK.advance(Duration.ofMinutes(30));
    assertThat(b.get("/audit").statusCode()).isEqualTo(302);

    var busy = browser();
    busy.signIn("auditor", WebTestServer.PASSWORD);
    for (int i = 0; i < 25; i++) {
      CLOCK.advance(Duration.ofMinutes(25));
      busy.get("/audit");
    }
    assertThat(busy.get("/audit").statusCode()).isEqualTo(302);
  }

  @Test
  void eachRoleReachesItsOwnStartPageAndNoOther() throws Exception {
    for (Role role : Role.values()) {
      var b = browser();
      var answer = b.signIn(role.id(), WebTestServer.PASSWORD);
      assertThat(answer.headers().firstValue("Location")).hasValue(Site.startPage(role));
      for (Role other : Role.values()) {
        int status = b.get(Site.startPage(other)).statusCode();
        assertThat(status)
            .as(role + " on " + Site.startPage(other))
            .isEqualTo(other == role ? 200 : 403);
      }
    }
  }

  @Test
  void failedSignInsAreLimitedPerAccountWithoutLockingOutTheRealUsersBrowser() throws Exception {
    var real = browser();
    real.signIn("admin", WebTestServer.PASSWORD);
    var guesser = browser();
    for (int i = 0; i < SignInLimits.ACCOUNT_BURST; i++) {
      assertThat(guesser.signIn("admin", "guess number " + i + " xyz").statusCode()).isEqualTo(401);
    }

    assertThat(guesser.signIn("admin", WebTestServer.PASSWORD).statusCode()).isEqualTo(429);
    assertThat(real.signIn("admin", WebTestServer.PASSWORD).statusCode()).isEqualTo(303);
    CLOCK.advance(Duration.ofSeconds(SignInLimits.ACCOUNT_REFILL_SECONDS));
    assertThat(browser().signIn("admin", WebTestServer.PASSWORD).statusCode()).isEqualTo(303);
  }

  @Test
  void aDisabledAccountsSessionEnds() throws Exception {
    server.app().accounts().add("leaver", "officer", "test-setup");
    server.app().accounts().setPassword("leaver", WebTestServer.PASSWORD, "test-setup");
    var b = browser();
    b.signIn("leaver", WebTestServer.PASSWORD);
    assertThat(b.get("/cases").statusCode()).isEqualTo(200);

    server.app().accounts().disable("leaver", "test-setup");

    assertThat(b.get("/cases").statusCode()).isEqualTo(302);
  }
}
