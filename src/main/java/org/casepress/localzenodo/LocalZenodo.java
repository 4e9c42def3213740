package org.casepress.localzenodo;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A Zenodo-compatible server for the {@code local} target, and the bar every other fake Zenodo is
 * held to: the legacy deposit API plus the native community and request endpoints, with the
 * behaviour of zenodo.org that a launch depends on (docs/local-zenodo.md). It listens on 127.0.0.1
 * only and keeps its state under a folder, so a rerun continues where the last one stopped.
 *
 * <p>{@link #start} with {@link Options} runs it; {@link #apiUrl} is the base URL for a client;
 * {@link #close} stops it; {@link #faults} makes it fail the way Zenodo does, for tests.
 */
public final class LocalZenodo implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService executor;
  private final ScheduledExecutorService late;
  private final Faults faults;
  private final HttpShell shell;
  private final String baseUrl;
  private final AtomicBoolean closed = new AtomicBoolean();

  private LocalZenodo(
      HttpServer server,
      ExecutorService executor,
      ScheduledExecutorService late,
      Faults faults,
      HttpShell shell,
      String baseUrl) {
    this.server = server;
    this.executor = executor;
    this.late = late;
    this.faults = faults;
    this.shell = shell;
    this.baseUrl = baseUrl;
  }

  /**
   * Starts on 127.0.0.1:{@code port}, state under {@code storageDir}. With {@code port} 0 it takes
   * the port of the previous run on this storage when that is free (so links handed out then keep
   * working), else any free port.
   */
  public static LocalZenodo start(Path storageDir, int port, Options options) throws IOException {
    Store store = Store.open(storageDir, options.clock());
    HttpServer server = bind(port == 0 ? store.state.lastPort : port, port == 0);
    int bound = server.getAddress().getPort();
    synchronized (store) {
      store.state.lastPort = bound;
      store.save();
    }
    String baseUrl = "http://127.0.0.1:" + bound;
    Faults faults = new Faults();
    options.faults().accept(faults);
    Views views = new Views(baseUrl, options);
    SearchIndex index = new SearchIndex(options, faults);
    Requests requests = new Requests(store, views, options);
    Communities communities = new Communities(store, views, options, requests);
    HttpShell.Resources resources =
        new HttpShell.Resources(
            new Depositions(store, views, options, index, communities),
            new Buckets(store, views, options, faults),
            new Records(store, views),
            communities,
            requests,
            new LandingPages(storageDir));
    ExecutorService executor = Executors.newFixedThreadPool(16, daemon("local-zenodo"));
    ScheduledExecutorService late =
        Executors.newSingleThreadScheduledExecutor(daemon("local-zenodo-late"));
    HttpShell shell = new HttpShell(options, faults, resources, late);
    server.createContext("/", shell::handle);
    server.setExecutor(executor);
    server.start();
    return new LocalZenodo(server, executor, late, faults, shell, baseUrl);
  }

  public static LocalZenodo start(Path storageDir, int port) throws IOException {
    return start(storageDir, port, Options.defaults());
  }

  private static HttpServer bind(int port, boolean fallBack) throws IOException {
    InetAddress loopback = InetAddress.getLoopbackAddress();
    try {
      return HttpServer.create(new InetSocketAddress(loopback, port), 64);
    } catch (BindException e) {
      if (!fallBack || port == 0) {
        throw e;
      }
      return HttpServer.create(new InetSocketAddress(loopback, 0), 64);
    }
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }

  /**
   * {@code casepress local-zenodo}: runs until the process is interrupted, printing the base URL.
   */
  public static void runForeground(Path storageDir, int port, PrintStream out)
      throws IOException, InterruptedException {
    runForeground(storageDir, port, Options.defaults(), out);
  }

  /** Like {@link #runForeground(Path, int, PrintStream)}, behaving as {@code options} say. */
  public static void runForeground(Path storageDir, int port, Options options, PrintStream out)
      throws IOException, InterruptedException {
    CountDownLatch stopped = new CountDownLatch(1);
    LocalZenodo zenodo = start(storageDir, port, options);
    Thread hook =
        new Thread(
            () -> {
              zenodo.close();
              stopped.countDown();
            });
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      out.println("Local Zenodo listening on " + zenodo.apiUrl());
      out.println("Records as web pages: " + zenodo.baseUrl() + "/records/ID");
      out.println("Storage: " + storageDir.toAbsolutePath());
      out.println("Stop with Ctrl-C.");
      out.flush();
      stopped.await();
    } finally {
      zenodo.close();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // The JVM is already shutting down; the hook is running.
      }
    }
  }

  /** {@code http://127.0.0.1:<port>} */
  public String baseUrl() {
    return baseUrl;
  }

  /** {@code http://127.0.0.1:<port>/api}, the base URL for the client. */
  public String apiUrl() {
    return baseUrl + "/api";
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** The fault hooks: switched on and off by tests while the server runs. */
  public Faults faults() {
    return faults;
  }

  /** Requests received so far, whatever their outcome. */
  public int requestCount() {
    return shell.requestCount();
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      server.stop(0);
      executor.shutdownNow();
      late.shutdownNow();
    }
  }
}
