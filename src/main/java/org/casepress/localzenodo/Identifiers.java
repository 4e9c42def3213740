package org.casepress.localzenodo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Identifier rules as Zenodo applies them through idutils (docs/local-zenodo.md, "Identifiers"):
 * scheme detection in idutils' order with its clash filters, the schemes Zenodo allows for related
 * and alternate identifiers, normalisation, and the ORCID check with ORCID's issued blocks. Schemes
 * that cannot matter here (biology accession numbers, GND, VIAF, Wikidata) are not detected; an
 * identifier of those kinds gets the same answer as an undetectable one.
 */
final class Identifiers {
  private Identifiers() {}

  /** RDM_RECORDS_IDENTIFIERS_SCHEMES: what Zenodo accepts for related and alternate identifiers. */
  static final Set<String> ALLOWED =
      Set.of(
          "ark",
          "arxiv",
          "ads",
          "crossreffunderid",
          "cstr",
          "doi",
          "ean13",
          "eissn",
          "grid",
          "handle",
          "igsn",
          "isbn",
          "isni",
          "issn",
          "istc",
          "lissn",
          "lsid",
          "pmid",
          "purl",
          "rrid",
          "upc",
          "url",
          "urn",
          "wikidata",
          "w3id",
          "other");

  private static final Pattern DOI =
      Pattern.compile(
          "(doi:\\s*|(?:https?://)?(?:dx\\.)?doi\\.org/)?(10\\.\\d+(\\.\\d+)*/.+)",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern HANDLE =
      Pattern.compile(
          "(hdl:\\s*|(?:https?://)?hdl\\.handle\\.net/)?([^/.]+(\\.[^/.]+)*/.*)",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern ARK = Pattern.compile("ark:/?[0-9bcdfghjkmnpqrstvwxz]+/.+");
  private static final Pattern LSID =
      Pattern.compile("urn:lsid:[^:]+(:[^:]+){2,3}", Pattern.CASE_INSENSITIVE);
  private static final Pattern ADS =
      Pattern.compile("(ads:|ADS:)?(\\d{4}[A-Za-z]\\S{13}[A-Za-z.:])");
  private static final List<Pattern> ARXIV =
      List.of(
          Pattern.compile("(arxiv:)?(\\d{4})\\.(\\d{4,5})(v\\d+)?", Pattern.CASE_INSENSITIVE),
          Pattern.compile(
              "(arxiv:)?([a-z\\-]+)(\\.[a-z]{2})?(/\\d{4})(\\d+)(v\\d+)?",
              Pattern.CASE_INSENSITIVE),
          Pattern.compile(
              "(arxiv:)?(?:[a-z\\-]+)(?:\\.[a-z]{2})?/(\\d{4})\\.(\\d{4,5})(v\\d+)?",
              Pattern.CASE_INSENSITIVE));
  private static final Pattern ASCL =
      Pattern.compile("ascl:[0-9]{4}\\.[0-9]{3,4}", Pattern.CASE_INSENSITIVE);
  private static final Pattern HAL =
      Pattern.compile("(hal:|HAL:)?([a-z]{3}[a-z]*-|(sic|mem|ijn)_)\\d{8}(v\\d+)?");
  private static final Pattern PMCID = Pattern.compile("PMC\\d+", Pattern.CASE_INSENSITIVE);
  private static final Pattern PMID =
      Pattern.compile(
          "(pmid:|https?://pubmed.ncbi.nlm.nih.gov/)?(\\d+)/?", Pattern.CASE_INSENSITIVE);
  private static final Pattern ROR =
      Pattern.compile("(?:https?://)?(?:ror\\.org/)?(0\\w{6}\\d{2})", Pattern.CASE_INSENSITIVE);
  private static final Pattern SWH =
      Pattern.compile("swh:1:(cnt|dir|rel|rev|snp):[0-9a-f]{40}(;.*)?", Pattern.CASE_INSENSITIVE);
  private static final Pattern URL = Pattern.compile("[A-Za-z][A-Za-z0-9+.\\-]*://[^/?#]+.*");
  private static final Pattern URN = Pattern.compile("(?i)urn:(?!//).+");
  private static final Set<String> PURL_HOSTS =
      Set.of("purl.org", "purl.oclc.org", "purl.net", "purl.com", "purl.fdlp.gov");
  private static final List<String> ORCID_URLS = List.of("http://orcid.org/", "https://orcid.org/");

  /** Every scheme idutils would detect, filtered the way it filters clashes. */
  static List<String> detect(String v) {
    List<String> s = new ArrayList<>();
    add(s, "doi", DOI.matcher(v).matches());
    add(s, "ark", isArk(v));
    add(s, "handle", HANDLE.matcher(v).matches() && !SWH.matcher(v).matches());
    add(s, "purl", isPurl(v));
    add(s, "lsid", URN.matcher(v).matches() && LSID.matcher(v).matches());
    add(s, "urn", URN.matcher(v).matches());
    add(s, "ads", ADS.matcher(v).matches());
    add(s, "arxiv", ARXIV.stream().anyMatch(p -> p.matcher(v).matches()));
    add(s, "ascl", ASCL.matcher(v).matches());
    add(s, "hal", HAL.matcher(v).matches());
    add(s, "pmcid", PMCID.matcher(v).matches());
    add(s, "isbn", isIsbn(v));
    add(s, "issn", isIssn(v));
    add(s, "orcid", isOrcid(v));
    add(s, "isni", isIsni(v));
    add(s, "ean13", isEan(v, 13));
    add(s, "ean8", isEan(v, 8));
    add(s, "ror", ROR.matcher(v).matches());
    add(s, "pmid", PMID.matcher(v).matches());
    add(s, "url", URL.matcher(v).matches());
    add(s, "swh", SWH.matcher(v).matches());
    if (s.contains("url")) {
      s.removeAll(List.of("isbn", "istc", "urn", "lsid", "issn", "ean8"));
    }
    for (String first : List.of("ean8", "ean13", "isbn", "orcid", "isni")) {
      if (s.contains(first)) {
        s.remove("pmid");
      }
    }
    if (s.contains("handle")
        && s.contains("url")
        && !v.startsWith("http://hdl.handle.net/")
        && !v.startsWith("https://hdl.handle.net/")) {
      s.remove("handle");
    } else if (s.contains("handle") && (s.contains("ark") || s.contains("arxiv"))) {
      s.remove("handle");
    }
    return s;
  }

  /** The first detected scheme Zenodo allows: what the server stores as the scheme. */
  static Optional<String> scheme(String identifier) {
    return detect(identifier).stream().filter(ALLOWED::contains).findFirst();
  }

  /** idutils.normalize_pid for the schemes where it changes something here. */
  static String normalize(String identifier, String scheme) {
    Matcher m;
    switch (scheme) {
      case "doi":
        m = DOI.matcher(identifier);
        return m.matches() ? m.group(2) : identifier;
      case "handle":
        m = HANDLE.matcher(identifier);
        return m.matches() ? m.group(2) : identifier;
      default:
        return identifier;
    }
  }

  /** idutils.is_orcid: the form, the ISO 7064 11-2 check digit, and an issued block. */
  static boolean isOrcid(String value) {
    String v = value;
    for (String prefix : ORCID_URLS) {
      if (v.startsWith(prefix)) {
        v = v.substring(prefix.length());
        break;
      }
    }
    v = v.replace("-", "").replace(" ", "");
    if (!isIsni(v)) {
      return false;
    }
    long digits = Long.parseLong(v.substring(0, 15));
    return (digits >= 15_000_000L && digits <= 35_000_000L)
        || (digits >= 900_000_000_000L && digits <= 900_100_000_000L);
  }

  /** normalize_orcid: the bare iD in four hyphenated blocks (unchanged if it has no such form). */
  static String normalizeOrcid(String value) {
    String v = value.strip();
    for (String prefix : ORCID_URLS) {
      if (v.startsWith(prefix)) {
        v = v.substring(prefix.length());
      }
    }
    String bare = v.replace("-", "").replace(" ", "").toUpperCase(Locale.ROOT);
    if (bare.length() != 16) {
      return value;
    }
    return String.join(
        "-", bare.substring(0, 4), bare.substring(4, 8), bare.substring(8, 12), bare.substring(12));
  }

  /** ISNI's check: 16 characters, ISO 7064 mod 11-2 over the first 15. */
  static boolean isIsni(String value) {
    String v = value.replace("-", "").replace(" ", "").toUpperCase(Locale.ROOT);
    if (v.length() != 16 || !v.substring(0, 15).chars().allMatch(Character::isDigit)) {
      return false;
    }
    int total = 0;
    for (int i = 0; i < 15; i++) {
      total = (total + (v.charAt(i) - '0')) * 2;
    }
    int check = (12 - total % 11) % 11;
    char last = v.charAt(15);
    return last == 'X' ? check == 10 : Character.isDigit(last) && check == last - '0';
  }

  private static boolean isArk(String v) {
    if (ARK.matcher(v).matches()) {
      return true;
    }
    Matcher m = Pattern.compile("http://[^/?#]+/(.*)").matcher(v);
    return m.matches() && ARK.matcher(m.group(1)).matches();
  }

  private static boolean isPurl(String v) {
    Matcher m = Pattern.compile("https?://([^/?#]+)(/.*)").matcher(v);
    return m.matches() && PURL_HOSTS.contains(m.group(1)) && m.group(2).length() > 0;
  }

  private static boolean isIssn(String value) {
    String v = value.replace("-", "").replace(" ", "").toUpperCase(Locale.ROOT);
    if (v.length() != 8 || !v.substring(0, 7).chars().allMatch(Character::isDigit)) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 8; i++) {
      char c = v.charAt(i);
      int digit = c == 'X' ? 10 : Character.isDigit(c) ? c - '0' : -1000;
      sum += (8 - i) * digit;
    }
    return sum >= 0 && sum % 11 == 0;
  }

  private static boolean isIsbn(String value) {
    String v = value.replace("-", "").replace(" ", "").toUpperCase(Locale.ROOT);
    if (v.length() == 10 && v.substring(0, 9).chars().allMatch(Character::isDigit)) {
      int sum = 0;
      for (int i = 0; i < 10; i++) {
        char c = v.charAt(i);
        int digit = c == 'X' && i == 9 ? 10 : Character.isDigit(c) ? c - '0' : -1000;
        sum += (10 - i) * digit;
      }
      return sum >= 0 && sum % 11 == 0;
    }
    return v.length() == 13 && (v.startsWith("978") || v.startsWith("979")) && isEan(v, 13);
  }

  private static boolean isEan(String v, int length) {
    if (v.length() != length || !v.chars().allMatch(Character::isDigit)) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < length - 1; i++) {
      int weight = (length == 13) == (i % 2 == 0) ? 1 : 3;
      sum += (v.charAt(i) - '0') * weight;
    }
    return (10 - sum % 10) % 10 == v.charAt(length - 1) - '0';
  }

  private static void add(List<String> schemes, String scheme, boolean detected) {
    if (detected) {
      schemes.add(scheme);
    }
  }
}
