package org.casepress.publish;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.casepress.publish.CommunityState.Inclusion;
import org.casepress.zenodo.CommunityRequest;
import org.casepress.zenodo.InclusionAnswer;
import org.casepress.zenodo.OutcomeUnknownException;
import org.casepress.zenodo.PublishedRecord;
import org.casepress.zenodo.ZenodoClient;
import org.casepress.zenodo.ZenodoException;

/**
 * The community-inclusion request of a published record, read from Zenodo rather than assumed:
 * asked for with the native endpoint (which notifies the curators; LAUNCH.md section 5), read again
 * by {@code verify}, and accepted by {@code community accept}.
 */
final class CommunityRequests {
  private static final String INCLUSION = "community-inclusion";

  private final ZenodoClient client;
  private final String community;
  private final Clock clock;

  /**
   * @param community the community's slug from metadata/community.yaml; "" when it names none
   */
  CommunityRequests(ZenodoClient client, String community, Clock clock) {
    this.client = client;
    this.community = community;
    this.clock = clock;
  }

  /**
   * The record's state, asking for inclusion when no request exists yet.
   *
   * @param warnings where a refusal is reported, with Zenodo's reason
   */
  CommunityState ask(String slug, long recordId, PublishedRecord record, List<String> warnings)
      throws IOException {
    CommunityState now = read(recordId, record);
    if (now.inclusion() != Inclusion.NOT_REQUESTED || community.isEmpty()) {
      return now;
    }
    InclusionAnswer answer;
    try {
      answer = client.requestInclusion(recordId, community);
    } catch (OutcomeUnknownException e) {
      // Asked, but the answer was lost: what the record's requests say now is the truth.
      CommunityState after = read(recordId, record);
      return after.inclusion() == Inclusion.NOT_REQUESTED
          ? state(
              Inclusion.UNKNOWN,
              null,
              "the request's answer was lost; ./casepress verify reads it again")
          : after;
    } catch (ZenodoException e) {
      if (e.status() != 400) {
        throw e;
      }
      answer =
          new InclusionAnswer(
              List.of(), List.of(new InclusionAnswer.Failed(community, e.getMessage())));
    }
    for (InclusionAnswer.Processed processed : answer.processed()) {
      String id = processed.requestId().isEmpty() ? null : processed.requestId();
      return processed.request() == null
              || processed.request().status() == CommunityRequest.Status.ACCEPTED
          ? state(Inclusion.ACCEPTED, id, null)
          : state(Inclusion.PENDING, id, null);
    }
    List<String> reasons = new ArrayList<>();
    for (InclusionAnswer.Failed error : answer.errors()) {
      String message = error.message();
      if (message.contains("already included") || message.contains("already an open")) {
        // Someone else asked meanwhile: the record's requests say how it stands.
        return read(recordId, client.record(recordId));
      }
      reasons.add(message);
    }
    String reason = String.join("; ", reasons);
    warnings.add(
        slug
            + ": record "
            + recordId
            + " could not be put forward to the community '"
            + community
            + "' ("
            + reason
            + "). Check the community in metadata/community.yaml and with ./casepress doctor.");
    return state(Inclusion.FAILED, null, reason);
  }

  /** The record's state as Zenodo shows it now; asks for nothing. */
  CommunityState read(long recordId, PublishedRecord record) throws IOException {
    if (community.isEmpty()) {
      return state(Inclusion.NOT_REQUESTED, null, "metadata/community.yaml names no community");
    }
    Optional<CommunityRequest> request = latest(client.recordRequests(recordId));
    String id = request.map(CommunityRequest::id).orElse(null);
    if (record.communities().contains(community)) {
      return state(Inclusion.ACCEPTED, id, null);
    }
    if (request.isEmpty()) {
      return state(Inclusion.NOT_REQUESTED, null, "Zenodo shows no request for this record");
    }
    return switch (request.get().status()) {
      case ACCEPTED -> state(Inclusion.ACCEPTED, id, null);
      case CREATED, SUBMITTED -> state(Inclusion.PENDING, id, null);
      case DECLINED -> state(Inclusion.DECLINED, id, null);
      case EXPIRED -> state(Inclusion.EXPIRED, id, null);
      case CANCELLED, DELETED ->
          state(
              Inclusion.FAILED,
              id,
              "the request was "
                  + request.get().status().name().toLowerCase(java.util.Locale.ROOT)
                  + " on Zenodo");
      case UNKNOWN ->
          state(Inclusion.UNKNOWN, id, "Zenodo gave the request a state casepress does not know");
    };
  }

  /**
   * Accepts the record's open inclusion requests, as a curator of the community.
   *
   * @return how many were accepted
   */
  int acceptOpen(long recordId) throws IOException {
    int accepted = 0;
    for (CommunityRequest request : client.recordRequests(recordId)) {
      if (INCLUSION.equals(request.type()) && request.open()) {
        client.acceptRequest(request.id(), "Accepted for the launch by casepress.");
        accepted++;
      }
    }
    return accepted;
  }

  /** The request that says most: an accepted one, else an open one, else the last listed. */
  private static Optional<CommunityRequest> latest(List<CommunityRequest> requests) {
    CommunityRequest open = null;
    CommunityRequest last = null;
    for (CommunityRequest r : requests) {
      if (!INCLUSION.equals(r.type())) {
        continue;
      }
      if (r.status() == CommunityRequest.Status.ACCEPTED) {
        return Optional.of(r);
      }
      if (r.open()) {
        open = r;
      }
      last = r;
    }
    return Optional.ofNullable(open != null ? open : last);
  }

  private CommunityState state(Inclusion inclusion, String requestId, String reason) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    return new CommunityState(inclusion, requestId, reason, now);
  }
}
