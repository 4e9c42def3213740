package org.casepress.render;

import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.IndependentAttributeProviderFactory;
import com.vladsch.flexmark.html.renderer.LinkResolverContext;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.DataKey;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.casepress.source.Bibliography;
import org.casepress.source.Directive;
import org.casepress.source.Markdown;
import org.casepress.source.MathSpan;
import org.casepress.source.ParsedBody;
import org.casepress.source.Role;
import org.casepress.source.Target;
import org.casepress.source.Targets;

/**
 * A case study's Markdown as HTML for the PDF: the shared Markdown dialect (so what {@code check}
 * accepts is what is typeset) plus the MyST subset of docs/render.md#myst-support, handled on the
 * AST: admonitions, figures and images, {@code (label)=} targets, {@code {ref}} and other roles.
 * Elements that come from a place in the Markdown carry {@code data-line} (the 0-based body line)
 * so that later checks can say where a problem is.
 *
 * <p>Raw HTML is passed through here and cleaned afterwards by {@link AuthorHtml}.
 */
final class BodyHtml {
  static final String LINE = "data-line";

  private static final DataKey<Context> CONTEXT =
      new DataKey<>("CASEPRESS_CONTEXT", (Context) null, x -> null);

  private static final Pattern DANGEROUS_TAG =
      Pattern.compile(
          "<\\s*(script|iframe|frame|object|embed|link|style|meta|base|form|svg|math|video|audio|source)\\b",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern IMG_TAG = Pattern.compile("<img\\b", Pattern.CASE_INSENSITIVE);

  private static final DataHolder OPTIONS =
      new MutableDataSet(Markdown.OPTIONS)
          .set(HtmlRenderer.GENERATE_HEADER_ID, true)
          .set(HtmlRenderer.RENDER_HEADER_ID, true)
          // U+21A9 is not in the body font; an up arrow is, and says the same.
          .set(FootnoteExtension.FOOTNOTE_BACK_REF_STRING, "\u2191")
          // Form controls break PDF/UA; ballot boxes say the same in text.
          .set(TaskListExtension.ITEM_DONE_MARKER, "<span class=\"task done\">\u2611</span> ")
          .set(TaskListExtension.ITEM_NOT_DONE_MARKER, "<span class=\"task\">\u2610</span> ")
          .toImmutable();

  private static final HtmlRenderer RENDERER =
      HtmlRenderer.builder(OPTIONS)
          .nodeRendererFactory(options -> new MystRenderer())
          .attributeProviderFactory(
              new IndependentAttributeProviderFactory() {
                @Override
                public com.vladsch.flexmark.html.AttributeProvider apply(
                    LinkResolverContext context) {
                  return (node, part, attributes) -> {
                    Context c = context.getDocument().get(CONTEXT);
                    if (c == null) {
                      return;
                    }
                    if (node instanceof Image
                        || node instanceof ImageRef
                        || node instanceof Link
                        || node instanceof LinkRef) {
                      attributes.replaceValue(LINE, String.valueOf(Markdown.line(node)));
                    }
                    String label = c.targets.labelOf(node);
                    if (label != null) {
                      attributes.replaceValue("id", label);
                    }
                  };
                }
              })
          .build();

  /** The render of one Markdown text: what was found, and the case study's labels. */
  private record Context(Findings findings, Targets targets, References references) {}

  private BodyHtml() {}

  /** Renders a case study body without citations (lines counted from the body's first line). */
  static String render(String body, Findings findings) {
    return render(body, null, findings);
  }

  /**
   * Renders a case study body, with its citations resolved against the BibTeX file in {@code
   * folder} and the works cited listed at the end.
   */
  static String render(String body, Path folder, Findings findings) {
    return render(ParsedBody.parse(body), folder, findings);
  }

  /**
   * {@link #render(String, Path, Findings)} from the body's tree, parsed before (by check, in the
   * same command): the same HTML as from the text, however often the tree is rendered.
   */
  static String render(ParsedBody body, Path folder, Findings findings) {
    Document doc = body.document();
    References references = References.of(folder);
    Context context;
    String bodyHtml;
    // The render adds to the tree as it goes (ids, spaces, its context), so one at a time.
    synchronized (doc) {
      context = new Context(findings, Targets.of(doc), references);
      bodyHtml = render(doc, context);
    }
    StringBuilder html = new StringBuilder(bodyHtml);
    List<String> entries = context.references.entries();
    if (!entries.isEmpty()) {
      html.append("<div class=\"references\"><h2 id=\"references\">References</h2>");
      for (String entry : entries) {
        html.append("<p class=\"reference\">").append(entry).append("</p>");
      }
      html.append("</div>\n");
    }
    return html.toString();
  }

  /** Renders a short Markdown text such as the description, where MyST targets do not apply. */
  static String renderFragment(String markdown, Findings findings, int line) {
    Document doc = Markdown.parse(markdown, line);
    return render(doc, new Context(findings, Targets.of(doc), References.of(null)));
  }

  private static String render(Document doc, Context context) {
    LinkText.keepEdgeSpaces(doc);
    reportTemplates(doc, context);
    return withContext(doc, context);
  }

  /**
   * Renders a tree with the render's context, which is taken off again after: a tree kept for
   * another render (a final PDF rendered again in its turn) holds no findings of this one.
   */
  private static String withContext(Document doc, Context context) {
    doc.set(CONTEXT, context);
    try {
      return RENDERER.render(doc);
    } finally {
      doc.remove(CONTEXT);
    }
  }

  /** Site-generator syntax has no meaning in a PDF; say so once. */
  private static void reportTemplates(Document doc, Context context) {
    for (Node node : doc.getDescendants()) {
      if (node instanceof Text text && holdsTemplateTag(text.getChars())) {
        context.findings.warnOnce(
            "liquid",
            Markdown.line(node),
            "Template tags such as '{% ... %}' or '{{ ... }}' are printed as they are: PDFs are not built by a"
                + " website generator (reported once per case study).");
      }
    }
  }

  /**
   * Whether the text holds "{%" or "{{". Read in place: a flexmark sequence's {@code toString}
   * copies it letter by letter, and this runs for every text node of the body.
   */
  static boolean holdsTemplateTag(CharSequence text) {
    for (int i = 0, last = text.length() - 1; i < last; i++) {
      if (text.charAt(i) == '{') {
        char next = text.charAt(i + 1);
        if (next == '%' || next == '{') {
          return true;
        }
      }
    }
    return false;
  }

  private static final class MystRenderer implements NodeRenderer {
    @Override
    public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
      return Set.of(
          new NodeRenderingHandler<>(Directive.class, this::directive),
          new NodeRenderingHandler<>(Role.class, this::role),
          new NodeRenderingHandler<>(Target.class, (node, ctx, html) -> {}),
          new NodeRenderingHandler<>(MathSpan.class, this::math),
          new NodeRenderingHandler<>(HtmlBlock.class, (node, ctx, html) -> raw(node, ctx, html)),
          new NodeRenderingHandler<>(HtmlInline.class, (node, ctx, html) -> raw(node, ctx, html)));
    }

    private void raw(Node node, NodeRendererContext ctx, HtmlWriter html) {
      Context c = ctx.getDocument().get(CONTEXT);
      int line = Markdown.line(node);
      String source = node.getChars().toString();
      Matcher danger = DANGEROUS_TAG.matcher(source);
      if (danger.find()) {
        c.findings.warn(
            line,
            "The raw HTML <"
                + danger.group(1).toLowerCase(Locale.ROOT)
                + "> is left out of the PDF: PDFs are"
                + " made only from the case study's own text and files. Use Markdown instead.");
      }
      String withLines = IMG_TAG.matcher(source).replaceAll("<img " + LINE + "=\"" + line + "\"");
      if (node instanceof HtmlBlock) {
        html.line();
        html.raw(withLines);
        html.line();
      } else {
        html.raw(withLines);
      }
    }

    /** Formulas are not typeset yet: shown as their source, and refused by check. */
    private void math(MathSpan math, NodeRendererContext ctx, HtmlWriter html) {
      Context c = ctx.getDocument().get(CONTEXT);
      c.findings.warnOnce(
          "math",
          Markdown.line(math),
          "Mathematics written as $...$ is printed as its source text; formulas are not supported in"
              + " PDFs yet (reported once per case study).");
      html.tag("code");
      html.text(math.tex());
      html.tag("/code");
    }

    private void role(Role role, NodeRendererContext ctx, HtmlWriter html) {
      Context c = ctx.getDocument().get(CONTEXT);
      String target = role.target();
      String text = role.explicitText() == null ? target : role.explicitText();
      switch (role.name()) {
        case "ref", "numref" -> {
          String title = c.targets.title(target).orElse(null);
          if (title == null) {
            c.findings.warn(
                Markdown.line(role),
                "{"
                    + role.name()
                    + "}`"
                    + role.content()
                    + "` points to '"
                    + target
                    + "', which is not a label in this"
                    + " case study. Add a line '("
                    + target
                    + ")=' above the heading, or fix the name.");
            html.text(text);
          } else {
            html.attr("href", "#" + target).withAttr().tag("a");
            html.text(role.explicitText() != null ? role.explicitText() : title);
            html.tag("/a");
          }
        }
        case "cite", "cite:p", "cite:ps", "cite:t", "cite:ts" -> cite(role, c, html);
        case "sup", "sub" -> {
          html.tag(role.name());
          html.text(role.content());
          html.tag("/" + role.name());
        }
        case "code", "command", "file", "kbd", "samp" -> {
          html.tag("code");
          html.text(role.content());
          html.tag("/code");
        }
        default -> {
          c.findings.warnOnce(
              "role:" + role.name(),
              Markdown.line(role),
              "The MyST role {"
                  + role.name()
                  + "} is not supported in PDFs; its text is printed as it is"
                  + " (reported once per case study).");
          html.text(role.content());
        }
      }
    }

    private static void cite(Role role, Context c, HtmlWriter html) {
      List<String> keys = Bibliography.keys(role.content());
      List<String> unknown = keys.stream().filter(k -> !c.references.has(k)).toList();
      if (keys.isEmpty() || !unknown.isEmpty()) {
        c.findings.missing(
            Markdown.line(role),
            "",
            "The citation {"
                + role.name()
                + "}`"
                + role.content()
                + "` names "
                + (keys.isEmpty()
                    ? "no key"
                    : "keys not in the case study's BibTeX file: " + unknown)
                + "; it is printed as it is.");
        html.text(role.content());
        return;
      }
      html.raw(
          role.name().startsWith("cite:t")
              ? c.references.textual(keys)
              : c.references.parenthetical(keys));
    }

    private void directive(Directive d, NodeRendererContext ctx, HtmlWriter html) {
      Context c = ctx.getDocument().get(CONTEXT);
      int line = Markdown.line(d);
      String label = c.targets.labelOf(d);
      String id = d.options().getOrDefault("name", label);
      String name = d.name();
      if (!d.closed()) {
        c.findings.warn(
            line,
            "The {"
                + name
                + "} directive is never closed, so everything after it is inside it. Add a line '"
                + String.valueOf(d.fence()).repeat(3)
                + "' where it ends.");
      }
      if (Directive.ADMONITIONS.contains(name)) {
        String title = name.equals("admonition") ? d.argument() : title(name);
        String argument =
            name.equals("admonition") || d.argument().isEmpty()
                ? ""
                : renderFragment(d.argument(), c.findings, line);
        box(html, "admonition " + name, id, title, argument + nested(d, c));
      } else if (d.isImage()) {
        figure(html, d, id, line, c);
      } else if (Directive.CODE.contains(name)) {
        code(html, d.argument(), d.content(), id);
      } else if (!d.holdsMarkdown()) {
        c.findings.warnOnce(
            "directive:" + name,
            line,
            "The {"
                + name
                + "} directive is not supported yet in PDFs; its source is printed as code"
                + " (reported once per case study).");
        code(html, name, d.content(), id);
      } else {
        c.findings.warnOnce(
            "directive:" + name,
            line,
            "The MyST directive {"
                + name
                + "} is not supported in PDFs; its content is printed in a plain box"
                + " (reported once per case study).");
        box(html, "directive", id, d.argument().isEmpty() ? null : d.argument(), nested(d, c));
      }
    }

    private static String nested(Directive d, Context c) {
      reportTemplates(d.body(), c);
      return withContext(d.body(), c);
    }

    private static void figure(HtmlWriter html, Directive d, String id, int line, Context c) {
      if (id != null) {
        html.attr("id", id);
      }
      html.attr("class", "figure").withAttr().tag("figure");
      html.attr("src", d.argument());
      html.attr("alt", d.options().getOrDefault("alt", ""));
      html.attr(LINE, String.valueOf(line));
      String width = d.options().get("width");
      if (width != null && width.matches("\\d{1,3}(\\.\\d+)?%|\\d{1,4}px")) {
        html.attr("data-width", width);
      }
      html.withAttr().tagVoid("img");
      if (d.name().equals("figure")) {
        String number =
            "<span class=\"figure-number\">Figure " + c.targets.figureNumber(d) + ".</span> ";
        String caption = nested(d, c).strip();
        html.tag("figcaption");
        html.raw(
            caption.startsWith("<p>")
                ? "<p>" + number + caption.substring(3)
                : "<p>" + number + "</p>" + caption);
        html.tag("/figcaption");
      }
      html.tag("/figure");
    }

    private static void code(HtmlWriter html, String language, String content, String id) {
      if (id != null) {
        html.attr("id", id);
      }
      html.withAttr().tag("pre");
      if (!language.isEmpty()) {
        html.attr("class", "language-" + language.split("\\s+")[0]);
      }
      html.withAttr().tag("code");
      html.text(content);
      html.tag("/code");
      html.tag("/pre");
    }

    private static void box(
        HtmlWriter html, String cssClass, String id, String title, String contentHtml) {
      if (id != null) {
        html.attr("id", id);
      }
      html.attr("class", cssClass).withAttr().tag("div");
      if (title != null && !title.isEmpty()) {
        html.attr("class", "admonition-title").withAttr().tag("p");
        html.text(title);
        html.tag("/p");
      }
      html.raw(contentHtml);
      html.tag("/div");
      html.line();
    }

    private static String title(String name) {
      return name.equals("seealso")
          ? "See also"
          : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
  }
}
