package org.casepress.zenodo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.casepress.localzenodo.LocalZenodo;
import org.casepress.localzenodo.Options;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Server options and entry points beyond the defaults. */
@Timeout(60)
class LocalZenodoModesTest {
  @TempDir Path dir;
  final RecordingSleeper sleeper = new RecordingSleeper();

  @Test
  void legacyErrorShapeIsParsedToo() throws Exception {
    try (LocalZenodo server =
        LocalZenodo.start(
            dir, 0, Options.defaults().withLegacyErrors().withRequiredToken("good"))) {
      ZenodoClient good =
          ZenodoClient.builder(Target.local(server.apiUrl()))
              .token(Token.of("good"))
              .sleeper(sleeper)
              .build();
      ObjectNode m = LocalZenodoFlowTest.metadata("Legacy");
      m.put("license", "nope");
      ZenodoException e = assertThrows(ZenodoException.class, () -> good.create(m));
      assertEquals("Validation error.", e.serverMessage());
      assertEquals("licence", e.fieldErrors().get(0).field());
      assertEquals(List.of("Invalid license provided: nope"), e.fieldErrors().get(0).messages());

      ZenodoClient bad =
          ZenodoClient.builder(Target.local(server.apiUrl()))
              .token(Token.of("bad"))
              .sleeper(sleeper)
              .build();
      ZenodoException denied = assertThrows(ZenodoException.class, () -> bad.get(1));
      assertEquals(401, denied.status());
      assertEquals(ZenodoException.Kind.AUTH, denied.kind());
    }
  }

  @Test
  void oversizedUploadGets413AndIsNotRetried() throws Exception {
    try (LocalZenodo server =
        LocalZenodo.start(dir, 0, Options.defaults().withMaxFileSize(1024 * 1024))) {
      ZenodoClient client =
          ZenodoClient.builder(Target.local(server.apiUrl())).sleeper(sleeper).build();
      Deposition d = client.create(null);
      Path big = dir.resolve("big.bin");
      try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
        f.setLength(64L * 1024 * 1024);
      }
      int before = server.requestCount();
      ZenodoException e =
          assertThrows(ZenodoException.class, () -> client.upload(d, "big.bin", big));
      assertEquals(413, e.status());
      assertEquals(ZenodoException.Kind.TOO_LARGE, e.kind());
      assertEquals(1, server.requestCount() - before);
      // The connection was closed, not poisoned: the next call works.
      assertEquals(d.id(), client.get(d.id()).id());
    }
  }

  @Test
  void externalDoiForbidsNewVersion() throws Exception {
    try (LocalZenodo server = LocalZenodo.start(dir, 0)) {
      ZenodoClient client =
          ZenodoClient.builder(Target.local(server.apiUrl())).sleeper(sleeper).build();
      ObjectNode m = LocalZenodoFlowTest.metadata("External");
      m.put("doi", "10.1234/elsewhere.1");
      Deposition d = client.create(m);
      Path f = dir.resolve("f.txt");
      java.nio.file.Files.writeString(f, "x");
      client.upload(d, "f.txt", f);
      Deposition p = client.publish(d.id());
      assertEquals("10.1234/elsewhere.1", p.doi());
      ZenodoException e = assertThrows(ZenodoException.class, () -> client.newVersion(d.id()));
      assertEquals(403, e.status());
    }
  }

  @Test
  void runForegroundPrintsTheUrlAndStopsWhenInterrupted() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    Thread t =
        new Thread(
            () -> {
              try {
                LocalZenodo.runForeground(dir, 0, out);
              } catch (InterruptedException e) {
                // expected: that is how it stops here
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    t.start();
    String url = null;
    for (int i = 0; i < 100 && url == null; i++) {
      String text = bytes.toString(StandardCharsets.UTF_8);
      if (text.contains("listening on ")) {
        url = text.substring(text.indexOf("listening on ") + 13).lines().findFirst().orElseThrow();
      } else {
        TimeUnit.MILLISECONDS.sleep(50);
      }
    }
    assertTrue(url != null && url.matches("http://127\\.0\\.0\\.1:\\d+/api"), String.valueOf(url));
    ZenodoClient client = ZenodoClient.builder(Target.local(url)).sleeper(sleeper).build();
    assertEquals(Options.DEFAULT_COMMUNITY, client.community(Options.DEFAULT_COMMUNITY).slug());
    t.interrupt();
    t.join(5000);
    assertTrue(!t.isAlive());
  }
}
