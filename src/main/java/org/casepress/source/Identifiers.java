package org.casepress.source;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Format and checksum rules for the identifiers people type into front matter and metadata, and the
 * rules Zenodo applies to them at publish (docs/zenodo.md#validation), so that {@code check}
 * refuses beforehand what publishing would refuse.
 */
public final class Identifiers {
  private static final Pattern SLUG = Pattern.compile("[a-z0-9-]{3,64}");
  private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
  private static final Pattern ORCID = Pattern.compile("\\d{4}-\\d{4}-\\d{4}-\\d{3}[\\dX]");
  private static final Pattern ROR = Pattern.compile("0[a-hj-km-np-tv-z0-9]{6}\\d{2}");
  private static final String CROCKFORD = "0123456789abcdefghjkmnpqrstvwxyz";

  private Identifiers() {}

  /** A case study slug: lowercase letters, digits and hyphens, 3 to 64 characters. */
  public static boolean isSlug(String s) {
    return SLUG.matcher(s).matches();
  }

  /** A person, organisation or launch id: lowercase words joined by single hyphens. */
  static boolean isId(String s) {
    return ID.matcher(s).matches();
  }

  static boolean isOrcidFormat(String s) {
    return ORCID.matcher(s).matches();
  }

  /** ORCID's check character: ISO 7064 MOD 11-2 over the first 15 digits. */
  static char orcidCheckCharacter(String orcid) {
    int total = 0;
    for (char c : orcid.substring(0, orcid.length() - 1).toCharArray()) {
      if (c != '-') {
        total = (total + (c - '0')) * 2;
      }
    }
    int result = (12 - total % 11) % 11;
    return result == 10 ? 'X' : (char) ('0' + result);
  }

  static boolean isOrcidChecksumValid(String orcid) {
    return orcidCheckCharacter(orcid) == orcid.charAt(orcid.length() - 1);
  }

  static boolean isRorFormat(String s) {
    return ROR.matcher(s).matches();
  }

  /**
   * ROR's checksum: the last two digits are ISO 7064 MOD 97-10 over the number that the first seven
   * characters spell in Crockford base32.
   */
  static String rorChecksum(String ror) {
    long n = 0;
    for (char c : ror.substring(0, 7).toCharArray()) {
      n = n * 32 + CROCKFORD.indexOf(c);
    }
    return String.format("%02d", 98 - (n * 100) % 97);
  }

  static boolean isRorChecksumValid(String ror) {
    return ror.endsWith(rorChecksum(ror));
  }

  /**
   * ORCID's issued blocks, as Zenodo checks them: the first 15 digits read as one number. Outside
   * them an iD with a valid checksum is still refused ("Invalid ORCID identifier.").
   */
  private static final long[][] ORCID_BLOCKS = {
    {15_000_000L, 35_000_000L}, {900_000_000_000L, 900_100_000_000L}
  };

  /** {@code orcid} without a {@code https://orcid.org/} prefix. */
  static String bareOrcid(String orcid) {
    return orcid.strip().replaceFirst("^https?://orcid\\.org/", "");
  }

  /**
   * Why {@code orcid} (bare or as an orcid.org URL) is not an iD Zenodo accepts, or empty: the
   * format, the check character, then ORCID's issued blocks.
   */
  static Optional<String> orcidRefusal(String orcid) {
    String bare = bareOrcid(orcid);
    if (!isOrcidFormat(bare)) {
      return Optional.of(
          "'"
              + orcid
              + "' is not an ORCID iD. Write the 16 characters in four groups,"
              + " e.g. 0000-0002-1825-0097 (the last may be X).");
    }
    if (!isOrcidChecksumValid(bare)) {
      return Optional.of(
          "The ORCID iD '"
              + bare
              + "' fails its checksum (the last character should be '"
              + orcidCheckCharacter(bare)
              + "'): a digit was probably mistyped; copy it from the person's ORCID record.");
    }
    if (!isOrcidIssued(bare)) {
      return Optional.of(
          "The ORCID iD '"
              + bare
              + "' has a valid checksum but is not one ORCID has issued (iDs run from"
              + " 0000-0001-5000-0000 to 0000-0003-5000-0000 and from 0009-0000-0000-0000"
              + " to 0009-0010-0000-0000), so Zenodo refuses it at publish: copy the iD from"
              + " the person's ORCID record.");
    }
    return Optional.empty();
  }

  /** Whether a well-formed ORCID iD lies in a block ORCID has issued. */
  static boolean isOrcidIssued(String orcid) {
    long n = Long.parseLong(orcid.replace("-", "").substring(0, 15));
    for (long[] block : ORCID_BLOCKS) {
      if (n >= block[0] && n <= block[1]) {
        return true;
      }
    }
    return false;
  }

  /**
   * Why Zenodo would refuse {@code identifier} as a related identifier, or empty when a scheme it
   * allows is detected (docs/zenodo.md#validation).
   */
  static Optional<String> relatedIdentifierRefusal(String identifier) {
    Set<IdentifierScheme> detected = IdentifierScheme.detect(identifier);
    if (detected.stream().anyMatch(s -> s.allowedByZenodo)) {
      return Optional.empty();
    }
    String value = "'" + identifier.strip() + "'";
    if (detected.contains(IdentifierScheme.SWH)) {
      return Optional.of(
          value
              + " is a Software Heritage id, which Zenodo does not accept; give the repository's"
              + " URL, or the archive's page as https://archive.softwareheritage.org/"
              + identifier.strip()
              + ".");
    }
    if (detected.contains(IdentifierScheme.ROR)) {
      return Optional.of(
          value
              + " is a bare ROR id, which Zenodo does not accept here; write it as"
              + " https://ror.org/"
              + identifier.strip().replaceFirst("(?i)^(https?://)?ror\\.org/", "")
              + ".");
    }
    return Optional.of(
        value
            + " is not an identifier Zenodo recognises (\"No valid scheme recognized for"
            + " identifier.\"); write a DOI (10.1234/abc), a full URL starting with https://, or"
            + " a URN.");
  }

  /** What {@code check} says about where a funding entry will go on Zenodo. */
  static String fundingRoute(String funder, String award) {
    Optional<String> grant = grantId(funder, award);
    if (grant.isPresent()) {
      return "This funding goes to the Zenodo record's grants as "
          + grant.get()
          + "; Zenodo refuses the publish if its funding vocabulary does not list this award, so"
          + " check the award number against the funder's records.";
    }
    return "This funding goes to the Zenodo record's notes, not its funding field: Zenodo's grants"
        + " take only a funder's DOI from the Crossref Funder Registry (10.13039/...) together with"
        + " an award number. Write the funder as its DOI (and give the award) to have it listed as a"
        + " grant.";
  }

  /** The Crossref Funder Registry prefix: the only funder ids Zenodo's grants take. */
  private static final Pattern FUNDER_DOI =
      Pattern.compile("(?i)^(https?://(dx\\.)?doi\\.org/|doi:\\s*)?(10\\.13039/\\d+)$");

  /**
   * Zenodo's grant id for a funding entry, {@code <funder DOI>::<award>}, when the entry can reach
   * the record's {@code grants}: the funder is given as its Funder Registry DOI ({@code
   * 10.13039/...}, bare or as a doi.org URL) and an award number is given. Every other entry can
   * reach the record only through its notes (docs/zenodo.md#funding).
   */
  public static Optional<String> grantId(String funder, String award) {
    if (funder == null || award == null || award.isBlank()) {
      return Optional.empty();
    }
    var m = FUNDER_DOI.matcher(funder.strip());
    return m.matches() ? Optional.of(m.group(3) + "::" + award.strip()) : Optional.empty();
  }
}
