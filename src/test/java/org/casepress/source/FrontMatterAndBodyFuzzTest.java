package org.casepress.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.casepress.cli.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random case-study.md files, made from a seeded generator of hostile front matter and Markdown and
 * from byte-level damage to a valid file, go through {@code check}: nothing escapes as an
 * exception, the exit code is 0 or 1 (never 4, a bug), and nothing in the workspace changes. The
 * seed is fixed, so a failure repeats; the budget is a fixed number of inputs, cut short by a time
 * cap so that a slow machine does not stall the build.
 */
@Timeout(60)
class FrontMatterAndBodyFuzzTest {
  private static final long SEED = 0x14_2026_12_01L;
  private static final int INPUTS = 300;
  private static final long TIME_CAP_MILLIS = 6_000;

  private static final String[] YAML_VALUES = {
    "\"Opening the flood model\"",
    "'single ''quoted'''",
    "a: b: c",
    "[unclosed, list",
    "{unclosed: map",
    "&anchor value",
    "*anchor",
    "!!binary aGVsbG8=",
    "!!python/object:os.system ls",
    "\"\\u202Eevil\"",
    "\"\\u0000\"",
    "0x7fffffffffffffffffff",
    "1e99999",
    "~",
    "|\n  literal\n  block",
    ">\n  folded",
    "- item",
    "\"" + "[".repeat(60) + "\"",
    "[".repeat(30) + "]".repeat(30),
    "\t tab",
    "2026-13-45",
    "\"Søren Ládébáyọ̀ 中文 العربية\""
  };

  /** Bytes that mean something to YAML or Markdown, inserted by {@link #damage}. */
  private static final String DAMAGE = "\n\t:-[{>*&!|#`\u00ff\0";

  private static final String[] KEYS = {
    "title",
    "subtitle",
    "authors",
    "organisation",
    "description",
    "keywords",
    "licence",
    "language",
    "related",
    "funding",
    "doi",
    "version",
    "unknown",
    "authors[0]",
    "<<",
    "? complex"
  };

  private static final String[] BODY = {
    "## Heading\n",
    "# Top heading\n",
    "#### Skipped level\n",
    "> quote\n",
    "- item\n  - nested\n",
    "1. one\n2. two\n",
    "```\nunclosed fence\n",
    "```{note}\nA note\n```\n",
    "```{figure} figures/chart.png\n:alt: A chart\n```\n",
    "```{figure} ../../metadata/people.yaml\n```\n",
    "![alt](figures/chart.png)\n",
    "![](figures/missing.png)\n",
    "![x](http://127.0.0.1:9/x.png)\n",
    "![x](/etc/passwd)\n",
    "![x](figures/%2e%2e/%2e%2e/x.png)\n",
    "<img src=\"figures/chart.png\">\n",
    "<img src=x onerror=alert(1)>\n",
    "| a | b |\n|---|---|\n| 1 |\n",
    "[^1]\n\n[^1]: note\n",
    "[ref]\n\n[ref]: <>\n",
    "(label)=\n{ref}`label`\n",
    "*emphasis **strong _under ~~strike",
    "<!-- comment",
    "<div><span><b>",
    "\\",
    "&#0; &#x110000; &nbsp;",
    "\u202E\u2066\u200F",
    "\r\n\r",
    "\t\tindented code\n",
    "---\n",
    "...\n"
  };

  @Test
  void checkSurvivesEveryGeneratedInput(@TempDir Path tmp) throws IOException {
    Path ws = TestWorkspaces.copy(TestWorkspaces.BASE, tmp.resolve("ws"));
    Path file = ws.resolve("case-studies/base-study/case-study.md");
    byte[] valid = Files.readAllBytes(file);
    Random random = new Random(SEED);
    check(ws, valid); // the first check loads the classes: not part of the budget
    long start = System.nanoTime();
    int ran = 0;
    for (; ran < INPUTS; ran++) {
      if ((System.nanoTime() - start) / 1_000_000 > TIME_CAP_MILLIS) {
        break;
      }
      byte[] input = ran % 3 == 2 ? damage(valid, random) : generate(random);
      Files.write(file, input);
      Map<String, String> before = TestWorkspaces.snapshot(tmp);
      int code = check(ws, input);
      assertTrue(code == 0 || code == 1, () -> "exit " + code + " for input:\n" + show(input));
      assertEquals(before, TestWorkspaces.snapshot(tmp), () -> "check wrote for:\n" + show(input));
    }
    // On an idle machine all of them run; on a loaded one the cap cuts in, but never before these.
    assertTrue(ran >= 20, "only " + ran + " inputs ran within the time cap");
  }

  private static int check(Path ws, byte[] input) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      return Cli.run(o, e, Map.of(), ws, "check", "--json");
    } catch (RuntimeException | StackOverflowError e) {
      fail("escaped: " + e + " for input:\n" + show(input), e);
      return -1;
    }
  }

  private static byte[] generate(Random r) {
    StringBuilder s = new StringBuilder();
    if (r.nextInt(10) > 0) {
      s.append("---\n");
    }
    int keys = r.nextInt(12);
    for (int i = 0; i < keys; i++) {
      s.append(pick(r, KEYS)).append(": ").append(pick(r, YAML_VALUES)).append('\n');
      if (r.nextInt(4) == 0) {
        s.append("  - ").append(pick(r, YAML_VALUES)).append('\n');
      }
    }
    if (r.nextBoolean()) {
      s.append("title: Fuzz\nauthors: [priya-nandakumar]\ndescription: ")
          .append("A description long enough to pass.\n");
    }
    if (r.nextInt(10) > 0) {
      s.append("---\n");
    }
    int parts = r.nextInt(30);
    for (int i = 0; i < parts; i++) {
      switch (r.nextInt(6)) {
        case 0 -> s.append("> ".repeat(r.nextInt(40))).append("deep\n");
        case 1 -> s.append("  ".repeat(r.nextInt(40))).append("- item\n");
        case 2 -> s.append(randomText(r, r.nextInt(200)));
        default -> s.append(pick(r, BODY));
      }
    }
    return s.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** The valid file with bytes flipped, inserted, removed or the file cut short. */
  private static byte[] damage(byte[] valid, Random r) {
    byte[] b = valid.clone();
    int edits = 1 + r.nextInt(8);
    for (int i = 0; i < edits; i++) {
      int at = r.nextInt(b.length);
      switch (r.nextInt(4)) {
        case 0 -> b[at] = (byte) r.nextInt(256);
        case 1 -> b = java.util.Arrays.copyOf(b, Math.max(1, at));
        case 2 -> {
          byte[] longer = new byte[b.length + 1];
          System.arraycopy(b, 0, longer, 0, at);
          longer[at] = (byte) DAMAGE.charAt(r.nextInt(DAMAGE.length()));
          System.arraycopy(b, at, longer, at + 1, b.length - at);
          b = longer;
        }
        default -> {
          if (b.length > 1) {
            byte[] shorter = new byte[b.length - 1];
            System.arraycopy(b, 0, shorter, 0, at);
            System.arraycopy(b, at + 1, shorter, at, b.length - at - 1);
            b = shorter;
          }
        }
      }
    }
    return b;
  }

  private static String randomText(Random r, int length) {
    StringBuilder s = new StringBuilder();
    List<int[]> ranges =
        List.of(
            new int[] {0x20, 0x7e},
            new int[] {0x00, 0x1f},
            new int[] {0x300, 0x36f},
            new int[] {0x590, 0x6ff},
            new int[] {0x2000, 0x206f},
            new int[] {0x1f300, 0x1f6ff});
    for (int i = 0; i < length; i++) {
      int[] range = ranges.get(r.nextInt(ranges.size()));
      s.appendCodePoint(range[0] + r.nextInt(range[1] - range[0] + 1));
    }
    return s.append('\n').toString();
  }

  private static String pick(Random r, String[] options) {
    return options[r.nextInt(options.length)];
  }

  private static String show(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    return text.length() > 2000 ? text.substring(0, 2000) + "..." : text;
  }
}
