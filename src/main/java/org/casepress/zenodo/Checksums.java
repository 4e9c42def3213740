package org.casepress.zenodo;

import java.util.Locale;

final class Checksums {
  private Checksums() {}

  static String bareMd5(String checksum) {
    if (checksum == null) {
      return "";
    }
    String c = checksum.strip().toLowerCase(Locale.ROOT);
    return c.startsWith("md5:") ? c.substring(4) : c;
  }
}
