package org.casepress.zenodo;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.casepress.zenodo.DoctorCheck.Status;

/**
 * {@code casepress doctor}: token present, API reachable, token accepted, community exists, its
 * review policy, and whether the token's account can include records in it directly (without a
 * curator accepting a request; docs/zenodo.md#communities). Each check is one request at most, and
 * a failure skips the checks that depend on it.
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

    boolean tokenAccepted = checks.get(checks.size() - 1).status() == Status.OK;
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
    checks.add(reviewPolicy(found));
    checks.add(directInclusion(client, found, tokenAccepted));
    return checks;
  }

  private static DoctorCheck reviewPolicy(Community community) {
    String name = "community review policy";
    if (community == null) {
      return new DoctorCheck(name, Status.SKIPPED, "no community to ask");
    }
    return switch (community.reviewPolicy()) {
      case OPEN ->
          new DoctorCheck(
              name,
              Status.OK,
              "open: its curators, managers and owners include records directly; other accounts'"
                  + " requests wait for a curator");
      case MEMBERS ->
          new DoctorCheck(name, Status.OK, "members: every member includes records directly");
      case CLOSED ->
          new DoctorCheck(
              name, Status.OK, "closed: every inclusion request waits for a curator to accept it");
      case UNKNOWN ->
          new DoctorCheck(
              name, Status.SKIPPED, "the server does not say (no access.review_policy)");
    };
  }

  /**
   * Whether releases by this token's account will be in the community at once, or wait as requests
   * for a curator (docs/zenodo.md#communities). The role within the community is not published, so
   * for an open community membership is reported with what it requires.
   */
  private static DoctorCheck directInclusion(
      ZenodoClient client, Community community, boolean tokenAccepted) {
    String name = "token's account includes directly";
    Target target = client.target();
    if (community == null) {
      return new DoctorCheck(name, Status.SKIPPED, "no community to ask");
    }
    if (community.reviewPolicy() == Community.ReviewPolicy.CLOSED) {
      return new DoctorCheck(
          name,
          Status.OK,
          "no: every release waits for a curator of "
              + community.slug()
              + " (casepress community accept, run by a curator, accepts the launch's requests)");
    }
    if (target.needsToken() && !tokenAccepted) {
      return new DoctorCheck(name, Status.SKIPPED, "no working token");
    }
    List<Community> mine;
    try {
      mine = client.myCommunities();
    } catch (ZenodoException e) {
      return new DoctorCheck(
          name,
          Status.SKIPPED,
          "the server does not list the account's communities (HTTP " + e.status() + ")");
    } catch (IOException e) {
      return new DoctorCheck(name, Status.SKIPPED, e.getMessage());
    }
    boolean member =
        mine.stream()
            .anyMatch(
                c ->
                    community.id() != null && community.id().equals(c.id())
                        || community.slug() != null && community.slug().equals(c.slug()));
    String who = target.needsToken() ? "the account of " + target.tokenVariable() : "this account";
    if (!member) {
      return new DoctorCheck(
          name,
          Status.OK,
          "no: "
              + who
              + " is not a member of "
              + community.slug()
              + ", so each release waits for a curator to accept its request");
    }
    return switch (community.reviewPolicy()) {
      case MEMBERS -> new DoctorCheck(name, Status.OK, "yes: " + who + " is a member");
      default ->
          new DoctorCheck(
              name,
              Status.OK,
              who
                  + " is a member: it includes directly only as curator, manager or owner;"
                  + " as a plain member each release waits for a curator");
    };
  }
}
