package org.casepress.cli.warm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The classes of the client jar (pom.xml, execution warm-client) use nothing that spins or loads
 * classes at run time: in a JVM that lives 50 ms each costs milliseconds. Read from the class
 * files' constant pools, where every class and method a class calls is named. The real client JVM's
 * loaded classes: {@code WarmLauncherIT}.
 */
class ClientClassesTest {
  /** What a constant pool names when the source used it, and what to write instead. */
  private static final Map<String, String> FORBIDDEN =
      Map.of(
          "java/lang/invoke/LambdaMetafactory",
              "a lambda or method reference: write a loop or a class",
          "java/lang/invoke/StringConcatFactory", "+ on strings: use concat or a StringBuilder",
          "java/util/regex/", "a regular expression: compare characters",
          "java/util/stream/", "a stream: write a loop",
          "(Ljava/lang/String;[Ljava/lang/Object;)Ljava/lang/String;",
              "String.format or formatted: append the parts",
          "replaceAll", "String.replaceAll (a regular expression): compare characters");

  @Test
  void theClientsClassesSpinNothingAtRunTime() throws IOException, URISyntaxException {
    Path folder =
        Path.of(WarmClient.class.getProtectionDomain().getCodeSource().getLocation().toURI())
            .resolve("org/casepress/cli/warm");
    List<String> found = new ArrayList<>();
    int classes = 0;
    try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.class")) {
      for (Path f : files) {
        String name = f.getFileName().toString();
        if (!(name.startsWith("WarmClient")
            || name.startsWith("Rendezvous")
            || name.startsWith("Frames"))) {
          continue;
        }
        classes++;
        // Class and method names are stored as (modified) UTF-8: ASCII ones appear verbatim.
        String pool = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
        for (Map.Entry<String, String> e : FORBIDDEN.entrySet()) {
          if (pool.contains(e.getKey())) {
            found.add(name + ": " + e.getValue());
          }
        }
      }
    }
    assertTrue(classes >= 5, "the client's classes were not found in " + folder);
    assertEquals(List.of(), found);
  }
}
