package org.casepress.model;

/** How serious a problem is: errors block submitting, approving and publishing; warnings do not. */
public enum Severity {
  ERROR,
  WARNING;

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
