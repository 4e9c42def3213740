package org.casepress.importer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.casepress.source.Workspace;

/**
 * Writes a new case study folder all at once: everything goes into a hidden folder beside it (which
 * check and the workflow ignore), which is then renamed. A failure leaves nothing behind, and an
 * existing case study is never touched.
 */
final class CaseStudyFolder {
  static final String FILE_NAME = Workspace.CASE_STUDY_FILE;

  private CaseStudyFolder() {}

  /** Refuses a slug whose folder exists, before any work is done. */
  static void requireFree(Workspace workspace, String slug) {
    Path target = workspace.caseStudyDir(slug);
    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      throw taken(workspace, target);
    }
  }

  /** Writes case-study.md and the images; returns the files written, relative to the folder. */
  static List<String> write(
      Workspace workspace, String slug, String markdown, Map<String, byte[]> images) {
    requireFree(workspace, slug);
    Path target = workspace.caseStudyDir(slug);
    Path temp = null;
    boolean moved = false;
    try {
      Files.createDirectories(workspace.caseStudiesDir());
      temp = Files.createTempDirectory(workspace.caseStudiesDir(), ".import-" + slug + "-");
      List<String> files = new ArrayList<>();
      Files.writeString(temp.resolve(FILE_NAME), markdown, StandardCharsets.UTF_8);
      files.add(FILE_NAME);
      for (Map.Entry<String, byte[]> image :
          images.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
        Path file = temp.resolve(image.getKey()).normalize();
        if (!file.startsWith(temp)) {
          throw new IllegalStateException("image path outside the folder: " + image.getKey());
        }
        Files.createDirectories(file.getParent());
        Files.write(file, image.getValue());
        files.add(image.getKey());
      }
      // Within one folder a rename is atomic; without REPLACE_EXISTING it refuses an existing one.
      Files.move(temp, target);
      moved = true;
      return files;
    } catch (FileAlreadyExistsException e) {
      throw taken(workspace, target);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (temp != null && !moved) {
        delete(temp);
      }
    }
  }

  private static ImportException taken(Workspace workspace, Path target) {
    return ImportException.badInput(
        workspace.relative(target)
            + " already exists, and import never overwrites a case study. Choose another folder"
            + " name with --slug NAME, or remove the old folder first if it is yours to remove.");
  }

  private static void delete(Path folder) {
    try (Stream<Path> all = Files.walk(folder)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // Best effort: a hidden .import-* folder is ignored by check and the workflow.
    }
  }
}
