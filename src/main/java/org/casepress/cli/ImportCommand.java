package org.casepress.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.casepress.importer.Imported;
import org.casepress.importer.Importer;
import org.casepress.importer.Note;
import org.casepress.model.Problem;

/** {@code import FILE [--slug S] [--as PERSON]}: a Word, web page or Markdown draft to a folder. */
final class ImportCommand implements Command {

  @Override
  public String name() {
    return "import";
  }

  @Override
  public String synopsis() {
    return "FILE [--slug NAME] [--as PERSON]";
  }

  @Override
  public String summary() {
    return "turn a Word (.docx), Google Docs web page (.html) or Markdown draft into a case study";
  }

  @Override
  public Options options() {
    return new Options()
        .addOption(
            Option.builder()
                .longOpt("slug")
                .hasArg()
                .argName("NAME")
                .desc("the new folder's name under case-studies/ (default: made from the title)")
                .get())
        .addOption(ReviewCommands.asOption());
  }

  @Override
  public int run(Invocation in) {
    List<String> args = in.args();
    if (args.size() != 1) {
      throw CommandException.usage(
          "Name exactly one draft to import, e.g. ./casepress import \"My draft.docx\".");
    }
    Imported imported =
        new Importer(in.workspace())
            .importDraft(in.cwdPath(args.get(0)), in.line().getOptionValue("slug"), in.actorId());
    if (in.json()) {
      in.printJson(json(imported));
    } else {
      print(in, imported);
    }
    return ExitCode.OK;
  }

  private static Map<String, Object> json(Imported imported) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("ok", imported.checksOut());
    r.put("slug", imported.slug());
    r.put("folder", imported.folder());
    r.put("format", imported.format().name().toLowerCase(java.util.Locale.ROOT));
    r.put("files", imported.files());
    r.put(
        "notes",
        imported.notes().stream()
            .map(
                n ->
                    Map.of(
                        "kind", n.kind().name().toLowerCase(java.util.Locale.ROOT),
                        "where", n.where(),
                        "message", n.message()))
            .toList());
    r.put("problems", imported.problems().stream().map(CheckCommand::json).toList());
    return r;
  }

  private static void print(Invocation in, Imported imported) {
    in.out()
        .println(
            "Imported "
                + imported.format().description()
                + " into "
                + imported.folder()
                + "/: "
                + String.join(", ", imported.files())
                + ".");
    section(in, imported, Note.Kind.NOT_IMPORTED, "Not imported (look at these in your draft):");
    section(in, imported, Note.Kind.CHANGED, "Changed on the way (review these):");
    section(in, imported, Note.Kind.TO_ADD, "To add (only you know these):");
    in.out().println();
    ProblemPrinter.print(in.out(), imported.problems());
    long errors = imported.problems().stream().filter(Problem::isError).count();
    String check = "./casepress check " + imported.slug();
    in.out()
        .println(
            errors == 0
                ? "It checks out. Review it, then run " + check + " after each change."
                : "check found "
                    + CheckCommand.plural(errors, "error")
                    + " (above): fix them in "
                    + imported.folder()
                    + "/case-study.md and run "
                    + check
                    + ".");
  }

  private static void section(Invocation in, Imported imported, Note.Kind kind, String heading) {
    List<Note> notes = imported.notes().stream().filter(n -> n.kind() == kind).toList();
    if (notes.isEmpty()) {
      return;
    }
    in.out().println();
    in.out().println(heading);
    for (Note n : notes) {
      in.out().println("  " + (n.where().isEmpty() ? "" : n.where() + ": ") + n.message());
    }
  }
}
