package org.casepress.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.vladsch.flexmark.parser.InlineParser;
import com.vladsch.flexmark.parser.InlineParserExtension;
import com.vladsch.flexmark.parser.InlineParserExtensionFactory;
import com.vladsch.flexmark.parser.LightInlineParser;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.AbstractBlockParser;
import com.vladsch.flexmark.parser.block.AbstractBlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockContinue;
import com.vladsch.flexmark.parser.block.BlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockStart;
import com.vladsch.flexmark.parser.block.CustomBlockParserFactory;
import com.vladsch.flexmark.parser.block.MatchedBlockParser;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.parser.core.FencedCodeBlockParser;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The MyST subset as flexmark parsers, so that every reader of a case study (check, render, import)
 * sees the same nodes: {@link Directive} blocks in backtick and colon fences, {@link Target} lines,
 * {@link Role} and {@link MathSpan} inlines.
 */
final class MystExtension implements Parser.ParserExtension {
  private static final Pattern OPENING =
      Pattern.compile("^(`{3,}|:{3,})[ \\t]*\\{([A-Za-z][\\w:.-]*)\\}(.*)$");
  private static final Pattern COLON_OPTION = Pattern.compile("^:([A-Za-z][\\w-]*):(.*)$");
  private static final Pattern TARGET = Pattern.compile("^\\(([^()\\s]+)\\)=\\s*$");
  private static final Pattern ROLE =
      Pattern.compile("\\{([A-Za-z][\\w:.+-]*)\\}(`+)([\\s\\S]*?[^`])\\2(?!`)");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  static MystExtension create() {
    return new MystExtension();
  }

  @Override
  public void parserOptions(MutableDataHolder options) {}

  @Override
  public void extend(Parser.Builder builder) {
    builder.customBlockParserFactory(new DirectiveFactory());
    builder.customBlockParserFactory(new TargetFactory());
    builder.customInlineParserExtensionFactory(new InlineFactory("{", MystExtension::parseRole));
    builder.customInlineParserExtensionFactory(new InlineFactory("$", MystExtension::parseMath));
  }

  /**
   * Starts a block on a line indented less than four spaces. Runs before the fenced code parser,
   * which would otherwise take backtick directives.
   */
  private abstract static class BeforeFencedCode implements CustomBlockParserFactory {
    /** The block that starts on this line (its text stripped), or null. */
    abstract BlockStart start(ParserState state, BasedSequence text);

    @Override
    public BlockParserFactory apply(DataHolder options) {
      return new AbstractBlockParserFactory(options) {
        @Override
        public BlockStart tryStart(ParserState state, MatchedBlockParser matched) {
          if (state.getIndent() >= 4) {
            return BlockStart.none();
          }
          BasedSequence line = state.getLine();
          BlockStart start = start(state, line.subSequence(state.getNextNonSpaceIndex()).trimEnd());
          return start == null ? BlockStart.none() : start.atIndex(line.length());
        }
      };
    }

    @Override
    public Set<Class<?>> getAfterDependents() {
      return null;
    }

    @Override
    public Set<Class<?>> getBeforeDependents() {
      return Set.of(FencedCodeBlockParser.Factory.class);
    }

    @Override
    public boolean affectsGlobalScope() {
      return false;
    }
  }

  private static final class DirectiveFactory extends BeforeFencedCode {
    @Override
    BlockStart start(ParserState state, BasedSequence rest) {
      Matcher m = OPENING.matcher(rest);
      if (!m.matches() || (m.group(1).charAt(0) == '`' && m.group(3).contains("`"))) {
        return null;
      }
      return BlockStart.of(
          new DirectiveParser(
              new Directive(
                  m.group(2).toLowerCase(java.util.Locale.ROOT),
                  m.group(3).strip(),
                  m.group(1).charAt(0)),
              rest,
              state.getLineNumber(),
              m.group(1).length(),
              state.getIndent()));
    }
  }

  private static final class DirectiveParser extends AbstractBlockParser {
    private final Directive block;
    private final BasedSequence opening;
    private final int openingLine;
    private final int fenceLength;
    private final int fenceIndent;
    private final List<String> lines = new ArrayList<>();
    private final List<Integer> lineNumbers = new ArrayList<>();
    private int end;
    private boolean closed;

    DirectiveParser(
        Directive block, BasedSequence opening, int openingLine, int fenceLength, int fenceIndent) {
      this.block = block;
      this.opening = opening;
      this.openingLine = openingLine;
      this.fenceLength = fenceLength;
      this.fenceIndent = fenceIndent;
      this.end = opening.getEndOffset();
    }

    @Override
    public Block getBlock() {
      return block;
    }

    @Override
    public BlockContinue tryContinue(ParserState state) {
      BasedSequence line = state.getLine();
      if (state.getIndent() < 4) {
        BasedSequence rest = line.subSequence(state.getNextNonSpaceIndex()).trimEnd();
        if (rest.length() >= fenceLength && rest.countLeading(block.fence()) == rest.length()) {
          end = rest.getEndOffset();
          closed = true;
          return BlockContinue.finished();
        }
      }
      int index = state.getIndex();
      for (int n = fenceIndent; n > 0 && index < line.length() && line.charAt(index) == ' '; n--) {
        index++;
      }
      return BlockContinue.atIndex(index);
    }

    @Override
    public void addLine(ParserState state, BasedSequence line) {
      if (line.getStartOffset() <= opening.getEndOffset()) {
        return; // the rest of the opening line, already read
      }
      lines.add(line.trimEOL().toString());
      lineNumbers.add(state.getLineNumber());
      end = Math.max(end, line.trimEOL().getEndOffset());
    }

    @Override
    public void closeBlock(ParserState state) {
      Map<String, String> options = new LinkedHashMap<>();
      String problem = null;
      int i = 0;
      if (!lines.isEmpty() && lines.get(0).strip().equals("---")) {
        int close = 1;
        while (close < lines.size() && !lines.get(close).strip().equals("---")) {
          close++;
        }
        if (close == lines.size()) {
          problem = "the option block that starts with '---' is never closed by another '---' line";
        } else {
          problem = readYamlOptions(String.join("\n", lines.subList(1, close)), options);
          i = close + 1;
        }
      } else {
        Matcher m;
        while (i < lines.size() && (m = COLON_OPTION.matcher(lines.get(i).strip())).matches()) {
          options.put(m.group(1).toLowerCase(java.util.Locale.ROOT), m.group(2).strip());
          i++;
        }
      }
      while (i < lines.size() && lines.get(i).isBlank()) {
        i++;
      }
      int last = lines.size();
      while (last > i && lines.get(last - 1).isBlank()) {
        last--;
      }
      String content = String.join("\n", lines.subList(i, last));
      int contentLine = i < lineNumbers.size() ? lineNumbers.get(i) : openingLine + 1;
      block.complete(
          opening.baseSubSequence(opening.getStartOffset(), end),
          options,
          problem,
          content,
          contentLine,
          closed);
    }

    private static String readYamlOptions(String yaml, Map<String, String> options) {
      if (yaml.isBlank()) {
        return null;
      }
      try {
        JsonNode tree = YAML.readTree(yaml);
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
          return null;
        }
        if (!tree.isObject()) {
          return "the option block is not a list of 'key: value' lines";
        }
        tree.fields()
            .forEachRemaining(
                e ->
                    options.put(
                        e.getKey().toLowerCase(java.util.Locale.ROOT),
                        e.getValue().isValueNode()
                            ? e.getValue().asText()
                            : e.getValue().toString()));
        return null;
      } catch (IOException e) {
        String message =
            e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
        return "the option block is not valid YAML (" + message + ")";
      }
    }
  }

  private static final class TargetFactory extends BeforeFencedCode {
    @Override
    BlockStart start(ParserState state, BasedSequence rest) {
      Matcher m = TARGET.matcher(rest);
      if (!m.matches()) {
        return null;
      }
      Target target = new Target(rest, m.group(1));
      return BlockStart.of(
          new AbstractBlockParser() {
            @Override
            public Block getBlock() {
              return target;
            }

            @Override
            public BlockContinue tryContinue(ParserState s) {
              return BlockContinue.none();
            }

            @Override
            public void closeBlock(ParserState s) {}
          });
    }
  }

  /** An inline parser that starts at one of {@code characters}. */
  private static final class InlineFactory implements InlineParserExtensionFactory {
    private final String characters;
    private final Predicate<LightInlineParser> parse;

    InlineFactory(String characters, Predicate<LightInlineParser> parse) {
      this.characters = characters;
      this.parse = parse;
    }

    @Override
    public CharSequence getCharacters() {
      return characters;
    }

    @Override
    public InlineParserExtension apply(LightInlineParser inlineParser) {
      return new InlineParserExtension() {
        @Override
        public void finalizeDocument(InlineParser p) {}

        @Override
        public void finalizeBlock(InlineParser p) {}

        @Override
        public boolean parse(LightInlineParser p) {
          return parse.test(p);
        }
      };
    }

    @Override
    public Set<Class<?>> getAfterDependents() {
      return null;
    }

    @Override
    public Set<Class<?>> getBeforeDependents() {
      return null;
    }

    @Override
    public boolean affectsGlobalScope() {
      return false;
    }
  }

  private static boolean parseRole(LightInlineParser p) {
    BasedSequence input = p.getInput();
    Matcher m = ROLE.matcher(input);
    m.region(p.getIndex(), input.length());
    if (!m.lookingAt()) {
      return false;
    }
    p.flushTextNode();
    p.getBlock()
        .appendChild(
            new Role(input.subSequence(m.start(), m.end()), m.group(1), m.group(3).strip()));
    p.setIndex(m.end());
    return true;
  }

  /**
   * {@code $...$} and {@code $$...$$} as MyST's dollarmath reads them: an opening '$' not followed
   * by a space, a closing '$' not preceded by a space nor followed by a digit, so that "$5 and $10"
   * stays text.
   */
  private static boolean parseMath(LightInlineParser p) {
    BasedSequence input = p.getInput();
    int start = p.getIndex();
    boolean display = start + 1 < input.length() && input.charAt(start + 1) == '$';
    int from = start + (display ? 2 : 1);
    int close = display ? closingDisplay(input, from) : closingInline(input, from);
    if (close < 0) {
      return false;
    }
    int after = close + (display ? 2 : 1);
    p.flushTextNode();
    p.getBlock()
        .appendChild(
            new MathSpan(
                input.subSequence(start, after),
                input.subSequence(from, close).toString().strip(),
                display));
    p.setIndex(after);
    return true;
  }

  private static int closingDisplay(BasedSequence s, int from) {
    int close = s.indexOf("$$", from);
    return close > from && !s.subSequence(from, close).isBlank() ? close : -1;
  }

  private static int closingInline(BasedSequence s, int from) {
    if (from >= s.length() || Character.isWhitespace(s.charAt(from)) || s.charAt(from) == '$') {
      return -1;
    }
    for (int i = from + 1; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\n' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
        return -1;
      }
      if (c == '$'
          && s.charAt(i - 1) != '\\'
          && !Character.isWhitespace(s.charAt(i - 1))
          && (i + 1 >= s.length() || !Character.isDigit(s.charAt(i + 1)))) {
        return i;
      }
    }
    return -1;
  }
}
