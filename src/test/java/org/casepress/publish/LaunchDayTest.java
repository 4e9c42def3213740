package org.casepress.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
