package org.casepress.cli.warm;

import java.io.File;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where a client finds its warm process: a socket in a folder only this user may open, named after
 * the identity of the tool (its class path, each entry's size and time) and of the Java running it
 * (and whatever else changes output: default charset, time zone, locale, JVM options). A rebuilt
 * jar or another JDK gets another name, so it never talks to a stale process; the identity itself
 * travels with every request and the server refuses one that is not its own.
 *
 * @param folder the private folder (0700 where the file system has POSIX permissions)
 * @param identity everything the process's output may depend on, one line each
 */
record Rendezvous(Path folder, String identity) {
  static final String DIR_VARIABLE = "CASEPRESS_WARM_DIR";
  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rwx------");

  /** The socket's file name: a hash of the identity, short enough for any socket path limit. */
  String name() {
    long h = 0xcbf29ce484222325L; // 64-bit FNV-1a
    for (byte b : identity.getBytes(StandardCharsets.UTF_8)) {
      h = (h ^ (b & 0xff)) * 0x100000001b3L;
    }
    return String.format(Locale.ROOT, "%016x", h);
  }

  Path socket() {
    return folder.resolve(name() + ".sock");
  }

  /** Held while a process is started, so two clients starting at once start one. */
  Path lock() {
    return folder.resolve(name() + ".lock");
  }

  /** The warm process's id, for tests and for a user who wants it gone. */
  Path pid() {
    return folder.resolve(name() + ".pid");
  }

  /** JVM messages of the warm process (it has no terminal). */
  Path log() {
    return folder.resolve(name() + ".log");
  }

  /**
   * The rendezvous of this JVM, or empty when no private folder can be had (then the command runs
   * in-process). {@code startup} is the start-up archive option the warm process will run with.
   */
  static Optional<Rendezvous> of(Map<String, String> env, String startup) {
    Optional<Path> folder = privateFolder(env);
    return folder.map(f -> new Rendezvous(f, identity(env, startup)));
  }

  static String identity(Map<String, String> env, String startup) {
    return "casepress warm "
        + Frames.VERSION
        + "\nclasspath "
        + classPathStamp()
        + "\njava "
        + System.getProperty("java.home")
        + " "
        + System.getProperty("java.vm.version")
        + "\ncharset "
        + Charset.defaultCharset().name()
        + "\ntz "
        + env.getOrDefault("TZ", "")
        + "\nlocale "
        + Locale.getDefault()
        + "\nstartup "
        + startup
        + "\noptions "
        + env.getOrDefault(WarmClient.OPTIONS_VARIABLE, "").strip();
  }

  /** Each class path entry with its size and modification time: a rebuilt jar differs. */
  static String classPathStamp() {
    StringBuilder s = new StringBuilder();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      File f = new File(entry).getAbsoluteFile();
      s.append(f).append(' ').append(f.length()).append(' ').append(f.lastModified()).append(';');
    }
    return s.toString();
  }

  /**
   * CASEPRESS_WARM_DIR, else $XDG_RUNTIME_DIR/casepress, else casepress-USER in the temporary
   * folder; made 0700 when missing. A folder that exists but is another user's, a link, or open to
   * others is refused: whoever can reach the socket can run commands as this user.
   */
  private static Optional<Path> privateFolder(Map<String, String> env) {
    String given = env.get(DIR_VARIABLE);
    String runtime = env.get("XDG_RUNTIME_DIR");
    Path folder;
    if (given != null && !given.isBlank()) {
      folder = Path.of(given);
    } else if (runtime != null && !runtime.isBlank()) {
      folder = Path.of(runtime, "casepress");
    } else {
      folder =
          Path.of(
              System.getProperty("java.io.tmpdir"),
              "casepress-" + System.getProperty("user.name").replaceAll("[^A-Za-z0-9._-]", "_"));
    }
    boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    try {
      if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
        if (posix) {
          Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } else {
          Files.createDirectories(folder);
        }
      }
      if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
        return Optional.empty();
      }
      if (posix) {
        if (!Files.getOwner(folder, LinkOption.NOFOLLOW_LINKS)
            .getName()
            .equals(System.getProperty("user.name"))) {
          return Optional.empty();
        }
        if (!Files.getPosixFilePermissions(folder, LinkOption.NOFOLLOW_LINKS).equals(OWNER_ONLY)) {
          Files.setPosixFilePermissions(folder, OWNER_ONLY);
        }
      }
      return Optional.of(folder.toAbsolutePath());
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return Optional.empty();
    }
  }
}
