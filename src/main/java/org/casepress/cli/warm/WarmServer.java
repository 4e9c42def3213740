package org.casepress.cli.warm;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.casepress.cli.Cli;
import org.casepress.cli.HeapCeiling;

/**
 * A casepress process that stays warm: it listens on its {@link Rendezvous} socket and runs each
 * client's command with {@link Cli#run}, exactly as the launcher's own JVM would, on a thread of
 * its own (clients may come at once). It exits after a time without commands, when its jar is
 * rebuilt, when its socket is removed or taken over, or when it runs out of memory.
 */
public final class WarmServer implements Closeable {
  private static final long CHECK_EVERY_MILLIS = 1_000;

  /** Runs one command; {@link #CLI} but in tests of what the server does when a command fails. */
  interface Runner {
    int run(Frames.Request request, PrintStream out, PrintStream err);
  }

  /** Exactly as the launcher's own JVM would run the command. */
  static final Runner CLI =
      (request, out, err) ->
          Cli.run(
              InputStream.nullInputStream(),
              out,
              err,
              request.env(),
              Path.of(request.cwd()),
              request.args().toArray(String[]::new));

  private final Rendezvous rendezvous;
  private final long idleMillis;
  private final ServerSocketChannel channel;
  private final Object socketKey;
  private final String classPath;
  private final int warmUpRenders;
  private final Runner runner;
  private final AtomicInteger running = new AtomicInteger();
  private final AtomicLong accepted = new AtomicLong();
  private final AtomicBoolean warmingUp = new AtomicBoolean();
  private final AtomicLong lastActive = new AtomicLong(System.currentTimeMillis());

  private WarmServer(
      Rendezvous rendezvous,
      long idleMillis,
      int warmUpRenders,
      Runner runner,
      ServerSocketChannel channel)
      throws IOException {
    this.rendezvous = rendezvous;
    this.idleMillis = idleMillis;
    this.warmUpRenders = warmUpRenders;
    this.runner = runner;
    this.channel = channel;
    this.socketKey = fileKey(rendezvous.socket());
    this.classPath = Rendezvous.classPathStamp();
  }

  /** Usage (by {@link WarmClient}): WarmServer FOLDER IDENTITY IDLE_SECONDS WARM_UP_RENDERS. */
  public static void main(String[] args) throws IOException, InterruptedException {
    Rendezvous r = new Rendezvous(Path.of(args[0]), args[1]);
    int warmUp = args.length > 3 ? Integer.parseInt(args[3]) : WarmUp.DEFAULT_RENDERS;
    try (WarmServer server = listen(r, Long.parseLong(args[2]) * 1000, warmUp)) {
      server.serve();
      // A client accepted just before the socket closed still gets its whole answer.
      while (server.running.get() > 0) {
        Thread.sleep(50);
      }
    }
    System.exit(0);
  }

  static WarmServer listen(Rendezvous r, long idleMillis) throws IOException {
    return listen(r, idleMillis, 0, CLI);
  }

  static WarmServer listen(Rendezvous r, long idleMillis, int warmUpRenders) throws IOException {
    return listen(r, idleMillis, warmUpRenders, CLI);
  }

  /**
   * Binds the socket (replacing a dead one) and records this process's id beside it.
   *
   * @param warmUpRenders how many times to repeat the first render while idle ({@link WarmUp})
   */
  static WarmServer listen(Rendezvous r, long idleMillis, int warmUpRenders, Runner runner)
      throws IOException {
    ServerSocketChannel channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    try {
      Files.deleteIfExists(r.socket());
      channel.bind(UnixDomainSocketAddress.of(r.socket()));
      Files.writeString(r.pid(), ProcessHandle.current().pid() + "\n");
      return new WarmServer(r, idleMillis, warmUpRenders, runner, channel);
    } catch (IOException e) {
      channel.close();
      throw e;
    }
  }

  /** Accepts clients until {@link #close} or until {@link #shouldStop} says so. */
  void serve() {
    Thread watch = new Thread(this::watch, "casepress-warm-watch");
    watch.setDaemon(true);
    watch.start();
    while (channel.isOpen()) {
      SocketChannel client;
      try {
        client = channel.accept();
      } catch (ClosedChannelException e) {
        return;
      } catch (IOException e) {
        continue;
      }
      running.incrementAndGet();
      accepted.incrementAndGet();
      Thread t = new Thread(() -> handle(client), "casepress-warm-command");
      t.setDaemon(true);
      t.start();
    }
  }

  private void watch() {
    while (channel.isOpen()) {
      try {
        Thread.sleep(CHECK_EVERY_MILLIS);
      } catch (InterruptedException e) {
        return;
      }
      if (shouldStop()) {
        close();
      }
    }
  }

  /**
   * Idle for long enough, or stale: the jar was rebuilt (a client of the new jar has another
   * socket, so nobody would come), or the socket file is gone or belongs to another process.
   */
  private boolean shouldStop() {
    if (running.get() > 0) {
      return false;
    }
    if (System.currentTimeMillis() - lastActive.get() > idleMillis) {
      return true;
    }
    try {
      return !Objects.equals(socketKey, fileKey(rendezvous.socket()))
          || !classPath.equals(Rendezvous.classPathStamp());
    } catch (IOException e) {
      return true;
    }
  }

  private void handle(SocketChannel client) {
    try (client) {
      DataInputStream in =
          new DataInputStream(new BufferedInputStream(Channels.newInputStream(client)));
      Frames.Request request = Frames.Request.readFrom(in);
      Frames.Sink sink = new Frames.Sink(Channels.newOutputStream(client));
      String refusal = refusal(request);
      if (refusal != null) {
        sink.refuse(refusal);
        return;
      }
      int code;
      try (PrintStream out =
              new PrintStream(
                  sink.stream(Frames.OUT), true, Charset.forName(request.stdoutCharset()));
          PrintStream err =
              new PrintStream(
                  sink.stream(Frames.ERR), true, Charset.forName(request.stderrCharset()))) {
        code = runner.run(request, out, err);
      } catch (OutOfMemoryError e) {
        // The command's objects are unreachable once it has thrown, so there is room to answer.
        // The socket goes first: the next command starts a fresh process rather than this one.
        stopOutOfMemory(String.join(" ", request.args()));
        sink.outOfMemory(outOfMemoryMessage(Runtime.getRuntime().maxMemory()));
        return;
      }
      sink.exit(code);
      if (code == 0 && warmUpRenders > 0 && warmingUp.compareAndSet(false, true)) {
        warmUp(request);
      }
    } catch (IOException | RuntimeException e) {
      // The client went away or spoke another protocol: nothing to answer, nobody to tell.
    } finally {
      lastActive.set(System.currentTimeMillis());
      running.decrementAndGet();
    }
  }

  /**
   * Repeats the first successful render on a thread of its own while no command runs or has come
   * since (it does not count as running, so the process may stop idle meanwhile).
   */
  private void warmUp(Frames.Request first) {
    long seen = accepted.get();
    Runnable warmUp =
        () -> {
          try {
            WarmUp.run(
                first,
                warmUpRenders,
                () -> accepted.get() == seen && running.get() <= 1 && channel.isOpen());
          } catch (OutOfMemoryError e) {
            stopOutOfMemory("its warm-up render");
          }
        };
    Thread t = new Thread(warmUp, "casepress-warm-up");
    t.setDaemon(true);
    t.setPriority(Thread.MIN_PRIORITY);
    t.start();
  }

  /**
   * After an OutOfMemoryError: a heap that ran out once may be left short (a cache half filled), so
   * this process takes no more commands; those running finish, then it exits.
   */
  private void stopOutOfMemory(String during) {
    close();
    System.err.println(
        "casepress warm process "
            + ProcessHandle.current().pid()
            + ": out of memory ("
            + HeapCeiling.ofThisJvm().megabytes()
            + " MB of heap at most) during "
            + during
            + "; stopping.");
  }

  /** What the client tells the user; it then runs the command in a JVM of its own. */
  static String outOfMemoryMessage(long maxHeapBytes) {
    HeapCeiling heap = HeapCeiling.of(maxHeapBytes);
    return "casepress: the background casepress process ran out of memory (it may use "
        + heap.megabytes()
        + " MB) and has stopped; the command now runs again in a process of its own, so what it"
        + " printed so far may be printed twice. If this happens again, give the background"
        + " process more memory, for example CASEPRESS_WARM_JAVA_OPTS=-Xmx"
        + heap.advised()
        + "m (see docs/warm.md), or set CASEPRESS_WARM=off to run every command without it.\n";
  }

  /** Why this process will not run the request (the client then runs it itself), or null. */
  private String refusal(Frames.Request request) {
    if (!rendezvous.identity().equals(request.identity())) {
      return "the warm process belongs to another build or Java";
    }
    if (request.args().isEmpty() || !WarmClient.FORWARDED.contains(request.args().get(0))) {
      return "not a command the warm process runs";
    }
    if (!Charset.isSupported(request.stdoutCharset())
        || !Charset.isSupported(request.stderrCharset())) {
      return "an unknown charset";
    }
    return null;
  }

  /** Stops accepting and removes the socket and id files, if they are still this process's. */
  @Override
  public void close() {
    try {
      // The files go first: once the channel is closed, serve() returns and the process may end.
      if (Objects.equals(socketKey, fileKey(rendezvous.socket()))) {
        Files.deleteIfExists(rendezvous.socket());
        Files.deleteIfExists(rendezvous.pid());
      }
    } catch (IOException e) {
      // Leaving a dead socket is harmless: the next client replaces it.
    }
    try {
      channel.close();
    } catch (IOException e) {
      // Closing a listening socket has nothing to flush: nothing is lost.
    }
  }

  /** The file's identity (inode), or null when it is missing or the system has none. */
  private static Object fileKey(Path p) throws IOException {
    if (!Files.exists(p)) {
      return null;
    }
    return Files.readAttributes(p, BasicFileAttributes.class).fileKey();
  }
}
