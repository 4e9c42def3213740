package org.casepress.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.casepress.model.CaseStudy;
import org.casepress.model.Person;
import org.casepress.model.Problem;
import org.casepress.model.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whatever the Markdown or its raw HTML asks for, a render connects to nothing and embeds no file
 * from outside the case study's folder. A draft shows a placeholder and warns; a final render
 * fails, naming the line.
 */
class ResourceSafetyTest {
  @TempDir Path workspace;

  private ServerSocket server;
  private final AtomicInteger connections = new AtomicInteger();
  private Thread acceptor;
  private Path folder;
  private CaseStudy cs;

  @BeforeEach
  void setUp() throws IOException {
    server = new ServerSocket(0);
    acceptor =
        new Thread(
            () -> {
              while (!server.isClosed()) {
                try (Socket s = server.accept()) {
                  connections.incrementAndGet();
                } catch (SocketException closed) {
                  return;
                } catch (IOException e) {
                  connections.incrementAndGet();
                }
              }
            });
    acceptor.setDaemon(true);
    acceptor.start();
    int port = server.getLocalPort();
    String web = "http://127.0.0.1:" + port;

    Path studies = Files.createDirectories(workspace.resolve("case-studies"));
    folder = Files.createDirectories(studies.resolve("evil"));
    Files.copy(
        Fixtures.WORKSPACE.resolve("case-studies/river-sensors/figures/sensor-map.png"),
        studies.resolve("outside.png"));
    Files.copy(
        Fixtures.WORKSPACE.resolve("case-studies/river-sensors/figures/flow-chart.png"),
        folder.resolve("inside.png"));
    Files.createSymbolicLink(folder.resolve("linked.png"), studies.resolve("outside.png"));
    Files.writeString(
        folder.resolve("pic.svg"),
        "<svg xmlns='http://www.w3.org/2000/svg'><image href='" + web + "/svg.png'/></svg>");
    String body =
        String.join(
            "\n",
            "## Resources", // line 0
            "",
            "![web image](" + web + "/a.png)", // 2
            "",
            "![system file](file:///etc/passwd)", // 4
            "",
            "![parent folder](../outside.png)", // 6
            "",
            "<img src=\"" + web + "/raw.png\" alt=\"raw html image\">", // 8
            "",
            "<link rel=\"stylesheet\" href=\"" + web + "/style.css\">", // 10
            "",
            "<style>@import url("
                + web
                + "/import.css); p { background: url(file:///etc/passwd) }</style>", // 12
            "",
            "![symlink](linked.png)", // 14
            "",
            "![vector](pic.svg)", // 16
            "",
            "<img src=\"/etc/hostname\" alt=\"absolute path\">", // 18
            "",
            "<iframe src=\"" + web + "/frame\"></iframe>", // 20
            "",
            "<div style=\"background-image: url(" + web + "/bg.png)\">styled text</div>", // 22
            "",
            "[a link is only a link](" + web + "/page)", // 24
            "",
            "![allowed](inside.png)", // 26
            "");
    Person author = new Person("a", "Ada", "Author", null, List.of(), Set.of(Role.AUTHOR));
    cs =
        new CaseStudy(
            "evil",
            folder,
            "case-studies/evil/case-study.md",
            "Resource test",
            null,
            List.of(author),
            null,
            "Tries to read what it must not.",
            List.of(),
            "CC-BY-4.0",
            "en",
            List.of(),
            List.of(),
            body,
            10);
  }

  @AfterEach
  void tearDown() throws Exception {
    server.close();
    acceptor.join(2000);
  }

  @Test
  void draftShowsPlaceholdersWarnsAndConnectsNowhere() throws Exception {
    Path pdf = workspace.resolve("build/evil.pdf");
    RenderResult result =
        Fixtures.renderer()
            .render(cs, Fixtures.load().metadata(), Fixtures.draft(), RenderMode.DRAFT, pdf);

    assertEquals(0, connections.get(), "the render connected to the test server");
    List<Integer> lines =
        result.warnings().stream()
            .filter(p -> p.message().startsWith("The image"))
            .map(Problem::line)
            .toList();
    assertEquals(List.of(12, 14, 16, 18, 24, 26, 28), lines, result.warnings().toString());
    assertTrue(
        result.warnings().stream()
            .allMatch(p -> p.file().equals("case-studies/evil/case-study.md")));
    assertTrue(
        result.warnings().stream().anyMatch(p -> p.line() == 20 && p.message().contains("<link>")),
        "link tag reported");
    assertTrue(
        result.warnings().stream().anyMatch(p -> p.line() == 22 && p.message().contains("<style>")),
        "style tag reported");
    assertTrue(
        result.warnings().stream()
            .anyMatch(p -> p.line() == 30 && p.message().contains("<iframe>")),
        "iframe reported");

    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setSortByPosition(true);
      String text = stripper.getText(doc).replaceAll("\\s+", " ");
      assertTrue(
          text.contains("Missing image: http://127.0.0.1:" + server.getLocalPort() + "/a.png"),
          text);
      assertTrue(text.contains("Missing image: file:///etc/passwd"), text);
      assertTrue(text.contains("Missing image: ../outside.png"), text);
      assertTrue(text.contains("Missing image: linked.png"), text);
      assertTrue(text.contains("Missing image: pic.svg (SVG images are not supported yet"), text);
      assertTrue(text.contains("styled text"), "the text of a styled element stays");
      assertFalse(text.contains("root:"), "nothing of /etc/passwd");
      int images = 0;
      for (PDPage page : doc.getPages()) {
        for (var name : page.getResources().getXObjectNames()) {
          images++;
        }
      }
      assertEquals(1, images, "only the image inside the folder is embedded");
    }
  }

  @Test
  void finalRenderFailsWithEveryLocationAndWritesNothing() {
    Path pdf = workspace.resolve("build/evil.pdf");
    RenderException e =
        assertThrows(
            RenderException.class,
            () ->
                Fixtures.renderer()
                    .render(
                        cs,
                        Fixtures.load().metadata(),
                        Fixtures.published(),
                        RenderMode.FINAL,
                        pdf));
    List<Problem> errors = e.problems().stream().filter(Problem::isError).toList();
    assertEquals(
        List.of(12, 14, 16, 18, 24, 26, 28),
        errors.stream().map(Problem::line).toList(),
        errors.toString());
    assertTrue(
        e.getMessage()
            .startsWith("case-studies/evil/case-study.md:12: The image 'http://127.0.0.1:"),
        e.getMessage());
    assertFalse(Files.exists(pdf), "no output file");
    assertFalse(
        Files.exists(pdf.getParent()) && pdf.getParent().toFile().list().length > 0,
        "no partial file");
    assertEquals(0, connections.get());
  }
}
