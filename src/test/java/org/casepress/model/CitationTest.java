package org.casepress.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CitationTest {
  private static Person person(String given, String family) {
    return new Person(null, given, family, null, List.of(), Set.of());
  }

  @Test
  void citesLikeThePractitionersHubSeries() {
    Citation c =
        new Citation(
            List.of(
                person("Priya", "Nandakumar"),
                person("Łukasz", "Wójcik"),
                person("Zoë", "Achterberg")),
            2026,
            "Reproducible forecasting at Fernbank",
            null,
            "The Turing Way Practitioners Hub Case Study Series",
            "Zenodo",
            1,
            "10.5072/zenodo.12");
    assertEquals(
        "Nandakumar, P., Wójcik, Ł., Achterberg, Z. (2026). Reproducible forecasting at Fernbank. The Turing Way"
            + " Practitioners Hub Case Study Series. Zenodo. https://doi.org/10.5072/zenodo.12",
        c.text());
  }

  @Test
  void subtitleLaterVersionsAndNoDoiYet() {
    Citation c =
        new Citation(
            List.of(person("", "Plato")), 2027, "Why?", "A dialogue", "", "The Academy", 2, null);
    assertEquals(
        "Plato (2027). Why? A dialogue (Version 2). The Academy. DOI to be assigned on publication.",
        c.text());
  }

  @Test
  void initialsKeepHyphensAccentsAndSecondNames() {
    assertEquals("J.-P.", Citation.initials("Jean-Paul"));
    assertEquals("M. A.", Citation.initials("Mary Ann"));
    assertEquals("D. S.", Citation.initials("Dan S."));
    assertEquals("A\u0301.", Citation.initials("A\u0301da"));
  }
}
