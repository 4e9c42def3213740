package org.casepress.board;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.casepress.cli.Cli;
import org.casepress.source.TestWorkspaces;
import org.casepress.source.Workspace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The board in headless Chromium, on a copy of the examples released on the local target with one
 * approved case study edited since: the board, a case study page, a launch page and a local
 * record's landing page, reached by following links, each with no serious or critical axe-core
 * violation and a screenshot under target/screenshots/.
 */
@Timeout(600)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BoardBrowserTest {
  private static final String FERNBANK = "fernbank-reproducible-forecasting";

  private Board board;
  private Path announcement;
  private Browser browser;

  @BeforeAll
  void releaseTheExamplesAndServe(@TempDir Path tmp) throws Exception {
    browser = Browser.startOrSkip(tmp.resolve("chromium-profile"));
    Path ws = tmp.resolve("ws");
    TestWorkspaces.copy(Path.of("case-studies"), ws.resolve("case-studies"));
    TestWorkspaces.copy(Path.of("metadata"), ws.resolve("metadata"));
    assertEquals(0, cli(ws, "release", "--launch", "winter-2026"), "release on local");
    announcement = ws.resolve("build/launch/local/winter-2026/announcement.html");
    git(ws, "init", "-q");
    git(ws, "add", "-A");
    git(ws, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "released");
    Path md = ws.resolve("case-studies/" + FERNBANK + "/case-study.md");
    Files.writeString(md, Files.readString(md).replace("## Who we are", "## About us"));
    board = Board.start(new Workspace(ws), 0, false, Duration.ofMillis(250));
  }

  @AfterAll
  void stop() {
    if (board != null) {
      board.close();
    }
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void boardStudyLaunchAndRecordPagesAreAccessibleAndLinked() throws Exception {
    browser.driver.get(board.url() + "/");
    assertEquals(
        "Case studies | The Turing Way Practitioners Hub Case Study Series",
        browser.driver.getTitle());
    String table = browser.driver.findElement(By.tagName("table")).getText();
    assertTrue(table.contains("R. Pryce, T. Marchetti to approve the changes again"), table);
    assertTrue(table.contains("yes: case-study.md"), "names the changed file: " + table);
    assertTrue(table.contains("Clear and complete; approved for the winter launch."), table);
    assertTrue(table.contains("local: published 10.5072/zenodo."), table);
    accessible("board");

    browser
        .driver
        .findElement(
            By.linkText(
                "From spreadsheets to pipelines: reproducible demand forecasting at Fernbank Water Analytics"))
        .click();
    assertTrue(browser.driver.getCurrentUrl().endsWith("/studies/" + FERNBANK));
    String diff = browser.driver.findElement(By.cssSelector("pre.diff")).getText();
    assertTrue(diff.contains("-## Who we are") && diff.contains("+## About us"), diff);
    waitForPreview();
    WebElement page1 = browser.driver.findElement(By.cssSelector(".pages img"));
    assertTrue(
        (Boolean)
            browser.driver.executeScript(
                "return arguments[0].complete && arguments[0].naturalWidth > 0", page1),
        "the first page's image loads");
    accessible("case-study");

    WebElement record = browser.driver.findElement(By.partialLinkText("/records/"));
    record.click();
    assertTrue(
        browser.driver.getCurrentUrl().matches(".*/records/\\d+"), browser.driver.getCurrentUrl());
    assertTrue(
        browser.driver.findElement(By.tagName("h1")).getText().startsWith("From spreadsheets"));
    String landing = browser.driver.findElement(By.tagName("main")).getText();
    assertTrue(
        landing.matches(
            "(?s).*the-turing-way-practitioners \\((included|awaiting the curators, request .+)\\).*"),
        "the community state: " + landing);
    accessible("local-record");

    browser.driver.navigate().back();
    browser.driver.findElement(By.linkText("Launch: winter-2026")).click();
    browser.driver.findElement(By.linkText("local")).click();
    String verdict = browser.driver.findElement(By.cssSelector("p.mode")).getText();
    assertEquals("Released: all 2 case studies are published on local.", verdict);
    browser.driver.findElement(By.cssSelector("a[href^='/requests/']")).click();
    assertTrue(
        browser.driver.findElement(By.tagName("main")).getText().contains("awaiting the community"),
        "the request's page, on the board: " + browser.driver.getCurrentUrl());
    accessible("local-request");
    browser.driver.navigate().back();
    browser.driver.findElement(By.linkText("production")).click();
    String rows = browser.driver.findElement(By.tagName("tbody")).getText();
    assertTrue(
        rows.contains("blocked: its files changed since approval; it needs approving again"), rows);
    accessible("launch");
  }

  @Test
  void theLaunchAnnouncementIsAccessibleAndWorldReadable() throws Exception {
    assertEquals(
        "rw-r--r--",
        java.nio.file.attribute.PosixFilePermissions.toString(
            Files.getPosixFilePermissions(announcement)));
    browser.driver.get(announcement.toUri().toString());
    assertEquals(
        "Launch event: Practitioners Hub case studies, winter 2026, 10 December 2026",
        browser.driver.findElement(By.cssSelector("header p")).getText());
    List<WebElement> abstracts = browser.driver.findElements(By.cssSelector("p.abstract"));
    assertEquals(2, abstracts.size());
    assertTrue(
        abstracts.stream()
            .anyMatch(a -> a.getText().contains("Fernbank Water Analytics (a fictional company)")),
        "each entry gives its abstract: " + abstracts.stream().map(WebElement::getText).toList());
    String main = browser.driver.findElement(By.tagName("main")).getText();
    assertTrue(
        main.matches("(?s).*Community: pending: awaiting the curators, request [0-9a-f-]{36}.*"),
        "the community state the records report, with the request: " + main);
    accessible("announcement");
  }

  private void accessible(String name) throws Exception {
    Path shot = browser.screenshot(name);
    List<String> serious = browser.seriousViolations();
    assertTrue(serious.isEmpty(), name + " (" + shot + "): " + String.join("\n", serious));
  }

  /**
   * The page reloads itself when a rendering is ready; on a slow machine the first one (a cold
   * renderer, four case studies) can take a while, so the test reloads too.
   */
  private void waitForPreview() throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(400);
    Instant reload = Instant.now().plusSeconds(10);
    while (browser.driver.findElements(By.cssSelector(".pages img")).isEmpty()) {
      assertTrue(Instant.now().isBefore(deadline), "the preview appears");
      if (Instant.now().isAfter(reload)) {
        browser.driver.navigate().refresh();
        reload = Instant.now().plusSeconds(10);
      }
      Thread.sleep(250);
    }
  }

  private static int cli(Path ws, String... args) {
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(sink, true, StandardCharsets.UTF_8);
    return Cli.run(out, out, Map.of(), ws, args);
  }

  static void git(Path dir, String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of("git"));
    command.addAll(List.of(args));
    Process p =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "git " + command);
  }
}
