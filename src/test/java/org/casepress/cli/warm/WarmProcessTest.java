package org.casepress.cli.warm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.casepress.cli.Cli;
import org.casepress.render.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The warm process in this JVM: a {@link WarmServer} on a socket in a temporary folder, and the
 * client's {@link WarmClient#forward} talking to it. What a command prints and returns must not
 * depend on where it ran. The real launcher, process start and replacement: {@code LauncherIT}.
 */
@Timeout(120)
class WarmProcessTest {
  private static final Map<String, String> ENV = Map.of("SOURCE_DATE_EPOCH", "1765324800");

  @TempDir Path ws;
  @TempDir Path sockets;

  private Rendezvous rendezvous;
  private WarmServer server;
  private Thread serving;

  record Run(int exitCode, byte[] out, byte[] err) {
    String text() {
      return new String(out, StandardCharsets.UTF_8) + new String(err, StandardCharsets.UTF_8);
    }
  }

  @BeforeEach
  void startServer() throws IOException {
    Fixtures.copy(Fixtures.WORKSPACE, ws);
    rendezvous = Rendezvous.of(Map.of(Rendezvous.DIR_VARIABLE, sockets.toString()), "").get();
    server = WarmServer.listen(rendezvous, 60_000);
    serving = new Thread(server::serve);
    serving.start();
  }

  @AfterEach
  void stopServer() throws InterruptedException {
    server.close();
    serving.join(5_000);
  }

  private Run inProcess(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      code = Cli.run(o, e, ENV, ws, args);
    }
    return new Run(code, out.toByteArray(), err.toByteArray());
  }

  private WarmClient.Outcome forward(Map<String, String> env, String... args) throws IOException {
    return WarmClient.forward(
        rendezvous,
        utf8(WarmClient.request(rendezvous, env, ws, args)),
        env,
        lastOut = new ByteArrayOutputStream(),
        lastErr = new ByteArrayOutputStream());
  }

  private ByteArrayOutputStream lastOut;
  private ByteArrayOutputStream lastErr;

  private Run warm(String... args) throws IOException {
    WarmClient.Outcome outcome = forward(ENV, args);
    WarmClient.Outcome.Exited exited = assertInstanceOf(WarmClient.Outcome.Exited.class, outcome);
    return new Run(exited.code(), lastOut.toByteArray(), lastErr.toByteArray());
  }

  /** The in-process runs above print UTF-8; so must the warm process, whatever this JVM's is. */
  private static Frames.Request utf8(Frames.Request r) {
    return new Frames.Request(r.identity(), r.cwd(), "UTF-8", "UTF-8", r.env(), r.args());
  }

  private static void assertSame(Run expected, Run actual) {
    assertEquals(expected.exitCode(), actual.exitCode(), actual.text());
    assertArrayEquals(expected.out(), actual.out(), actual.text());
    assertArrayEquals(expected.err(), actual.err(), actual.text());
  }

  @Test
  void aGoodRenderPrintsTheSameAndWritesTheSamePdf() throws Exception {
    Path pdf = ws.resolve("out.pdf");
    Run here = inProcess("render", "river-sensors", "--final", "--output", "out.pdf");
    assertEquals(0, here.exitCode(), here.text());
    byte[] first = Files.readAllBytes(pdf);
    Files.delete(pdf);
    Run there = warm("render", "river-sensors", "--final", "--output", "out.pdf");
    assertSame(here, there);
    assertArrayEquals(first, Files.readAllBytes(pdf), "the warm process wrote other bytes");
  }

  @Test
  void warmingUpAfterTheFirstRenderWritesNothingIntoTheWorkspace() throws Exception {
    server.close();
    serving.join(5_000);
    server = WarmServer.listen(rendezvous, 60_000, 2);
    serving = new Thread(server::serve);
    serving.start();
    Run here = inProcess("render", "river-sensors", "--final", "--output", "out.pdf");
    byte[] expected = Files.readAllBytes(ws.resolve("out.pdf"));
    List<String> files = files(ws);
    Files.delete(ws.resolve("out.pdf"));
    assertSame(here, warm("render", "river-sensors", "--final", "--output", "out.pdf"));
    // It starts once the answer is sent, so it may not be running yet.
    long started = System.currentTimeMillis() + 10_000;
    while (!warmUpRunning() && System.currentTimeMillis() < started) {
      Thread.sleep(10);
    }
    assertTrue(warmUpRunning(), "no warm-up after the first render");
    long deadline = System.currentTimeMillis() + 60_000;
    while (warmUpRunning() && System.currentTimeMillis() < deadline) {
      Thread.sleep(50);
    }
    assertFalse(warmUpRunning(), "the warm-up did not end");
    assertEquals(files, files(ws), "the warm-up wrote into the workspace");
    assertArrayEquals(expected, Files.readAllBytes(ws.resolve("out.pdf")));
    assertSame(here, warm("render", "river-sensors", "--final", "--output", "out.pdf"));
  }

  private static boolean warmUpRunning() {
    return Thread.getAllStackTraces().keySet().stream()
        .anyMatch(t -> t.getName().equals("casepress-warm-up") && t.isAlive());
  }

  private static List<String> files(Path root) throws IOException {
    try (var all = Files.walk(root)) {
      return all.map(p -> root.relativize(p) + " " + p.toFile().length()).sorted().toList();
    }
  }

  /**
   * A heap that runs out mid-command: the client tells the user and hands the command back to the
   * launcher (which runs it in its own JVM), and the process takes no more commands, so the next
   * one starts a fresh process. The real launcher with a tiny heap: {@code WarmLauncherIT}.
   */
  @Test
  void aCommandThatRunsOutOfMemoryIsHandedBackAndTheProcessStops() throws Exception {
    server.close();
    serving.join(5_000);
    WarmServer.Runner exhausted =
        (request, out, err) -> {
          out.println("Rendering river-sensors");
          throw new OutOfMemoryError("Java heap space");
        };
    server = WarmServer.listen(rendezvous, 60_000, 0, exhausted);
    serving = new Thread(server::serve);
    serving.start();
    WarmClient.Outcome o = forward(ENV, "render", "--all", "--final");
    assertInstanceOf(WarmClient.Outcome.NotRun.class, o);
    assertEquals("Rendering river-sensors\n", lastOut.toString(StandardCharsets.UTF_8));
    String err = lastErr.toString(StandardCharsets.UTF_8);
    assertTrue(
        err.startsWith("casepress: the background casepress process ran out of memory"), err);
    assertTrue(err.contains("CASEPRESS_WARM_JAVA_OPTS=-Xmx"), err);
    serving.join(5_000);
    assertFalse(serving.isAlive(), "the process still takes commands");
    assertFalse(Files.exists(rendezvous.socket()), "the next command would come to it");
    assertFalse(Files.exists(rendezvous.pid()));
  }

  @Test
  void theOutOfMemoryMessageNamesTheCeilingAndALargerOne() {
    String message = WarmServer.outOfMemoryMessage(384L * 1024 * 1024);
    assertTrue(message.contains("(it may use 384 MB)"), message);
    assertTrue(message.contains("CASEPRESS_WARM_JAVA_OPTS=-Xmx1024m"), message);
    assertTrue(
        WarmServer.outOfMemoryMessage(768L * 1024 * 1024).contains("-Xmx1536m (see docs/warm.md)"));
  }

  @Test
  void aCheckWithProblemsPrintsTheSameProblemsAndExitsOne() throws Exception {
    Path md = ws.resolve("case-studies/river-sensors/case-study.md");
    Files.writeString(
        md, Files.readString(md).replace("organisation: fernbank-water", "organisation: fernbank"));
    Run here = inProcess("check", "river-sensors", "no-such-study");
    assertEquals(1, here.exitCode(), here.text());
    assertTrue(here.text().contains("fernbank"), here.text());
    assertSame(here, warm("check", "river-sensors", "no-such-study"));
    assertSame(inProcess("check", "--json"), warm("check", "--json"));
  }

  @Test
  void aUsageErrorPrintsTheSameAndExitsTwo() throws Exception {
    Run here = inProcess("render", "river-sensors", "typesetting-probe");
    assertEquals(2, here.exitCode(), here.text());
    assertSame(here, warm("render", "river-sensors", "typesetting-probe"));
    assertSame(inProcess("check", "--format", "yaml"), warm("check", "--format", "yaml"));
    assertSame(inProcess("render", "--help"), warm("render", "--help"));
  }

  @Test
  void concurrentClientsEachGetTheirOwnAnswer() throws Exception {
    Path md = ws.resolve("case-studies/typesetting-probe/case-study.md");
    Files.writeString(
        md, Files.readString(md).replaceFirst("licence: [^\\n]*", "licence: MIT-ish"));
    List<String[]> commands =
        List.of(
            new String[] {"check", "river-sensors"},
            new String[] {"check", "typesetting-probe"},
            new String[] {"check", "nowhere"},
            new String[] {"check", "--json"},
            new String[] {"render", "river-sensors", "--output", "a.pdf"},
            new String[] {"render", "--bogus"});
    List<Run> expected = new ArrayList<>();
    for (String[] c : commands) {
      expected.add(inProcess(c));
    }
    ExecutorService pool = Executors.newFixedThreadPool(commands.size());
    try {
      List<Future<Run>> runs = new ArrayList<>();
      for (String[] c : commands) {
        runs.add(
            pool.submit(
                () -> {
                  ByteArrayOutputStream out = new ByteArrayOutputStream();
                  ByteArrayOutputStream err = new ByteArrayOutputStream();
                  WarmClient.Outcome o =
                      WarmClient.forward(
                          rendezvous,
                          utf8(WarmClient.request(rendezvous, ENV, ws, c)),
                          ENV,
                          out,
                          err);
                  return new Run(
                      ((WarmClient.Outcome.Exited) o).code(), out.toByteArray(), err.toByteArray());
                }));
      }
      for (int i = 0; i < commands.size(); i++) {
        assertSame(expected.get(i), runs.get(i).get(60, TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aTokenIsNeverSentAndOnlyTheVariablesTheCommandsReadAre() {
    Frames.Request r =
        WarmClient.request(
            rendezvous,
            Map.of(
                "ZENODO_TOKEN", "secret-token-value",
                "ZENODO_SANDBOX_TOKEN", "secret-sandbox",
                "SOURCE_DATE_EPOCH", "1765324800",
                "HOME", "/home/someone"),
            ws,
            new String[] {"check"});
    assertEquals(Map.of("SOURCE_DATE_EPOCH", "1765324800"), r.env());
    assertFalse(r.toString().contains("secret"), r.toString());
  }

  @Test
  void commandsThatChangeStateOrNeedATokenAreRefused() throws Exception {
    for (String command : List.of("stage", "release", "submit", "approve", "serve", "import")) {
      WarmClient.Outcome o = forward(ENV, command, "river-sensors");
      assertInstanceOf(WarmClient.Outcome.NotRun.class, o, command);
      assertEquals(0, lastOut.size() + lastErr.size(), command);
    }
    assertFalse(WarmClient.FORWARDED.contains("stage"));
  }

  @Test
  void anotherBuildsClientIsRefusedAndRunsItself() throws Exception {
    Rendezvous other = new Rendezvous(rendezvous.folder(), rendezvous.identity() + " rebuilt");
    // The other identity has another socket name, so force the collision a hash might give.
    Files.createSymbolicLink(other.socket(), rendezvous.socket());
    WarmClient.Outcome o =
        WarmClient.forward(
            other,
            WarmClient.request(other, ENV, ws, new String[] {"check"}),
            ENV,
            new ByteArrayOutputStream(),
            new ByteArrayOutputStream());
    assertInstanceOf(WarmClient.Outcome.NotRun.class, o);
  }

  @Test
  void theSocketFolderIsTheUsersAlone() throws Exception {
    Path open = sockets.resolve("open");
    Files.createDirectory(
        open, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxrwxrwx")));
    Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
    Rendezvous r = Rendezvous.of(Map.of(Rendezvous.DIR_VARIABLE, open.toString()), "").get();
    assertEquals(
        "rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(r.folder())));
    Path fresh = sockets.resolve("fresh/warm");
    Rendezvous.of(Map.of(Rendezvous.DIR_VARIABLE, fresh.toString()), "").get();
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh)));
    Path file = sockets.resolve("a-file");
    Files.writeString(file, "");
    assertTrue(Rendezvous.of(Map.of(Rendezvous.DIR_VARIABLE, file.toString()), "").isEmpty());
  }

  @Test
  void anIdleProcessStopsAndRemovesItsSocket() throws Exception {
    server.close();
    serving.join(5_000);
    WarmServer quick = WarmServer.listen(rendezvous, 300);
    Thread t = new Thread(quick::serve);
    t.start();
    t.join(10_000);
    assertFalse(t.isAlive(), "the idle process did not stop");
    assertFalse(Files.exists(rendezvous.socket()));
    assertFalse(Files.exists(rendezvous.pid()));
  }

  @Test
  void theIdentityNamesTheJavaAndTheBuild() {
    String identity = Rendezvous.identity(Map.of(), "-XX:SharedArchiveFile=x.jsa");
    assertTrue(identity.contains(System.getProperty("java.home")), identity);
    assertTrue(identity.contains(Rendezvous.classPathStamp()), identity);
    assertTrue(identity.contains("x.jsa"), identity);
    assertFalse(
        new Rendezvous(sockets, identity)
            .name()
            .equals(new Rendezvous(sockets, identity + "x").name()));
    assertEquals(WarmServer.class.getName(), WarmClient.SERVER_CLASS);
  }
}
