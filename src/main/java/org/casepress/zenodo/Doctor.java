package org.casepress.zenodo;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.casepress.zenodo.DoctorCheck.Status;

/**
 * {@code casepress doctor}: token present, API reachable, token accepted, community exists. Each
 * check is one request at most, and a failure skips the checks that depend on it.
 */
public final class Doctor {
  private Doctor() {}

  /** Runs the checks with {@code client}, which knows its target and token. */
  public static List<DoctorCheck> run(ZenodoClient client, String community) {
    Target target = client.target();
    List<DoctorCheck> checks = new ArrayList<>();
    boolean tokenOk;
    if (!target.needsToken()) {
      checks.add(
          new DoctorCheck("token present", Status.SKIPPED, target.name() + " needs no token"));
      tokenOk = true;
    } else if (client.hasToken()) {
      checks.add(new DoctorCheck("token present", Status.OK, target.tokenVariable() + " is set"));
      tokenOk = true;
    } else {
      checks.add(
          new DoctorCheck(
              "token present",
              Status.FAILED,
              target.tokenVariable()
                  + " is not set: create a token with scopes deposit:write and deposit:actions"
                  + " on "
                  + target.name()
                  + " and export it"));
      tokenOk = false;
    }

    // Reachable: any HTTP answer will do, so ask for the community, which needs no token; the
    // same answer then tells whether the community exists.
    Community found = null;
    IOException communityError;
    try {
      found = client.community(community);
      communityError = null;
    } catch (IOException e) {
      communityError = e;
    }
    boolean reachable;
    if (communityError == null) {
      reachable = true;
      checks.add(new DoctorCheck("API reachable", Status.OK, target.apiBase().toString()));
    } else if (communityError instanceof ZenodoException z && !z.temporary()) {
      reachable = true;
      checks.add(
          new DoctorCheck(
              "API reachable", Status.OK, target.apiBase() + " answered HTTP " + z.status()));
    } else {
      reachable = false;
      String why =
          communityError instanceof ZenodoException z
              ? "answered HTTP " + z.status() + "; try again later"
              : "cannot be reached: " + communityError.getMessage();
      checks.add(new DoctorCheck("API reachable", Status.FAILED, target.apiBase() + " " + why));
    }

    if (!reachable || !tokenOk) {
      checks.add(
          new DoctorCheck(
              "token accepted", Status.SKIPPED, reachable ? "no token" : "API not reachable"));
    } else {
      try {
        client.list(DepositionQuery.all().page(1, 1));
        checks.add(new DoctorCheck("token accepted", Status.OK, "listing depositions works"));
      } catch (ZenodoException e) {
        checks.add(
            new DoctorCheck(
                "token accepted",
                Status.FAILED,
                e.kind() == ZenodoException.Kind.AUTH
                    ? "HTTP " + e.status() + ": " + ErrorBodies.tokenAdvice(target)
                    : "HTTP " + e.status() + " " + e.serverMessage()));
      } catch (IOException e) {
        checks.add(new DoctorCheck("token accepted", Status.FAILED, e.getMessage()));
      }
    }

    if (!reachable) {
      checks.add(new DoctorCheck("community exists", Status.SKIPPED, "API not reachable"));
    } else if (found != null) {
      checks.add(
          new DoctorCheck(
              "community exists",
              Status.OK,
              community + (found.title().isEmpty() ? "" : " (" + found.title() + ")")));
    } else {
      ZenodoException z = (ZenodoException) communityError;
      checks.add(
          new DoctorCheck(
              "community exists",
              Status.FAILED,
              z.kind() == ZenodoException.Kind.NOT_FOUND
                  ? "no community '" + community + "' on " + target.name()
                  : "HTTP " + z.status() + " " + z.serverMessage()));
    }
    return checks;
  }
}
