package org.casepress.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.casepress.source.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentDigestTest {
  @TempDir Path root;

  private Path folder() throws Exception {
    return Files.createDirectories(root.resolve("case-studies/fernbank-flood-models"));
  }

  private String digest(Path folder) {
    return ContentDigest.of(new Workspace(root), folder);
  }

  @Test
  void followsTheDocumentedFormat() throws Exception {
    Path folder = folder();
    Files.writeString(folder.resolve("case-study.md"), "# Hi\r\n");
    Files.createDirectories(folder.resolve("images"));
    Files.write(folder.resolve("images/é.png"), new byte[] {1, 2, 3});
    Files.writeString(folder.resolve("b.txt"), "b");

    // Sorted by UTF-8 bytes: "b.txt" < "case-study.md" < "images/é.png".
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    expected.write("casepress-content-digest-1\0".getBytes(StandardCharsets.UTF_8));
    frame(expected, "b.txt", "b".getBytes(StandardCharsets.UTF_8));
    frame(expected, "case-study.md", "# Hi\r\n".getBytes(StandardCharsets.UTF_8));
    frame(expected, "images/é.png", new byte[] {1, 2, 3});
    String sha =
        HexFormat.of()
            .formatHex(MessageDigest.getInstance("SHA-256").digest(expected.toByteArray()));

    assertEquals("sha256:" + sha, digest(folder));
  }

  private static void frame(ByteArrayOutputStream out, String path, byte[] content)
      throws Exception {
    out.write(path.getBytes(StandardCharsets.UTF_8));
    out.write(0);
    out.write(ByteBuffer.allocate(8).putLong(content.length).array());
    out.write(content);
  }

  @Test
  void leavesOutStatusJsonHiddenFilesAndWindowsJunk() throws Exception {
    Path folder = folder();
    Files.writeString(folder.resolve("case-study.md"), "text");
    String before = digest(folder);
    Files.writeString(folder.resolve("status.json"), "{}");
    Files.writeString(folder.resolve(".status.json.tmp-0a1b2c"), "{");
    Files.writeString(folder.resolve(".DS_Store"), "junk");
    Files.writeString(folder.resolve("Thumbs.db"), "junk");
    Files.createDirectories(folder.resolve(".git-like"));
    Files.writeString(folder.resolve(".git-like/x"), "junk");
    assertEquals(before, digest(folder));
  }

  @Test
  void leavesOutEditorBackupsAndOfficeOwnerFiles() throws Exception {
    Path folder = folder();
    Files.writeString(folder.resolve("case-study.md"), "text");
    String before = digest(folder);
    Files.writeString(folder.resolve("case-study.md~"), "old text");
    Files.writeString(folder.resolve(".#case-study.md"), "lock");
    Files.writeString(folder.resolve("~$notes.docx"), "owner");
    Files.createDirectories(folder.resolve("figures"));
    Files.writeString(folder.resolve("figures/plot.svg~"), "old");
    assertEquals(before, digest(folder));
    Files.writeString(folder.resolve("notes~draft.md"), "a real file with a tilde inside");
    assertNotEquals(before, digest(folder));
  }

  @Test
  void anyChangeToContentChangesIt() throws Exception {
    Path folder = folder();
    Files.writeString(folder.resolve("case-study.md"), "line\n");
    String lf = digest(folder);
    Files.writeString(folder.resolve("case-study.md"), "line\r\n");
    assertNotEquals(lf, digest(folder), "line endings are hashed as stored");
    Files.writeString(folder.resolve("case-study.md"), "line\n");
    assertEquals(lf, digest(folder));
    Files.writeString(folder.resolve("figure.png"), "");
    assertNotEquals(lf, digest(folder), "an added empty file changes it");
  }

  @Test
  void movingBytesBetweenNameAndContentChangesIt() throws Exception {
    Path folder = folder();
    Files.writeString(folder.resolve("ab"), "c");
    String first = digest(folder);
    Files.delete(folder.resolve("ab"));
    Files.writeString(folder.resolve("a"), "bc");
    assertNotEquals(first, digest(folder));
  }

  @Test
  void refusesSymbolicLinks() throws Exception {
    Path folder = folder();
    Path outside = Files.writeString(root.resolve("outside.png"), "x");
    Files.createSymbolicLink(folder.resolve("figure.png"), outside);
    WorkflowException e = assertThrows(WorkflowException.class, () -> digest(folder));
    assertEquals(
        "case-studies/fernbank-flood-models/figure.png is a symbolic link. Copy the file it points to into"
            + " the case study's folder instead, so that what is approved is what gets published.",
        e.getMessage());
  }

  @Test
  void shortFormIsTwelveHexDigits() {
    assertEquals("abababababab", ContentDigest.shortForm(Fixtures.DIGEST));
    assertEquals("-", ContentDigest.shortForm(null));
  }
}
