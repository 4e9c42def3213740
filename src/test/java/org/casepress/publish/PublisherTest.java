package org.casepress.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.casepress.workflow.ReviewWorkflow;
import org.casepress.workflow.Transition;
import org.casepress.zenodo.Deposition;
import org.casepress.zenodo.ZenodoClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class PublisherTest {

  @Test
  void happyPathStagesAndPublishesInEightRequestsPerCaseStudy(@TempDir Path tmp) throws Exception {
    try (PublishingFixture f = new PublishingFixture(tmp, "base-study", "second-study");
        ZenodoClient client = f.client()) {
      f.approve("base-study");
      f.approve("second-study");
      int before = f.server.requestCount();

      ReleaseOutcome outcome = f.release(client);

      int requests = f.server.requestCount() - before;
      assertEquals(2, outcome.published().size());
      assertEquals(
          18,
          requests,
          "stage (search for it, create, upload) and release (read, search for a twin another"
              + " clone made, publish, read record, its requests, ask the community) for each");
      for (Released r : outcome.published()) {
        Ledger.Entry e = f.ledgers().read(r.caseStudy().slug()).version(1).orElseThrow();
        assertEquals(Ledger.Phase.VERIFIED, e.phase());
        assertEquals(e.reservedDoi(), r.doi(), "the DOI printed on the PDF is the one minted");
        assertEquals("10.5072/zenodo." + e.depositId(), r.doi());
        assertTrue(
            Files.readString(
                    f.root.resolve("build/stage/local/" + r.caseStudy().slug() + "-v1.pdf"))
                .contains(r.doi()));
      }
      assertTrue(Files.isRegularFile(outcome.announcement().resolve("announcement.md")));
      List<Deposition> all = f.everything(client);
      assertEquals(2, all.size());
      assertTrue(all.stream().allMatch(Deposition::published));
    }
  }

  @Test
  void rerunPublishesNothingNewAndSaysSo(@TempDir Path tmp) throws Exception {
    try (PublishingFixture f = new PublishingFixture(tmp, "base-study");
        ZenodoClient client = f.client()) {
      f.approve("base-study");
      f.release(client);
      int before = f.server.requestCount();

      ReleaseOutcome again = f.release(client);

      assertEquals(List.of(), again.published());
      assertEquals(1, again.alreadyPublished().size());
      assertEquals(
          0, f.server.requestCount() - before, "the ledger says it is done: nothing to ask Zenodo");
      assertEquals(1, f.everything(client).size());
    }
  }

  @Test
  void planSendsNoRequests(@TempDir Path tmp) throws Exception {
    try (PublishingFixture f = new PublishingFixture(tmp, "base-study", "second-study")) {
      f.approve("base-study");
      int before = f.server.requestCount();

      List<PlanRow> plan = f.plan();

      assertEquals(0, f.server.requestCount() - before);
      assertEquals(PlanRow.Action.CREATE, plan.get(0).action());
      assertEquals(5, plan.get(0).requests());
      assertEquals(PlanRow.Action.NOTHING, plan.get(1).action());
      assertTrue(plan.get(1).note().startsWith("not approved"), plan.get(1).note());
    }
  }

  @Test
  void changeAfterApprovalBlocksStaging(@TempDir Path tmp) throws Exception {
    try (PublishingFixture f = new PublishingFixture(tmp, "base-study");
        ZenodoClient client = f.client()) {
      f.approve("base-study");
      Path md = f.root.resolve("case-studies/base-study/case-study.md");
      Files.writeString(md, Files.readString(md) + "\nOne more line.\n");
      PublishException e =
          assertThrows(
              PublishException.class,
              () -> f.stage(client, Publisher.Checkpoints.NONE, "base-study"));

      assertTrue(e.getMessage().contains("approved, changed since"), e.getMessage());
      assertEquals(0, f.everything(client).size());
    }
  }

  @Test
  void preflightIsAllOrNothing(@TempDir Path tmp) throws Exception {
    try (PublishingFixture f = new PublishingFixture(tmp, "base-study", "second-study");
        ZenodoClient client = f.client()) {
      f.approve("base-study");
      f.approve("second-study");
      Publisher publisher = f.publisher(client, Publisher.Checkpoints.NONE);
      f.stage(client, Publisher.Checkpoints.NONE);
      long gone = f.ledgers().read("second-study").version(1).orElseThrow().depositId();
      client.delete(gone);

      Publisher production = publisher;
      List<ReadyToPublish> ready = new java.util.ArrayList<>();
      List<String> problems =
          production.preflight(
              List.of(f.caseStudy("base-study"), f.caseStudy("second-study")), ready);

      assertEquals(1, problems.size());
      assertTrue(problems.get(0).contains("is gone from Zenodo"), problems.get(0));
      PublishException e = assertThrows(PublishException.class, () -> f.release(client));
      assertTrue(e.getMessage().startsWith("Nothing was published"), e.getMessage());
      assertTrue(f.everything(client).stream().noneMatch(Deposition::published));
    }
  }

  @Test
  void unstageDiscardsTheDraft(@TempDir Path tmp) throws Exception {
    try (PublishingFixture f = new PublishingFixture(tmp, "base-study");
        ZenodoClient client = f.client()) {
      f.approve("base-study");
      Publisher publisher = f.publisher(client, Publisher.Checkpoints.NONE);
      f.stage(client, Publisher.Checkpoints.NONE);
      assertEquals(1, f.everything(client).size());

      assertTrue(publisher.unstage(f.caseStudy("base-study")));

      assertEquals(0, f.everything(client).size());
      assertTrue(f.ledgers().read("base-study").version(1).isEmpty());
      assertFalse(publisher.unstage(f.caseStudy("base-study")));
    }
  }

  @Test
  void newVersionAfterReopenKeepsTheConcept(@TempDir Path tmp) throws Exception {
    try (PublishingFixture f = new PublishingFixture(tmp, "base-study");
        ZenodoClient client = f.client()) {
      f.approve("base-study");
      Released v1 = f.release(client).published().get(0);
      reopenAndApproveAgain(f);

      Released v2 = f.release(client).published().get(0);

      assertEquals(2, v2.version());
      assertEquals(v1.conceptDoi(), v2.conceptDoi());
      assertFalse(v1.doi().equals(v2.doi()));
      List<Deposition> all = f.everything(client);
      assertEquals(2, all.size());
      assertTrue(all.stream().allMatch(Deposition::published));
      Deposition second =
          client.get(f.ledgers().read("base-study").version(2).orElseThrow().depositId());
      assertEquals(
          1, second.files().size(), "the inherited PDF is replaced, not kept beside the new one");
      assertTrue(
          second.carriesAlternateIdentifier(
              "urn:casepress:the-turing-way-practitioners:base-study:v2"));
      assertFalse(
          second.carriesAlternateIdentifier(
              "urn:casepress:the-turing-way-practitioners:base-study:v1"));
    }
  }

  @Test
  void leftoverNewVersionDraftIsTakenOver(@TempDir Path tmp) throws Exception {
    try (PublishingFixture f = new PublishingFixture(tmp, "base-study");
        ZenodoClient client = f.client()) {
      f.approve("base-study");
      Released v1 = f.release(client).published().get(0);
      reopenAndApproveAgain(f);
      long v1Id = f.ledgers().read("base-study").version(1).orElseThrow().depositId();
      Deposition leftover =
          client.newVersion(v1Id); // someone started a new version by hand; it holds v1's PDF

      Released v2 = f.release(client).published().get(0);

      assertEquals(
          leftover.id(), f.ledgers().read("base-study").version(2).orElseThrow().depositId());
      assertEquals(v1.conceptDoi(), v2.conceptDoi());
      assertEquals(2, f.everything(client).size());
    }
  }

  static void reopenAndApproveAgain(PublishingFixture f) throws Exception {
    ReviewWorkflow wf = new ReviewWorkflow(f.workspace);
    // Publishing on production is what makes a case study "published"; a test records it directly.
    wf.recordPublication("base-study", "sam-okoro", "10.5072/zenodo.test");
    wf.apply("base-study", Transition.REOPEN, "morgan-ellis", "a correction");
    Path md = f.root.resolve("case-studies/base-study/case-study.md");
    Files.writeString(
        md,
        Files.readString(md).replace("The team kept its model", "The team long kept its model"));
    f.approve("base-study");
  }
}
