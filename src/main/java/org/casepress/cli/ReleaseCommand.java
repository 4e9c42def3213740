package org.casepress.cli;

import org.casepress.source.Loaded;
import org.casepress.source.WorkspaceLoader;

/**
 * {@code release}: for now the first step of the main job only, checking the workspace; staging
 * and publishing arrive with the publishing issue.
 */
final class ReleaseCommand implements Command {

  @Override
  public String name() {
    return "release";
  }

  @Override
  public String synopsis() {
    return "[SLUG...] [--launch NAME] [--target T] [--yes]";
  }

  @Override
  public String summary() {
    return "check, render, stage and publish approved case studies (publishing not yet available)";
  }

  @Override
  public int run(Invocation in) {
    Loaded loaded = WorkspaceLoader.load(in.workspace());
    CheckCommand.printHuman(in, loaded);
    if (loaded.hasErrors()) {
      return ExitCode.PROBLEM;
    }
    in.out().println("Staging and publishing to Zenodo are not yet available in this version of casepress.");
    return ExitCode.OK;
  }
}
