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
 * <p>This and the client's other classes ({@link WarmClient}, {@link Frames}) are written without
 * lambdas, method references, streams, regular expressions, {@code String.format} or {@code +} on
 * strings on the path of a command that finds its warm process running: each of those spins classes
 * at run time (invokedynamic), and in a JVM that lives 50 ms that was half its time. {@code
 * WarmLauncherIT} fails when one comes back.
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
    String hex = Long.toHexString(h);
    return "0000000000000000".substring(hex.length()).concat(hex);
  }

  Path socket() {
    return beside(".sock");
  }

  /** Held while a process is started, so two clients starting at once start one. */
  Path lock() {
    return beside(".lock");
  }

  /** The warm process's id, for tests and for a user who wants it gone. */
  Path pid() {
    return beside(".pid");
  }

  /** JVM messages of the warm process (it has no terminal). */
  Path log() {
    return beside(".log");
  }

  private Path beside(String suffix) {
    return folder.resolve(name().concat(suffix));
  }

  /**
   * The rendezvous of this JVM, or empty when no private folder can be had (then the command runs
   * in-process). {@code startup} is the start-up archive option the warm process will run with.
   */
  static Optional<Rendezvous> of(Map<String, String> env, String startup) {
    Optional<Path> folder = privateFolder(env);
    if (folder.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Rendezvous(folder.get(), identity(env, startup)));
  }

  static String identity(Map<String, String> env, String startup) {
    return new StringBuilder("casepress warm ")
        .append(Frames.VERSION)
        .append("\nclasspath ")
        .append(classPathStamp())
        .append("\njava ")
        .append(System.getProperty("java.home"))
        .append(' ')
        .append(System.getProperty("java.vm.version"))
        .append("\ncharset ")
        .append(Charset.defaultCharset().name())
        .append("\ntz ")
        .append(env.getOrDefault("TZ", ""))
        .append("\nlocale ")
        .append(Locale.getDefault())
        .append("\nstartup ")
        .append(startup)
        .append("\noptions ")
        .append(env.getOrDefault(WarmClient.OPTIONS_VARIABLE, "").strip())
        .append("\nwarm options ")
        .append(env.getOrDefault(WarmClient.WARM_OPTIONS_VARIABLE, "").strip())
        .toString();
  }

  /** Each class path entry with its size and modification time: a rebuilt jar differs. */
  static String classPathStamp() {
    StringBuilder s = new StringBuilder();
    // A one-character separator takes String.split's path without a regular expression.
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      File f = new File(entry).getAbsoluteFile();
      s.append(f).append(' ').append(f.length()).append(' ').append(f.lastModified()).append(';');
    }
    return s.toString();
  }

  /** The user's name with anything but letters, digits, dot, underscore and hyphen as '_'. */
  static String fileNameOf(String user) {
    StringBuilder s = new StringBuilder(user.length());
    for (int i = 0; i < user.length(); i++) {
      char c = user.charAt(i);
      boolean plain =
          (c >= 'A' && c <= 'Z')
              || (c >= 'a' && c <= 'z')
              || (c >= '0' && c <= '9')
              || c == '.'
              || c == '_'
              || c == '-';
      s.append(plain ? c : '_');
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
              "casepress-".concat(fileNameOf(System.getProperty("user.name"))));
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
