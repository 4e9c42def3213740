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
      checks.add(
          new DoctorCheck("token present", Status.OK, target.tokenVariable() + " is set"));
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

    // Reachable: any HTTP answer will do, so ask something that needs no token.
    boolean reachable;
    try {
      client.community(community);
      reachable = true;
      checks.add(new DoctorCheck("API reachable", Status.OK, target.apiBase().toString()));
    } catch (ZenodoException e) {
      reachable = !e.temporary() || e.status() == 429;
      checks.add(
          reachable
              ? new DoctorCheck(
                  "API reachable", Status.OK, target.apiBase() + " answered HTTP " + e.status())
              : new DoctorCheck(
                  "API reachable",
                  Status.FAILED,
                  target.apiBase() + " answered HTTP " + e.status() + ": try again later"));
    } catch (IOException e) {
      reachable = false;
      checks.add(
          new DoctorCheck(
              "API reachable",
              Status.FAILED,
              "cannot reach " + target.apiBase() + ": " + e.getMessage()));
    }

    if (!reachable || !tokenOk) {
      checks.add(
          new DoctorCheck(
              "token accepted", Status.SKIPPED, reachable ? "no token" : "API not reachable"));
    } else {
      try {
        client.list(DepositionQuery.all().page(1, 1));
        checks.add(
            new DoctorCheck(
                "token accepted",
                Status.OK,
                target.needsToken() ? "listing depositions works" : "listing depositions works"));
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
    } else {
      try {
        Community c = client.community(community);
        checks.add(
            new DoctorCheck(
                "community exists",
                Status.OK,
                community + (c.title().isEmpty() ? "" : " (" + c.title() + ")")));
      } catch (ZenodoException e) {
        checks.add(
            new DoctorCheck(
                "community exists",
                Status.FAILED,
                e.kind() == ZenodoException.Kind.NOT_FOUND
                    ? "no community '" + community + "' on " + target.name()
                    : "HTTP " + e.status() + " " + e.serverMessage()));
      } catch (IOException e) {
        checks.add(new DoctorCheck("community exists", Status.FAILED, e.getMessage()));
      }
    }
    return checks;
  }
}
