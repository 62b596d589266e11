package org.asylex.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The frame of every page: served at /, strict CSP, its files, the language switch. */
class PagesTest {
  private static WebTestServer server;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    server = WebTestServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static HttpResponse<String> get(String path, String... headers) throws Exception {
    var request = HttpRequest.newBuilder(server.url().resolve(path));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void theSignInPageIsDutchByDefaultWithAStrictContentSecurityPolicy() throws Exception {
    var page = get("/sign-in");

    assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
    assertThat(page.body()).contains("<html lang=\"nl\">").contains("Naar de inhoud");
    String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
    assertThat(csp).contains("script-src 'self'").contains("style-src 'self'");
    assertThat(csp).doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
    assertThat(page.body()).doesNotContain("style=").doesNotContain("<script>");
  }

  @Test
  void theLanguageSwitchKeepsEnglishInACookieAndGoesBack() throws Exception {
    var switched = get("/language?to=en&back=%2Fcases");

    assertThat(switched.statusCode()).isEqualTo(302);
    assertThat(switched.headers().firstValue("Location")).hasValue("/cases");
    assertThat(switched.headers().firstValue("Set-Cookie").orElseThrow())
        .startsWith("asylex-lang=en;");
    var english = get("/sign-in", "Cookie", "asylex-lang=en");
    assertThat(english.body()).contains("<html lang=\"en\">").contains("Skip to content");
  }

  @Test
  void theSwitchNeverSendsAnyoneToAnotherSite() {
    assertThat(WebUi.localPath("https://evil.example/")).isEqualTo("/");
    assertThat(WebUi.localPath("//evil.example/")).isEqualTo("/");
    assertThat(WebUi.localPath("/\\evil.example/")).isEqualTo("/");
    assertThat(WebUi.localPath("/cases?q=x y")).isEqualTo("/");
    assertThat(WebUi.localPath("/cases/abc")).isEqualTo("/cases/abc");
  }

  @Test
  void theNlDesignSystemFilesAndHtmxAreServedFromTheBuild() throws Exception {
    var components = get(Assets.COMPONENTS);
    var theme = get(Assets.THEME);
    var htmx = get(Assets.HTMX);

    assertThat(components.statusCode()).isEqualTo(200);
    assertThat(components.body()).contains(".utrecht-button");
    assertThat(theme.body()).contains(".utrecht-theme");
    assertThat(htmx.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("text/javascript");
    assertThat(htmx.body()).contains("htmx");
    assertThat(get("/assets/../pom.xml").statusCode()).isEqualTo(404);
  }

  @Test
  void bothLanguagesHaveEveryText() {
    assertThat(Texts.of(Lang.EN).keys()).isEqualTo(Texts.of(Lang.NL).keys());
  }
}
