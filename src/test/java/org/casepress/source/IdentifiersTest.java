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

  // ---- Zenodo's rules at publish (docs/zenodo.md#validation)

  @ParameterizedTest
  @CsvSource({
    "0000-0002-1825-0097, true", // ORCID's documented example
    "0000-0001-5000-0007, true", // the first issued block starts at 15,000,000
    "0000-0003-5000-0001, true", // and ends at 35,000,000
    "0000-0003-5000-001X, false", // one past it
    "0000-0003-9291-3466, false", // the example people.yaml had: valid checksum, never issued
    "0000-0001-4999-9992, false",
    "0009-0000-0000-0009, true", // the second block
    "0009-0010-0000-0003, true",
    "0009-0010-0000-0011, false",
  })
  void orcidMustLieInAnIssuedBlock(String orcid, boolean issued) {
    assertTrue(Identifiers.isOrcidChecksumValid(orcid), orcid + " is a well-formed test value");
    assertEquals(issued, Identifiers.isOrcidIssued(orcid), orcid);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "10.5281/zenodo.3332807 | DOI",
        "https://doi.org/10.5281/zenodo.3332807 | DOI",
        "doi:10.1000/xyz | DOI",
        "https://github.com/example/repo | URL",
        "urn:casepress:fernbank:v1 | URN",
        "urn:lsid:ubio.org:namebank:11815 | LSID",
        "hdl:20.500.12345/678 | HANDLE",
        "ark:/13030/tf5p30086k | ARK",
        "arXiv:2101.00001v2 | ARXIV",
        "math.GT/0309136 | ARXIV",
        "PMC3531190 | PMCID",
        "23193287 | PMID",
        "978-3-16-148410-0 | ISBN",
        "0317-8471 | ISSN",
        "2004PhRvD..70d3528B | ADS",
        "https://purl.org/dc/terms/ | PURL",
        "0000-0002-1825-0097 | ISNI",
        "035dkdb55 | ROR",
        "swh:1:rev:309cf2674ee7a0749978cf8265ab91a60aea0f7d | SWH",
      })
  void schemesAreDetectedLikeIdutils(String value, IdentifierScheme expected) {
    assertTrue(
        IdentifierScheme.detect(value).contains(expected),
        value + " detected as " + IdentifierScheme.detect(value));
  }

  @Test
  void urlHidesTheSchemesThatCanBeWrittenAsUrls() {
    // A ror.org or w3id URL is simply a URL to Zenodo; a DOI URL stays a DOI too.
    assertEquals(
        java.util.Set.of(IdentifierScheme.ROR, IdentifierScheme.URL),
        IdentifierScheme.detect("https://ror.org/035dkdb55"));
    assertEquals(
        java.util.Set.of(IdentifierScheme.URL),
        IdentifierScheme.detect("https://w3id.org/ro/crate"));
    assertFalse(
        IdentifierScheme.detect("https://github.com/a/b").contains(IdentifierScheme.HANDLE));
    assertTrue(IdentifierScheme.detect("just some words").isEmpty());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://github.com/example/repo",
        "10.5281/zenodo.3332807",
        "https://ror.org/035dkdb55",
        "0000-0002-1825-0097",
        "urn:casepress:fernbank-reproducible-forecasting:v1",
      })
  void zenodoAllowsTheseRelatedIdentifiers(String value) {
    assertEquals(Optional.empty(), Identifiers.relatedIdentifierRefusal(value));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "our repository | is not an identifier Zenodo recognises",
        "swh:1:dir:d198bc9d7a6bcf6db04f476d29314f157507d505 | is a Software Heritage id",
        "035dkdb55 | is a bare ROR id, which Zenodo does not accept here; write it as"
            + " https://ror.org/035dkdb55.",
      })
  void zenodoRefusesTheseWithAClearMessage(String value, String message) {
    String refusal = Identifiers.relatedIdentifierRefusal(value).orElseThrow();
    assertTrue(refusal.startsWith("'" + value + "' "), refusal);
    assertTrue(refusal.contains(message), refusal);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      value = {
        "10.13039/501100000780 | 283595 | 10.13039/501100000780::283595",
        "https://doi.org/10.13039/501100000780 | 283595 | 10.13039/501100000780::283595",
        "doi:10.13039/501100000266 | EP/T001569/1 | 10.13039/501100000266::EP/T001569/1",
        "10.13039/501100000780 | - | -",
        "10.13039/501100000780 | '  ' | -",
        "European Research Council | 283595 | -",
        "10.5281/zenodo.1 | 283595 | -",
      })
  void fundingReachesGrantsOnlyWithAFunderDoiAndAnAward(
      String funder, String award, String expected) {
    assertEquals(Optional.ofNullable(expected), Identifiers.grantId(funder, award));
  }
}
