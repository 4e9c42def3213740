package org.casepress.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * ./casepress and casepress.cmd are twins: no Windows here to run the second, so this holds them to
 * the same JVM flags, files, variables and main classes, which must exist.
 */
class LaunchersTest {
  private static final Path ROOT = Path.of("").toAbsolutePath();

  /** JVM options, our system properties and variables, the files in target/, main classes. */
  private static final Pattern NAMED =
      Pattern.compile(
          "-XX:[A-Za-z]+|-Xlog:[^ \"]+|-Xshare:[a-z]+|-Dcasepress[.a-z]+|org\\.casepress[.A-Za-z]+"
              + "|CASEPRESS_[A-Z_]+|casepress[-a-z]*\\.(?:jar|jsa|aot|java-version)");

  private static Set<String> named(String launcher) throws IOException {
    Set<String> found = new TreeSet<>();
    Matcher m = NAMED.matcher(Files.readString(ROOT.resolve(launcher), StandardCharsets.UTF_8));
    while (m.find()) {
      found.add(m.group());
    }
    return found;
  }

  @Test
  void theWindowsLauncherNamesWhatTheShellLauncherNames() throws IOException {
    Set<String> sh = named("casepress");
    assertTrue(sh.contains("org.casepress.cli.warm.WarmClient"), sh.toString());
    assertTrue(sh.contains("-XX:AOTCache") && sh.contains("-XX:SharedArchiveFile"), sh.toString());
    assertEquals(sh, named("casepress.cmd"));
  }

  @Test
  void theMainClassesTheLaunchersNameExist() throws Exception {
    for (String name : named("casepress")) {
      if (name.startsWith("org.casepress.")) {
        assertEquals(
            "main",
            Class.forName(name).getMethod("main", String[].class).getName(),
            name + " has no main");
      }
    }
  }

  @Test
  void theWindowsLauncherHasWindowsLineEndings() throws IOException {
    String cmd = Files.readString(ROOT.resolve("casepress.cmd"), StandardCharsets.UTF_8);
    assertFalse(cmd.replace("\r\n", "").contains("\n"), "casepress.cmd has a bare LF");
    assertTrue(cmd.contains("mvnw.cmd"), "it builds through the Windows Maven wrapper");
  }
}
