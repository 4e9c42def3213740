package org.casepress.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;
import org.casepress.model.CaseStudy;
import org.casepress.source.Limits;
import org.casepress.source.Loaded;
import org.casepress.source.TestWorkspaces;
import org.casepress.source.Workspace;
import org.casepress.source.WorkspaceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The largest input that check accepts renders within 512 MB: a case-study.md just under the size
 * limit and an image at the pixel limit, rendered by a separate JVM started with -Xmx512m (so that
 * the heap of the test run proves nothing either way). On Linux the child also reports its peak
 * resident memory, which must stay under 512 MB as well.
 */
@Timeout(900)
class BoundedMemoryTest {
  private static final long LIMIT = 512L * 1024 * 1024;

  @Test
  void theLargestAcceptedInputRendersWithin512Megabytes(@TempDir Path tmp) throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process child =
        new ProcessBuilder(
                java.toString(),
                "-Xmx512m",
                "-cp",
                System.getProperty("java.class.path"),
                BoundedMemoryTest.class.getName(),
                tmp.toString())
            .redirectErrorStream(true)
            .redirectOutput(tmp.resolve("child.log").toFile())
            .start();
    boolean ended = child.waitFor(800, TimeUnit.SECONDS);
    if (!ended) {
      child.destroyForcibly();
    }
    String log = Files.readString(tmp.resolve("child.log"));
    assertTrue(ended, "the render did not finish: " + log);
    assertEquals(0, child.exitValue(), log);
    String peak = log.replaceAll("(?s).*peak-rss-kb=(\\d+).*", "$1");
    System.out.println("BoundedMemoryTest child: " + log.strip().replace('\n', ' '));
    if (!peak.equals(log)) {
      assertTrue(Long.parseLong(peak) * 1024 < LIMIT, "peak RSS " + peak + " kB: " + log);
    }
  }

  /** The child: makes the input in {@code args[0]}, checks it, renders it, reports its peak RSS. */
  public static void main(String[] args) throws Exception {
    Path tmp = Path.of(args[0]);
    Path root = TestWorkspaces.copy(TestWorkspaces.BASE, tmp.resolve("ws"));
    Path folder = root.resolve("case-studies/base-study");
    int side = (int) Math.sqrt(Limits.IMAGE_PIXELS);
    grayPng(folder.resolve("figures/big.png"), side, side);
    appendTextUpTo(folder.resolve("case-study.md"), Limits.FILE_BYTES - 4 * 1024);

    Loaded loaded = WorkspaceLoader.load(new Workspace(root));
    if (!loaded.problems().isEmpty()) {
      System.out.println("the input must pass check: " + loaded.problems());
      System.exit(1);
    }
    CaseStudy cs = loaded.caseStudies().get(0);
    Path pdf = tmp.resolve("out.pdf");
    RenderResult result =
        Renderer.create().render(cs, loaded.metadata(), Fixtures.draft(), RenderMode.DRAFT, pdf);
    if (result.pages() < 50 || Files.size(pdf) == 0) {
      System.out.println("too small a PDF: " + result.pages() + " pages");
      System.exit(1);
    }
    Path status = Path.of("/proc/self/status");
    if (Files.isReadable(status)) {
      for (String line : Files.readAllLines(status)) {
        if (line.startsWith("VmHWM:")) {
          System.out.println("peak-rss-kb=" + line.replaceAll("\\D", ""));
        }
      }
    }
    System.out.println("rendered " + result.pages() + " pages");
    System.exit(0);
  }

  /** Sections of prose, lists, tables and quotes up to {@code bytes}, then the big image. */
  private static void appendTextUpTo(Path file, long bytes) throws IOException {
    String para =
        ("Flood models are shared as code, data and documents, and each of them needs a review. ")
            .repeat(8)
            .strip();
    StringBuilder s = new StringBuilder("\n![The largest image allowed](figures/big.png)\n");
    long size = Files.size(file);
    for (int i = 0; size + s.length() < bytes; i++) {
      s.append("\n## Section ")
          .append(i)
          .append("\n\n")
          .append(para)
          .append(
              "\n\n- a point about it\n- another point\n\n| year | releases |\n|---|---|\n| 2024 | ")
          .append(i)
          .append(" |\n\n> ")
          .append(para, 0, 200)
          .append('\n');
    }
    Files.writeString(file, s, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
  }

  /** A gradient PNG written row by row, so that making it takes no memory to speak of. */
  private static void grayPng(Path file, int width, int height) throws IOException {
    try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(file))) {
      out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
      java.io.ByteArrayOutputStream header = new java.io.ByteArrayOutputStream();
      DataOutputStream h = new DataOutputStream(header);
      h.writeInt(width);
      h.writeInt(height);
      h.write(new byte[] {8, 0, 0, 0, 0});
      chunk(out, "IHDR", header.toByteArray());
      java.io.ByteArrayOutputStream data = new java.io.ByteArrayOutputStream();
      byte[] row = new byte[width + 1];
      for (int x = 0; x < width; x++) {
        row[x + 1] = (byte) (x * 255 / (width - 1));
      }
      try (OutputStream z = new DeflaterOutputStream(data)) {
        for (int y = 0; y < height; y++) {
          z.write(row);
        }
      }
      chunk(out, "IDAT", data.toByteArray());
      chunk(out, "IEND", new byte[0]);
    }
  }

  private static void chunk(DataOutputStream out, String type, byte[] data) throws IOException {
    byte[] name = type.getBytes(StandardCharsets.ISO_8859_1);
    CRC32 crc = new CRC32();
    crc.update(name);
    crc.update(data);
    out.writeInt(data.length);
    out.write(name);
    out.write(data);
    out.writeInt((int) crc.getValue());
  }
}
