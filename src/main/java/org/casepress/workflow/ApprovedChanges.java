package org.casepress.workflow;

import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.casepress.source.Workspace;

/**
 * Which files of an approved case study changed since its approval, and how, read from git.
 *
 * <p>The digest pinned by an approval says only <em>that</em> something changed. The files as they
 * were approved are in the repository's history: the newest commit whose status.json carries the
 * pinned digest holds them (an approval is committed together with, or after, what it approved).
 * The working folder, uncommitted edits and new files included, is compared with that commit; files
 * the digest leaves out (editor backups, status.json) are not listed.
 *
 * @param files the changed paths, relative to the case study folder, sorted
 * @param diff a unified diff of the changes (text files; binary files are named)
 * @param commit the commit compared with, abbreviated
 */
public record ApprovedChanges(List<String> files, String diff, String commit) {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final long TIMEOUT_SECONDS = 10;

  public ApprovedChanges {
    files = List.copyOf(files);
  }

  /**
   * The changes since {@code approvedDigest} was pinned, or empty when they cannot be told: the
   * workspace is not a git repository, git is not installed, or the approval is not committed yet.
   */
  public static Optional<ApprovedChanges> since(
      Workspace workspace, String slug, String approvedDigest) {
    if (approvedDigest == null) {
      return Optional.empty();
    }
    String folder = workspace.relative(workspace.caseStudyDir(slug));
    String statusPath = folder + "/" + StatusStore.FILE_NAME;
    try {
      Optional<String> log = git(workspace.root(), "log", "--format=%H", "--", statusPath);
      if (log.isEmpty()) {
        return Optional.empty();
      }
      String approvalCommit = null;
      for (String commit : log.get().lines().toList()) {
        Optional<String> text = git(workspace.root(), "show", commit + ":./" + statusPath);
        if (text.isPresent()
            && approvedDigest.equals(JSON.readTree(text.get()).path("approved_digest").asText())) {
          approvalCommit = commit;
          break;
        }
      }
      if (approvalCommit == null) {
        return Optional.empty();
      }
      TreeSet<String> files = new TreeSet<>();
      String changed =
          git(
                  workspace.root(),
                  "diff",
                  "--relative",
                  "--name-only",
                  "--no-renames",
                  approvalCommit,
                  "--",
                  folder)
              .orElse("");
      String untracked =
          git(workspace.root(), "ls-files", "--others", "--exclude-standard", "--", folder)
              .orElse("");
      for (String path : (changed + "\n" + untracked).lines().toList()) {
        if (path.isBlank() || !path.startsWith(folder + "/")) {
          continue;
        }
        String inFolder = path.substring(folder.length() + 1);
        if (!ContentDigest.isLeftOut(Path.of(inFolder))) {
          files.add(inFolder);
        }
      }
      List<String> pathspecs = new ArrayList<>();
      files.forEach(f -> pathspecs.add(folder + "/" + f));
      String diff =
          pathspecs.isEmpty()
              ? ""
              : git(workspace.root(), diffArgs(approvalCommit, pathspecs)).orElse("");
      // git diff leaves out untracked files: show each as wholly added.
      for (String path : untracked.lines().toList()) {
        if (pathspecs.contains(path)) {
          diff += git(workspace.root(), "diff", "--no-index", "--", "/dev/null", path).orElse("");
        }
      }
      return Optional.of(
          new ApprovedChanges(List.copyOf(files), diff, approvalCommit.substring(0, 12)));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static String[] diffArgs(String commit, List<String> paths) {
    List<String> args =
        new ArrayList<>(List.of("diff", "--relative", "--no-color", "--no-renames", commit, "--"));
    args.addAll(paths);
    return args.toArray(String[]::new);
  }

  /**
   * Runs git in {@code dir}; its output, or empty when git is missing or fails ({@code diff
   * --no-index} exits 1 when files differ, which is not a failure).
   */
  private static Optional<String> git(Path dir, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of("git", "-c", "core.quotepath=off"));
    command.addAll(List.of(args));
    Process p;
    try {
      p =
          new ProcessBuilder(command)
              .directory(dir.toFile())
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
    } catch (IOException e) {
      return Optional.empty();
    }
    p.getOutputStream().close();
    try (InputStream out = p.getInputStream()) {
      byte[] bytes = out.readAllBytes();
      if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return Optional.empty();
      }
      boolean noIndexDiffers =
          args[0].equals("diff")
              && args.length > 1
              && args[1].equals("--no-index")
              && p.exitValue() == 1;
      return p.exitValue() == 0 || noIndexDiffers
          ? Optional.of(new String(bytes, StandardCharsets.UTF_8))
          : Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroyForcibly();
      return Optional.empty();
    }
  }
}
