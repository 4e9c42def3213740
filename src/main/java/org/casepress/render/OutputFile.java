package org.casepress.render;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.casepress.model.Location;
import org.casepress.model.Problem;
import org.casepress.source.Workspace;

/**
 * Where a PDF may be written when the user names the file. A render replaces its output whole, so a
 * mistyped {@code --output} pointing at a case study, its status.json or people.yaml would silently
 * destroy it: casepress writes nothing under case-studies/ or metadata/, replaces only a PDF it
 * wrote itself, and replaces any other PDF only when told to ({@code force}).
 */
public final class OutputFile {
  private OutputFile() {}

  /**
   * Refuses {@code output} unless a render may write it.
   *
   * @param force whether an existing PDF that casepress did not write may be replaced
   * @throws RenderException naming the file and what to do instead
   */
  public static void permit(Workspace workspace, Path output, boolean force)
      throws RenderException {
    Path target = real(output.toAbsolutePath().normalize());
    String shown = workspace.relative(output);
    for (Path kept : List.of(workspace.caseStudiesDir(), workspace.metadataDir())) {
      if (target.startsWith(real(kept))) {
        throw refuse(
            shown,
            "render does not write under "
                + workspace.relative(kept)
                + "/: that folder holds what you wrote, and a PDF there would replace or change it."
                + " Choose another --output, e.g. build/pdf/"
                + target.getFileName().toString().replaceFirst("\\.[^.]*$", "")
                + ".pdf, or leave --output out.");
      }
    }
    if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    if (!Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
      throw refuse(shown, "it exists and is not a plain file. Choose another --output.");
    }
    if (!isPdf(target)) {
      throw refuse(
          shown,
          "it exists and is not a PDF, so it is not casepress's to replace. Choose another"
              + " --output, or move the file away first.");
    }
    if (!force && !writtenByCasepress(target)) {
      throw refuse(
          shown,
          "it is a PDF that casepress did not write. Add --force to replace it, or choose another"
              + " --output.");
    }
  }

  /** The path with its existing part's links resolved, so a link cannot smuggle a write inside. */
  private static Path real(Path p) {
    Path existing = p;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return p;
    }
    try {
      return existing.toRealPath().resolve(existing.relativize(p));
    } catch (IOException e) {
      return p;
    }
  }

  private static boolean isPdf(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return new String(in.readNBytes(5), StandardCharsets.ISO_8859_1).equals("%PDF-");
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean writtenByCasepress(Path file) {
    try (PDDocument doc = Loader.loadPDF(file.toFile())) {
      return Renderer.PRODUCER.equals(doc.getDocumentInformation().getProducer());
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private static RenderException refuse(String file, String why) {
    return new RenderException(
        List.of(Problem.error(Location.of(file), "", "Not writing " + file + ": " + why)));
  }
}
