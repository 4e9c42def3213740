package org.casepress.importer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.casepress.source.TestWorkspaces;
import org.casepress.source.Workspace;
import org.casepress.source.WorkspaceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebPageImportTest {
  private static final Path FIXTURE = Path.of("src/test/resources/import/google-docs");

  @TempDir Path dir;

  @Test
  void googleDocsDownloadBecomesCleanMarkdown() throws Exception {
    Workspace workspace = ImportWorkspace.in(dir.resolve("ws"));
    Path draft = TestWorkspaces.copy(FIXTURE, dir.resolve("download"));

    Imported imported =
        new Importer(workspace)
            .importDraft(draft.resolve("Glasswater-draft.html"), null, "eilidh-macrae");

    String md = ImportWorkspace.caseStudy(workspace, imported.slug());
    assertEquals("sensors-in-the-open", imported.slug());
    assertTrue(md.startsWith("---\ntitle: \"Sensors in the open\"\n"), md);
    assertTrue(md.contains("subtitle: \"How a monitoring agency shared its river data\"\n"), md);
    assertTrue(md.contains("\n## Where we started\n"), md);
    assertTrue(md.contains("\n### Sensor counts\n"), md);
    assertTrue(md.contains("\n## What changed\n"), md);
    assertTrue(md.contains("what **they had to change** in their processes"), md);
    assertTrue(md.contains("the *outside users* who arrived"), md);
    assertTrue(md.contains("**Publishing** took six months"), md);
    assertTrue(md.contains("[sensor catalogue](https://example.org/glasswater/sensors)"), md);
    assertTrue(md.contains("readings.[^1]"), md);
    assertTrue(md.contains("[^1]: The sensors are invented for this example."), md);
    assertTrue(
        md.matches("(?s).*\\n\\|\\s*Catchment\\s*\\|\\s*Sensors\\s*\\|\\n\\|-+\\|-+\\|\\n.*"), md);
    assertTrue(md.contains("* river levels\n"), md);
    assertTrue(md.contains("* water temperature\n  * surface and bed\n* turbidity\n"), md);
    assertTrue(
        md.contains(
            "![A map of the Glass catchment with sensor sites marked as dots](figures/image1.png)"),
        md);
    for (String pasted : new String[] {"<span", "style=", "class=", "<b", "google.com", "[a]"}) {
      assertFalse(md.contains(pasted), pasted + " in\n" + md);
    }
    assertArrayEquals(
        Files.readAllBytes(FIXTURE.resolve("images/image1.png")),
        Files.readAllBytes(workspace.caseStudyDir(imported.slug()).resolve("figures/image1.png")));
    assertTrue(
        imported.notes().stream()
            .anyMatch(
                n ->
                    n.kind() == Note.Kind.NOT_IMPORTED
                        && n.where().endsWith("comment [a]")
                        && n.message().contains("Should we name the supplier here?")),
        imported.notes().toString());
    assertTrue(imported.checksOut(), imported.problems().toString());
  }

  @Test
  void theZipGoogleDocsDownloadsImportsLikeThePageUnzipped() throws Exception {
    Workspace unzipped = ImportWorkspace.in(dir.resolve("unzipped"));
    Path draft = TestWorkspaces.copy(FIXTURE, dir.resolve("download"));
    Imported expected =
        new Importer(unzipped).importDraft(draft.resolve("Glasswater-draft.html"), null, null);
    Workspace workspace = ImportWorkspace.in(dir.resolve("ws"));
    Path zip = dir.resolve("Glasswater draft.zip");
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
      for (String name : List.of("Glasswater-draft.html", "images/image1.png")) {
        out.putNextEntry(new ZipEntry(name));
        out.write(Files.readAllBytes(FIXTURE.resolve(name)));
        out.closeEntry();
      }
    }

    Imported imported = new Importer(workspace).importDraft(zip, null, null);

    assertEquals(Format.ZIPPED_WEB_PAGE, imported.format());
    assertEquals(
        ImportWorkspace.caseStudy(unzipped, expected.slug()),
        ImportWorkspace.caseStudy(workspace, imported.slug()));
    assertEquals(expected.files(), imported.files());
  }

  @Test
  void zipWithoutAPageIsRefused() throws Exception {
    Workspace workspace = ImportWorkspace.in(dir.resolve("ws"));
    Path zip = dir.resolve("photos.zip");
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
      out.putNextEntry(new ZipEntry("images/image1.png"));
      out.write(ImportWorkspace.png());
      out.closeEntry();
    }

    ImportException e =
        assertThrows(
            ImportException.class, () -> new Importer(workspace).importDraft(zip, null, null));

    assertTrue(
        e.getMessage().startsWith("photos.zip holds no web page (.html file)."), e.getMessage());
    assertEquals(List.of(), WorkspaceLoader.slugs(workspace));
  }
}
