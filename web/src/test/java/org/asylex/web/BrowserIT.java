package org.asylex.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The officer's flow in a real Chromium: sign in, create a case answering only what is asked, see
 * the assessment change live, assess, open a quoted sentence in the letter, the print view, an edit
 * conflict, sign out. One browser and one server for the class.
 */
class BrowserIT {
  private static WebTestServer server;
  private static ChromeDriver driver;

  @BeforeAll
  static void start() {
    driver = Chromium.start();
    server = WebTestServer.start();
  }

  @AfterAll
  static void stop() {
    if (driver != null) {
      driver.quit();
    }
    if (server != null) {
      server.close();
    }
  }

  @BeforeEach
  void freshBrowser() {
    driver.manage().deleteAllCookies();
    driver.manage().window().setSize(new Dimension(1280, 1000));
  }

  static String url(String path) {
    return server.url().resolve(path).toString();
  }

  static WebDriverWait waiting() {
    return new WebDriverWait(driver, Duration.ofSeconds(10));
  }

  static void signIn(String name) {
    driver.get(url("/sign-in"));
    driver.findElement(By.id("name")).sendKeys(name);
    driver.findElement(By.id("password")).sendKeys(WebTestServer.PASSWORD);
    driver.findElement(By.cssSelector("button[type=submit]")).click();
    waiting().until(ExpectedConditions.not(ExpectedConditions.urlContains("/sign-in")));
  }

  static void english() {
    driver.get(url("/language?to=en&back=%2Fsign-in"));
  }

  /** The live assessment's text, read in one step (htmx may swap the element at any moment). */
  static String liveText() {
    return String.valueOf(
        driver.executeScript(
            "const e = document.getElementById('live'); return e ? e.textContent : '';"));
  }

  /** Creates a case through the interview; returns the case page's URL. */
  static String createCaseThroughTheInterview() {
    driver.get(url("/cases/new"));
    assertThat(driver.findElements(By.name("fact.militaryStatus"))).isEmpty();
    driver.findElement(By.id("reference")).sendKeys("BROWSER-1");
    driver.findElement(By.id("fact-countryOfOrigin")).sendKeys("RU");
    driver.findElement(By.cssSelector("button[value=next]")).click();
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.name("fact.militaryStatus")));
    String before = liveText();
    driver
        .findElement(By.cssSelector("input[name='fact.militaryStatus'][value=conscript]"))
        .click();
    waiting().until(d -> !liveText().equals(before));
    driver.findElement(By.cssSelector("button[value=save]")).click();
    waiting().until(ExpectedConditions.urlMatches(".*/cases/[^/]+$"));
    return driver.getCurrentUrl();
  }

  @Test
  void anOfficerCreatesACaseAssessesItAndFollowsAQuoteIntoTheLetter() {
    signIn("officer");
    String casePage = createCaseThroughTheInterview();
    assertThat(driver.getPageSource()).contains("BROWSER-1").contains("dienstplichtige");

    driver.findElement(By.cssSelector("form[action$='/assess'] button")).click();
    waiting().until(ExpectedConditions.urlContains("/assessments/"));
    assertThat(driver.findElement(By.tagName("h1")).getText()).startsWith("Toetsing van zaak");
    assertThat(Chromium.axeViolations(driver)).isEmpty();

    driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
    assertThat(driver.findElement(By.className("asylex-header")).isDisplayed()).isFalse();
    assertThat(driver.findElement(By.className("asylex-receipt")).getText())
        .contains("sha256:")
        .contains("RU");
    driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));

    driver.findElement(By.cssSelector("a[href*='/letter/']")).click();
    waiting().until(ExpectedConditions.urlContains("#q-"));
    String anchor = driver.getCurrentUrl().substring(driver.getCurrentUrl().indexOf('#') + 1);
    WebElement mark = driver.findElement(By.id(anchor));
    assertThat(mark.getTagName()).isEqualTo("mark");
    assertThat(driver.executeScript("return document.querySelector(':target').id"))
        .isEqualTo(anchor);
    assertThat(Chromium.axeViolations(driver)).isEmpty();
    assertThat(casePage).contains("/cases/");
  }

  @Test
  void anEditOverAnotherOfficersChangeIsShownAsAConflictAndNothingIsLost() {
    var created =
        server.app().cases().create(null, null, Map.of("countryOfOrigin", "RU"), "", "setup");
    signIn("officer");
    driver.get(url("/cases/" + created.id() + "/edit"));
    server
        .app()
        .cases()
        .change(
            created.id(), java.util.Optional.empty(), Map.of("gender", "female"), null, "", "x");
    driver
        .findElement(By.cssSelector("input[name='fact.militaryStatus'][value=reservist]"))
        .click();
    driver.findElement(By.cssSelector("button[value=save]")).click();

    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("conflict")));
    assertThat(driver.findElement(By.id("conflict")).getText())
        .contains("Iemand anders heeft deze zaak intussen gewijzigd");
    assertThat(
            driver
                .findElement(By.cssSelector("input[name='fact.militaryStatus'][value=reservist]"))
                .isSelected())
        .isTrue();
  }

  @Test
  void signingOutEndsTheSession() {
    signIn("officer");
    driver.findElement(By.cssSelector(".asylex-sign-out button")).click();
    waiting().until(ExpectedConditions.urlContains("/sign-in"));
    driver.get(url("/cases"));
    assertThat(driver.getCurrentUrl()).contains("/sign-in");
  }

  @Test
  void everyPageHasNoWcag21AaViolationsInDutchAndEnglish() {
    var created =
        server
            .app()
            .cases()
            .create(null, "AXE-1", Map.of("countryOfOrigin", "RU", "gender", "male"), "", "setup");
    var receipt =
        server
            .app()
            .assessments()
            .assess(created.id(), java.util.Optional.empty(), Map.of(), "setup");
    String pack = receipt.packId();
    String letter = server.app().policies().require(pack).sources().get(0).id();
    var pages = new ArrayList<String>();
    List<String> failures = new ArrayList<>();
    for (String lang : List.of("nl", "en")) {
      driver.manage().deleteAllCookies();
      driver.get(url("/language?to=" + lang + "&back=%2Fsign-in"));
      check("sign-in", lang, failures);
      signIn("officer");
      for (String path :
          List.of(
              "/cases",
              "/cases?q=AXE&finding=undetermined&lapses=30&sort=updated",
              "/cases/new",
              "/cases/" + created.id(),
              "/cases/" + created.id() + "/edit",
              "/cases/" + created.id() + "/history",
              "/assessments/" + receipt.id(),
              "/assessments/" + receipt.id() + "/reproduction",
              "/policy/" + pack + "/letter/" + letter,
              "/policy/" + pack + "/rules",
              "/policy/" + pack + "/assumptions")) {
        driver.get(url(path));
        pages.add(path);
        check(path, lang, failures);
      }
      for (String role : List.of("policy-analyst", "auditor", "admin")) {
        driver.manage().deleteAllCookies();
        driver.get(url("/language?to=" + lang + "&back=%2Fsign-in"));
        signIn(role);
        check(driver.getCurrentUrl(), lang, failures);
        if (role.equals("policy-analyst")) {
          for (String path :
              List.of(
                  "/policy/" + pack + "/timeline",
                  "/policy/" + pack + "/diff?from=2023-01-01&to=2023-12-31",
                  "/policy/what-if")) {
            driver.get(url(path));
            pages.add(path);
            check(path, lang, failures);
          }
          driver.findElement(By.id("fact-countryOfOrigin")).sendKeys("RU");
          driver.findElement(By.cssSelector("button[value=next]")).click();
          try {
            waiting()
                .until(ExpectedConditions.presenceOfElementLocated(By.name("fact.militaryStatus")));
          } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError(driver.getCurrentUrl() + "\n" + driver.getPageSource(), e);
          }
          check("/policy/what-if (answered)", lang, failures);
        }
      }
    }
    assertThat(failures).isEmpty();
    assertThat(pages).hasSize(28);
    // The check can fail: a page without its language is a violation axe reports.
    driver.executeScript("document.documentElement.removeAttribute('lang')");
    assertThat(Chromium.axeViolations(driver)).anyMatch(v -> v.startsWith("html-has-lang"));
  }

  /** Presses Tab until the focused element matches {@code css}; fails after 100 presses. */
  private static WebElement tabTo(String css) {
    for (int i = 0; i < 100; i++) {
      Object matches =
          driver.executeScript(
              "return document.activeElement && document.activeElement.matches(arguments[0])", css);
      if (Boolean.TRUE.equals(matches)) {
        return driver.switchTo().activeElement();
      }
      new org.openqa.selenium.interactions.Actions(driver)
          .sendKeys(org.openqa.selenium.Keys.TAB)
          .perform();
    }
    throw new AssertionError("Tab never reached " + css + " on " + driver.getCurrentUrl());
  }

  private static void keys(CharSequence... keys) {
    new org.openqa.selenium.interactions.Actions(driver).sendKeys(keys).perform();
  }

  @Test
  void theWholeOfficerFlowWorksByKeyboardAlone() {
    var enter = org.openqa.selenium.Keys.ENTER;
    driver.get(url("/sign-in"));
    tabTo("#name");
    keys("officer");
    tabTo("#password");
    keys(WebTestServer.PASSWORD, enter);
    waiting().until(ExpectedConditions.urlContains("/cases"));
    tabTo("a[href='/cases/new']");
    keys(enter);
    waiting().until(ExpectedConditions.urlContains("/cases/new"));
    tabTo("#fact-countryOfOrigin");
    keys("RU");
    tabTo("button[value=next]");
    keys(enter);
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.name("fact.militaryStatus")));
    tabTo("input[name='fact.militaryStatus']:checked");
    keys(org.openqa.selenium.Keys.ARROW_DOWN);
    assertThat(driver.switchTo().activeElement().getAttribute("value")).isEqualTo("conscript");
    tabTo("button[value=save]");
    keys(enter);
    waiting().until(ExpectedConditions.urlMatches(".*/cases/[^/]+$"));
    assertThat(driver.getPageSource()).contains("dienstplichtige");
    tabTo("form[action$='/assess'] button");
    keys(enter);
    waiting().until(ExpectedConditions.urlContains("/assessments/"));
    tabTo("a[href*='/letter/']");
    keys(enter);
    waiting().until(ExpectedConditions.urlContains("#q-"));
    tabTo(".asylex-sign-out button");
    keys(enter);
    waiting().until(ExpectedConditions.urlContains("/sign-in"));
  }

  @Test
  void aCaseIsAssessedOnAnotherDateWithItsEarlierFactsByKeyboardAloneWithoutViolations() {
    var enter = org.openqa.selenium.Keys.ENTER;
    var created =
        server
            .app()
            .cases()
            .create(null, "TWO-TIMES-B", Map.of("countryOfOrigin", "RU"), "", "setup");
    String recorded = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS).toString();
    List<String> failures = new ArrayList<>();
    signIn("officer");
    driver.get(url("/cases/" + created.id()));
    tabTo("details.asylex-assess-at summary");
    keys(enter);
    tabTo("#assess-asof");
    keys("2023-01-15");
    tabTo("#assess-facts");
    keys("yesterday");
    tabTo("details.asylex-assess-at button[type=submit]");
    keys(enter);
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("error-summary")));
    check("/cases/{id} with an error", "nl", failures);
    tabTo("#error-summary a[href='#assess-facts']");
    keys(enter);
    waiting().until(ExpectedConditions.urlContains("#assess-facts"));
    tabTo("#assess-facts");
    keys(org.openqa.selenium.Keys.END);
    for (int i = 0; i < "yesterday".length(); i++) {
      keys(org.openqa.selenium.Keys.BACK_SPACE);
    }
    keys(recorded);
    tabTo("details.asylex-assess-at button[type=submit]");
    keys(enter);
    waiting().until(ExpectedConditions.urlContains("/assessments/"));
    assertThat(driver.getPageSource()).contains("Feiten zoals vastgelegd op").contains(recorded);
    check("/assessments/{id} with facts as recorded", "nl", failures);
    assertThat(failures).isEmpty();
  }

  // --- web-a: the admin's account pages (axe in nl and en, with errors, the token shown once) ---
  @Test
  void theAccountPagesHaveNoWcag21AaViolationsInDutchAndEnglish() {
    List<String> failures = new ArrayList<>();
    for (String lang : List.of("nl", "en")) {
      driver.manage().deleteAllCookies();
      driver.get(url("/language?to=" + lang + "&back=%2Fsign-in"));
      signIn("admin");
      driver.get(url("/accounts"));
      check("/accounts", lang, failures);

      driver.findElement(By.id("name")).sendKeys("9 not a name");
      driver.findElement(By.cssSelector("form[action='/accounts'] button")).click();
      waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("error-summary")));
      driver.findElement(By.cssSelector("#error-summary a[href='#name']")).click();
      assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("name");
      check("/accounts (errors)", lang, failures);

      driver.findElement(By.id("name")).clear();
      driver.findElement(By.id("name")).sendKeys("browser." + lang);
      new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("role")))
          .selectByValue("auditor");
      driver.findElement(By.cssSelector("form[action='/accounts'] button")).click();
      waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("token")));
      assertThat(driver.findElement(By.id("token")).getAttribute("value")).startsWith("asx_");
      check("token (shown once)", lang, failures);

      driver.get(url("/accounts/browser." + lang));
      check("/accounts/{name}", lang, failures);
      driver.findElement(By.id("password")).sendKeys("too short");
      driver.findElement(By.id("repeat")).sendKeys("too short");
      driver.findElement(By.cssSelector("form[action$='/password'] button")).click();
      waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("error-summary")));
      check("/accounts/{name} (errors)", lang, failures);
      driver.findElement(By.id("disable")).click();
      waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("enable")));
      check("/accounts/{name} (disabled)", lang, failures);
    }
    assertThat(failures).isEmpty();
  }

  private static void check(String page, String lang, List<String> failures) {
    assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo(lang);
    for (String v : Chromium.axeViolations(driver)) {
      failures.add(lang + " " + page + ": " + v);
    }
  }

  // --- impact page (web-b) ---

  /** A small caseload for the impact page: a conscript under the moratorium, a lawyer. */
  private static void impactCaseload() {
    server.app().cases().create(null, "IMPACT-B-1", WebTestServer.CONSCRIPT, "", "setup");
    server
        .app()
        .cases()
        .create(
            null,
            "IMPACT-B-2",
            Map.of("countryOfOrigin", "RU", "lawyerInPoliticallySensitiveCases", true),
            "",
            "setup");
  }

  static final List<String> IMPACT_PAGES =
      List.of(
          "/impact",
          "/impact?from=2023-06-20&to=2023-07-05",
          "/impact?from=2023-01-15&to=2023-01-15&after.conscript-reading=serving",
          "/impact?from=2023-02-30&to=&before.conscript-reading=drafted",
          "/impact?from=2023-06-28&to=2023-06-30&factsAsOf=2099-01-01");

  @Test
  void theImpactPageHasNoWcag21AaViolationsInDutchAndEnglishForBothRoles() {
    impactCaseload();
    List<String> failures = new ArrayList<>();
    int checked = 0;
    for (String lang : List.of("nl", "en")) {
      for (String role : List.of("policy-analyst", "officer")) {
        driver.manage().deleteAllCookies();
        driver.get(url("/language?to=" + lang + "&back=%2Fsign-in"));
        signIn(role);
        for (String path : IMPACT_PAGES) {
          driver.get(url(path));
          check(role + " " + path, lang, failures);
          checked++;
        }
        // The stored cases as recorded a moment ago: the result names the time.
        driver.get(url("/impact?from=2023-06-28&to=2023-06-30&factsAsOf=" + Instant.now()));
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("impact-facts-time")));
        check(role + " /impact?factsAsOf=now", lang, failures);
        checked++;
      }
    }
    assertThat(failures).isEmpty();
    assertThat(checked).isEqualTo(24);
  }

  @Test
  void theImpactPageWorksByKeyboardAlone() {
    impactCaseload();
    var enter = org.openqa.selenium.Keys.ENTER;
    signIn("policy-analyst");
    tabTo("a[href='/impact']");
    keys(enter);
    waiting().until(ExpectedConditions.urlContains("/impact"));
    tabTo("#impact-from");
    keys("2023-06-20");
    tabTo("#impact-to");
    keys("2023-07-05");
    tabTo("#after-conscript-reading");
    keys(org.openqa.selenium.Keys.ARROW_DOWN);
    tabTo(".asylex-impact-form button[type=submit]");
    keys(enter);
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("impact-result")));
    assertThat(driver.getCurrentUrl()).contains("from=2023-06-20").contains("to=2023-07-05");
    assertThat(driver.findElement(By.id("per-day")).getText()).contains("2023-06-20");
    // A wrong date: the error summary's link leads to the field, by keyboard too.
    driver.get(url("/impact?from=2023-13-01"));
    tabTo("#error-summary a[href='#impact-from']");
    keys(enter);
    waiting().until(ExpectedConditions.urlContains("#impact-from"));
  }
}
