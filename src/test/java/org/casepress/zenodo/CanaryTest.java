package org.casepress.zenodo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.casepress.localzenodo.LocalZenodo;
import org.casepress.localzenodo.Options;
import org.casepress.localzenodo.Route;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A full run with a canary token: it must not show up in any output, message or file. */
@Timeout(60)
class CanaryTest {
  @TempDir Path dir;

  @Test
  void tokenAppearsNowhere() throws Exception {
    String canary = "canary-" + UUID.randomUUID();
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8);
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    List<String> seen = new ArrayList<>();
    Path storage = dir.resolve("local-zenodo");
    System.setOut(capture);
    System.setErr(capture);
    try (LocalZenodo server =
        LocalZenodo.start(storage, 0, Options.defaults().withRequiredToken(canary))) {
      Target target = Target.sandbox().withApiBase(server.apiUrl());
      ZenodoClient client =
          ZenodoClient.builder(target)
              .env(Map.of("ZENODO_SANDBOX_TOKEN", canary))
              .sleeper(new RecordingSleeper())
              .log(line -> capture.println("log: " + line))
              .progress(TerminalProgress.of(capture, true))
              .build();
      seen.add(client.toString());
      seen.add(target.toString());
      seen.add(Token.of(canary).toString());
      seen.add(Token.fromEnv(target, Map.of("ZENODO_SANDBOX_TOKEN", canary)::get).toString());
      seen.add(Options.defaults().withRequiredToken(canary).toString());

      Path pdf = dir.resolve("case-study.pdf");
      Files.write(pdf, new byte[500_000]);
      Deposition d = client.create(LocalZenodoFlowTest.metadata("Canary"));
      seen.add(d.toString());
      seen.add(client.upload(d, "case-study.pdf", pdf).toString());
      server.faults().failAfterCommit(Route.PUBLISH, 504, 1);
      seen.add(
          assertThrows(OutcomeUnknownException.class, () -> client.publish(d.id())).toString());
      seen.add(client.get(d.id()).toString());
      seen.add(client.edit(d.id()).toString());
      seen.add(client.update(d.id(), LocalZenodoFlowTest.metadata("Canary 2")).toString());
      seen.add(client.publish(d.id()).toString());
      Deposition v2 = client.newVersion(d.id());
      seen.add(v2.toString());
      client.discard(v2.id());
      seen.add(client.record(d.id()).toString());
      seen.add(client.list(DepositionQuery.all()).toString());
      seen.add(client.lastRateLimit().toString());
      for (IOException e :
          List.<IOException>of(
              assertThrows(ZenodoException.class, () -> client.get(424242)),
              assertThrows(ZenodoException.class, () -> client.create(badMetadata())))) {
        seen.add(e.toString());
        seen.add(String.valueOf(e.getCause()));
      }
      // A client with a wrong token: the 403 explanation must not quote either token.
      ZenodoClient wrong =
          ZenodoClient.builder(target).env(Map.of("ZENODO_SANDBOX_TOKEN", canary + "-x")).build();
      ZenodoException denied = assertThrows(ZenodoException.class, () -> wrong.get(d.id()));
      assertEquals(ZenodoException.Kind.AUTH, denied.kind());
      seen.add(denied.toString());
      Doctor.run(client, Options.DEFAULT_COMMUNITY).forEach(c -> seen.add(c.line()));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
    String output = captured.toString(StandardCharsets.UTF_8);
    assertTrue(output.contains("log: POST /api/deposit/depositions -> 201"), "logging was on");
    assertTrue(output.contains("100%"), "progress was drawn");
    assertFalse(output.contains(canary), "captured output");
    for (String s : seen) {
      assertFalse(s.contains(canary), s);
    }
    List<Path> written;
    try (Stream<Path> files = Files.walk(dir)) {
      written = files.filter(Files::isRegularFile).toList();
    }
    assertTrue(written.size() >= 3, "state and blobs were written: " + written);
    byte[] needle = canary.getBytes(StandardCharsets.UTF_8);
    for (Path p : written) {
      assertFalse(contains(Files.readAllBytes(p), needle), p.toString());
    }
  }

  private static com.fasterxml.jackson.databind.node.ObjectNode badMetadata() {
    com.fasterxml.jackson.databind.node.ObjectNode m = LocalZenodoFlowTest.metadata("x");
    m.put("license", "not-a-licence");
    return m;
  }

  private static boolean contains(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
