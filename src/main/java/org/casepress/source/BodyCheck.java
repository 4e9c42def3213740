package org.casepress.source;

import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.casepress.model.Location;
import org.casepress.model.Problem;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * Checks the Markdown body: headings the PDF can turn into an outline, and images that are in the
 * case study's folder and described for readers who cannot see them.
 */
final class BodyCheck {

  private final Workspace workspace;
  private final Path folder;
  private final String file;
  private final int bodyLine;
  private final List<Problem> problems;
  private String body;

  BodyCheck(Workspace workspace, Path folder, String file, int bodyLine, List<Problem> problems) {
    this.workspace = workspace;
    this.folder = folder;
    this.file = file;
    this.bodyLine = bodyLine;
    this.problems = problems;
  }

  void check(String body) {
    this.body = body;
    Document document = Markdown.parse(body);
    int previousLevel = 1; // the title, from the front matter, is the document's only level 1
    for (Node node : document.getDescendants()) {
      if (node instanceof Heading h) {
        previousLevel = checkHeading(h, previousLevel);
      } else if (node instanceof Image image) {
        checkImage(at(node), image.getUrl().toString(), image.getText().toString(), "![...](...)");
      } else if (node instanceof ImageRef ref) {
        if (ref.isDefined()) {
          continue;
        }
        problems.add(
            Problem.error(
                at(node),
                "",
                "The image reference ["
                    + ref.getReference()
                    + "] is not defined; add a line '["
                    + ref.getReference()
                    + "]: path/to/image.png' or write ![alt text](path/to/image.png)."));
      } else if (node instanceof HtmlInline || node instanceof HtmlBlock) {
        String html = node.getChars().toString();
        if (html.toLowerCase(Locale.ROOT).contains("<img")) {
          for (Element img : Jsoup.parseBodyFragment(html).select("img")) {
            checkImage(at(node), img.attr("src"), img.attr("alt"), "<img>");
          }
        }
      } else if (node instanceof FencedCodeBlock block) {
        MystDirective.of(block)
            .filter(d -> d.name().equals("figure") || d.name().equals("image"))
            .ifPresent(
                d ->
                    checkImage(
                        at(node),
                        d.argument(),
                        d.options().getOrDefault("alt", ""),
                        "{" + d.name() + "}"));
      }
    }
  }

  private Location at(Node node) {
    int offset = node.getStartOffset();
    int lineStart = body.lastIndexOf('\n', Math.max(0, offset - 1)) + 1;
    if (offset == 0) {
      lineStart = 0;
    }
    return new Location(file, bodyLine + node.getLineNumber(), offset - lineStart + 1);
  }

  private int checkHeading(Heading h, int previousLevel) {
    int level = h.getLevel();
    if (level == 1) {
      problems.add(
          Problem.error(
              at(h),
              "",
              "Top-level headings ('# "
                  + h.getText()
                  + "') are reserved for the title, which comes from the"
                  + " front matter. Start sections at '##' (and sub-sections at '###')."));
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
