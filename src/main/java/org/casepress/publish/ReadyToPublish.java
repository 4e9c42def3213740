package org.casepress.publish;

import org.casepress.model.CaseStudy;
import org.casepress.zenodo.Deposition;

/**
 * One case study version ready to publish, as the preflight found it.
 *
 * @param alreadyPublished the ledger says it is published: nothing to do
 * @param onZenodo the deposition as the preflight read it, or null when it was not read
 */
public record ReadyToPublish(
    CaseStudy caseStudy, Ledger.Entry entry, boolean alreadyPublished, Deposition onZenodo) {}
