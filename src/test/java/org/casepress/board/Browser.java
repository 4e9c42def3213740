package org.casepress.board;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium for the board's tests, with axe-core injected into each page. Tests that need
 * it skip, saying why, when Chromium, its driver or axe-core is missing ({@code bash .ci/run}
 * installs all three).
 */
final class Browser implements AutoCloseable {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path AXE = Path.of(".ci/tools/node_modules/axe-core/axe.min.js");
  static final Path SCREENSHOTS = Path.of("target/screenshots");

  final ChromeDriver driver;
  private final String axe;

  private Browser(ChromeDriver driver, String axe) {
    this.driver = driver;
    this.axe = axe;
  }

  /** Starts Chromium, or skips the test when it cannot be here. */
  static Browser startOrSkip(Path profile) throws IOException {
    assumeTrue(
        Files.isExecutable(CHROMIUM), "no Chromium at " + CHROMIUM + ": browser test skipped");
    assumeTrue(
        Files.isExecutable(CHROMEDRIVER),
        "no chromedriver at " + CHROMEDRIVER + ": browser test skipped");
    assumeTrue(
        Files.isRegularFile(AXE), "no axe-core at " + AXE + " (bash .ci/run installs it): skipped");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1280,1000",
        "--user-data-dir=" + profile.toAbsolutePath());
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    return new Browser(driver, Files.readString(AXE, StandardCharsets.UTF_8));
  }

  /**
   * Runs axe-core on the page shown, with the WCAG 2.1 A and AA rules and best practices, and
   * returns its serious and critical violations as "rule (impact): help, at selector" lines.
   */
  @SuppressWarnings("unchecked")
  List<String> seriousViolations() {
    JavascriptExecutor js = driver;
    js.executeScript(axe);
    Object result =
        js.executeAsyncScript(
            "var done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'tag', values:"
                + " ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}})"
                + ".then(function (r) { done(r.violations); })"
                + ".catch(function (e) { done('axe failed: ' + e); });");
    if (result instanceof String failure) {
      throw new IllegalStateException(failure);
    }
    List<String> serious = new ArrayList<>();
    for (Map<String, Object> v : (List<Map<String, Object>>) result) {
      String impact = String.valueOf(v.get("impact"));
      if (impact.equals("serious") || impact.equals("critical")) {
        List<String> where = new ArrayList<>();
        for (Map<String, Object> node : (List<Map<String, Object>>) v.get("nodes")) {
          where.add(String.valueOf(node.get("target")));
        }
        serious.add(v.get("id") + " (" + impact + "): " + v.get("help") + ", at " + where);
      }
    }
    return serious;
  }

  /** Writes a screenshot of the page shown to target/screenshots/NAME.png. */
  Path screenshot(String name) throws IOException {
    Files.createDirectories(SCREENSHOTS);
    Path file = SCREENSHOTS.resolve(name + ".png");
    Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    return file;
  }

  @Override
  public void close() {
    driver.quit();
  }
}
