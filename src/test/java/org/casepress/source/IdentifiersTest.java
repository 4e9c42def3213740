package org.casepress.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IdentifiersTest {

  @ParameterizedTest
  @CsvSource({
    // ORCID's own documented example, and one whose check character is X.
    "0000-0002-1825-0097, 7",
    "0000-0002-1694-233X, X",
    "0000-0001-5109-3700, 0",
  })
  void orcidCheckCharacterFollowsIso7064Mod112(String orcid, char expected) {
    assertEquals(expected, Identifiers.orcidCheckCharacter(orcid));
    assertTrue(Identifiers.isOrcidChecksumValid(orcid));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0000-0002-1825-0098", "0000-0002-1825-0079"})
  void mistypedOrcidFailsChecksum(String orcid) {
    assertTrue(Identifiers.isOrcidFormat(orcid));
    assertFalse(Identifiers.isOrcidChecksumValid(orcid));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "0000-0002-1825-009",
        "0000000218250097",
        "0000-0002-1825-009x",
        "https://orcid.org/0000-0002-1825-0097"
      })
  void orcidFormat(String s) {
    assertFalse(Identifiers.isOrcidFormat(s));
  }

  @ParameterizedTest
  @ValueSource(strings = {"035dkdb55", "02mhbdp94", "05gd22996"})
  void realRorIdsHaveValidChecksums(String ror) {
    assertTrue(Identifiers.isRorFormat(ror));
    assertTrue(Identifiers.isRorChecksumValid(ror));
  }

  @Test
  void rorChecksumCatchesATypo() {
    assertTrue(Identifiers.isRorFormat("035dkdb56"));
    assertFalse(Identifiers.isRorChecksumValid("035dkdb56"));
    assertEquals("55", Identifiers.rorChecksum("035dkdb56"));
    // Crockford base32 has no i, l, o or u.
    assertFalse(Identifiers.isRorFormat("035dkob55"));
  }

  @ParameterizedTest
  @CsvSource({
    "abc, true",
    "ab, false",
    "Flood-model, false",
    "flood_model, false",
    "flood-model-2026, true"
  })
  void slugs(String slug, boolean valid) {
    assertEquals(valid, Identifiers.isSlug(slug));
  }

  @Test
  void suggestionsAreNearButNotWild() {
    assertEquals("keywords", Suggest.nearest("keyword", List.of("title", "keywords", "licence")));
    assertEquals("licence", Suggest.nearest("lisence", List.of("title", "keywords", "licence")));
    assertEquals(null, Suggest.nearest("colour", List.of("title", "keywords", "licence")));
    assertEquals(1, Suggest.distance("ab", "ba"));
  }

  @Test
  void licencesAsZenodoJudgesThem() {
    assertInstanceOf(Licences.Accepted.class, Licences.zenodo().judge("CC-BY-4.0"));
    assertInstanceOf(Licences.Accepted.class, Licences.zenodo().judge("mit"));
    assertEquals(new Licences.Alias("CC0-1.0"), Licences.zenodo().judge("cc-zero"));
    assertEquals(
        new Licences.Unknown(Optional.of("CC-BY-4.0")), Licences.zenodo().judge("CC-BY-4"));
  }

  @Test
  void languagesComeFromTheJdk() {
    assertTrue(Languages.isIso6391("cy"));
    assertFalse(Languages.isIso6391("xx"));
    assertEquals(Optional.of("cym"), Languages.toIso6393("cy"));
    assertEquals(Optional.of("eng"), Languages.toIso6393("en"));
  }
}
