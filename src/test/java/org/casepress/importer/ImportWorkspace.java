package org.casepress.importer;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.casepress.source.TestWorkspaces;
import org.casepress.source.Workspace;

/** A workspace with the repository's metadata and no case studies, and helpers to read results. */
final class ImportWorkspace {
  private ImportWorkspace() {}

  static Workspace in(Path dir) {
    TestWorkspaces.copy(Path.of("metadata"), dir.resolve("metadata"));
    try {
      Files.createDirectories(dir.resolve("case-studies"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Workspace(dir);
  }

  static String caseStudy(Workspace workspace, String slug) {
    try {
      return Files.readString(
          workspace.caseStudyDir(slug).resolve("case-study.md"), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A small real PNG, as a picture pasted into a document would be. */
  static byte[] png() {
    BufferedImage image = new BufferedImage(8, 6, BufferedImage.TYPE_INT_RGB);
    image.setRGB(2, 3, 0x3080c0);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
