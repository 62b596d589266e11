package org.asylex.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium driven by Debian's chromedriver: both paths are given, so Selenium Manager
 * never runs and nothing is downloaded. Without them the browser tests skip with a message, unless
 * {@code ASYLEX_REQUIRE_BROWSER=true} (CI), where they fail.
 */
final class Chromium {
  static final Path BROWSER = Path.of("/usr/bin/chromium");
  static final Path DRIVER = Path.of("/usr/bin/chromedriver");
  static final Path AXE = Path.of("target/axe-core/package/axe.min.js");
  static final Path SCREENSHOTS = WebTestServer.repoRoot().resolve("docs/screenshots");

  private Chromium() {}

  /** A headless browser, or the test is skipped (or failed, on CI) when there is none. */
  static ChromeDriver start() {
    boolean present = Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
    if (!present) {
      String message =
          "no Chromium: install Debian's chromium and chromium-driver (apt-get install -y chromium"
              + " chromium-driver) to run the browser tests";
      if ("true".equals(System.getenv("ASYLEX_REQUIRE_BROWSER"))) {
        throw new AssertionError(message + " (ASYLEX_REQUIRE_BROWSER=true)");
      }
      Assumptions.abort(message);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BROWSER.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--window-size=1280,1000",
        "--lang=nl");
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().implicitlyWait(Duration.ZERO);
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    return driver;
  }

  /** The WCAG 2.1 A and AA violations axe-core finds in the page, as "rule: target" lines. */
  @SuppressWarnings("unchecked")
  static List<String> axeViolations(ChromeDriver driver) {
    String axe;
    try {
      axe = Files.readString(AXE, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("axe-core is fetched by the build into " + AXE, e);
    }
    JavascriptExecutor js = driver;
    js.executeScript(axe);
    Object result =
        js.executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'tag', values:"
                + " ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
                + ".then(r => done(r.violations.map(v => v.id + ': ' + v.help + ' @ '"
                + " + v.nodes.map(n => n.target.join(' ')).join(', '))))"
                + ".catch(e => done(['axe failed: ' + e]));");
    return (List<String>) result;
  }

  /** Saves a screenshot of the whole page as {@code docs/screenshots/NAME.png}. */
  static void screenshot(ChromeDriver driver, String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Object width = driver.executeScript("return document.documentElement.scrollWidth");
      Object height = driver.executeScript("return document.documentElement.scrollHeight");
      Dimension before = driver.manage().window().getSize();
      Map<String, Object> metrics =
          Map.of(
              "width",
              ((Number) width).intValue(),
              "height",
              Math.min(((Number) height).intValue(), 4000),
              "deviceScaleFactor",
              1,
              "mobile",
              before.getWidth() < 500);
      driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", metrics);
      byte[] png = driver.getScreenshotAs(OutputType.BYTES);
      driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
      Path file = SCREENSHOTS.resolve(name + ".png");
      if (!Files.exists(file) || !samePixels(Files.readAllBytes(file), png)) {
        Files.write(file, png);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * How much two screenshots may differ and still be the same page: at most this share of their
   * pixels may differ, by more than {@link #CHANNEL_NOISE} in a colour channel. Font rasterizing
   * and antialiasing move a few edge pixels by a few levels; a changed word or layout moves far
   * more.
   */
  static final double SAME_PIXELS = 0.0005;

  static final int CHANNEL_NOISE = 24;

  /**
   * Whether two PNGs show the same page: same size, and their decoded pixels differ beyond the
   * noise in at most {@link #SAME_PIXELS} of them. The bytes of two PNGs of one page may differ
   * (encoder, metadata); only the pixels count.
   */
  static boolean samePixels(byte[] oldPng, byte[] newPng) throws IOException {
    java.awt.image.BufferedImage a =
        javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(oldPng));
    java.awt.image.BufferedImage b =
        javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(newPng));
    if (a == null || b == null || a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
      return false;
    }
    long allowed = (long) (SAME_PIXELS * a.getWidth() * a.getHeight());
    long differing = 0;
    for (int y = 0; y < a.getHeight(); y++) {
      for (int x = 0; x < a.getWidth(); x++) {
        int p = a.getRGB(x, y);
        int q = b.getRGB(x, y);
        if (p != q && channelsApart(p, q) > CHANNEL_NOISE && ++differing > allowed) {
          return false;
        }
      }
    }
    return true;
  }

  private static int channelsApart(int p, int q) {
    int most = 0;
    for (int shift = 0; shift <= 24; shift += 8) {
      most = Math.max(most, Math.abs(((p >>> shift) & 0xff) - ((q >>> shift) & 0xff)));
    }
    return most;
  }
}
