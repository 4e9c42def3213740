package org.casepress.cli;

import java.time.LocalDate;
import java.time.ZoneOffset;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.casepress.publish.DepositPreview;

/**
 * {@code metadata SLUG [--target T] [--launch NAME]}: prints the deposit metadata of a case study's
 * current version as the next stage would send it, or as deposited once published. The output is
 * always JSON, so --json changes nothing; notes go to standard error.
 */
final class MetadataCommand implements Command {

  @Override
  public String name() {
    return "metadata";
  }

  @Override
  public String synopsis() {
    return "SLUG [--target T] [--launch NAME]";
  }

  @Override
  public String summary() {
    return "the Zenodo deposit metadata of a case study, as JSON";
  }

  @Override
  public Options options() {
    Options o = new Options();
    o.addOption(
        Option.builder()
            .longOpt("target")
            .hasArg()
            .argName("T")
            .desc(
                "whose ledger says what is staged or published: local (default), sandbox, production")
            .get());
    o.addOption(
        Option.builder()
            .longOpt("launch")
            .hasArg()
            .argName("NAME")
            .desc("the launch it will be staged with, which dates it")
            .get());
    return o;
  }

  @Override
  public int run(Invocation in) {
    DepositPreview preview =
        DepositPreview.of(
            in.workspace(),
            in.slug(),
            in.target(),
            in.line().getOptionValue("launch"),
            LocalDate.now(ZoneOffset.UTC));
    in.printJson(preview.metadata());
    preview
        .doi()
        .ifPresent(
            doi ->
                in.err()
                    .println(
                        preview.slug()
                            + " v"
                            + preview.version()
                            + " is published on "
                            + preview.target().id()
                            + " as "
                            + doi
                            + " ("
                            + preview.date()
                            + ")."
                            + (preview.changedSince()
                                ? " Its files or the workspace metadata changed since, so this is"
                                    + " built from today's files and differs from what was"
                                    + " deposited; reopen it to publish a new version."
                                : "")));
    return ExitCode.OK;
  }
}
