package org.casepress.importer;

import java.util.Locale;

/** The kinds of draft casepress imports, told apart by the file name's ending. */
public enum Format {
  WORD("a Word document"),
  WEB_PAGE("a web page (e.g. Google Docs: File > Download > Web page)"),
  ZIPPED_WEB_PAGE("a zipped web page (Google Docs: File > Download > Web page)"),
  MARKDOWN("a Markdown page");

  private final String description;

  Format(String description) {
    this.description = description;
  }

  public String description() {
    return description;
  }

  /** The format for a file name, or an exception that says which formats there are. */
  static Format of(String fileName) {
    String name = fileName.toLowerCase(Locale.ROOT);
    if (name.endsWith(".docx")) {
      return WORD;
    }
    if (name.endsWith(".html") || name.endsWith(".htm")) {
      return WEB_PAGE;
    }
    if (name.endsWith(".zip")) {
      return ZIPPED_WEB_PAGE;
    }
    if (name.endsWith(".md") || name.endsWith(".markdown")) {
      return MARKDOWN;
    }
    String advice;
    if (name.endsWith(".doc") || name.endsWith(".rtf") || name.endsWith(".odt")) {
      advice =
          " Open it in Word (or LibreOffice) and use File > Save As > Word Document (.docx), then"
              + " import the .docx file.";
    } else if (name.endsWith(".pdf")) {
      advice = " A PDF cannot be imported: import the Word or Google Docs file it was made from.";
    } else {
      advice = " Save your draft in one of those formats and import that file.";
    }
    return fail(fileName, advice);
  }

  private static Format fail(String fileName, String advice) {
    throw ImportException.badInput(
        fileName
            + ": casepress imports Word documents (.docx), web pages (.html, or the .zip that"
            + " Google Docs downloads) and Markdown pages (.md)."
            + advice);
  }
}
