package org.asylex.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.asylex.app.Today;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Screenshots of the pages (nl and en, a desktop and a 360 px wide phone) in {@code
 * docs/screenshots/}, which the README shows.
 *
 * <p>A rerun leaves {@code git status} clean unless a page really changed:
 *
 * <ul>
 *   <li>the data is the same on every run: a server of its own on a fresh store (no case of another
 *       test in the list), a fixed clock for the store (case, history and audit times) and a fixed
 *       today (the findings and "today" filters), a fixed case id and reference, the test accounts'
 *       fixed names;
 *   <li>the one value the application does not let a test fix, the assessment's random id (a UUID,
 *       made by the use case), is replaced in the page's text by a fixed UUID of the same length
 *       before the screenshot ({@link #fixedIds}): it changes no layout;
 *   <li>what remains is pixel noise (font rasterizing, antialiasing): {@link Chromium#screenshot}
 *       rewrites a file only when its decoded pixels differ beyond a tiny threshold ({@link
 *       Chromium#SAME_PIXELS}), never because the PNG's bytes differ.
 * </ul>
 */
class ScreenshotsIT {
  /** Monday 2 March 2026, 10:30 in the Netherlands. */
  static final Instant NOW = Instant.parse("2026-03-02T09:30:00Z");

  static final String CASE_ID = "c-2026-0042";
  static final String FIXED_ASSESSMENT_ID = "00000000-0000-4000-8000-000000000042";

  private static WebTestServer server;
  private static ChromeDriver driver;

  @BeforeAll
  static void start() {
    driver = Chromium.start();
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    server = WebTestServer.start(c -> c.withClock(clock), new Today(clock), clock);
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

  private static String url(String path) {
    return server.url().resolve(path).toString();
  }

  private static void signIn(String name) {
    driver.findElement(By.id("name")).sendKeys(name);
    driver.findElement(By.id("password")).sendKeys(WebTestServer.PASSWORD);
    driver.findElement(By.cssSelector("button[type=submit]")).click();
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .until(ExpectedConditions.not(ExpectedConditions.urlContains("/sign-in")));
  }

  /** Replaces the random assessment id in the page's text by a fixed one of the same length. */
  private static void fixedIds(String randomId) {
    driver.executeScript(
        "const [from, to] = [arguments[0], arguments[1]];"
            + "const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);"
            + "while (w.nextNode()) { const n = w.currentNode;"
            + " if (n.nodeValue.includes(from)) n.nodeValue = n.nodeValue.split(from).join(to); }",
        randomId,
        FIXED_ASSESSMENT_ID);
  }

  private static void caseOf(String id, String example) {
    try {
      Map<String, Object> facts =
          org.asylex.json.Json.MAPPER.readValue(
              java.nio.file.Path.of("..", "examples", example).toFile(),
              new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() {});
      server.app().cases().create(id, id.substring(2), facts, "", "setup");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void screenshotsOfThePagesInBothLanguagesOnADesktopAndA360PixelPhone() {
    var created =
        server
            .app()
            .cases()
            .create(
                CASE_ID,
                "2026-0042",
                Map.of("countryOfOrigin", "RU", "gender", "male", "militaryStatus", "conscript"),
                "",
                "setup");
    // three more, from the examples, so that the list and the impact page show a caseload that
    // the lapse of 29 June 2023 changes
    caseOf("c-2026-0043", "conscript-refusing-service.json");
    caseOf("c-2026-0044", "mobilisation-fear.json");
    caseOf("c-2026-0045", "journalist-critic.json");
    var receipt =
        server.app().assessments().assess(created.id(), Optional.empty(), Map.of(), "setup");
    assertThat(receipt.id()).hasSameSizeAs(FIXED_ASSESSMENT_ID);
    for (String lang : List.of("nl", "en")) {
      for (int width : new int[] {1280, 360}) {
        String suffix = "-" + lang + (width == 360 ? "-phone" : "-desktop");
        driver.manage().deleteAllCookies();
        driver.manage().window().setSize(new Dimension(width, 900));
        driver.get(url("/language?to=" + lang + "&back=%2Fsign-in"));
        Chromium.screenshot(driver, "sign-in" + suffix);
        signIn("officer");
        Chromium.screenshot(driver, "cases" + suffix);
        driver.get(url("/cases/" + created.id() + "/edit"));
        Chromium.screenshot(driver, "intake" + suffix);
        driver.get(url("/assessments/" + receipt.id()));
        fixedIds(receipt.id());
        Chromium.screenshot(driver, "report" + suffix);
        driver.findElement(By.cssSelector("a[href*='/letter/']")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10))
            .until(ExpectedConditions.urlContains("#q-"));
        fixedIds(receipt.id());
        Chromium.screenshot(driver, "letter" + suffix);
        // the impact page as policy staff see it: this store's one case across the lapse
        driver.manage().deleteAllCookies();
        driver.get(url("/language?to=" + lang + "&back=%2Fsign-in"));
        signIn("policy-analyst");
        driver.get(url("/impact?from=2023-06-20&to=2023-07-05"));
        Chromium.screenshot(driver, "impact" + suffix);
      }
    }
    assertThat(Chromium.SCREENSHOTS.resolve("report-nl-desktop.png")).exists();
    assertThat(Chromium.SCREENSHOTS.resolve("intake-en-phone.png")).exists();
    assertThat(Chromium.SCREENSHOTS.resolve("impact-en-phone.png")).exists();
  }
}
