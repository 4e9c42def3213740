package org.casepress.zenodo;

/** One line of {@code casepress doctor}: what was checked, how it went, and what to do. */
public record DoctorCheck(String name, Status status, String detail) {
  public enum Status {
    OK,
    FAILED,
    /** Not run because an earlier check failed, or not applicable to the target. */
    SKIPPED
  }

  public boolean failed() {
    return status == Status.FAILED;
  }

  /** For example {@code "ok token present: ZENODO_TOKEN is set"}. */
  public String line() {
    String mark =
        switch (status) {
          case OK -> "ok     ";
          case FAILED -> "FAILED ";
          case SKIPPED -> "skipped";
        };
    return mark + " " + name + ": " + detail;
  }
}
