package org.casepress.render;

import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.Paragraph;
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
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.casepress.source.Markdown;
import org.casepress.source.MystDirective;

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

  private static final Set<String> ADMONITIONS =
      Set.of(
          "note",
          "tip",
          "warning",
          "important",
          "caution",
          "attention",
          "danger",
          "hint",
          "seealso",
          "error",
          "admonition");
  private static final Set<String> CODE_DIRECTIVES =
      Set.of("code", "code-block", "code-cell", "sourcecode");
  private static final Pattern LABEL = Pattern.compile("^\\(([^()\\s]+)\\)=\\s*$");
  private static final Pattern ROLE = Pattern.compile("\\{([A-Za-z][\\w:.-]*)\\}$");
  private static final Pattern ROLE_TARGET =
      Pattern.compile("^(.*?)\\s*<([^<>]+)>$", Pattern.DOTALL);
  private static final Pattern COLON_FENCE = Pattern.compile("^(\\s{0,3})(:{3,})(.*)$");
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
                    if (node instanceof Image || node instanceof ImageRef) {
                      attributes.replaceValue(LINE, String.valueOf(c.line(node)));
                    }
                    String label = c.labels.nodeLabels.get(node);
                    if (label != null) {
                      attributes.replaceValue("id", label);
                    }
                  };
                }
              })
          .build();

  /** Labels (MyST targets) of one case study, shared by the nested renders of its directives. */
  static final class Labels {
    final Map<Node, String> nodeLabels = new HashMap<>();
    final Map<String, String> titles = new HashMap<>();

    /** Figures rendered so far, for their numbers; the same order as the labels were counted. */
    int figures;
  }

  /** The render of one Markdown text: where its line 0 is in the body, and what was found. */
  private record Context(int lineOffset, Findings findings, Labels labels) {
    int line(Node node) {
      return lineOffset + node.getLineNumber();
    }
  }

  private BodyHtml() {}

  /** Renders a case study body (lines counted from the body's first line). */
  static String render(String body, Findings findings) {
    return render(toBacktickFences(body), 0, findings, new Labels(), true);
  }

  /** Renders a short Markdown text such as the description, where MyST targets do not apply. */
  static String renderFragment(String markdown, Findings findings, int line) {
    return render(toBacktickFences(markdown), line, findings, new Labels(), false);
  }

  private static String render(
      String markdown, int lineOffset, Findings findings, Labels labels, boolean collect) {
    Document doc = Markdown.parse(markdown);
    Context context = new Context(lineOffset, findings, labels);
    if (collect) {
      collectLabels(doc, context);
    }
    rewriteRoles(doc);
    LinkText.keepEdgeSpaces(doc);
    reportTemplates(doc, context);
    doc.set(CONTEXT, context);
    return RENDERER.render(doc);
  }

  /**
   * MyST colon fences ({@code :::{note}}) become backtick fences of the same lines, so that the one
   * Markdown parser sees them as directives. More colons mean an outer fence; backticks keep that
   * order, three more than the colons so that an inner code fence cannot close them.
   */
  static String toBacktickFences(String markdown) {
    if (!markdown.contains(":::")) {
      return markdown;
    }
    String[] lines = markdown.split("\n", -1);
    List<Integer> open = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      Matcher m = COLON_FENCE.matcher(lines[i]);
      if (!m.matches()) {
        continue;
      }
      int colons = m.group(2).length();
      String rest = m.group(3).strip();
      if (rest.startsWith("{")) {
        open.add(colons);
        lines[i] = m.group(1) + "`".repeat(colons + 3) + rest;
      } else if (rest.isEmpty() && !open.isEmpty() && colons >= open.get(open.size() - 1)) {
        int opened = open.remove(open.size() - 1);
        lines[i] = m.group(1) + "`".repeat(opened + 3);
      }
    }
    return String.join("\n", lines);
  }

  /** {@code (label)=} lines become ids of the block that follows; headings give link texts. */
  private static void collectLabels(Document doc, Context context) {
    List<Paragraph> targets = new ArrayList<>();
    int figures = 0;
    for (Node node : doc.getDescendants()) {
      if (node instanceof Paragraph p
          && p.getFirstChild() instanceof Text t
          && t.getNext() == null) {
        Matcher m = LABEL.matcher(t.getChars().toString().strip());
        if (m.matches()) {
          targets.add(p);
          Node next = p.getNext();
          if (next != null) {
            context.labels.nodeLabels.put(next, m.group(1));
            context.labels.titles.put(
                m.group(1), next instanceof Heading h ? h.getText().toString() : m.group(1));
          }
        }
      } else if (node instanceof FencedCodeBlock block) {
        MystDirective d = MystDirective.of(block).orElse(null);
        if (d != null && d.name().equals("figure")) {
          figures++;
        }
        if (d != null && d.options().containsKey("name")) {
          String name = d.options().get("name");
          context.labels.titles.put(name, d.name().equals("figure") ? "Figure " + figures : name);
        }
      }
    }
    targets.forEach(Node::unlink);
  }

  /** Site-generator syntax (Liquid tags, TeX math) has no meaning in a PDF; say so once. */
  private static void reportTemplates(Document doc, Context context) {
    for (Node node : doc.getDescendants()) {
      if (!(node instanceof Text text)) {
        continue;
      }
      String s = text.getChars().toString();
      if (s.contains("{%") || s.contains("{{")) {
        context.findings.warnOnce(
            "liquid",
            context.line(node),
            "Template tags such as '{% ... %}' or '{{ ... }}' are printed as they are: PDFs are not built by a"
                + " website generator (reported once per case study).");
      }
      if (s.contains("$$")) {
        context.findings.warnOnce(
            "math",
            context.line(node),
            "Mathematics written as $$...$$ is printed as its source text; formulas are not supported in PDFs yet"
                + " (reported once per case study).");
      }
    }
  }

  /** {@code {role}`text`} arrives as text ending in "{role}" and a code span; join them. */
  private static void rewriteRoles(Document doc) {
    List<Code> codes = new ArrayList<>();
    for (Node node : doc.getDescendants()) {
      if (node instanceof Code code && code.getPrevious() instanceof Text) {
        codes.add(code);
      }
    }
    for (Code code : codes) {
      Text text = (Text) code.getPrevious();
      BasedSequence chars = text.getChars();
      Matcher m = ROLE.matcher(chars);
      if (!m.find()) {
        continue;
      }
      text.setChars(chars.subSequence(0, m.start()));
      MystRole role = new MystRole(m.group(1), code.getText().toString(), code.getChars());
      code.insertBefore(role);
      code.unlink();
    }
  }

  /** A MyST role such as {@code {ref}`label`}. */
  static final class MystRole extends Node {
    final String name;
    final String content;

    MystRole(String name, String content, BasedSequence chars) {
      super(chars);
      this.name = name;
      this.content = content;
    }

    @Override
    public BasedSequence[] getSegments() {
      return EMPTY_SEGMENTS;
    }
  }

  private static final class MystRenderer implements NodeRenderer {
    @Override
    public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
      return Set.of(
          new NodeRenderingHandler<>(FencedCodeBlock.class, this::fenced),
          new NodeRenderingHandler<>(MystRole.class, this::role),
          new NodeRenderingHandler<>(HtmlBlock.class, (node, ctx, html) -> raw(node, ctx, html)),
          new NodeRenderingHandler<>(HtmlInline.class, (node, ctx, html) -> raw(node, ctx, html)));
    }

    private void raw(Node node, NodeRendererContext ctx, HtmlWriter html) {
      Context c = ctx.getDocument().get(CONTEXT);
      String source = node.getChars().toString();
      Matcher danger = DANGEROUS_TAG.matcher(source);
      if (danger.find()) {
        c.findings.warn(
            c.line(node),
            "The raw HTML <"
                + danger.group(1).toLowerCase(Locale.ROOT)
                + "> is left out of the PDF: PDFs are"
                + " made only from the case study's own text and files. Use Markdown instead.");
      }
      String withLines =
          IMG_TAG.matcher(source).replaceAll("<img " + LINE + "=\"" + c.line(node) + "\"");
      if (node instanceof HtmlBlock) {
        html.line();
        html.raw(withLines);
        html.line();
      } else {
        html.raw(withLines);
      }
    }

    private void role(MystRole role, NodeRendererContext ctx, HtmlWriter html) {
      Context c = ctx.getDocument().get(CONTEXT);
      String text = role.content;
      String target = text;
      Matcher m = ROLE_TARGET.matcher(text);
      if (m.matches()) {
        text = m.group(1);
        target = m.group(2);
      }
      switch (role.name) {
        case "ref", "numref" -> {
          String title = c.labels.titles.get(target);
          if (title == null) {
            c.findings.warn(
                c.line(role),
                "{"
                    + role.name
                    + "}`"
                    + role.content
                    + "` points to '"
                    + target
                    + "', which is not a label in this"
                    + " case study. Add a line '("
                    + target
                    + ")=' above the heading, or fix the name.");
            html.text(m.matches() ? text : target);
          } else {
            html.attr("href", "#" + target).withAttr().tag("a");
            html.text(m.matches() && !text.isEmpty() ? text : title);
            html.tag("/a");
          }
        }
        case "sup", "sub" -> {
          html.tag(role.name);
          html.text(text);
          html.tag("/" + role.name);
        }
        case "code", "command", "file", "kbd", "samp" -> {
          html.tag("code");
          html.text(text);
          html.tag("/code");
        }
        case "abbr", "term", "doc", "download", "cite", "math", "eq", "dfn" -> {
          c.findings.warnOnce(
              "role:" + role.name,
              c.line(role),
              "The MyST role {"
                  + role.name
                  + "} is not supported yet in PDFs; its text is printed as it is"
                  + " (reported once per case study).");
          if (role.name.equals("math")) {
            html.tag("code");
            html.text(text);
            html.tag("/code");
          } else {
            html.text(text);
          }
        }
        default -> {
          c.findings.warnOnce(
              "role:" + role.name,
              c.line(role),
              "The MyST role {"
                  + role.name
                  + "} is unknown; its text is printed as it is (reported once per"
                  + " case study).");
          html.text(text);
        }
      }
    }

    private void fenced(FencedCodeBlock block, NodeRendererContext ctx, HtmlWriter html) {
      Context c = ctx.getDocument().get(CONTEXT);
      MystDirective d = MystDirective.of(block).orElse(null);
      if (d == null) {
        ctx.delegateRender();
        return;
      }
      int line = c.line(block);
      int contentLine = c.lineOffset + d.contentLine();
      String label = c.labels.nodeLabels.get(block);
      String id = d.options().getOrDefault("name", label);
      String name = d.name().toLowerCase(Locale.ROOT);
      if (ADMONITIONS.contains(name)) {
        String title = name.equals("admonition") ? d.argument() : title(name);
        String content =
            name.equals("admonition") || d.argument().isEmpty()
                ? d.content()
                : d.argument() + "\n\n" + d.content();
        box(
            html,
            "admonition " + name,
            id,
            title,
            render(content, contentLine, c.findings, c.labels, false));
      } else if (name.equals("figure") || name.equals("image")) {
        figure(html, d, id, line, contentLine, c);
      } else if (CODE_DIRECTIVES.contains(name)) {
        code(html, d.argument(), d.content(), id);
      } else if (name.equals("math") || name.equals("mermaid")) {
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
                + d.name()
                + "} is not supported in PDFs; its content is printed in a plain box"
                + " (reported once per case study).");
        box(
            html,
            "directive",
            id,
            d.argument().isEmpty() ? null : d.argument(),
            render(d.content(), contentLine, c.findings, c.labels, false));
      }
    }

    private static void figure(
        HtmlWriter html, MystDirective d, String id, int line, int contentLine, Context c) {
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
            "<span class=\"figure-number\">Figure " + (++c.labels.figures) + ".</span> ";
        String caption = render(d.content(), contentLine, c.findings, c.labels, false).strip();
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
