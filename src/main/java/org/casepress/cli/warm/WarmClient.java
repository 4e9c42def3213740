package org.casepress.cli.warm;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.SocketChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The launcher's front end for {@link #FORWARDED} commands: hands the command to a warm casepress
 * process ({@link WarmServer}), starting one when there is none, and relays its output and exit
 * code, so that a command does not pay the JVM's warm-up each time. When no warm process can be had
 * before anything was printed, or the warm process ran out of memory, it exits with {@link
 * #NOT_RUN} and the launcher runs the command in a JVM of its own. It runs from a jar of its own
 * with nothing of the tool on its class path and loads only JDK classes: it must start in a few
 * tens of milliseconds (see {@link Rendezvous} for what its code avoids).
 */
public final class WarmClient {
  /**
   * The commands a warm process runs: they read the workspace and write only their report and PDFs,
   * need no Zenodo token (nothing a warm process could hold or leak), read no standard input and
   * ask nothing at the terminal. Commands that change review state, publish, serve or import run in
   * the launcher's own JVM.
   */
  static final Set<String> FORWARDED = Set.of("check", "render");

  /** The only environment these commands read; a token is never among them. */
  static final List<String> ENVIRONMENT = List.of("SOURCE_DATE_EPOCH");

  /** JVM options of every casepress JVM the launcher starts, the warm process's included. */
  static final String OPTIONS_VARIABLE = "CASEPRESS_JAVA_OPTS";

  /**
   * JVM options of the warm process alone, after its own and {@link #OPTIONS_VARIABLE}'s (a later
   * option wins): to try another heap ceiling or collector without touching the commands that run
   * in the launcher's JVM.
   */
  static final String WARM_OPTIONS_VARIABLE = "CASEPRESS_WARM_JAVA_OPTS";

  /**
   * The warm process's heap: it lives in the background on an author's laptop, where the JVM's
   * default ceiling is a quarter of the memory (a batch of 28 documents took it to 1.1-2.1 GB of
   * resident memory). 512 MB cost no CPU against no ceiling in the batches measured; 384 MB cost a
   * fifth more (the collector ran far more often). When idle for 30 s, G1 collects and gives back
   * what exceeds 40 % free heap (from about 510 MB to about 320 MB of resident memory). G1 stays
   * the collector: Serial's pauses stop both rendering threads, and its batches took a quarter more
   * CPU. BENCHMARKS.md, "The warm process's memory".
   */
  static final List<String> WARM_PROCESS_OPTIONS =
      List.of(
          "-Xmx512m",
          "-XX:G1PeriodicGCInterval=30000",
          "-XX:MinHeapFreeRatio=20",
          "-XX:MaxHeapFreeRatio=40");

  static final String IDLE_VARIABLE = "CASEPRESS_WARM_IDLE";
  static final String WARM_UP_VARIABLE = "CASEPRESS_WARM_UP";

  /** As {@code WarmUp.DEFAULT_RENDERS}: the client does not load the server's classes. */
  static final int DEFAULT_WARM_UP_RENDERS = 12;

  /** Seconds without a command after which the warm process exits. */
  static final long DEFAULT_IDLE_SECONDS = 600;

  /** Start-up archive option the warm process runs with, set by the launcher. */
  static final String STARTUP_PROPERTY = "casepress.warm.startup";

  /**
   * The warm process's class path, set by the launcher: the tool jar alone, as its start-up archive
   * was made with, not the small client jar this JVM starts from in front of it.
   */
  static final String CLASSPATH_PROPERTY = "casepress.warm.classpath";

  /** By name: a class literal would load the server's classes into this small JVM. */
  static final String SERVER_CLASS = "org.casepress.cli.warm.WarmServer";

  private static final long START_TIMEOUT_MILLIS = 30_000;

  /**
   * Exit code that tells the launcher to run the command itself (sysexits' EX_TEMPFAIL): nothing
   * ran and nothing was printed, or the warm process ran out of memory and the client said so. The
   * tool's own codes are 0 to 4. Running it here instead would need the tool jar on this JVM's
   * class path, and the JDK reads the directory of every jar on it at the first socket (a service
   * lookup): a fifth of the client's time.
   */
  static final int NOT_RUN = 75;

  private WarmClient() {}

  public static void main(String[] args) {
    Map<String, String> env = System.getenv();
    Optional<Rendezvous> rendezvous =
        args.length > 0 && FORWARDED.contains(args[0])
            ? Rendezvous.of(env, System.getProperty(STARTUP_PROPERTY, ""))
            : Optional.empty();
    if (rendezvous.isPresent()) {
      Outcome outcome =
          forward(
              rendezvous.get(),
              request(rendezvous.get(), env, Path.of("").toAbsolutePath(), args),
              env,
              new FileOutputStream(FileDescriptor.out),
              new FileOutputStream(FileDescriptor.err));
      if (outcome instanceof Outcome.Exited exited) {
        System.exit(exited.code());
      }
    }
    System.exit(NOT_RUN);
  }

  /** What became of a forwarded command. */
  sealed interface Outcome {
    /** The warm process ran it to the end. */
    record Exited(int code) implements Outcome {}

    /**
     * The launcher runs the command itself: nothing ran and nothing was printed, or the warm
     * process ran out of memory, which the client has told the user.
     */
    record NotRun(String why) implements Outcome {}
  }

  static Frames.Request request(Rendezvous r, Map<String, String> env, Path cwd, String[] args) {
    Map<String, String> forwarded = new LinkedHashMap<>();
    for (String name : ENVIRONMENT) {
      String value = env.get(name);
      if (value != null) {
        forwarded.put(name, value);
      }
    }
    return new Frames.Request(
        r.identity(),
        cwd.toString(),
        charset("stdout"),
        charset("stderr"),
        forwarded,
        Arrays.asList(args));
  }

  /** The charset this JVM's System.out or System.err would encode with, had it run the command. */
  private static String charset(String stream) {
    boolean stdout = stream.equals("stdout");
    String named = System.getProperty(stdout ? "stdout.encoding" : "stderr.encoding");
    if (named == null) {
      named = System.getProperty(stdout ? "sun.stdout.encoding" : "sun.stderr.encoding");
    }
    return named != null ? named : Charset.defaultCharset().name();
  }

  /**
   * Sends the command to the warm process, starting one when needed, and copies its frames to
   * {@code out} and {@code err} as they come.
   */
  static Outcome forward(
      Rendezvous r,
      Frames.Request request,
      Map<String, String> env,
      OutputStream out,
      OutputStream err) {
    SocketChannel channel;
    try {
      channel = connectOrStart(r, env);
    } catch (IOException | InterruptedException e) {
      return new Outcome.NotRun("no warm process: ".concat(String.valueOf(e.getMessage())));
    }
    if (channel == null) {
      return new Outcome.NotRun("the warm process did not start; see ".concat(r.log().toString()));
    }
    boolean printed = false;
    try (channel) {
      request.writeTo(new DataOutputStream(Channels.newOutputStream(channel)));
      DataInputStream in =
          new DataInputStream(new BufferedInputStream(Channels.newInputStream(channel)));
      while (true) {
        byte tag = in.readByte();
        if (tag == Frames.EXIT) {
          int code = in.readInt();
          out.flush();
          err.flush();
          return new Outcome.Exited(code);
        }
        if (tag == Frames.REFUSED) {
          return new Outcome.NotRun(Frames.readString(in));
        }
        if (tag == Frames.OUT_OF_MEMORY) {
          // Check and render only read the workspace and replace their outputs whole, so running
          // the command again, in a JVM of its own, is safe even after it printed.
          String message = Frames.readString(in);
          out.flush();
          err.write(message.getBytes(Charset.defaultCharset()));
          err.flush();
          return new Outcome.NotRun(message);
        }
        int length = in.readInt();
        byte[] bytes = in.readNBytes(length);
        if (bytes.length < length) {
          throw new EOFException();
        }
        (tag == Frames.OUT ? out : err).write(bytes);
        printed = true;
      }
    } catch (IOException e) {
      if (!printed) {
        return new Outcome.NotRun("the warm process went away: ".concat(e.toString()));
      }
      try {
        err.write(
            ("\ncasepress: the background casepress process stopped before the command finished."
                    + " Run the command again; set CASEPRESS_WARM=off to run without it.\n")
                .getBytes(Charset.defaultCharset()));
        err.flush();
      } catch (IOException ignored) {
        // Standard error is gone too: the exit code still tells.
      }
      return new Outcome.Exited(4);
    }
  }

  /**
   * A connection to the warm process; when none answers, starts one (under a lock, so clients
   * starting together start one) and waits until it listens. Null when it does not come up.
   */
  static SocketChannel connectOrStart(Rendezvous r, Map<String, String> env)
      throws IOException, InterruptedException {
    SocketChannel channel = connect(r);
    if (channel != null) {
      return channel;
    }
    try (FileChannel lockFile =
            FileChannel.open(r.lock(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock held = lockFile.lock()) {
      channel = connect(r);
      if (channel != null) {
        return channel;
      }
      // A socket nobody answers on is left by a process that was killed or crashed.
      Files.deleteIfExists(r.socket());
      ProcessHandle server = start(r, env);
      long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
      while (System.currentTimeMillis() < deadline) {
        channel = connect(r);
        if (channel != null) {
          return channel;
        }
        if (server == null || !server.isAlive()) {
          return null;
        }
        Thread.sleep(10);
      }
      return null;
    }
  }

  private static SocketChannel connect(Rendezvous r) {
    if (!Files.exists(r.socket())) {
      return null;
    }
    try {
      SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
      try {
        channel.connect(UnixDomainSocketAddress.of(r.socket()));
        return channel;
      } catch (IOException e) {
        channel.close();
        return null;
      }
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * Starts the warm process with this JVM's Java and class path, detached from the terminal where
   * the system can (setsid), so that Ctrl-C on one command does not stop it for the others. It runs
   * with the launcher's quick JIT tier too: with the full JIT its optimising compiler competed with
   * the commands for the two cores of the machine measured, and the first command took twice as
   * long, the next eight about 1.5 times as long (BENCHMARKS.md); measured again with the warm-up
   * renders, the full JIT still cost the first ten commands 1.5-3.7 times the CPU and the first two
   * batches after them 1.2-1.7 times ("The warm process's memory").
   *
   * @return the warm process, null when it could not be started
   */
  private static ProcessHandle start(Rendezvous r, Map<String, String> env)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    for (String setsid : List.of("/usr/bin/setsid", "/bin/setsid")) {
      if (Files.isExecutable(Path.of(setsid))) {
        command.add(setsid);
        break;
      }
    }
    command.addAll(javaCommand(r, env));
    return inBackground(command, r.folder(), r.log());
  }

  /**
   * A POSIX shell script that runs its arguments after the first in the background, with no input
   * and their output appended to the file its first argument names, prints their process id, and
   * exits. What it starts is no child of this JVM.
   */
  static final String BACKGROUND = "log=$1; shift; \"$@\" </dev/null >>\"$log\" 2>&1 & echo $!";

  /**
   * Runs {@code command} in {@code folder} in the background, its output appended to {@code log},
   * and returns it (null when it could not be started). Where there is a POSIX shell, the shell
   * starts it and exits at once, so that it is not a child of this JVM: a JVM that has a child
   * still running takes about 300 ms more to exit (HotSpot waits, as it exits, for its threads
   * running native code to stop, and the thread that waits for the child is one), which the first
   * {@code check} or {@code render} paid in full. Elsewhere (Windows) it is this JVM's child.
   * Variables whose name holds TOKEN are not passed on: a command brings its own variables along.
   */
  static ProcessHandle inBackground(List<String> command, Path folder, Path log)
      throws IOException, InterruptedException {
    Path shell = Path.of("/bin/sh");
    boolean detach = Files.isExecutable(shell);
    List<String> run = command;
    if (detach) {
      run = new ArrayList<>();
      run.add(shell.toString());
      run.add("-c");
      run.add(BACKGROUND);
      run.add("sh");
      run.add(log.toString());
      run.addAll(command);
    }
    ProcessBuilder builder =
        new ProcessBuilder(run)
            .directory(folder.toFile())
            .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
    if (!detach) {
      builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    }
    Iterator<String> names = builder.environment().keySet().iterator();
    while (names.hasNext()) {
      if (names.next().contains("TOKEN")) {
        names.remove();
      }
    }
    Process p = builder.start();
    p.getOutputStream().close();
    if (!detach) {
      return p.toHandle();
    }
    byte[] printed = p.getInputStream().readAllBytes();
    p.waitFor();
    try {
      long pid = Long.parseLong(new String(printed, StandardCharsets.US_ASCII).strip());
      return ProcessHandle.of(pid).orElse(null);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /**
   * The warm process's command line: this JVM's Java, the launcher's start-up archive and JIT tier,
   * {@link #WARM_PROCESS_OPTIONS}, then {@link #OPTIONS_VARIABLE}'s and {@link
   * #WARM_OPTIONS_VARIABLE}'s options (the JVM takes the last of an option given twice).
   */
  static List<String> javaCommand(Rendezvous r, Map<String, String> env) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-XX:TieredStopAtLevel=1");
    String startup = System.getProperty(STARTUP_PROPERTY, "");
    if (!startup.isBlank()) {
      command.add(startup);
    }
    command.add("-Xlog:disable");
    command.add("-Xlog:all=warning:stderr");
    command.addAll(WARM_PROCESS_OPTIONS);
    addOptions(command, env.getOrDefault(OPTIONS_VARIABLE, ""));
    addOptions(command, env.getOrDefault(WARM_OPTIONS_VARIABLE, ""));
    command.add("-cp");
    command.add(System.getProperty(CLASSPATH_PROPERTY, System.getProperty("java.class.path")));
    command.add(SERVER_CLASS);
    command.add(r.folder().toString());
    command.add(r.identity());
    command.add(Long.toString(idleSeconds(env)));
    command.add(Integer.toString(warmUpRenders(env)));
    return command;
  }

  /** Adds the options of a variable, separated by white space, as a shell would split them. */
  static void addOptions(List<String> command, String options) {
    int start = -1;
    for (int i = 0; i <= options.length(); i++) {
      boolean space = i == options.length() || Character.isWhitespace(options.charAt(i));
      if (space && start >= 0) {
        command.add(options.substring(start, i));
        start = -1;
      } else if (!space && start < 0) {
        start = i;
      }
    }
  }

  /** CASEPRESS_WARM_UP: how many times the warm process repeats its first render while idle. */
  static int warmUpRenders(Map<String, String> env) {
    try {
      int renders = Integer.parseInt(env.getOrDefault(WARM_UP_VARIABLE, "").strip());
      return renders >= 0 ? renders : DEFAULT_WARM_UP_RENDERS;
    } catch (NumberFormatException e) {
      return DEFAULT_WARM_UP_RENDERS;
    }
  }

  static long idleSeconds(Map<String, String> env) {
    try {
      long seconds = Long.parseLong(env.getOrDefault(IDLE_VARIABLE, "").strip());
      return seconds > 0 ? seconds : DEFAULT_IDLE_SECONDS;
    } catch (NumberFormatException e) {
      return DEFAULT_IDLE_SECONDS;
    }
  }
}
