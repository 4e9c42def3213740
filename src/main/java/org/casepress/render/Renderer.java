package org.casepress.render;

import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLog;
import com.openhtmltopdf.util.XRLogger;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.casepress.model.CaseStudy;
import org.casepress.model.Metadata;
import org.casepress.source.LocalWriteException;
import org.casepress.source.ParsedBody;
import org.jsoup.helper.W3CDom;
import org.jsoup.nodes.Document;

/**
 * Renders case studies to tagged PDF/UA-1 and PDF/A-2a files. Build one with {@link #create()} and
 * share it: it holds the bundled fonts and the font metrics cache, and is thread-safe (each render
 * uses its own PDF builder).
 *
 * <p>Rendering never opens a network connection and reads no file outside the case study's folder
 * and the tool's own resources. The same inputs give the same bytes: dates come from the {@link
 * Publication}, the document id from the content.
 */
public final class Renderer {
  /** PDF/A level 2, conformance "a" (accessible: tagged, Unicode text). */
  static final PdfRendererBuilder.PdfAConformance PDF_A =
      PdfRendererBuilder.PdfAConformance.PDFA_2_A;

  static final String PRODUCER = "casepress";

  private static final byte[] SRGB = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

  static {
    // PDFBox writes a font cache to the home folder on first use unless told otherwise.
    if (System.getProperty("pdfbox.fontcache") == null) {
      System.setProperty(
          "pdfbox.fontcache",
          Path.of(System.getProperty("java.io.tmpdir"), "casepress-pdfbox").toString());
    }
    // The renderer logs to the console by default; we report through diagnostics instead.
    XRLog.setLoggerImpl(new SilentLogger());
    XRLog.setLoggingEnabled(true);
  }

  private static final RightToLeft RIGHT_TO_LEFT = new RightToLeft();

  private final Fonts fonts;

  /**
   * Whether parsed faces are shared, widths looked up by letter and the bidi algorithm run only
   * where it can change something (issue 15).
   */
  private final boolean fast;

  /** Whether hyphenated words are drawn to be read whole ({@link HyphenatedWords}). */
  private final boolean wholeWords;

  private Renderer(Fonts fonts, boolean fast, boolean wholeWords) {
    this.fonts = fonts;
    this.fast = fast;
    this.wholeWords = wholeWords;
  }

  /** A renderer over the process's bundled fonts (a few megabytes, read once per process). */
  public static Renderer create() {
    return new Renderer(Fonts.load(), true, true);
  }

  /**
   * A renderer without the speed-ups inside a render ({@link DocumentFonts}, {@link
   * CodePointWidths}, {@link RightToLeft#neededBy}): every face parsed again for each document,
   * every width measured by openhtmltopdf, the bidi algorithm run over every document. The
   * reference the fast renderer's PDFs are compared with, byte for byte.
   */
  static Renderer reference() {
    return new Renderer(Fonts.load(), false, true);
  }

  /**
   * A renderer that leaves hyphenated words as drawn, in one piece per line and unmarked: what the
   * glyphs of {@link WholeWordText}'s parts are compared with, position by position.
   */
  static Renderer withWordsAsDrawn() {
    return new Renderer(Fonts.load(), true, false);
  }

  /**
   * Renders one case study to {@code output}, atomically: the file appears complete or not at all.
   * In {@link RenderMode#FINAL} anything missing or refused fails the render; in every mode a
   * damaged or oversized image does.
   *
   * @throws RenderException with every reason and its location
   * @throws IOException when the output cannot be written
   */
  public RenderResult render(
      CaseStudy cs, Metadata metadata, Publication pub, RenderMode mode, Path output)
      throws RenderException, IOException {
    return render(cs, Optional.empty(), metadata, pub, mode, output);
  }

  /**
   * {@link #render(CaseStudy, Metadata, Publication, RenderMode, Path)} typesetting {@code
   * checkedBody}, the tree of the body that check walked in the same command ({@link
   * org.casepress.source.Loaded#body}), instead of parsing the body again: the same bytes. Without
   * one, the body is parsed here.
   *
   * @throws IllegalArgumentException when the tree is not that of {@code cs}'s body
   */
  public RenderResult render(
      CaseStudy cs,
      Optional<ParsedBody> checkedBody,
      Metadata metadata,
      Publication pub,
      RenderMode mode,
      Path output)
      throws RenderException, IOException {
    if (checkedBody.isPresent() && !checkedBody.get().isOf(cs.body())) {
      throw new IllegalArgumentException(
          cs.slug() + ": the Markdown tree handed to the render is not that of its body");
    }
    Findings findings = new Findings(cs.source(), cs.bodyLine(), mode);
    Assets assets = new Assets(cs.folder());
    Document html =
        new Typesetting(cs, checkedBody, metadata, pub, findings, assets, fonts).build();
    // A draft has errors only for files check refuses (Findings#error): those fail it too.
    if (findings.hasErrors()) {
      throw new RenderException(findings.problems());
    }
    byte[] pdf;
    int pages;
    List<String> diagnostics = new ArrayList<>();
    try (DocumentFonts faces = new DocumentFonts(fonts, fast)) {
      PDDocument document = faces.document();
      boolean bidi = !fast || RightToLeft.neededBy(html, cs.language());
      typeset(html, bidi, assets, diagnostics, faces);
      pages = document.getNumberOfPages();
      // A document the bidi algorithm cannot change has no right-to-left letter to mark.
      if (bidi && ActualText.needed(html)) {
        ActualText.mark(document, RIGHT_TO_LEFT);
      }
      if (RightToLeft.language(cs.language())) {
        RightToLeft.readRightToLeft(document);
      }
      Archival.finish(
          document,
          contentKey(html, assets),
          cs,
          Citation.keywords(cs, metadata.community()),
          pub,
          mode,
          faces);
      // Without object streams: a third of the render time saved for files about half again as
      // large (page content stays compressed). See BENCHMARKS.md.
      pdf = PdfSave.save(document);
    }
    for (String refused : assets.refusedAtRender()) {
      findings.missing(
          -1,
          "",
          "The PDF renderer was refused the resource " + refused + "; it is left out of the PDF.");
    }
    for (String d : diagnostics) {
      findings.warnOnce("diagnostic:" + d, -1, "The PDF renderer reported: " + d);
    }
    if (mode == RenderMode.FINAL && findings.hasErrors()) {
      throw new RenderException(findings.problems());
    }
    writeAtomically(output, pdf);
    return new RenderResult(output, pages, findings.problems());
  }

  private void typeset(
      Document html,
      boolean rightToLeft,
      Assets assets,
      List<String> diagnostics,
      DocumentFonts faces)
      throws IOException {
    PdfRendererBuilder builder = new PdfRendererBuilder();
    builder.useFastMode();
    builder.usePdfUaAccessibility(true);
    builder.usePdfAConformance(PDF_A);
    builder.useColorProfile(SRGB);
    builder.withProducer(PRODUCER);
    builder.useCacheStore(PdfRendererBuilder.CacheStore.PDF_FONT_METRICS, fonts.metrics());
    faces.register(builder);
    builder.useExternalResourceAccessControl(
        assets.accessControl(), ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
    builder.useExternalResourceAccessControl(
        assets.accessControl(), ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
    builder.useProtocolsStreamImplementation(
        assets.noNetwork(),
        "http",
        "https",
        "ftp",
        "jar",
        "jrt",
        "mailto",
        "news",
        "gopher",
        "ldap");
    if (rightToLeft) {
      builder.useUnicodeBidiSplitter(RIGHT_TO_LEFT);
      builder.useUnicodeBidiReorderer(RIGHT_TO_LEFT);
    }
    builder.withDiagnosticConsumer(d -> record(d, diagnostics));
    builder.withW3cDocument(W3CDom.convert(html), assets.folder().toUri().toString());
    try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
      WholeWordText text = fast ? new CodePointWidths() : new WholeWordText();
      renderer.getSharedContext().setTextRenderer(text);
      renderer.layout();
      if (wholeWords) {
        text.words(HyphenatedWords.of(renderer.getRootBox()));
      }
      renderer.createPDFWithoutClosing();
    }
  }

  /** Keeps what an author can act on: problems with resources and with accessibility. */
  private static void record(Diagnostic d, List<String> diagnostics) {
    if (d.getLevel().intValue() < Level.WARNING.intValue()) {
      return;
    }
    String id = String.valueOf(d.getLogMessageId());
    if (id.contains("ACCESSIBILITY") || id.startsWith("LOAD_")) {
      synchronized (diagnostics) {
        diagnostics.add(d.getFormattedMessage());
      }
    }
  }

  static void writeAtomically(Path output, byte[] bytes) {
    try {
      writeOrThrow(output, bytes);
    } catch (IOException e) {
      throw LocalWriteException.of(output, e);
    }
  }

  private static void writeOrThrow(Path output, byte[] bytes) throws IOException {
    Path target = output.toAbsolutePath().normalize();
    Path dir = target.getParent();
    Files.createDirectories(dir);
    Path temp = Files.createTempFile(dir, "." + target.getFileName(), ".part");
    try {
      Files.write(temp, bytes);
      // A temporary file is private to its owner; a PDF is for readers.
      if (Files.getFileStore(temp).supportsFileAttributeView("posix")) {
        Files.setPosixFilePermissions(
            temp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
      }
      try {
        Files.move(
            temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (java.nio.file.AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /**
   * What the document id is derived from: the typeset HTML with image addresses relative to the
   * case study's folder, plus the bytes of every image, so that the same sources give the same id
   * in any checkout, and a changed image gives a new one. Returned as a SHA-256 digest that has
   * read that key as UTF-8 (its parts one after the other, each image streamed from its file), for
   * {@link Archival} to add the rest of the id's input to: the key is the size of the document's
   * HTML, and building it as one string, then its bytes, copied it several times per render.
   */
  static MessageDigest contentKey(Document html, Assets assets) throws IOException {
    String folder = assets.folder().toUri().toString();
    MessageDigest key = sha256();
    key.update(html.outerHtml().replace(folder, "").getBytes(StandardCharsets.UTF_8));
    byte[] buffer = new byte[16 * 1024];
    for (org.jsoup.nodes.Element img : html.select("img[src]")) {
      if (!img.attr("src").startsWith(folder)) {
        continue;
      }
      Path image = Path.of(java.net.URI.create(img.attr("src")));
      String line =
          "\n"
              + img.attr("src").substring(folder.length())
              + ' '
              + java.util.HexFormat.of().formatHex(sha256(image, buffer));
      key.update(line.getBytes(StandardCharsets.UTF_8));
    }
    return key;
  }

  /** The SHA-256 of a file's bytes, read through {@code buffer} rather than all at once. */
  static byte[] sha256(Path file, byte[] buffer) throws IOException {
    MessageDigest digest = sha256();
    try (java.io.InputStream in = Files.newInputStream(file)) {
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
      }
    }
    return digest.digest();
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Diagnostics still reach the consumer; nothing is printed. */
  private static final class SilentLogger implements XRLogger {
    @Override
    public void log(String where, Level level, String msg) {}

    @Override
    public void log(String where, Level level, String msg, Throwable th) {}

    @Override
    public void setLevel(String logger, Level level) {}

    @Override
    public boolean isLogLevelEnabled(Diagnostic diagnostic) {
      return false;
    }
  }
}
