package org.asylex.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The OpenID Connect sign-in driven in a real Chromium: the sign-in page's link, the redirect to
 * the in-process provider ({@link TestOidcProvider}, which consents at once), the callback, the
 * same-site step on to the role's start page, and signing out; axe-core checks the pages on the way
 * (in Dutch and English). The provider stands in for an organisation's identity provider, as in
 * {@link OidcSignInTest}.
 */
class OidcBrowserIT {
  private static TestOidcProvider provider;
  private static WebTestServer server;
  private static ChromeDriver driver;

  @BeforeAll
  static void start() throws Exception {
    driver = Chromium.start();
    provider = new TestOidcProvider();
    server = provider.webServer();
  }

  @AfterAll
  static void stop() {
    if (driver != null) {
      driver.quit();
    }
    if (server != null) {
      server.close();
    }
    if (provider != null) {
      provider.close();
    }
  }

  private static String url(String path) {
    return server.url().resolve(path).toString();
  }

  private static WebDriverWait waiting() {
    return new WebDriverWait(driver, Duration.ofSeconds(10));
  }

  private static void axe(String page, String lang, List<String> failures) {
    assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo(lang);
    Chromium.axeViolations(driver).forEach(v -> failures.add(lang + " " + page + ": " + v));
  }

  @Test
  void eachRoleSignsInThroughTheProviderLandsOnItsStartPageAndSignsOut() {
    var failures = new java.util.ArrayList<String>();
    Map<String, String> starts =
        Map.of(
            "officer",
            "/cases",
            "policy-analyst",
            "/policy",
            "auditor",
            "/audit",
            "admin",
            "/accounts");
    for (String lang : List.of("nl", "en")) {
      for (var role : starts.entrySet()) {
        provider.subject = "u-" + role.getKey();
        provider.claims = Map.of("asylex_role", role.getKey());
        driver.manage().deleteAllCookies();
        driver.get(url("/language?to=" + lang + "&back=%2Fsign-in"));
        axe("sign-in (with OIDC)", lang, failures);

        driver.findElement(By.cssSelector("a[href^='/sign-in/oidc']")).click();
        waiting().until(ExpectedConditions.urlToBe(url(role.getValue())));
        assertThat(driver.findElement(By.className("asylex-user")).getText())
            .contains("oidc:u-" + role.getKey());
        axe(role.getValue(), lang, failures);

        driver.findElement(By.cssSelector(".asylex-sign-out button")).click();
        waiting().until(ExpectedConditions.urlContains("/sign-in"));
        axe("sign-in after sign-out", lang, failures);
        driver.get(url(role.getValue()));
        assertThat(driver.getCurrentUrl()).contains("/sign-in");
      }
    }
    assertThat(failures).isEmpty();
  }
}
