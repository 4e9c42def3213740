package org.casepress.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFTextStripper;
import org.casepress.model.CaseStudy;
import org.casepress.source.Loaded;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RendererTest {
  @TempDir Path out;

  static Loaded loaded;
  static CaseStudy river;

  @BeforeAll
  static void load() {
    loaded = Fixtures.load();
    river = loaded.caseStudy("river-sensors").orElseThrow();
  }

  private Path render(Publication pub, RenderMode mode, String name) throws Exception {
    Path pdf = out.resolve(name);
    Fixtures.renderer().render(river, loaded.metadata(), pub, mode, pdf);
    return pdf;
  }

  private static String text(PDDocument doc) throws IOException {
    // The renderer draws styled runs (links, bold, code) after plain text: sort by position.
    PDFTextStripper stripper = new PDFTextStripper();
    stripper.setSortByPosition(true);
    return stripper.getText(doc).replaceAll("\\s+", " ");
  }

  @Test
  void aTreeOfAnotherBodyIsRefused() {
    CaseStudy other = loaded.caseStudies().stream().filter(c -> c != river).findFirst().get();
    IllegalArgumentException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalArgumentException.class,
            () ->
                Fixtures.renderer()
                    .render(
                        river,
                        loaded.body(other),
                        loaded.metadata(),
                        Fixtures.draft(),
                        RenderMode.DRAFT,
                        out.resolve("mixed.pdf")));
    assertTrue(e.getMessage().startsWith("river-sensors: "), e.getMessage());
    assertFalse(java.nio.file.Files.exists(out.resolve("mixed.pdf")));
  }

  @Test
  void documentPropertiesComeFromMetadata() throws Exception {
    try (PDDocument doc =
        Loader.loadPDF(render(Fixtures.published(), RenderMode.FINAL, "final.pdf").toFile())) {
      var info = doc.getDocumentInformation();
      // The title alone, as in the deposit, CITATION.cff and BibTeX.
      assertEquals("Counting rivers: open sensor data at Fernbank Water", info.getTitle());
      assertEquals("Priya Nandakumar, José Ángel Müller-Øberg", info.getAuthor());
      assertTrue(
          info.getSubject().startsWith("Fernbank Water Analytics monitors river levels"),
          info.getSubject());
      assertEquals("hydrology, open data, sensors, open science, case study", info.getKeywords());
      assertEquals("en", doc.getDocumentCatalog().getLanguage());
      Calendar created = info.getCreationDate();
      assertEquals(2026, created.get(Calendar.YEAR));
      assertEquals(Calendar.NOVEMBER, created.get(Calendar.MONTH));
      assertEquals(25, created.get(Calendar.DAY_OF_MONTH));
      String xmp =
          new String(
              doc.getDocumentCatalog().getMetadata().toByteArray(),
              java.nio.charset.StandardCharsets.UTF_8);
      assertTrue(xmp.contains("2026-11-25T00:00:00"), xmp);
      assertTrue(xmp.contains("Counting rivers"), "title in XMP");
      assertTrue(xmp.contains("pdfuaid"), "PDF/UA identification in XMP");
      assertTrue(
          xmp.contains("<dc:language><rdf:Bag><rdf:li>en</rdf:li></rdf:Bag></dc:language>"),
          "language in XMP");
      assertTrue(xmp.contains("<rdf:li>hydrology</rdf:li>"), "keywords as dc:subject");
      assertTrue(
          xmp.contains(
              "<pdf:Keywords>hydrology, open data, sensors, open science, case study</pdf:Keywords>"),
          xmp);
      assertTrue(xmp.contains("José Ángel Müller-Øberg"), "authors in XMP");
    }
  }

  @Test
  void taggedWithEmbeddedFonts() throws Exception {
    try (PDDocument doc =
        Loader.loadPDF(render(Fixtures.published(), RenderMode.FINAL, "final.pdf").toFile())) {
      assertNotNull(doc.getDocumentCatalog().getStructureTreeRoot(), "StructTreeRoot");
      assertTrue(doc.getDocumentCatalog().getMarkInfo().isMarked(), "MarkInfo /Marked true");
      List<String> fonts = new ArrayList<>();
      for (PDPage page : doc.getPages()) {
        PDResources res = page.getResources();
        for (COSName name : res.getFontNames()) {
          PDFont font = res.getFont(name);
          assertTrue(font.isEmbedded(), font.getName() + " is not embedded");
          fonts.add(font.getName());
        }
      }
      assertTrue(fonts.stream().anyMatch(f -> f.contains("DejaVuSerif")), fonts.toString());
    }
  }

  @Test
  void titlePageAndCitationCarryTheMetadata() throws Exception {
    try (PDDocument doc =
        Loader.loadPDF(render(Fixtures.published(), RenderMode.FINAL, "final.pdf").toFile())) {
      String text = text(doc);
      assertTrue(text.contains("Counting rivers: open sensor data at Fernbank Water"), text);
      assertTrue(text.contains("Priya Nandakumar"));
      assertTrue(text.contains("José Ángel Müller-Øberg"));
      assertTrue(text.contains("https://orcid.org/0000-0002-1825-0097"));
      assertTrue(text.contains("Fernbank Water Analytics"));
      assertTrue(text.contains("The Alan Turing Institute"));
      assertTrue(text.contains("Version 2, 25 November 2026"));
      assertTrue(text.contains("https://doi.org/10.5072/zenodo.123456"));
      assertTrue(text.contains("Creative Commons Attribution 4.0 International (CC BY 4.0)"));
      assertTrue(text.contains("Cite this publication"));
      assertTrue(
          text.contains(
              "Nandakumar, P., Müller-Øberg, J. Á. (2026). Counting rivers: open sensor data at Fernbank Water: How a"
                  + " small analytics team opened its data pipeline (Version 2). The Practitioners Hub Case Study"
                  + " Series. Zenodo. https://doi.org/10.5072/zenodo.123456"),
          text);
      assertTrue(
          text.contains("Page 1 of " + doc.getNumberOfPages()), "page numbers in the footer");
      assertTrue(text.contains("The Practitioners Hub Case Study Series 2026"), "series footer");
      assertFalse(
          text.replaceAll("\\s+", "").contains("DRAFT-notforcitation"),
          "no watermark in a final render");
    }
  }

  @Test
  void draftSaysDoiToBeAssignedAndCarriesTheWatermarkOnEveryPage() throws Exception {
    try (PDDocument doc =
        Loader.loadPDF(render(Fixtures.draft(), RenderMode.DRAFT, "draft.pdf").toFile())) {
      assertTrue(text(doc).contains("DOI to be assigned on publication"));
      for (int p = 1; p <= doc.getNumberOfPages(); p++) {
        // The watermark is the page's rotated text. Taken with the body text, its pieces come out
        // interleaved with the lines they cross, so keep only the glyphs that are not upright.
        StringBuilder rotated = new StringBuilder();
        PDFTextStripper stripper =
            new PDFTextStripper() {
              @Override
              protected void processTextPosition(org.apache.pdfbox.text.TextPosition text) {
                if (text.getDir() != 0) {
                  rotated.append(text.getUnicode());
                }
              }
            };
        stripper.setStartPage(p);
        stripper.setEndPage(p);
        stripper.getText(doc);
        String page = rotated.toString().replaceAll("\\s+", "");
        assertTrue(page.contains("DRAFT-notforcitation"), "watermark on page " + p);
        assertTrue(page.contains("inreview,version1,2026-11-25"), "state on page " + p);
      }
    }
  }

  @Test
  void bodyFiguresTablesNotesAndAdmonitionsArePrinted() throws Exception {
    try (PDDocument doc =
        Loader.loadPDF(render(Fixtures.published(), RenderMode.FINAL, "final.pdf").toFile())) {
      String text = text(doc);
      assertTrue(
          text.contains("Figure 1. Readings processed per stage in October 2026"),
          "numbered figure caption");
      assertTrue(text.contains("shown in Figure 1"), "{ref} to a figure");
      assertTrue(text.contains("See The pipeline for how gaps"), "{ref} to a labelled heading");
      assertTrue(text.contains("Note All code is published"), "note admonition");
      assertTrue(text.contains("Warning Sensor readings"), "warning admonition");
      assertTrue(text.contains("Пример станции"), "Cyrillic");
      assertTrue(text.contains("Ωmega"), "Greek");
      assertTrue(text.contains("Interview with the authors, October 2026."), "footnote");
      assertTrue(
          text.contains("abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz"),
          "long code line kept");
      assertFalse(
          text.contains("{note}") || text.contains("{figure}") || text.contains("(pipeline)="),
          "no raw MyST");
      boolean image = false;
      for (PDPage page : doc.getPages()) {
        image |= page.getResources().getXObjectNames().iterator().hasNext();
      }
      assertTrue(image, "the figures are drawn");
    }
  }

  @Test
  void outlineListsTheSections() throws Exception {
    try (PDDocument doc =
        Loader.loadPDF(render(Fixtures.published(), RenderMode.FINAL, "final.pdf").toFile())) {
      var outline = doc.getDocumentCatalog().getDocumentOutline();
      assertNotNull(outline);
      List<String> titles = new ArrayList<>();
      for (PDOutlineItem item : outline.children()) {
        titles.add(item.getTitle());
      }
      assertEquals(
          List.of(
              "Why open the data?",
              "The pipeline",
              "Results",
              "What next",
              "Notes",
              "References",
              "Cite this publication"),
          titles);
    }
  }

  @Test
  void sameInputsGiveIdenticalBytes() throws Exception {
    byte[] first = Files.readAllBytes(render(Fixtures.draft(), RenderMode.DRAFT, "a.pdf"));
    byte[] second = Files.readAllBytes(render(Fixtures.draft(), RenderMode.DRAFT, "b.pdf"));
    assertArrayEquals(first, second);
    byte[] fresh = Files.readAllBytes(renderWithNewRenderer(out.resolve("c.pdf")));
    assertArrayEquals(first, fresh, "a new renderer (empty caches) gives the same bytes");
    byte[] otherDate =
        Files.readAllBytes(
            render(
                new Publication(1, Fixtures.DATE.plusDays(1), "in review", null, null),
                RenderMode.DRAFT,
                "d.pdf"));
    assertFalse(
        java.util.Arrays.equals(first, otherDate), "the state's date is part of the content");
  }

  private Path renderWithNewRenderer(Path pdf) throws Exception {
    Renderer.create().render(river, loaded.metadata(), Fixtures.draft(), RenderMode.DRAFT, pdf);
    return pdf;
  }

  @Test
  void outputIsWrittenAtomicallyWithoutLeftovers() throws Exception {
    Path pdf = render(Fixtures.draft(), RenderMode.DRAFT, "sub/dir/x.pdf");
    assertTrue(Files.size(pdf) > 10_000);
    try (var files = Files.list(pdf.getParent())) {
      assertEquals(
          List.of(pdf.getFileName().toString()),
          files.map(p -> p.getFileName().toString()).toList());
    }
  }
}
