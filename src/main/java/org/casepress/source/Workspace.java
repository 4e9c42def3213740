package org.casepress.source;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The folder that holds metadata/community.yaml, case-studies/ and the tool's outputs (README.md,
 * "The tool lives in the same repository").
 */
public record Workspace(Path root) {
  public static final String COMMUNITY_FILE = "metadata/community.yaml";

  /** The file a case study is written in, inside its folder. */
  public static final String CASE_STUDY_FILE = "case-study.md";

  public Workspace {
    root = root.toAbsolutePath().normalize();
  }

  /** The nearest folder upward from {@code start} that holds metadata/community.yaml. */
  public static Optional<Workspace> find(Path start) {
    for (Path p = start.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve(COMMUNITY_FILE))) {
        return Optional.of(new Workspace(p));
      }
    }
    return Optional.empty();
  }

  public Path metadataDir() {
    return root.resolve("metadata");
  }

  public Path caseStudiesDir() {
    return root.resolve("case-studies");
  }

  public Path caseStudyDir(String slug) {
    return caseStudiesDir().resolve(slug);
  }

  /** The case study's Markdown, {@value #CASE_STUDY_FILE} in its folder. */
  public Path caseStudyFile(String slug) {
    return caseStudyDir(slug).resolve(CASE_STUDY_FILE);
  }

  /** Generated output (PDFs, launch announcements); ignored by git. */
  public Path buildDir() {
    return root.resolve("build");
  }

  /** Tool-private state, such as the local Zenodo server's storage; ignored by git. */
  public Path stateDir() {
    return root.resolve(".casepress");
  }

  /** {@code path} relative to the root, with forward slashes, for messages. */
  public String relative(Path path) {
    Path abs = path.toAbsolutePath().normalize();
    String s = abs.startsWith(root) ? root.relativize(abs).toString() : abs.toString();
    return s.replace('\\', '/');
  }
}
