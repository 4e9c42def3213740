package org.casepress.render;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.casepress.model.CaseStudy;
import org.casepress.model.Metadata;
import org.casepress.model.Person;
import org.casepress.model.Role;
import org.casepress.testing.ReferenceMaterial;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every Markdown file of the shared corpus, wrapped as a case study, renders as a draft within a
 * time bound, and at least 98% of the words a reader would see are in the PDF's text.
 */
class CorpusTest {
  static final Path CORPUS = ReferenceMaterial.CORPUS;
  static final Duration PER_FILE = Duration.ofSeconds(60);
  static final double MIN_WORDS_FOUND = 0.98;

  /** Letters and digits; ideographs, kana and Hangul one by one, as they have no spaces. */
  private static final Pattern WORD =
      Pattern.compile(
          "[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}\\p{IsHangul}]|[\\p{L}\\p{Mc}\\p{N}&&[^\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}\\p{IsHangul}]]+");

  @TempDir static Path out;
  static Metadata metadata;

  @BeforeAll
  static void setUp() {
    metadata = Fixtures.load().metadata();
  }

  static Stream<Path> corpus() throws IOException {
    ReferenceMaterial.corpus();
    try (Stream<Path> files = Files.walk(CORPUS)) {
      return files.filter(p -> p.toString().endsWith(".md")).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  @Execution(
      ExecutionMode.CONCURRENT) // files are independent; the renderer is shared and thread-safe
  void rendersWithItsWords(Path file) throws Exception {
    CaseStudy cs = wrap(file);
    // The path, not the name: several corpus files are called README.md and render concurrently.
    Path pdf =
        out.resolve(
            CORPUS.relativize(file).toString().replaceAll("[/\\\\]", "__").replace(".md", ".pdf"));
    RenderResult result =
        assertTimeoutPreemptively(
            PER_FILE,
            () ->
                Fixtures.renderer().render(cs, metadata, Fixtures.draft(), RenderMode.DRAFT, pdf));
    assertTrue(result.pages() > 0);

    List<String> expected =
        words(
            Jsoup.parse(BodyHtml.render(cs.body(), new Findings("", 0, RenderMode.DRAFT))).text());
    Set<String> found;
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      // By position, as pdftotext and TextLayer read: in drawing order the renderer puts a line's
      // inline elements after the next line's text, gluing words ("andExperts") that are apart
      // on the page and in the structure tree.
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setSortByPosition(true);
      found = new HashSet<>(words(stripper.getText(doc)));
    }
    List<String> lost = expected.stream().filter(w -> !found.contains(w)).toList();
    double share = expected.isEmpty() ? 1 : 1 - (double) lost.size() / expected.size();
    assertTrue(
        share >= MIN_WORDS_FOUND,
        String.format(
            "%s: %.1f%% of %d words found; missing e.g. %s",
            file, share * 100, expected.size(), lost.stream().distinct().limit(30).toList()));
  }

  static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    // Combining marks (Arabic vowel signs, variation selectors) are compared without: a PDF may
    // store a mark before or after its letter, and the word is the same to a reader.
    String plain =
        java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKC)
            .replaceAll("\\p{Mn}", "");
    Matcher m = WORD.matcher(plain);
    while (m.find()) {
      words.add(m.group().toLowerCase(java.util.Locale.ROOT));
    }
    return words;
  }

  /** A corpus file as a case study: its front matter (if any) dropped, its folder as the folder. */
  static CaseStudy wrap(Path file) throws IOException {
    String text = Files.readString(file).replace("\r\n", "\n");
    int bodyLine = 1;
    if (text.startsWith("---\n")) {
      int end = text.indexOf("\n---", 4);
      if (end > 0) {
        int after = text.indexOf('\n', end + 4);
        after = after < 0 ? text.length() : after + 1;
        bodyLine += (int) text.substring(0, after).chars().filter(c -> c == '\n').count();
        text = text.substring(after);
      }
    }
    Person author = new Person(null, "Corpus", "Author", null, List.of(), Set.of(Role.AUTHOR));
    String name = file.getFileName().toString();
    return new CaseStudy(
        name.replace(".md", "").toLowerCase(java.util.Locale.ROOT),
        file.getParent().toAbsolutePath().normalize(),
        (file.startsWith(CORPUS) ? CORPUS.relativize(file) : file).toString().replace('\\', '/'),
        name,
        null,
        List.of(author),
        null,
        "A corpus file rendered as a case study.",
        List.of(),
        "CC-BY-4.0",
        "en",
        List.of(),
        List.of(),
        text,
        bodyLine);
  }
}
