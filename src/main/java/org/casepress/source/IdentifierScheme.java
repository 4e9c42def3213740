package org.casepress.source;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The identifier schemes Zenodo's validator tells apart (it uses the idutils library), detected the
 * same way: every scheme whose pattern matches, then idutils' tie-breaks (a URL hides the schemes
 * that can be written as URLs, a check-digit scheme hides the bare-number ones, and so on). Zenodo
 * then keeps the first detected scheme it allows for related identifiers
 * (docs/zenodo.md#validation).
 */
enum IdentifierScheme {
  DOI(true),
  ARK(true),
  HANDLE(true),
  PURL(true),
  LSID(true),
  URN(true),
  ADS(true),
  ARXIV(true),
  PMCID(true),
  ISBN(true),
  ISSN(true),
  ORCID(false),
  ISNI(true),
  EAN13(true),
  EAN8(false),
  ISTC(true),
  ROR(false),
  PMID(true),
  URL(true),
  SWH(false);

  /** Whether Zenodo accepts it as the scheme of a related or alternate identifier. */
  final boolean allowedByZenodo;

  IdentifierScheme(boolean allowedByZenodo) {
    this.allowedByZenodo = allowedByZenodo;
  }

  private static final Pattern DOI_FORM =
      Pattern.compile("(?i)(doi:\\s*|(https?://)?(dx\\.)?doi\\.org/)?10\\.\\d+(\\.\\d+)*/\\S.*");
  private static final Pattern ARK_FORM =
      Pattern.compile("(?i)(https?://[^/]+/)?ark:/?\\d{5}/\\S+");
  private static final Pattern HANDLE_FORM =
      Pattern.compile("(?i)(hdl:\\s*|(https?://)?hdl\\.handle\\.net/)?[^/.\\s]+(\\.[^/.\\s]+)*/.*");
  private static final Pattern PURL_FORM =
      Pattern.compile("(?i)(https?://)?purl\\.(org|oclc\\.org|net|com|fdlp\\.gov)/.+");
  private static final Pattern LSID_FORM = Pattern.compile("(?i)urn:lsid:[^:\\s]+(:[^:\\s]+){2,3}");
  private static final Pattern URN_FORM =
      Pattern.compile("(?i)urn:[a-z0-9][a-z0-9-]{0,31}:[a-z0-9()+,\\-.:=@;$_!*'%/?#]+");
  private static final Pattern ADS_FORM =
      Pattern.compile("(ads:|ADS:)?\\d{4}[A-Za-z]\\S{13}[A-Za-z.:]");
  private static final Pattern ARXIV_FORM =
      Pattern.compile("(?i)(arxiv:)?(\\d{4}\\.\\d{4,5}|[a-z-]+(\\.[a-z]{2})?/\\d{7})(v\\d+)?");
  private static final Pattern PMCID_FORM = Pattern.compile("PMC\\d+");
  private static final Pattern PMID_FORM = Pattern.compile("(?i)(pmid:)?\\d+");
  private static final Pattern ISTC_FORM =
      Pattern.compile("[0-9A-F]{3}-?[0-9A-F]{4}-?[0-9A-F]{8}-?[0-9A-F]");
  private static final Pattern ROR_FORM =
      Pattern.compile("(?i)((https?://)?ror\\.org/)?0[a-hj-km-np-tv-z0-9]{6}\\d{2}");
  private static final Pattern SWH_FORM =
      Pattern.compile("swh:1:(cnt|dir|rel|rev|snp):[0-9a-f]{40}(;.*)?");

  /** Every scheme {@code value} is detected as, after idutils' tie-breaks. */
  static Set<IdentifierScheme> detect(String value) {
    Set<IdentifierScheme> found = EnumSet.noneOf(IdentifierScheme.class);
    String v = value.strip();
    for (IdentifierScheme s : values()) {
      if (s.matches(v)) {
        found.add(s);
      }
    }
    if (found.contains(URL)) {
      // These can be written as URLs; a URL is then just a URL.
      found.removeAll(EnumSet.of(ISBN, ISTC, URN, LSID, ISSN, EAN8));
      if (!v.toLowerCase(Locale.ROOT).matches("https?://hdl\\.handle\\.net/.*")) {
        found.remove(HANDLE);
      }
    }
    if (found.contains(ARK) || found.contains(ARXIV)) {
      found.remove(HANDLE);
    }
    if (found.contains(EAN8)
        || found.contains(EAN13)
        || found.contains(ISBN)
        || found.contains(ORCID)
        || found.contains(ISNI)) {
      found.remove(PMID);
    }
    return found;
  }

  private boolean matches(String v) {
    return switch (this) {
      case DOI -> DOI_FORM.matcher(v).matches();
      case ARK -> ARK_FORM.matcher(v).matches();
      case HANDLE -> HANDLE_FORM.matcher(v).matches();
      case PURL -> PURL_FORM.matcher(v).matches();
      case LSID -> LSID_FORM.matcher(v).matches();
      case URN -> URN_FORM.matcher(v).matches();
      case ADS -> ADS_FORM.matcher(v).matches();
      case ARXIV -> ARXIV_FORM.matcher(v).matches();
      case PMCID -> PMCID_FORM.matcher(v).matches();
      case ISBN -> isIsbn(v);
      case ISSN -> isIssn(v);
      case ORCID -> Identifiers.isOrcidFormat(v) && Identifiers.isOrcidChecksumValid(v);
      case ISNI -> isIsni(v);
      case EAN13 -> v.matches("\\d{13}") && eanValid(v);
      case EAN8 -> v.matches("\\d{8}") && eanValid(v);
      case ISTC -> ISTC_FORM.matcher(v).matches();
      case ROR -> ROR_FORM.matcher(v).matches();
      case PMID -> PMID_FORM.matcher(v).matches();
      case URL -> isUrl(v);
      case SWH -> SWH_FORM.matcher(v).matches();
    };
  }

  /** A scheme and a host, as Python's urlparse would split them. */
  private static boolean isUrl(String v) {
    if (!v.matches("[A-Za-z][A-Za-z0-9+.-]*://\\S+")) {
      return false;
    }
    try {
      URI uri = new URI(v);
      return uri.getRawAuthority() != null && !uri.getRawAuthority().isEmpty();
    } catch (URISyntaxException e) {
      // idutils accepts what Python's lenient parser splits: scheme, "//", a host part.
      return v.replaceFirst("^[A-Za-z][A-Za-z0-9+.-]*://", "").matches("[^/?#\\s]+.*");
    }
  }

  private static boolean isIsbn(String v) {
    String d = v.replaceFirst("(?i)^isbn(-1[03])?:?\\s*", "").replace("-", "").replace(" ", "");
    if (d.matches("\\d{9}[\\dXx]")) {
      int sum = 0;
      for (int i = 0; i < 10; i++) {
        char c = d.charAt(i);
        sum += (10 - i) * (c == 'X' || c == 'x' ? 10 : c - '0');
      }
      return sum % 11 == 0;
    }
    return d.matches("97[89]\\d{10}") && eanValid(d);
  }

  private static boolean isIssn(String v) {
    if (!v.matches("\\d{4}-?\\d{3}[\\dX]")) {
      return false;
    }
    String d = v.replace("-", "");
    int sum = 0;
    for (int i = 0; i < 7; i++) {
      sum += (8 - i) * (d.charAt(i) - '0');
    }
    int check = (11 - sum % 11) % 11;
    return d.charAt(7) == (check == 10 ? 'X' : (char) ('0' + check));
  }

  /** 16 characters (spaces or hyphens aside) with ORCID's ISO 7064 11-2 check character. */
  private static boolean isIsni(String v) {
    String d = v.replace("-", "").replace(" ", "");
    if (!d.matches("\\d{15}[\\dX]")) {
      return false;
    }
    String grouped =
        d.substring(0, 4)
            + "-"
            + d.substring(4, 8)
            + "-"
            + d.substring(8, 12)
            + "-"
            + d.substring(12);
    return Identifiers.isOrcidChecksumValid(grouped);
  }

  private static boolean eanValid(String d) {
    int sum = 0;
    int n = d.length();
    for (int i = 0; i < n - 1; i++) {
      int digit = d.charAt(n - 2 - i) - '0';
      sum += i % 2 == 0 ? digit * 3 : digit;
    }
    return (10 - sum % 10) % 10 == d.charAt(n - 1) - '0';
  }
}
