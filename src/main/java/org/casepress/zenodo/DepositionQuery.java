package org.casepress.zenodo;

/** Query of {@code GET /deposit/depositions}; {@code size} may not exceed 100. */
public record DepositionQuery(String q, int page, int size, boolean allVersions, String sort) {
  public DepositionQuery {
    if (page < 1) {
      throw new IllegalArgumentException("page starts at 1");
    }
    if (size < 1 || size > 100) {
      throw new IllegalArgumentException("size must be 1..100 (Zenodo's limit)");
    }
  }

  /**
   * A field-scoped, quoted term such as {@code alternate.identifier:"urn:x:y"}: quotes and
   * backslashes in {@code value} are escaped, so any value is one phrase (unquoted, a colon in the
   * value is a query syntax error; docs/zenodo.md#search).
   */
  public static String field(String field, String value) {
    return field + ":\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  public static DepositionQuery all() {
    return new DepositionQuery(null, 1, 25, false, null);
  }

  public static DepositionQuery of(String q) {
    return new DepositionQuery(q, 1, 25, false, null);
  }

  public DepositionQuery page(int page, int size) {
    return new DepositionQuery(q, page, size, allVersions, sort);
  }

  public DepositionQuery withAllVersions() {
    return new DepositionQuery(q, page, size, true, sort);
  }
}
