package org.casepress.render;

import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * Where a PDF's glyphs and rules lie, measured as a proofreader would with a ruler: every glyph
 * with its page, and the vertical rules drawn on each page (a table's cell borders), so that a test
 * can say a glyph runs past the text box or across the border of its cell. Coordinates are from the
 * top left of the page, in points, as {@link TextPosition}'s "direction adjusted" ones.
 */
final class PageGeometry {
  /** The house style's margins, in points. */
  static final float SIDE = Typesetting.MARGIN_SIDE_MM / 25.4f * 72;

  static final float TOP = Typesetting.MARGIN_TOP_MM / 25.4f * 72;

  static final float BOTTOM = Typesetting.MARGIN_BOTTOM_MM / 25.4f * 72;

  /** What a glyph may overhang a box by: side bearings and rounding. */
  static final float TOLERANCE = 0.5f;

  /** A glyph on a page (1-based), with the page's size. */
  /**
   * One glyph drawn: its page, the text it is read as (an /ActualText may say otherwise than the
   * glyph), its code in its font and the character that code draws, and where it is.
   */
  record Glyph(
      int page,
      String text,
      int code,
      String drawn,
      float x,
      float top,
      float baseline,
      float width,
      float size) {
    float right() {
      return x + width;
    }

    @Override
    public String toString() {
      return "'" + text + "' on page " + page + " at x " + x + "-" + right() + ", y " + baseline;
    }
  }

  /** A vertical rule from {@code top} to {@code bottom} at {@code x}. */
  record Rule(int page, float x, float top, float bottom) {}

  private PageGeometry() {}

  /** Every glyph of the document, page by page, in the order drawn. */
  static List<Glyph> glyphs(PDDocument doc) throws IOException {
    List<Glyph> glyphs = new ArrayList<>();
    PDFTextStripper stripper =
        new PDFTextStripper() {
          @Override
          protected void processTextPosition(TextPosition t) {
            glyphs.add(
                new Glyph(
                    getCurrentPageNo(),
                    t.getUnicode(),
                    t.getCharacterCodes()[0],
                    drawn(t),
                    t.getXDirAdj(),
                    t.getYDirAdj() - t.getHeightDir(),
                    t.getYDirAdj(),
                    t.getWidthDirAdj(),
                    t.getFontSizeInPt()));
          }
        };
    stripper.getText(doc);
    return glyphs;
  }

  /** The character a glyph's code draws in its font (U+FFFD for a code without one). */
  private static String drawn(TextPosition t) {
    String unicode = t.getFont().toUnicode(t.getCharacterCodes()[0]);
    return unicode == null ? "\ufffd" : unicode;
  }

  /**
   * The glyphs of the text box that fall outside it, sideways: the running head and the footer lie
   * in the top and bottom margins by design and are left out.
   */
  static List<Glyph> outsideTheTextBox(PDDocument doc) throws IOException {
    List<Glyph> outside = new ArrayList<>();
    for (Glyph g : glyphs(doc)) {
      PDRectangle page = doc.getPage(g.page() - 1).getMediaBox();
      boolean inTheMargins = g.top() < TOP || g.baseline() > page.getHeight() - BOTTOM;
      if (!inTheMargins
          && (g.x() < SIDE - TOLERANCE || g.right() > page.getWidth() - SIDE + TOLERANCE)) {
        outside.add(g);
      }
    }
    return outside;
  }

  /** The vertical rules of every page: the side borders of table cells, among others. */
  static List<Rule> verticalRules(PDDocument doc) throws IOException {
    List<Rule> rules = new ArrayList<>();
    int number = 0;
    for (PDPage page : doc.getPages()) {
      Rules engine = new Rules(page, ++number, rules);
      engine.processPage(page);
    }
    return rules;
  }

  /** The glyphs that a vertical rule runs through: text that left its cell. */
  static List<Glyph> acrossARule(List<Glyph> glyphs, List<Rule> rules) {
    List<Glyph> across = new ArrayList<>();
    for (Glyph g : glyphs) {
      float middle = (g.top() + g.baseline()) / 2;
      for (Rule r : rules) {
        if (r.page() == g.page()
            && r.top() <= middle
            && middle <= r.bottom()
            && g.x() + TOLERANCE < r.x()
            && r.x() < g.right() - TOLERANCE) {
          across.add(g);
          break;
        }
      }
    }
    return across;
  }

  /**
   * Collects the bounds of each painted path and keeps the thin upright ones. The renderer draws a
   * cell's border as a filled polygon or a stroked line; either way its box is a fraction of a
   * point wide and at least a line of text tall.
   */
  private static final class Rules extends PDFGraphicsStreamEngine {
    private final int number;
    private final float height;
    private final List<Rule> rules;
    private Rectangle2D path;

    Rules(PDPage page, int number, List<Rule> rules) {
      super(page);
      this.number = number;
      this.height = page.getMediaBox().getHeight();
      this.rules = rules;
    }

    private void add(double x, double y) {
      if (path == null) {
        path = new Rectangle2D.Double(x, y, 0, 0);
      } else {
        path.add(x, y);
      }
    }

    private void paint() {
      if (path != null && path.getWidth() <= 1.5 && path.getHeight() >= 4) {
        rules.add(
            new Rule(
                number,
                (float) path.getCenterX(),
                height - (float) path.getMaxY(),
                height - (float) path.getMinY()));
      }
      path = null;
    }

    @Override
    public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
      for (Point2D p : List.of(p0, p1, p2, p3)) {
        add(p.getX(), p.getY());
      }
    }

    @Override
    public void moveTo(float x, float y) {
      add(x, y);
    }

    @Override
    public void lineTo(float x, float y) {
      add(x, y);
    }

    @Override
    public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
      add(x1, y1);
      add(x2, y2);
      add(x3, y3);
    }

    @Override
    public Point2D getCurrentPoint() {
      return path == null
          ? new Point2D.Float()
          : new Point2D.Double(path.getMaxX(), path.getMaxY());
    }

    @Override
    public void closePath() {}

    @Override
    public void endPath() {
      path = null;
    }

    @Override
    public void strokePath() {
      paint();
    }

    @Override
    public void fillPath(int windingRule) {
      paint();
    }

    @Override
    public void fillAndStrokePath(int windingRule) {
      paint();
    }

    @Override
    public void clip(int windingRule) {}

    @Override
    public void drawImage(PDImage pdImage) {}

    @Override
    public void shadingFill(COSName shadingName) {}
  }
}
