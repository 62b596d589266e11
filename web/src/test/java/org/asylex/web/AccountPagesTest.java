package org.asylex.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.asylex.app.users.Role;
import org.asylex.store.AuditEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The admin's account pages: only an admin reaches them, every form needs the session's CSRF token,
 * every change is audited as {@code asylex user ...} audits it, no page shows a password or a hash,
 * a new token is shown once.
 */
class AccountPagesTest {
  private static final Pattern TOKEN = Pattern.compile("asx_[0-9a-f]{16}_[A-Za-z0-9_-]{43}");
  private static final String STRONG = "violet kettle on the stairs";

  private static WebTestServer server;

  @BeforeAll
  static void start() {
    server = WebTestServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static HttpBrowser admin() throws Exception {
    return server.signedIn("admin");
  }

  private static HttpResponse<String> post(HttpBrowser b, String path, String... pairs)
      throws Exception {
    var form = new java.util.LinkedHashMap<String, String>();
    form.put("csrf", HttpBrowser.csrf(b.get("/accounts")));
    for (int i = 0; i < pairs.length; i += 2) {
      form.put(pairs[i], pairs[i + 1]);
    }
    return b.post(path, form);
  }

  private static List<AuditEvent> eventsAfter(long seq) {
    return server.app().audit().events(seq + 1, 1000).events();
  }

  private static long lastSeq() {
    var all = server.app().audit().events(1, 100_000).events();
    return all.isEmpty() ? 0 : all.get(all.size() - 1).seq();
  }

  @Test
  void onlyAnAdminReachesTheAccountPagesAndTheirForms() throws Exception {
    server.app().accounts().add("matrix.target", "officer", "test-setup");
    for (Role role : Role.values()) {
      var b = new HttpBrowser(server.url());
      b.signIn(role.id(), WebTestServer.PASSWORD);
      int expected = role == Role.ADMIN ? 200 : 403;
      assertThat(b.get("/accounts").statusCode()).as(role + " /accounts").isEqualTo(expected);
      assertThat(b.get("/accounts/matrix.target").statusCode())
          .as(role + " /accounts/{name}")
          .isEqualTo(expected);
      if (role != Role.ADMIN) {
        String csrf = HttpBrowser.csrf(b.get(Site.startPage(role)));
        for (String path :
            List.of(
                "/accounts",
                "/accounts/matrix.target/password",
                "/accounts/matrix.target/token",
                "/accounts/matrix.target/disable",
                "/accounts/matrix.target/enable")) {
          var answer =
              b.post(
                  path,
                  Map.of(
                      "csrf",
                      csrf,
                      "name",
                      "sneaky",
                      "role",
                      "admin",
                      "password",
                      STRONG,
                      "repeat",
                      STRONG));
          assertThat(answer.statusCode()).as(role + " POST " + path).isEqualTo(403);
        }
      }
    }
    assertThat(server.app().accounts().active("sneaky")).isEmpty();
    assertThat(server.app().accounts().active("matrix.target")).isPresent();
  }

  @Test
  void everyAccountFormIsRefusedWithoutTheSessionsCsrfTokenAndChangesNothing() throws Exception {
    server.app().accounts().add("csrf.target", "officer", "test-setup");
    var b = admin();
    long before = lastSeq();
    for (String path :
        List.of(
            "/accounts",
            "/accounts/csrf.target/password",
            "/accounts/csrf.target/token",
            "/accounts/csrf.target/disable",
            "/accounts/csrf.target/enable")) {
      for (Map<String, String> form :
          List.of(
              Map.of("name", "forged", "role", "admin", "password", STRONG, "repeat", STRONG),
              Map.of(
                  "csrf",
                  "not-the-token",
                  "name",
                  "forged",
                  "role",
                  "admin",
                  "password",
                  STRONG,
                  "repeat",
                  STRONG))) {
        assertThat(b.post(path, form).statusCode()).as("POST " + path).isEqualTo(403);
      }
    }
    assertThat(eventsAfter(before)).isEmpty();
    assertThat(server.app().accounts().active("forged")).isEmpty();
    assertThat(server.app().accounts().active("csrf.target")).isPresent();
  }

  @Test
  void anAdminAddsAnAccountSetsItsPasswordGivesItANewTokenDisablesAndEnablesItAllAudited()
      throws Exception {
    var b = admin();
    long before = lastSeq();

    var added = post(b, "/accounts", "name", "new.officer", "role", "officer");
    assertThat(added.statusCode()).isEqualTo(201);
    Matcher first = TOKEN.matcher(added.body());
    assertThat(first.find()).isTrue();
    String token = first.group();
    assertThat(server.app().accounts().verify(token)).isPresent();
    assertThat(added.headers().firstValue("Cache-Control")).hasValue("no-store");

    var page = b.get("/accounts/new.officer");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).doesNotContain(token).doesNotContain("$2a$");
    assertThat(TOKEN.matcher(page.body()).find()).isFalse();

    var set = post(b, "/accounts/new.officer/password", "password", STRONG, "repeat", STRONG);
    assertThat(set.statusCode()).isEqualTo(303);
    assertThat(b.get(set.headers().firstValue("Location").orElseThrow()).body())
        .contains("Het wachtwoord is ingesteld")
        .doesNotContain(STRONG);
    assertThat(server.app().accounts().signIn("new.officer", STRONG)).isPresent();

    var renewed = post(b, "/accounts/new.officer/token");
    assertThat(renewed.statusCode()).isEqualTo(200);
    Matcher second = TOKEN.matcher(renewed.body());
    assertThat(second.find()).isTrue();
    assertThat(server.app().accounts().verify(second.group())).isPresent();
    assertThat(server.app().accounts().verify(token)).isEmpty();

    var disabled = post(b, "/accounts/new.officer/disable");
    assertThat(disabled.statusCode()).isEqualTo(303);
    assertThat(server.app().accounts().active("new.officer")).isEmpty();
    String list = b.get("/accounts").body();
    assertThat(list).contains("new.officer").doesNotContain("$2a$");
    assertThat(TOKEN.matcher(list).find()).isFalse();

    assertThat(b.get("/accounts/new.officer").body())
        .contains("action=\"/accounts/new.officer/enable\"");
    var enabled = post(b, "/accounts/new.officer/enable");
    assertThat(enabled.statusCode()).isEqualTo(200);
    Matcher third = TOKEN.matcher(enabled.body());
    assertThat(third.find()).isTrue();
    assertThat(server.app().accounts().verify(third.group())).isPresent();
    assertThat(server.app().accounts().verify(second.group())).isEmpty();
    assertThat(server.app().accounts().signIn("new.officer", STRONG)).isEmpty();
    assertThat(post(b, "/accounts/new.officer/enable").statusCode()).isEqualTo(422);

    assertThat(eventsAfter(before))
        .extracting(e -> e.actor() + " " + e.action() + " " + e.subject().orElse("-"))
        .containsExactly(
            "admin user.add new.officer",
            "admin user.password new.officer",
            "admin user.token new.officer",
            "admin user.disable new.officer",
            "admin user.enable new.officer");
  }

  @Test
  void badInputIsShownInTheErrorSummaryLinkedToItsFieldInDutchAndEnglish() throws Exception {
    var b = admin();
    long before = lastSeq();

    var bad = post(b, "/accounts", "name", "9 bad", "role", "emperor");
    assertThat(bad.statusCode()).isEqualTo(422);
    assertThat(bad.body())
        .contains("Er is een probleem")
        .contains("href=\"#name\"")
        .contains("href=\"#role\"")
        .contains("Vul een geldige naam in")
        .contains("aria-invalid=\"true\"")
        .contains("value=\"9 bad\"");

    var weak = post(b, "/accounts/officer/password", "password", "short", "repeat", "short");
    assertThat(weak.statusCode()).isEqualTo(422);
    assertThat(weak.body())
        .contains("href=\"#password\"")
        .contains("Het wachtwoord heeft minstens 12 tekens")
        .doesNotContain("value=\"short\"");
    var common =
        post(b, "/accounts/officer/password", "password", "password1234", "repeat", "password1234");
    assertThat(common.body()).contains("een van de meest gebruikte");
    var differ = post(b, "/accounts/officer/password", "password", STRONG, "repeat", STRONG + "x");
    assertThat(differ.body()).contains("href=\"#repeat\"").contains("niet gelijk");

    b.get("/language?to=en&back=%2Faccounts");
    b.cookies.put(Lang.COOKIE, "en");
    var english =
        post(
            b,
            "/accounts/officer/password",
            "password",
            "officer-officer-1",
            "repeat",
            "officer-officer-1");
    assertThat(english.body())
        .contains("There is a problem")
        .contains("The password must not contain the account's name");
    var taken = post(b, "/accounts", "name", "officer", "role", "officer");
    assertThat(taken.statusCode()).isEqualTo(422);
    assertThat(taken.body()).contains("There is already an account with this name");

    assertThat(eventsAfter(before)).isEmpty();
    assertThat(server.app().accounts().signIn("officer", WebTestServer.PASSWORD)).isPresent();
  }

  @Test
  void theLastActiveAdminIsNotDisabledAndTheRefusalIsLinkedToTheButton() throws Exception {
    var b = admin();
    var refused = post(b, "/accounts/admin/disable");
    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(refused.body()).contains("href=\"#disable\"").contains("laatste actieve beheerder");
    assertThat(server.app().accounts().active("admin")).isPresent();
  }
}
