package org.casepress.source;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.casepress.model.Location;
import org.casepress.model.Problem;
import org.jbibtex.BibTeXDatabase;
import org.jbibtex.BibTeXParser;
import org.jbibtex.Key;
import org.jbibtex.ParseException;
import org.jbibtex.TokenMgrException;

/**
 * The references a case study cites: the one BibTeX file ({@code *.bib}) in its folder, read with
 * jbibtex. {@code check} looks keys up here; the renderer formats the same database through a CSL
 * processor.
 *
 * @param file the file's name in the folder, or null when the folder has none
 * @param database the entries (empty when there is no file or it cannot be read)
 */
public record Bibliography(String file, BibTeXDatabase database) {
  private static final Bibliography NONE = new Bibliography(null, new BibTeXDatabase());

  /** The keys of a cite role's content: {@code smith2020, jones2021} or {@code smith2020;jones}. */
  public static List<String> keys(String roleContent) {
    return Arrays.stream(roleContent.split("[,;]"))
        .map(String::strip)
        .filter(k -> !k.isEmpty())
        .toList();
  }

  public boolean has(String key) {
    return database.resolveEntry(new Key(key)) != null;
  }

  public Set<String> keys() {
    Set<String> keys = new LinkedHashSet<>();
    database.getEntries().keySet().forEach(k -> keys.add(k.getValue()));
    return keys;
  }

  /** Reads the folder's BibTeX file, if any (none for a null folder), reporting nothing. */
  public static Bibliography of(Path folder) {
    return read(folder, "", new java.util.ArrayList<>());
  }

  /** Reads the folder's BibTeX file; {@code folderName} is the folder as problems name it. */
  static Bibliography read(Path folder, String folderName, List<Problem> problems) {
    if (folder == null) {
      return NONE;
    }
    List<Path> files;
    try (Stream<Path> list = Files.list(folder)) {
      files =
          list.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".bib"))
              .sorted()
              .toList();
    } catch (IOException e) {
      return NONE;
    }
    if (files.isEmpty()) {
      return NONE;
    }
    Path file = files.get(0);
    String name = file.getFileName().toString();
    if (files.size() > 1) {
      problems.add(
          Problem.error(
              Location.of(folderName + "/" + files.get(1).getFileName()),
              "",
              "A case study has one BibTeX file, and this folder has "
                  + files.size()
                  + ": merge them into "
                  + name
                  + "."));
    }
    Optional<String> text;
    try {
      text = SourceText.decode(Files.readAllBytes(file), folderName + "/" + name, problems);
    } catch (IOException e) {
      text = Optional.empty();
    }
    if (text.isEmpty()) {
      return new Bibliography(name, new BibTeXDatabase());
    }
    try (Reader reader = new StringReader(text.get())) {
      return new Bibliography(name, new BibTeXParser().parse(reader));
    } catch (ParseException | TokenMgrException | org.jbibtex.ObjectResolutionException e) {
      String message = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
      int line = lineOf(message);
      problems.add(
          Problem.error(
              new Location(folderName + "/" + name, line, 0),
              "",
              "The BibTeX file cannot be read ("
                  + message
                  + "). Check the braces, commas and quotes of the entry near this line."));
      return new Bibliography(name, new BibTeXDatabase());
    } catch (IOException e) {
      throw new IllegalStateException("reading a string cannot fail", e);
    }
  }

  private static int lineOf(String message) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("line (\\d+)").matcher(message);
    return m.find() ? Integer.parseInt(m.group(1)) : 0;
  }
}
