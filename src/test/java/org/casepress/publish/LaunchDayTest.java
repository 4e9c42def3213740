package org.casepress.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.casepress.localzenodo.Options;
import org.casepress.localzenodo.Route;
import org.casepress.source.Workspace;
import org.casepress.zenodo.Deposition;
import org.casepress.zenodo.Sleeper;
import org.casepress.zenodo.ZenodoClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Issue 10: Zenodo is the source of truth, and a launch never stops half way. */
@Timeout(120)
class LaunchDayTest {

  static final class Crash extends RuntimeException {
    Crash(String point) {
      super("killed at " + point, null, false, false);
    }
  }

  @Test
  void twoClonesMakeOneDepositPerVersion(@TempDir Path tmp) throws Exception {
    try (PublishingFixture f = new PublishingFixture(tmp, "base-study", "second-study");
        ZenodoClient client = f.client()) {
      f.approve("base-study");
      f.approve("second-study");
      // The coordinator's clone has the approvals but not the writer's ledger.
      Workspace coordinator = f.cloneWithoutLedgers(tmp.resolve("coordinator"));
      f.stage(client, Publisher.Checkpoints.NONE, "base-study", "second-study");
      ReleaseOutcome outcome;
      try (Session session = f.session(coordinator, client, Publisher.Checkpoints.NONE)) {
        outcome = session.release(List.of(), null, batch -> true);
      }
      assertEquals(2, outcome.published().size());
      // The writer, releasing afterwards from their clone, finds both published: none is sent
      // again.
      ReleaseOutcome again = f.release(client);
      assertEquals(2, again.published().size() + again.alreadyPublished().size());
      List<Deposition> all = f.everything(client);
      assertEquals(2, all.size(), "one deposition per case study version: " + all);
      assertTrue(all.stream().allMatch(Deposition::published));
      Ledger.Entry coordinators =
          LedgerStores.forTarget(coordinator, TargetKind.LOCAL)
              .read("base-study")
              .version(1)
              .orElseThrow();
      assertTrue(
          coordinators.events().stream().anyMatch(e -> e.outcome() == Ledger.Outcome.ADOPTED));
    }
  }

  @Test
  void aCloneWithoutTheLedgerRecoversAPublishedVersionFromZenodo(@TempDir Path tmp)
      throws Exception {
    try (PublishingFixture f = new PublishingFixture(tmp, "base-study");
        ZenodoClient client = f.client()) {
      f.approve("base-study");
      Workspace other = f.cloneWithoutLedgers(tmp.resolve("other"));
      ReleaseOutcome first = f.release(client);
      List<Staged> staged;
      try (Session session = f.session(other, client, Publisher.Checkpoints.NONE)) {
        staged = session.stage(List.of("base-study"), null);
      }
      assertEquals(StageOutcome.ALREADY_PUBLISHED, staged.get(0).outcome());
      Ledger.Entry recovered =
          LedgerStores.forTarget(other, TargetKind.LOCAL)
              .read("base-study")
              .version(1)
              .orElseThrow();
      assertEquals(first.published().get(0).doi(), recovered.doi());
      assertEquals(1, f.everything(client).size());
    }
  }

  @Test
  void titleWithTypographicApostrophePublishesAndIsAnnounced(@TempDir Path tmp) throws Exception {
    try (PublishingFixture f = new PublishingFixture(tmp, "base-study", "second-study");
        ZenodoClient client = f.client()) {
      Path md = f.root.resolve("case-studies/base-study/case-study.md");
      Files.writeString(
          md, Files.readString(md).replace("Opening the flood model", "Opening the river’s model"));
      f.approve("base-study");
      f.approve("second-study");
      ReleaseOutcome outcome = f.release(client);
      assertEquals(2, outcome.published().size());
      assertEquals(List.of(), outcome.warnings());
      assertEquals(List.of(), outcome.failed());
      assertTrue(Files.exists(outcome.announcement().resolve("announcement.md")));
      Ledger.Entry entry = f.ledgers().read("base-study").version(1).orElseThrow();
      assertEquals(Ledger.Phase.VERIFIED, entry.phase());
    }
  }

  @Test
  void publishAnswered504WhileStillApplyingIsNotSentAgain(@TempDir Path tmp) throws Exception {
    try (PublishingFixture f = new PublishingFixture(tmp, "base-study");
        ZenodoClient client = f.client()) {
      f.approve("base-study");
      // Real waits: the server applies the publish three seconds after its proxy gave up.
      f.sleeper = Sleeper.REAL;
      f.stage(client, Publisher.Checkpoints.NONE, "base-study");
      f.server.faults().applyLate(Route.PUBLISH, Duration.ofSeconds(3), 1);
      ReleaseOutcome outcome = f.release(client);
      assertEquals(List.of(), outcome.failed(), "a second publish would have been refused");
      assertEquals(1, outcome.published().size());
      Ledger.Entry entry = f.ledgers().read("base-study").version(1).orElseThrow();
      long publishesSent =
          entry.events().stream()
              .filter(e -> e.step() == Ledger.Step.PUBLISH && e.outcome() == Ledger.Outcome.STARTED)
              .count();
      assertEquals(1, publishesSent);
      assertTrue(entry.events().stream().anyMatch(e -> e.outcome() == Ledger.Outcome.ANSWER_LOST));
    }
  }

  @Test
  void killedBetweenCreateAndUploadOnLocalContinuesAfterTheServerMoved(@TempDir Path tmp)
      throws Exception {
    try (PublishingFixture f = new PublishingFixture(tmp, "base-study")) {
      f.approve("base-study");
      try (ZenodoClient client = f.client()) {
        assertThrows(
            Crash.class,
            () ->
                f.stage(
                    client,
                    point -> {
                      if (point.equals("deposit recorded")) {
                        throw new Crash(point);
                      }
                    },
                    "base-study"));
      }
      f.restartServer();
      try (ZenodoClient client = f.client()) {
        ReleaseOutcome outcome = f.release(client);
        assertEquals(1, outcome.published().size());
        assertEquals(1, f.everything(client).size());
      }
    }
  }

  @Test
  void releasingWithAnotherAccountIsExplainedAsSuch(@TempDir Path tmp) throws Exception {
    Options accounts =
        Options.defaults().withAccount("writer", "writer-token").withAccount("lead", "lead-token");
    try (PublishingFixture f = new PublishingFixture(tmp, accounts, "base-study")) {
      f.approve("base-study");
      try (ZenodoClient writer = f.client("writer-token")) {
        f.stage(writer, Publisher.Checkpoints.NONE, "base-study");
      }
      try (ZenodoClient lead = f.client("lead-token");
          Session session = f.session(lead, Publisher.Checkpoints.NONE)) {
        PublishException e =
            assertThrows(
                PublishException.class, () -> session.release(List.of(), null, batch -> true));
        assertTrue(e.getMessage().contains("another Zenodo account"), e.getMessage());
        assertTrue(!e.getMessage().contains("lead-token"));
      }
    }
  }

  @Test
  void aBlockedCaseStudyHoldsBackTheBatchUnlessTheReadyOnesAreConfirmed(@TempDir Path tmp)
      throws Exception {
    try (PublishingFixture f = new PublishingFixture(tmp, "base-study", "second-study");
        ZenodoClient client = f.client()) {
      f.approve("base-study");
      f.approve("second-study");
      f.stage(client, Publisher.Checkpoints.NONE);
      client.delete(f.ledgers().read("second-study").version(1).orElseThrow().depositId());

      PublishException refused = assertThrows(PublishException.class, () -> f.release(client));
      assertTrue(refused.getMessage().contains("second-study"), refused.getMessage());
      assertTrue(refused.getMessage().contains("1 case study is ready"), refused.getMessage());
      assertTrue(f.everything(client).stream().noneMatch(Deposition::published));

      List<List<String>> asked = new java.util.ArrayList<>();
      Confirmation onlyReady =
          new Confirmation() {
            @Override
            public boolean confirm(List<ReadyToPublish> batch) {
              return true;
            }

            @Override
            public boolean publishReadySubset(List<String> blocked, List<ReadyToPublish> ready) {
              asked.add(blocked);
              return true;
            }
          };
      ReleaseOutcome outcome;
      try (Session session = f.session(client, Publisher.Checkpoints.NONE)) {
        outcome = session.release(List.of(), null, onlyReady);
      }
      assertEquals(1, asked.size());
      assertEquals(1, asked.get(0).size());
      assertTrue(asked.get(0).get(0).startsWith("second-study:"), asked.get(0).get(0));
      assertEquals(
          List.of("base-study"),
          outcome.published().stream().map(r -> r.caseStudy().slug()).toList());
      assertTrue(Files.exists(outcome.announcement().resolve("announcement.md")));
    }
  }

  @Test
  void rehearsalShowsRequestsPendingUntilTheCuratorAcceptsThem(@TempDir Path tmp) throws Exception {
    try (PublishingFixture f = new PublishingFixture(tmp, "base-study", "second-study");
        ZenodoClient client = f.client()) {
      f.approve("base-study");
      f.approve("second-study");
      ReleaseOutcome outcome = f.release(client);
      assertEquals(2, outcome.published().size());
      for (Released r : outcome.published()) {
        assertEquals(
            CommunityState.Inclusion.PENDING, r.community().inclusion(), r.caseStudy().slug());
        long id = f.ledgers().read(r.caseStudy().slug()).version(1).orElseThrow().depositId();
        List<org.casepress.zenodo.CommunityRequest> requests = client.recordRequests(id);
        assertEquals(1, requests.size(), "one request, made with the native endpoint");
        assertTrue(requests.get(0).open());
      }
      int accepted;
      try (Session session = f.session(client, Publisher.Checkpoints.NONE)) {
        accepted = session.acceptCommunityRequests(List.of(), null).requests();
      }
      assertEquals(2, accepted);
      for (String slug : List.of("base-study", "second-study")) {
        Ledger.Entry e = f.ledgers().read(slug).version(1).orElseThrow();
        assertEquals(
            CommunityState.Inclusion.ACCEPTED, e.publication().community().inclusion(), slug);
        assertTrue(
            client.record(e.depositId()).communities().contains(Options.DEFAULT_COMMUNITY), slug);
      }
    }
  }

  /**
   * The failure of issue 10 (1 of 17 fault trials): v1 is published but a lagging search still
   * lists it as an unsubmitted draft of its concept, and the answer to v2's newversion is lost. v2
   * must get its own deposition, never v1's, and later stages must go on working.
   */
  @Test
  void aLostNewVersionAnswerWithAStaleSearchNeverAdoptsThePublishedVersion(@TempDir Path tmp)
      throws Exception {
    try (PublishingFixture f = new PublishingFixture(tmp, "base-study");
        ZenodoClient client = f.client()) {
      f.approve("base-study");
      // The drafts index catches up with a publish only after 60 s of the server's clock: for the
      // whole test, listings show v1 as the draft it was.
      f.server.faults().staleAfterPublish(Duration.ofSeconds(60));
      Released v1 = f.release(client).published().get(0);
      long v1Id = f.ledgers().read("base-study").version(1).orElseThrow().depositId();
      String concept = client.get(v1Id).conceptrecid();
      assertTrue(
          client
              .list(
                  org.casepress.zenodo.DepositionQuery.of("conceptrecid:" + concept)
                      .withAllVersions())
              .stream()
              .anyMatch(d -> d.id() == v1Id && !d.published()),
          "the search is stale: v1 still shows as a draft");
      PublisherTest.reopenAndApproveAgain(f);
      // newversion is done but its answer lost, and the new draft is missing from the first
      // listings: all a search shows of the concept is v1, as a draft.
      f.server.faults().failAfterCommit(Route.NEWVERSION, 504, 1).searchLag(3);

      f.sleeps.clear();
      List<Staged> staged = f.stage(client, Publisher.Checkpoints.NONE, "base-study");

      Ledger.Entry v2 = f.ledgers().read("base-study").version(2).orElseThrow();
      assertTrue(v2.depositId() != v1Id, "v2 has its own deposition, not v1's " + v1Id);
      assertTrue(
          v2.events().stream().anyMatch(e -> e.outcome() == Ledger.Outcome.ANSWER_LOST),
          v2.events().toString());
      assertTrue(
          f.sleeps.stream().filter(Publisher.WAIT_PAUSE::equals).count() >= 3,
          "the first searches showed only v1, as a draft, and it was passed over: " + f.sleeps);
      assertTrue(
          staged.get(0).outcome() == StageOutcome.NEW_VERSION
              || staged.get(0).outcome() == StageOutcome.RESUMED,
          "staged as a new version, within the run: " + staged.get(0).outcome());
      // A later stage (after another approved change) updates v2's own draft: no 403.
      Path md = f.root.resolve("case-studies/base-study/case-study.md");
      Files.writeString(md, Files.readString(md) + "\nOne more correction.\n");
      new org.casepress.workflow.ReviewWorkflow(f.workspace)
          .apply("base-study", org.casepress.workflow.Transition.APPROVE, "morgan-ellis", "again");
      assertEquals(
          StageOutcome.UPDATED,
          f.stage(client, Publisher.Checkpoints.NONE, "base-study").get(0).outcome());
      ReleaseOutcome outcome = f.release(client);
      assertEquals(List.of(), outcome.failed());
      Released second = outcome.published().get(0);
      assertEquals(2, second.version());
      assertTrue(!second.doi().equals(v1.doi()), second.doi());
      assertEquals(v1.conceptDoi(), second.conceptDoi());
      List<Deposition> all = f.everything(client);
      assertEquals(2, all.size(), all.toString());
      for (Deposition d : all) {
        assertTrue(client.get(d.id()).published(), "read, not listed: " + d.id());
      }
    }
  }

  /**
   * A create whose answer is lost and whose deposition no identifier search ever shows: stage makes
   * it again and records that, and verify finds the first by its title and the account's listing,
   * names it by id, and deletes nothing.
   */
  @Test
  void verifyNamesTheDraftALostUnsearchableCreateLeft(@TempDir Path tmp) throws Exception {
    try (PublishingFixture f = new PublishingFixture(tmp, "base-study", "second-study");
        ZenodoClient client = f.client()) {
      f.approve("base-study");
      f.approve("second-study");
      f.server.faults().failAfterCommit(Route.CREATE, 504, 1).identifiersNeverIndexed(1);
      f.stage(client, Publisher.Checkpoints.NONE, "base-study", "second-study");
      Ledger.Entry entry = f.ledgers().read("base-study").version(1).orElseThrow();
      assertEquals(Ledger.Phase.STAGED, entry.phase());
      assertEquals(1, entry.lostCreatesMadeAgain(), entry.events().toString());
      List<Long> orphans =
          f.everything(client).stream()
              .map(Deposition::id)
              .filter(
                  id ->
                      id != entry.depositId()
                          && id
                              != f.ledgers()
                                  .read("second-study")
                                  .version(1)
                                  .orElseThrow()
                                  .depositId())
              .toList();
      assertEquals(1, orphans.size(), "the lost create made a draft: " + orphans);

      Verified verify = verify(f);

      assertEquals(1, verify.exitCode(), verify.out() + verify.err());
      List<String> named =
          verify.out().lines().filter(l -> l.contains("unpublished draft")).toList();
      assertEquals(1, named.size(), verify.out());
      assertTrue(named.get(0).startsWith("base-study v1: deposition " + orphans.get(0) + " "));
      assertTrue(
          named.get(0).contains(" \"Opening the flood model: a test case study\" "), named.get(0));
      assertTrue(named.get(0).contains("(created 20"), named.get(0));
      assertTrue(named.get(0).contains("/deposit/" + orphans.get(0) + " "), named.get(0));
      assertTrue(named.get(0).contains("deposition " + entry.depositId() + " is the one"));
      assertEquals(3, f.everything(client).size(), "verify deletes nothing");
    }
  }

  @Test
  void verifySaysOkWhenTheLostCreateLeftNothing(@TempDir Path tmp) throws Exception {
    try (PublishingFixture f = new PublishingFixture(tmp, "base-study");
        ZenodoClient client = f.client()) {
      f.approve("base-study");
      // The proxy gives up before the create reaches Zenodo: nothing is made.
      f.server.faults().htmlError(Route.CREATE, 504, 1);
      f.stage(client, Publisher.Checkpoints.NONE, "base-study");
      Ledger.Entry entry = f.ledgers().read("base-study").version(1).orElseThrow();
      assertEquals(1, entry.lostCreatesMadeAgain(), entry.events().toString());
      assertEquals(1, f.everything(client).size());

      Verified verify = verify(f);

      assertEquals(0, verify.exitCode(), verify.out() + verify.err());
      assertTrue(verify.out().startsWith("OK: "), verify.out());
    }
  }

  record Verified(int exitCode, String out, String err) {}

  /** {@code casepress verify} in the fixture's workspace, against the fixture's server. */
  private static Verified verify(PublishingFixture f) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
    int code;
    try (java.io.PrintStream o = new java.io.PrintStream(out, true, StandardCharsets.UTF_8);
        java.io.PrintStream e = new java.io.PrintStream(err, true, StandardCharsets.UTF_8)) {
      code =
          org.casepress.cli.Cli.run(
              o,
              e,
              java.util.Map.of(),
              f.root,
              "verify",
              "--target",
              "local",
              "--zenodo-url",
              f.server.apiUrl());
    }
    return new Verified(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
