package org.casepress.workflow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.casepress.source.LocalWriteException;

/**
 * Replaces a file so that a crash at any moment leaves either the old or the new contents, never a
 * mix: write a temporary file in the same folder, force it to disk, rename it over the target, then
 * force the folder entry. The temporary file is named {@code .NAME.tmp-RANDOM}; one left behind by
 * a crash is ignored by readers and removed by the next write, so callers writing the same file
 * must hold the {@link WorkspaceLock}.
 */
public final class AtomicFile {

  /** The moments between the steps of a write, where a test can simulate a crash. */
  public enum Step {
    TEMP_CREATED,
    TEMP_WRITTEN,
    TEMP_FORCED,
    RENAMED,
    FOLDER_FORCED
  }

  /** Called after each step; production code passes {@link #NO_CRASH}. */
  @FunctionalInterface
  public interface Steps {
    void after(Step step) throws IOException;
  }

  public static final Steps NO_CRASH = step -> {};

  private static final SecureRandom RANDOM = new SecureRandom();

  private AtomicFile() {}

  public static void write(Path target, byte[] content) {
    write(target, content, NO_CRASH);
  }

  static void write(Path target, byte[] content, Steps steps) {
    Path folder = target.toAbsolutePath().getParent();
    String prefix = tempPrefix(target);
    removeStaleTemporaries(folder, prefix);
    byte[] random = new byte[6];
    RANDOM.nextBytes(random);
    Path temp = folder.resolve(prefix + HexFormat.of().formatHex(random));
    try {
      try (FileChannel channel =
          FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        steps.after(Step.TEMP_CREATED);
        ByteBuffer buffer = ByteBuffer.wrap(content);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        steps.after(Step.TEMP_WRITTEN);
        channel.force(true);
        steps.after(Step.TEMP_FORCED);
      }
      move(temp, target);
      steps.after(Step.RENAMED);
      forceFolder(folder);
      steps.after(Step.FOLDER_FORCED);
    } catch (IOException | RuntimeException e) {
      // An ordinary failure, not a crash: tidy up. (A simulated crash is an Error and skips this,
      // as a real one would.)
      try {
        Files.deleteIfExists(temp);
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      if (e instanceof IOException io) {
        throw LocalWriteException.of(target, io);
      }
      throw (RuntimeException) e;
    }
  }

  /** Whether {@code file} is a temporary file left by a write of {@code target}. */
  static boolean isTemporary(Path file, Path target) {
    return file.getFileName().toString().startsWith(tempPrefix(target));
  }

  private static String tempPrefix(Path target) {
    return "." + target.getFileName() + ".tmp-";
  }

  private static void move(Path temp, Path target) throws IOException {
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException(
          "the file system of "
              + target.getParent()
              + " cannot replace files atomically, so casepress"
              + " will not risk a half-written "
              + target.getFileName(),
          e);
    }
  }

  /**
   * Makes the rename itself durable. Windows cannot open a folder for this; there it is skipped.
   */
  private static void forceFolder(Path folder) {
    try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // Not supported on this platform; the rename is still atomic, only its durability is weaker.
    }
  }

  private static void removeStaleTemporaries(Path folder, String prefix) {
    try (DirectoryStream<Path> stale =
        Files.newDirectoryStream(folder, p -> p.getFileName().toString().startsWith(prefix))) {
      for (Path p : stale) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
