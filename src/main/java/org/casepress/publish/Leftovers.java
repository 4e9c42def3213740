package org.casepress.publish;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.casepress.model.CaseStudy;
import org.casepress.zenodo.Deposition;
import org.casepress.zenodo.DepositionQuery;
import org.casepress.zenodo.ZenodoClient;

/**
 * The drafts a lost create may have left that no search by our identifier shows, for {@code
 * verify}. When a create's answer was lost and the identifier search did not find its deposition
 * within the window, the create was sent again (the ledger says so, {@code not found}); the first
 * may exist all the same. It is looked for by other means: a search by title, then, if that does
 * not account for every such create, the account's whole deposition listing, page by page. Nothing
 * is deleted here: a draft found this way is only as sure as its title, so a person decides.
 */
final class Leftovers {
  private static final int PAGE = 100;

  /** A bound on the listing: 10,000 depositions is more than any account casepress works for. */
  private static final int MAX_PAGES = 100;

  private final ZenodoClient client;

  Leftovers(ZenodoClient client) {
    this.client = client;
  }

  /**
   * Unpublished drafts with this case study's title, or this version's identifier, that the ledger
   * does not know.
   *
   * @param known every deposition id the case study's ledger names, and those already reported
   * @param lostCreates how many creates of this version were made again after a lost answer
   */
  List<Deposition> of(CaseStudy cs, Ledger.Entry entry, Set<Long> known, long lostCreates)
      throws IOException {
    Map<Long, Deposition> found = new LinkedHashMap<>();
    DepositionQuery byTitle =
        DepositionQuery.of(DepositionQuery.field("title", cs.title())).withAllVersions();
    collect(byTitle, cs, entry, known, found);
    if (found.size() < lostCreates) {
      // A title search is tokenised and may miss too; the listing shows every indexed draft.
      collect(DepositionQuery.all().withAllVersions(), cs, entry, known, found);
    }
    return new ArrayList<>(found.values());
  }

  private void collect(
      DepositionQuery query,
      CaseStudy cs,
      Ledger.Entry entry,
      Set<Long> known,
      Map<Long, Deposition> found)
      throws IOException {
    for (int page = 1; page <= MAX_PAGES; page++) {
      List<Deposition> hits = client.list(query.page(page, PAGE));
      for (Deposition d : hits) {
        if (!d.published() && !known.contains(d.id()) && isOf(d, cs, entry)) {
          found.putIfAbsent(d.id(), d);
        }
      }
      if (hits.size() < PAGE) {
        return;
      }
    }
  }

  private static boolean isOf(Deposition d, CaseStudy cs, Ledger.Entry entry) {
    return d.carriesAlternateIdentifier(entry.identifier())
        || ZenodoText.same(cs.title(), d.metadata().path("title").asText(""))
        || (d.title() != null && ZenodoText.same(cs.title(), d.title()));
  }

  /** What verify prints for one: enough to find it on the website and discard it. */
  static String describe(CaseStudy cs, Ledger.Entry entry, Deposition d) {
    String title = d.metadata().path("title").asText(d.title() == null ? "" : d.title());
    return cs.slug()
        + " v"
        + entry.version()
        + ": deposition "
        + d.id()
        + " \""
        + title
        + "\""
        + (d.created() == null ? "" : " (created " + d.created() + ")")
        + " is an unpublished draft the ledger does not know, most likely left by the create"
        + " whose answer was lost; deposition "
        + entry.depositId()
        + " is the one casepress uses. Discard it on Zenodo: open "
        + d.link("html").orElse("deposition " + d.id() + " on Zenodo's upload page")
        + " and delete it. casepress deletes nothing it is not sure of.";
  }
}
