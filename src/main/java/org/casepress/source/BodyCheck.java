package org.casepress.source;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.footnotes.Footnote;
import com.vladsch.flexmark.ext.footnotes.FootnoteBlock;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.casepress.model.Location;
import org.casepress.model.Problem;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * Checks the Markdown body on the tree that the renderer typesets ({@link Markdown}): headings the
 * PDF can turn into an outline; images that are in the case study's folder and described; MyST
 * directives, roles and targets the PDF can show; footnotes, cross-references and citations that
 * resolve; characters the fonts can show; and what word processors leave behind. Whatever the
 * renderer would refuse, warn about or print as source is reported here with its line and column.
 */
final class BodyCheck {
  private static final Set<String> PLAIN_ROLES =
      Set.of("sup", "sub", "code", "command", "file", "kbd", "samp");
  private static final Set<String> CITE_ROLES =
      Set.of("cite", "cite:p", "cite:t", "cite:ps", "cite:ts");
  private static final Pattern DANGEROUS_TAG =
      Pattern.compile(
          "<\\s*(script|iframe|frame|object|embed|link|style|meta|base|form|svg|math|video|audio|source)\\b",
          Pattern.CASE_INSENSITIVE);

  /** What word processors and Google Docs leave in pasted HTML. */
  private static final Pattern PASTED =
      Pattern.compile(
          "\\sstyle\\s*=|<\\s*span\\b|<\\s*font\\b|<\\s*meta\\b|<\\s*o:p\\b|class\\s*=\\s*\"?Mso"
              + "|docs-internal-guid|<\\s*b\\s+(style|id)\\b",
          Pattern.CASE_INSENSITIVE);

  private final Workspace workspace;
  private final Path folder;
  private final String file;
  private final int bodyLine;
  private final List<Problem> problems;
  private final Bibliography bibliography;
  private final Glyphs glyphs;
  private final Set<String> templateParagraphs;
  private final int shortestTemplateParagraph;
  private final int longestTemplateParagraph;
  private final Set<Integer> pastedLines = new HashSet<>();

  /** Whether the body, or a directive's content parsed apart, has a template tag anywhere. */
  private final Map<Node, Boolean> templateTags = new IdentityHashMap<>();

  BodyCheck(
      Workspace workspace,
      Path folder,
      String file,
      int bodyLine,
      List<Problem> problems,
      Bibliography bibliography,
      Glyphs glyphs,
      Set<String> templateParagraphs) {
    this.workspace = workspace;
    this.folder = folder;
    this.file = file;
    this.bodyLine = bodyLine;
    this.problems = problems;
    this.bibliography = bibliography;
    this.glyphs = glyphs;
    this.templateParagraphs = templateParagraphs;
    this.shortestTemplateParagraph =
        templateParagraphs.stream().mapToInt(String::length).min().orElse(Integer.MAX_VALUE);
    this.longestTemplateParagraph =
        templateParagraphs.stream().mapToInt(String::length).max().orElse(0);
  }

  /** Checks a parsed body; reads its tree and changes nothing in it, so a render can reuse it. */
  void check(ParsedBody parsed) {
    String body = parsed.text();
    Document document = parsed.document();
    Targets targets = Targets.of(document);
    int previousLevel = 1; // the title is the document's only level 1
    Map<String, Node> footnotesUsed = new LinkedHashMap<>();
    for (Node node : Markdown.nodes(document)) {
      if (node instanceof Heading h) {
        previousLevel = checkHeading(h, previousLevel);
      } else if (node instanceof Image image) {
        checkImage(at(node), image.getUrl().toString(), image.getText().toString(), "![...](...)");
      } else if (node instanceof ImageRef ref) {
        checkImageRef(ref, document);
      } else if (node instanceof HtmlInline || node instanceof HtmlBlock) {
        checkHtml(node);
      } else if (node instanceof Directive d) {
        checkDirective(d);
      } else if (node instanceof Role role) {
        checkRole(role, targets);
      } else if (node instanceof MathSpan) {
        problems.add(
            Problem.error(
                at(node),
                "",
                "Mathematics written as $...$ cannot be typeset in PDFs yet and would be printed as"
                    + " its source. Write the formula in words, or show it as an image with alt"
                    + " text."));
      } else if (node instanceof Footnote f) {
        checkFootnote(f, footnotesUsed);
      } else if (node instanceof Link link) {
        checkLink(link);
      } else if (node instanceof Text text) {
        checkText(text);
      } else if (node instanceof Paragraph p) {
        checkPlaceholder(p);
      }
    }
    for (Node node : document.getDescendants()) {
      if (node instanceof FootnoteBlock block
          && !footnotesUsed.containsKey(block.getText().toString())) {
        problems.add(
            Problem.error(
                at(node),
                "",
                "The footnote [^"
                    + block.getText()
                    + "] is defined here but never used. Put [^"
                    + block.getText()
                    + "] in the text where the note belongs, or remove the definition."));
      }
    }
    for (Node duplicate : targets.duplicates()) {
      String label =
          duplicate instanceof Target t ? t.label() : ((Directive) duplicate).options().get("name");
      problems.add(
          Problem.error(
              at(duplicate),
              "",
              "The label '" + label + "' is used twice; give each target its own name."));
    }
    checkCharacters(body);
  }

  private Location at(Node node) {
    return new Location(file, bodyLine + Markdown.line(node), Markdown.column(node));
  }

  private int checkHeading(Heading h, int previousLevel) {
    int level = h.getLevel();
    if (level == 1) {
      problems.add(
          Problem.error(
              at(h),
              "",
              "Only the title may use '#', and the title comes first (or from the front matter)."
                  + " This heading is a section: write '## "
                  + h.getText()
                  + "' (and its parts '###')."));
      return 2;
    }
    if (level > previousLevel + 1) {
      problems.add(
          Problem.error(
              at(h),
              "",
              "The heading '"
                  + "#".repeat(level)
                  + " "
                  + h.getText()
                  + "' skips from level "
                  + previousLevel
                  + " to "
                  + level
                  + "; the PDF outline needs each level in turn. Use '"
                  + "#".repeat(previousLevel + 1)
                  + "' here."));
      return previousLevel + 1;
    }
    return level;
  }

  private void checkImageRef(ImageRef ref, Document document) {
    Reference target = ref.isDefined() ? ref.getReferenceNode(document) : null;
    if (target == null) {
      problems.add(
          Problem.error(
              at(ref),
              "",
              "The image reference ["
                  + ref.getReference()
                  + "] is not defined; add a line '["
                  + ref.getReference()
                  + "]: path/to/image.png' or write ![alt text](path/to/image.png)."));
      return;
    }
    String alt = ref.getText().toString();
    if (ref.isReferenceTextCombined() || alt.isBlank()) {
      // ![chart] and ![][chart]: the bracketed name is a key, not a description.
      alt = ref.isReferenceTextCombined() ? "" : alt;
    }
    checkImage(at(ref), target.getUrl().toString(), alt, "![...][" + ref.getReference() + "]");
  }

  private void checkHtml(Node node) {
    String html = node.getChars().toString();
    if (html.toLowerCase(Locale.ROOT).contains("<img")) {
      for (Element img : Jsoup.parseBodyFragment(html).select("img")) {
        checkImage(at(node), img.attr("src"), img.attr("alt"), "<img>");
      }
    }
    if (PASTED.matcher(html).find()) {
      if (!pastedLines.add(Markdown.line(node))) {
        return;
      }
      problems.add(
          Problem.warning(
              at(node),
              "",
              "This looks like HTML pasted from a word processor or Google Docs; the PDF drops its"
                  + " styling. Write it as Markdown instead (**bold**, *italic*, '## ' headings,"
                  + " '- ' lists), or bring the document in with ./casepress import."));
      return;
    }
    Matcher danger = DANGEROUS_TAG.matcher(html);
    if (danger.find()) {
      problems.add(
          Problem.warning(
              at(node),
              "",
              "The raw HTML <"
                  + danger.group(1).toLowerCase(Locale.ROOT)
                  + "> is left out of the PDF, which is made only from the case study's own text"
                  + " and files. Use Markdown instead."));
    }
  }

  private void checkDirective(Directive d) {
    String opening = String.valueOf(d.fence()).repeat(3) + "{" + d.name() + "}";
    if (!d.closed()) {
      problems.add(
          Problem.error(
              at(d),
              "",
              "The "
                  + opening
                  + " that opens here is never closed, so everything after it would become part of"
                  + " it. Add a line '"
                  + String.valueOf(d.fence()).repeat(3)
                  + "' where it ends."));
    }
    if (d.optionsProblem() != null) {
      problems.add(
          Problem.error(
              at(d), "", "In the " + opening + " directive, " + d.optionsProblem() + "."));
    }
    if (d.isImage()) {
      checkImage(at(d), d.argument(), d.options().getOrDefault("alt", ""), "{" + d.name() + "}");
    } else if (d.name().equals("include") || d.name().equals("literalinclude")) {
      problems.add(
          Problem.error(
              at(d),
              "",
              "The {"
                  + d.name()
                  + "} directive is not supported: a case study is one file. Paste the text of '"
                  + d.argument()
                  + "' here instead."));
    } else if (!d.supported()) {
      problems.add(
          Problem.error(
              at(d),
              "",
              "The MyST directive {"
                  + d.name()
                  + "} cannot be shown in PDFs"
                  + (d.holdsMarkdown()
                      ? " (its content would be printed in a plain box)"
                      : " (its source would be printed as code)")
                  + ". Use an admonition such as {note}, a {figure}, or plain Markdown."));
    }
  }

  private void checkRole(Role role, Targets targets) {
    String name = role.name();
    if (name.equals("ref") || name.equals("numref")) {
      if (targets.title(role.target()).isEmpty()) {
        String nearest = Suggest.nearest(role.target(), targets.labels());
        problems.add(
            Problem.error(
                at(role),
                "",
                "{"
                    + name
                    + "}`"
                    + role.content()
                    + "` points to '"
                    + role.target()
                    + "', which is not a label in this case study"
                    + (nearest != null ? "; did you mean '" + nearest + "'?" : ".")
                    + " Add a line '("
                    + role.target()
                    + ")=' above the heading or figure, or fix the name."));
      }
    } else if (CITE_ROLES.contains(name)) {
      checkCitation(role);
    } else if (name.equals("term")) {
      problems.add(
          Problem.error(
              at(role),
              "",
              "{term}`"
                  + role.content()
                  + "` refers to a glossary, which a case study PDF does not have. Write the term"
                  + " as plain text (or **bold** where it is defined)."));
    } else if (!PLAIN_ROLES.contains(name)) {
      problems.add(
          Problem.error(
              at(role),
              "",
              "The MyST role {"
                  + name
                  + "} cannot be shown in PDFs; its text would be printed as it is. Write '"
                  + role.content()
                  + "' as plain text."));
    }
  }

  private void checkCitation(Role role) {
    if (bibliography.file() == null) {
      problems.add(
          Problem.error(
              at(role),
              "",
              "{"
                  + role.name()
                  + "}`"
                  + role.content()
                  + "` cites a reference, but this case study's folder has no BibTeX file. Add"
                  + " references.bib with an entry for each key you cite."));
      return;
    }
    for (String key : Bibliography.keys(role.content())) {
      if (!bibliography.has(key)) {
        String nearest = Suggest.nearest(key, bibliography.keys());
        problems.add(
            Problem.error(
                at(role),
                "",
                "The citation key '"
                    + key
                    + "' is not in "
                    + bibliography.file()
                    + (nearest != null ? "; did you mean '" + nearest + "'?" : ".")
                    + " Add an entry @article{"
                    + key
                    + ", ...} there, or fix the key."));
      }
    }
  }

  private void checkFootnote(Footnote f, Map<String, Node> used) {
    String label = f.getText().toString();
    used.putIfAbsent(label, f);
    if (!f.isDefined()) {
      boolean nested = Markdown.isNested(f);
      problems.add(
          Problem.error(
              at(f),
              "",
              nested
                  ? "The footnote [^"
                      + label
                      + "] is inside a directive, where the PDF cannot link it to its note. Move"
                      + " the reference out of the directive, into the text around it."
                  : "The footnote [^"
                      + label
                      + "] has no note: add a line '[^"
                      + label
                      + "]: the note's text' at the end of the file, or remove the reference."));
    }
  }

  private void checkLink(Link link) {
    String href = link.getUrl().toString().strip();
    String lower = href.toLowerCase(Locale.ROOT);
    if (href.isEmpty()
        || href.startsWith("#")
        || lower.startsWith("http://")
        || lower.startsWith("https://")
        || lower.startsWith("mailto:")) {
      return;
    }
    problems.add(
        Problem.warning(
            at(link),
            "",
            "The link '"
                + href
                + "' points to another file, which a PDF cannot open; its text is kept without the"
                + " link. Link to a web address instead."));
  }

  private void checkText(Text text) {
    // A text node is a stretch of its document's source: most documents have no tag at all, and
    // then none of their thousands of text nodes needs to be turned into a String to look.
    if (!templateTags.computeIfAbsent(
        text.getDocument(), d -> holdsTemplateTags(Markdown.source(d)))) {
      return;
    }
    if (holdsTemplateTags(text.getChars().toString())) {
      problems.add(
          Problem.error(
              at(text),
              "",
              "Template tags such as '{% ... %}' or '{{ ... }}' belong to a website generator and"
                  + " would be printed as they are in the PDF. Remove them, or write out what they"
                  + " stand for."));
    }
  }

  private static boolean holdsTemplateTags(String s) {
    return s.contains("{%") || s.contains("{{");
  }

  private void checkPlaceholder(Paragraph p) {
    BasedSequence chars = p.getChars();
    // Collapsing whitespace only shortens: a paragraph shorter than every guidance text is none.
    if (chars.length() >= shortestTemplateParagraph
        && templateParagraphs.contains(collapseWhitespace(chars, longestTemplateParagraph))) {
      problems.add(
          Problem.error(
              at(p),
              "",
              "This is the template's guidance text, not the case study's: replace it with your"
                  + " own words."));
    }
  }

  /**
   * {@code text.toString().replaceAll("\\s+", " ").strip()}, as {@link Template} collapses its
   * paragraphs, without the regular expression: this runs on every paragraph of every body. Gives
   * up with "" once the result must be longer than {@code longest}: more characters than that which
   * are not whitespace, which neither collapsing nor stripping removes.
   */
  static String collapseWhitespace(CharSequence text, int longest) {
    StringBuilder out = new StringBuilder(Math.min(text.length(), longest + 16));
    boolean inRun = false;
    int solid = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      // The regular expression's \s: space, tab, line feed, vertical tab, form feed, return.
      if (c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r') {
        if (!inRun) {
          out.append(' ');
          inRun = true;
        }
        continue;
      }
      if (!Character.isWhitespace(c) && ++solid > longest) {
        return "";
      }
      out.append(c);
      inRun = false;
    }
    return out.toString().strip();
  }

  /**
   * Every character the bundled fonts cannot show, once per line, with its line and column in the
   * file. The fonts are asked once per distinct code point: a body has a few hundred of them in
   * tens of thousands of characters.
   */
  private void checkCharacters(String body) {
    BitSet shown = new BitSet();
    BitSet missing = new BitSet();
    Set<Integer> reportedOnLine = new HashSet<>();
    int line = 0;
    int lineStart = 0;
    for (int offset = 0; offset < body.length(); ) {
      int cp = body.codePointAt(offset);
      if (cp == '\n') {
        line++;
        lineStart = offset + 1;
        reportedOnLine.clear();
      } else if (fontsLack(cp, shown, missing) && reportedOnLine.add(cp)) {
        problems.add(
            Problem.error(
                new Location(file, bodyLine + line, body.codePointCount(lineStart, offset) + 1),
                "",
                "No font in the PDF can show "
                    + Glyphs.describe(cp)
                    + ". Replace it with words or a character the fonts have (emoji cannot be"
                    + " printed)."));
      }
      offset += Character.charCount(cp);
    }
  }

  /** {@link Glyphs#missing}, asked once per code point: each answer is kept in one of the sets. */
  private boolean fontsLack(int cp, BitSet shown, BitSet missing) {
    if (shown.get(cp)) {
      return false;
    }
    if (missing.get(cp)) {
      return true;
    }
    boolean lacks = glyphs.missing(cp);
    (lacks ? missing : shown).set(cp);
    return lacks;
  }

  private void checkImage(Location at, String rawUrl, String alt, String form) {
    String url = rawUrl.strip();
    if (alt == null || alt.isBlank()) {
      problems.add(
          Problem.error(
              at,
              "",
              "The image '"
                  + url
                  + "' has no alt text. Describe what it shows for readers who cannot see it: "
                  + (form.startsWith("{")
                      ? "add a line ':alt: ...' under the " + form + " line."
                      : form.startsWith("![...][")
                          ? "write ![what the image shows]["
                              + form.substring(7, form.length() - 1)
                              + "]."
                          : "write ![what the image shows](" + url + ").")));
    }
    ImagePath.Result result = ImagePath.resolve(folder, url);
    if (result.ok()) {
      return;
    }
    String message =
        switch (result.refusal()) {
          case EMPTY -> "An image has no path; write the path of an image file in this folder.";
          case REMOTE, OTHER_SCHEME ->
              (result.refusal() == ImagePath.Refusal.REMOTE
                      ? "The image '" + url + "' is on the web"
                      : "The image '" + url + "' uses a " + result.scheme() + ": address")
                  + ". Published PDFs must not depend on other sites: save the image into this case study's folder"
                  + " (e.g. figures/) and refer to it by its relative path.";
          case ABSOLUTE ->
              "The image path '"
                  + url
                  + "' is absolute; use a path relative to the case study folder, e.g. figures/chart.png.";
          case INVALID_NAME -> "The image path '" + url + "' is not a valid file name.";
          case OUTSIDE_FOLDER ->
              "The image '"
                  + url
                  + "' is outside this case study's folder. Copy it into the folder"
                  + " (e.g. figures/) so that the case study is complete on its own.";
          case MISSING ->
              "The image '"
                  + url
                  + "' does not exist (looked for "
                  + workspace.relative(folder.resolve(result.path()))
                  + "). Check the spelling and the folder.";
          case WRONG_CASE ->
              "The image '"
                  + url
                  + "' is named '"
                  + result.actual()
                  + "' in the folder. Capitals matter on the server that builds the PDFs: write '"
                  + result.actual()
                  + "'.";
          case UNREADABLE -> "The image '" + url + "' cannot be read.";
          case LINK_OUTSIDE ->
              "The image '"
                  + url
                  + "' is a link to a file outside this case study's folder. Replace the link"
                  + " with a copy of the file.";
          case NOT_A_FILE -> "The image path '" + url + "' is a folder, not an image file.";
          case NOT_AN_IMAGE ->
              "The image '"
                  + url
                  + "' is not a PNG, JPEG or GIF file"
                  + (url.toLowerCase(Locale.ROOT).endsWith(".svg")
                      ? " (SVG is not supported yet)"
                      : "")
                  + "; export it as PNG.";
          case DAMAGED, TOO_LARGE -> "The image '" + url + "' " + result.image().reason() + ".";
        };
    problems.add(Problem.error(at, "", message));
  }
}
