package org.casepress.source;

import java.util.regex.Pattern;

/** Format and checksum rules for the identifiers people type into front matter and metadata. */
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
}
