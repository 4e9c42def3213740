package org.casepress.zenodo;

import java.io.IOException;

/** The server stored other bytes than we sent: its MD5 differs from the one computed locally. */
public final class ChecksumMismatchException extends IOException {
  private static final long serialVersionUID = 1L;

  private final String expectedMd5;
  private final String actualMd5;

  ChecksumMismatchException(String key, String expectedMd5, String actualMd5) {
    super(
        "upload of "
            + key
            + " was corrupted: local MD5 "
            + expectedMd5
            + ", server MD5 "
            + (actualMd5.isEmpty() ? "(none)" : actualMd5)
            + "; upload it again");
    this.expectedMd5 = expectedMd5;
    this.actualMd5 = actualMd5;
  }

  public String expectedMd5() {
    return expectedMd5;
  }

  public String actualMd5() {
    return actualMd5;
  }
}
