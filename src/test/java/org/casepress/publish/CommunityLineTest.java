package org.casepress.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.casepress.publish.CommunityState.Inclusion;
import org.casepress.zenodo.ZenodoClient;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The community line says what Zenodo says, per case study: pending with its request until a
 * curator decides, then in the community or declined; not requested when the step never ran. The
 * ledger keeps the request and when it was read; the announcement and {@link Standing} show it.
 */
@Timeout(120)
class CommunityLineTest {
  private static final String SLUG = "base-study";

  private static ReleaseOutcome released(PublishingFixture f, ZenodoClient client) {
    f.approve(SLUG);
    return f.release(client);
  }

  private static Ledger.Entry entry(PublishingFixture f) {
    return f.ledgers().read(SLUG).version(1).orElseThrow();
  }

  @Test
  void aRehearsalIsPendingWithItsRequestUntilCommunityAcceptRewritesTheAnnouncement(
      @TempDir Path tmp) throws Exception {
    try (PublishingFixture f = new PublishingFixture(tmp, SLUG);
        ZenodoClient client = f.client()) {
      ReleaseOutcome outcome = released(f, client);
      long id = entry(f).depositId();
      String request = client.recordRequests(id).get(0).id();

      CommunityState pending = entry(f).publication().community();
      assertEquals(Inclusion.PENDING, pending.inclusion());
      assertEquals(request, pending.requestId(), "the ledger records the request");
      assertEquals(f.clock.instant(), pending.readAt(), "and when it was read");
      assertEquals(pending, outcome.published().get(0).community());

      Path folder = outcome.announcement();
      String link = "http://127.0.0.1:4680/requests/" + request;
      String md = Files.readString(folder.resolve("announcement.md"));
      assertTrue(
          md.contains(
              "- Community: pending: awaiting the curators, request ["
                  + request
                  + "]("
                  + link
                  + ")"),
          md);
      Element a =
          Jsoup.parse(Files.readString(folder.resolve("announcement.html")))
              .selectFirst("li:contains(Community:) a");
      assertNotNull(a, "the request is a link on the page");
      assertEquals(link, a.attr("href"));
      assertEquals(request, a.text());

      f.advance(Duration.ofMinutes(5));
      Session.Accepted accepted;
      try (Session session = f.session(client, Publisher.Checkpoints.NONE)) {
        accepted = session.acceptCommunityRequests(List.of(), null);
      }
      assertEquals(1, accepted.requests());
      assertEquals(Optional.of(folder), accepted.announcement());
      CommunityState in = entry(f).publication().community();
      assertEquals(new CommunityState(Inclusion.ACCEPTED, request, null, f.clock.instant()), in);
      String again = Files.readString(folder.resolve("announcement.md"));
      assertTrue(again.contains("- Community: in the community, request [" + request), again);
      assertFalse(again.contains("pending"), again);
      assertTrue(
          Files.readString(folder.resolve("announcement.html"))
              .contains("Community: in the community"));
      assertEquals(
          "in the community",
          Standing.read(f.workspace)
              .of(SLUG)
              .orElseThrow()
              .community(TargetKind.LOCAL)
              .orElseThrow()
              .words());
    }
  }

  @Test
  void verifyRecordsADeclineReadFromZenodo(@TempDir Path tmp) throws Exception {
    try (PublishingFixture f = new PublishingFixture(tmp, SLUG);
        ZenodoClient client = f.client()) {
      released(f, client);
      String request = entry(f).publication().community().requestId();
      client.declineRequest(request, "Not a case study of this hub.");

      f.advance(Duration.ofHours(1));
      try (Session session = f.session(client, Publisher.Checkpoints.NONE)) {
        assertEquals(List.of(), session.verify(List.of()));
      }
      Ledger.Entry e = entry(f);
      assertEquals(
          new CommunityState(Inclusion.DECLINED, request, null, f.clock.instant()),
          e.publication().community());
      Ledger.Event last = e.events().get(e.events().size() - 1);
      assertEquals(Ledger.Step.VERIFY, last.step());
      assertEquals("community declined", last.detail());
      assertEquals(
          "declined by the curators, request " + request,
          Standing.read(f.workspace)
              .of(SLUG)
              .orElseThrow()
              .community(TargetKind.LOCAL)
              .orElseThrow()
              .line());
    }
  }

  @Test
  void aReleaseStoppedBeforeTheRequestStepShowsNotRequestedUntilItIsRunAgain(@TempDir Path tmp)
      throws Exception {
    try (PublishingFixture f = new PublishingFixture(tmp, SLUG);
        ZenodoClient client = f.client()) {
      f.approve(SLUG);
      Publisher.Checkpoints crash =
          point -> {
            if (point.equals("published recorded")) {
              throw new IllegalStateException("the machine went off");
            }
          };
      assertThrows(IllegalStateException.class, () -> f.release(client, crash));
      assertTrue(client.recordRequests(entry(f).depositId()).isEmpty(), "nothing was asked");
      CommunityState shown =
          Standing.read(f.workspace)
              .of(SLUG)
              .orElseThrow()
              .community(TargetKind.LOCAL)
              .orElseThrow();
      assertEquals(Inclusion.NOT_REQUESTED, shown.inclusion());
      assertTrue(shown.words().startsWith("not requested (the step after publishing has not run"));

      ReleaseOutcome finished = f.release(client);
      assertEquals(Inclusion.PENDING, finished.published().get(0).community().inclusion());
    }
  }

  @Test
  void noCommunityNamedMeansNotRequested(@TempDir Path tmp) throws Exception {
    try (PublishingFixture f = new PublishingFixture(tmp, SLUG);
        ZenodoClient client = f.client()) {
      released(f, client);
      long id = entry(f).depositId();
      CommunityRequests none = new CommunityRequests(client, "", f.clock);
      CommunityState state = none.ask(SLUG, id, client.record(id), new java.util.ArrayList<>());
      assertEquals(Inclusion.NOT_REQUESTED, state.inclusion());
      assertEquals("not requested (metadata/community.yaml names no community)", state.words());
    }
  }
}
