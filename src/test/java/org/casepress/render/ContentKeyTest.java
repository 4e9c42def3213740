package org.casepress.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The document id's input, read into a digest piece by piece, is the key it was defined as: one
 * string of the HTML and a line per image with the hash of the image's whole file. A change here
 * would give every PDF a new trailer id.
 */
class ContentKeyTest {
  @TempDir Path dir;

  private static final Path FIGURES =
      Path.of("case-studies/fernbank-reproducible-forecasting/figures");

  @Test
  void streamedImageHashIsTheWholeFilesHash() throws Exception {
    Path image = FIGURES.resolve("pipeline.png");
    byte[] whole = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(image));
    // Buffers smaller than the file, one byte, and larger than it.
    for (int size : new int[] {1, 1000, 4096, 16 * 1024}) {
      assertArrayEquals(whole, Renderer.sha256(image, new byte[size]), "buffer of " + size);
    }
  }

  @Test
  void digestReadsTheKeyAsOneString() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("study"));
    Files.createDirectories(folder.resolve("figures"));
    Files.copy(FIGURES.resolve("pipeline.png"), folder.resolve("figures/pipeline.png"));
    Files.copy(FIGURES.resolve("timeline.png"), folder.resolve("figures/timeline.png"));
    Assets assets = new Assets(folder);
    String base = assets.folder().toUri().toString();
    Document html =
        Jsoup.parse(
            "<html lang=\"is\"><head><title>Þórsdóttir’s 數據 𝐀</title></head><body>"
                + "<p>soft\u00adhyphen \ud83d\ude00</p>"
                + "<img src=\""
                + base
                + "figures/pipeline.png\" alt=\"a\">"
                + "<a href=\""
                + base
                + "figures/timeline.png\">link</a>"
                + "<img src=\"https://example.org/x.png\" alt=\"elsewhere\">"
                + "<img src=\""
                + base
                + "figures/timeline.png\" alt=\"b\">"
                + "</body></html>");
    html.outputSettings().prettyPrint(false);
    String suffix = "\nFINAL\nsome publication";

    MessageDigest streamed = Renderer.contentKey(html, assets);
    streamed.update(suffix.getBytes(StandardCharsets.UTF_8));

    assertArrayEquals(sha256(keyAsOneString(html, base) + suffix), streamed.digest());
  }

  /** The key as it was first written: the whole string, each image read whole. */
  private static String keyAsOneString(Document html, String folder) throws Exception {
    StringBuilder key = new StringBuilder(html.outerHtml().replace(folder, ""));
    for (Element img : html.select("img[src]")) {
      if (!img.attr("src").startsWith(folder)) {
        continue;
      }
      Path image = Path.of(java.net.URI.create(img.attr("src")));
      key.append('\n')
          .append(img.attr("src").substring(folder.length()))
          .append(' ')
          .append(
              HexFormat.of()
                  .formatHex(
                      MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(image))));
    }
    return key.toString();
  }

  private static byte[] sha256(String s) throws Exception {
    return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
  }
}
