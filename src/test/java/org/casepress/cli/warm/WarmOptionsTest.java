package org.casepress.cli.warm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The warm process's JVM options: its own, then the user's, so that the user's win. */
class WarmOptionsTest {
  private static final Rendezvous RENDEZVOUS = new Rendezvous(Path.of("/tmp/x"), "id");

  @Test
  void optionsAreSplitAtWhiteSpaceOfAnyKind() {
    List<String> options = new ArrayList<>();
    WarmClient.addOptions(options, "  -Xmx64m\t-XX:+UseSerialGC \n -Dx=y ");
    assertEquals(List.of("-Xmx64m", "-XX:+UseSerialGC", "-Dx=y"), options);
    WarmClient.addOptions(options, " ");
    assertEquals(3, options.size());
  }

  @Test
  void theUsersOptionsComeAfterTheWarmProcessesOwnAndTheWarmOnlyOnesLast() {
    List<String> command =
        WarmClient.javaCommand(
            RENDEZVOUS,
            Map.of(
                WarmClient.OPTIONS_VARIABLE, "-Xmx2g",
                WarmClient.WARM_OPTIONS_VARIABLE, "-Xmx64m"));
    int own = command.indexOf("-Xlog:all=warning:stderr") + 1;
    int n = WarmClient.WARM_PROCESS_OPTIONS.size();
    assertEquals(WarmClient.WARM_PROCESS_OPTIONS, command.subList(own, own + n));
    assertEquals(List.of("-Xmx2g", "-Xmx64m", "-cp"), command.subList(own + n, own + n + 3));
    assertEquals(WarmClient.SERVER_CLASS, command.get(own + n + 4));
  }

  @Test
  void warmOnlyOptionsGiveTheProcessAnotherSocket() {
    String plain = Rendezvous.identity(Map.of(), "");
    String small = Rendezvous.identity(Map.of(WarmClient.WARM_OPTIONS_VARIABLE, "-Xmx64m"), "");
    assertNotEquals(plain, small);
    assertTrue(small.endsWith("\nwarm options -Xmx64m"), small);
  }
}
