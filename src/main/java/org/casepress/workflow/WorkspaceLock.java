package org.casepress.workflow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.casepress.source.Workspace;

/**
 * Lets one command at a time change a workspace's state: an operating-system lock on {@code
 * .casepress/lock}, which also holds who took it, for the message the next one gets.
 *
 * <p>The OS lock is per process (a second lock from the same JVM throws instead of waiting), so the
 * JVM's own holders are kept in a set as well; both are taken, the set first. That set is the one
 * piece of static mutable state in casepress, on purpose: it mirrors a per-process resource. It
 * cannot be replaced by catching OverlappingFileLockException, because closing the second channel
 * that threw would release the first channel's lock too (POSIX locks belong to the process). The
 * lock file is never deleted: deleting it would let two processes lock two different files.
 */
public final class WorkspaceLock implements AutoCloseable {
  static final String FILE_NAME = "lock";
  public static final Duration DEFAULT_WAIT = Duration.ofSeconds(5);
  private static final long POLL_MILLIS = 50;
  private static final Set<Path> HELD_IN_THIS_JVM = ConcurrentHashMap.newKeySet();

  private final Path file;
  private final FileChannel channel;
  private final FileLock lock;

  private WorkspaceLock(Path file, FileChannel channel, FileLock lock) {
    this.file = file;
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Takes the workspace lock, waiting up to {@code wait} for another command to finish.
   *
   * @param what the command taking it, for the message another command gets meanwhile
   * @param clock for the time the message gives; waiting itself uses the system's timer
   * @throws WorkflowException when another command still holds it after {@code wait}
   */
  public static WorkspaceLock acquire(
      Workspace workspace, String what, Duration wait, Clock clock) {
    Path file = workspace.stateDir().resolve(FILE_NAME);
    long deadline = System.nanoTime() + wait.toNanos();
    while (true) {
      WorkspaceLock taken = tryAcquire(file, what, clock);
      if (taken != null) {
        return taken;
      }
      if (System.nanoTime() - deadline >= 0) {
        throw new WorkflowException(
            "Another casepress command is changing this workspace"
                + holder(file)
                + ". Wait for it to finish and try again. (If none is running, something went badly"
                + " wrong: the lock is "
                + workspace.relative(file)
                + " and is released when its command ends.)");
      }
      try {
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new WorkflowException(
            "Interrupted while waiting for another casepress command to finish.");
      }
    }
  }

  private static WorkspaceLock tryAcquire(Path file, String what, Clock clock) {
    if (!HELD_IN_THIS_JVM.add(file)) {
      return null;
    }
    FileChannel channel = null;
    try {
      Files.createDirectories(file.getParent());
      channel =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      FileLock lock = channel.tryLock();
      if (lock == null) {
        channel.close();
        HELD_IN_THIS_JVM.remove(file);
        return null;
      }
      String holder =
          what
              + " (process "
              + ProcessHandle.current().pid()
              + ", started "
              + clock.instant().truncatedTo(ChronoUnit.SECONDS)
              + ")\n";
      channel.truncate(0);
      channel.write(ByteBuffer.wrap(holder.getBytes(StandardCharsets.UTF_8)), 0);
      return new WorkspaceLock(file, channel, lock);
    } catch (IOException | RuntimeException e) {
      try {
        if (channel != null) {
          channel.close();
        }
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      HELD_IN_THIS_JVM.remove(file);
      if (e instanceof IOException io) {
        throw new UncheckedIOException(io);
      }
      throw (RuntimeException) e;
    }
  }

  /** ": 'approve x' (process 12, started ...)" when the holder could be read, else "". */
  private static String holder(Path file) {
    try {
      String s = Files.readString(file, StandardCharsets.UTF_8).strip();
      return s.isEmpty() ? "" : ": " + s;
    } catch (IOException e) {
      return "";
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      HELD_IN_THIS_JVM.remove(file);
    }
  }
}
