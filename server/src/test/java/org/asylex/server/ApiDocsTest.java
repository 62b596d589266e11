package org.asylex.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The API description and its page: served by the server itself, no inline script. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiDocsTest {
  private TestServer server;
  private ApiClient client;

  @BeforeAll
  void start() {
    server = TestServer.start();
    client = server.client();
  }

  @AfterAll
  void stop() {
    server.close();
  }

  @Test
  void openApiJsonIsTheDocumentAsJson() {
    var response = client.get("/openapi.json");
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.contentType()).startsWith("application/json");
    assertThat(response.json().path("openapi").asText()).isEqualTo("3.1.0");
    assertThat(response.json().path("paths").has("/api/v1/cases/{id}")).isTrue();
  }

  @Test
  void thePageLoadsOnlyItsOwnScriptsAndNoInlineOnes() {
    var page = client.get("/api-docs");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.contentType()).startsWith("text/html");
    String csp = page.header("Content-Security-Policy").orElseThrow();
    assertThat(csp).contains("script-src 'self';").doesNotContain("unsafe-eval");
    assertThat(csp.replaceAll("style-src[^;]*;", "")).doesNotContain("unsafe-inline");
    assertThat(Pattern.compile("<script(?![^>]*\\ssrc=)").matcher(page.body()).find())
        .as("an inline script")
        .isFalse();
    assertThat(page.body()).doesNotContain("http://").doesNotContain("https://");
  }

  @Test
  void theScriptsAndStyleSheetComeFromTheServer() {
    var bundle = client.get("/api-docs/swagger-ui-bundle.js");
    assertThat(bundle.status()).isEqualTo(200);
    assertThat(bundle.contentType()).startsWith("text/javascript");
    assertThat(bundle.body()).contains("SwaggerUIBundle");
    var css = client.get("/api-docs/swagger-ui.css");
    assertThat(css.status()).isEqualTo(200);
    assertThat(css.contentType()).startsWith("text/css");
    var init = client.get("/api-docs/init.js");
    assertThat(init.status()).isEqualTo(200);
    assertThat(init.body()).contains("url: 'openapi.json'");
  }

  /**
   * The page works at /api-docs and at /api-docs/ (issue 13): every file it names, resolved from
   * where the page ends up (after a redirect), is there.
   */
  @Test
  void thePageAndItsFilesLoadWithOrWithoutATrailingSlash() {
    for (String path : java.util.List.of("/api-docs", "/api-docs/")) {
      java.net.URI at = server.url().resolve(path);
      var page = client.get(path);
      if (page.status() / 100 == 3) {
        at = at.resolve(page.header("Location").orElseThrow());
        page = client.get(at.getRawPath());
      }
      assertThat(page.status()).as(path).isEqualTo(200);
      var names = Pattern.compile("(?:src|href)=\"([^\"]+)\"").matcher(page.body());
      int files = 0;
      while (names.find()) {
        String file = at.resolve(names.group(1)).getRawPath();
        assertThat(client.get(file).status()).as(path + " names " + file).isEqualTo(200);
        files++;
      }
      assertThat(files).isEqualTo(3);
      String spec = at.resolve("openapi.json").getRawPath();
      assertThat(client.get(spec).status()).as(path + ": " + spec).isEqualTo(200);
    }
  }
}
