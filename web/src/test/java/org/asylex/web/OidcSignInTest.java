package org.asylex.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OpenID Connect sign-in, through the pages as a browser follows it, against an in-process
 * provider ({@link TestOidcProvider}).
 */
class OidcSignInTest {
  private static TestOidcProvider provider;
  private static WebTestServer server;

  @BeforeAll
  static void start() throws Exception {
    provider = new TestOidcProvider();
    server = provider.webServer();
  }

  @AfterAll
  static void stop() {
    server.close();
    provider.close();
  }

  @AfterEach
  void resetProvider() {
    provider.subject = "u-123";
    provider.claims = Map.of("asylex_role", "officer");
    provider.token = b -> b;
  }

  /** Where the signed-in page moves on to: a same-site refresh, not a cross-site redirect. */
  private static String continuesTo(HttpResponse<String> r) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    var m =
        java.util.regex.Pattern.compile("<meta http-equiv=\"refresh\" content=\"0;url=([^\"]+)\">")
            .matcher(r.body());
    assertThat(m.find()).as(r.body()).isTrue();
    assertThat(r.body()).contains("href=\"" + m.group(1) + "\"");
    return m.group(1);
  }

  private static String location(HttpResponse<String> r) {
    return r.headers().firstValue("Location").orElseThrow(() -> new AssertionError(r.body()));
  }

  /** Starts at the sign-in page's link and follows the provider's redirect to the callback. */
  private static String callback(HttpBrowser b) throws Exception {
    assertThat(b.get("/sign-in").body()).contains("href=\"/sign-in/oidc?back=%2F\"");
    HttpResponse<String> start = b.get("/sign-in/oidc");
    assertThat(start.statusCode()).isEqualTo(303);
    String authorize = location(start);
    assertThat(authorize)
        .startsWith(provider.issuer() + "/authorize?")
        .contains("code_challenge_method=S256")
        .contains("nonce=")
        .contains("state=");
    HttpResponse<String> atProvider = b.get(authorize);
    assertThat(atProvider.statusCode()).isEqualTo(302);
    return location(atProvider);
  }

  private static String sessionCookie(HttpResponse<String> r) {
    return r.headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith(Site.SESSION_COOKIE + "=") && !c.contains("Max-Age=0"))
        .findFirst()
        .orElse(null);
  }

  @Test
  void theCodeFlowStartsASessionWithStrictCookieFlagsAtTheRolesStartPage() throws Exception {
    var b = new HttpBrowser(server.url());
    String back = callback(b);
    assertThat(back).startsWith(server.url().resolve(OidcSignIn.CALLBACK) + "?code=");

    HttpResponse<String> signedIn = b.get(back);

    assertThat(signedIn.headers().firstValue("Location")).isEmpty();
    assertThat(continuesTo(signedIn)).isEqualTo("/cases");
    assertThat(sessionCookie(signedIn))
        .isNotNull()
        .contains("HttpOnly")
        .contains("SameSite=Strict");
    HttpResponse<String> cases = b.get("/cases");
    assertThat(cases.statusCode()).isEqualTo(200);
    assertThat(cases.body()).contains("oidc:u-123");
  }

  @Test
  void theRoleClaimPicksTheStartPage() throws Exception {
    provider.claims = Map.of("asylex_role", List.of("policy-analyst"));
    var b = new HttpBrowser(server.url());
    assertThat(continuesTo(b.get(callback(b)))).isEqualTo("/policy");
  }

  @Test
  void signingInGivesANewSessionIdAndEndsTheOldOne() throws Exception {
    var b = new HttpBrowser(server.url());
    b.signIn("auditor", WebTestServer.PASSWORD);
    String before = b.cookies.get(Site.SESSION_COOKIE);
    assertThat(before).isNotNull();

    b.get(callback(b));

    String after = b.cookies.get(Site.SESSION_COOKIE);
    assertThat(after).isNotNull().isNotEqualTo(before);
    var old = new HttpBrowser(server.url());
    old.cookies.put(Site.SESSION_COOKIE, before);
    assertThat(old.get("/cases").statusCode()).isEqualTo(302);
  }

  @Test
  void aWrongStateIsRefused() throws Exception {
    var b = new HttpBrowser(server.url());
    String back = callback(b);
    String forged = back.replaceAll("state=[^&]+", "state=forged");

    HttpResponse<String> answer = b.get(forged);

    assertThat(answer.statusCode()).isEqualTo(403);
    assertThat(answer.body()).contains(Texts.of(Lang.NL).get("error.oidcState"));
    assertThat(sessionCookie(answer)).isNull();
  }

  @Test
  void aCallbackStartedInAnotherBrowserIsRefused() throws Exception {
    // Login CSRF: an attacker's own callback URL, opened in the victim's browser.
    var attacker = new HttpBrowser(server.url());
    String back = callback(attacker);
    var victim = new HttpBrowser(server.url());
    victim.get("/sign-in/oidc");

    HttpResponse<String> answer = victim.get(back);

    assertThat(answer.statusCode()).isEqualTo(403);
    assertThat(sessionCookie(answer)).isNull();
  }

  @Test
  void aTokenWithoutAKnownRoleIsRefusedWithAClearPage() throws Exception {
    provider.claims = Map.of("asylex_role", "superuser");
    var b = new HttpBrowser(server.url());

    HttpResponse<String> answer = b.get(callback(b));

    assertThat(answer.statusCode()).isEqualTo(403);
    assertThat(answer.body()).contains(Texts.of(Lang.NL).get("error.oidcRole"));
    assertThat(sessionCookie(answer)).isNull();
  }

  @Test
  void aTokenNamingTwoRolesIsRefused() throws Exception {
    provider.claims = Map.of("asylex_role", List.of("officer", "admin"));
    var b = new HttpBrowser(server.url());
    assertThat(b.get(callback(b)).statusCode()).isEqualTo(403);
    assertThat(b.cookies).doesNotContainKey(Site.SESSION_COOKIE);
  }

  @Test
  void anIdTokenForAnotherAudienceOrWithAnotherNonceOrExpiredIsRefused() throws Exception {
    List<java.util.function.UnaryOperator<com.nimbusds.jwt.JWTClaimsSet.Builder>> tampered =
        List.of(
            t -> t.audience("someone-else"),
            t -> t.claim("nonce", "not-the-nonce"),
            t -> t.issuer("http://127.0.0.1:1"),
            t -> t.expirationTime(new java.util.Date(System.currentTimeMillis() - 3_600_000)));
    for (var change : tampered) {
      provider.token = change;
      var b = new HttpBrowser(server.url());
      HttpResponse<String> answer = b.get(callback(b));
      assertThat(answer.statusCode()).isEqualTo(401);
      assertThat(b.cookies).doesNotContainKey(Site.SESSION_COOKIE);
    }
  }

  @Test
  void theStateCookieIsLaxSoThatTheProvidersRedirectCarriesIt() throws Exception {
    var b = new HttpBrowser(server.url());
    HttpResponse<String> start = b.get("/sign-in/oidc");
    assertThat(start.headers().allValues("Set-Cookie"))
        .anyMatch(
            c ->
                c.startsWith(OidcSignIn.STATE_COOKIE + "=")
                    && c.contains("HttpOnly")
                    && c.contains("SameSite=Lax")
                    && c.contains("Path=" + OidcSignIn.CALLBACK));
    assertThat(URI.create(location(start)).getQuery())
        .contains("redirect_uri=" + server.url().resolve(OidcSignIn.CALLBACK) + "&");
  }
}
