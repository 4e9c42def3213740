package org.casepress.cli;

import java.io.IOException;
import java.time.Clock;
import java.util.Locale;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.casepress.localzenodo.LocalZenodo;
import org.casepress.source.Workspace;
import org.casepress.zenodo.Target;
import org.casepress.zenodo.TerminalProgress;
import org.casepress.zenodo.ZenodoClient;

/**
 * The Zenodo target a command talks to, open for the length of the command: for {@code local}, the
 * embedded server is started on loopback with its storage under .casepress/local-zenodo/ and
 * stopped afterwards; for sandbox and production, the token comes from the environment.
 */
final class ZenodoSession implements AutoCloseable {
  static final String LOCAL_STORAGE = "local-zenodo";

  private final LocalZenodo server;
  private final ZenodoClient client;

  private ZenodoSession(LocalZenodo server, ZenodoClient client) {
    this.server = server;
    this.client = client;
  }

  /** --target and --zenodo-url, which every command that talks to Zenodo takes. */
  static Options options() {
    Options options = new Options();
    options.addOption(
        Option.builder()
            .longOpt("target")
            .hasArg()
            .argName("T")
            .desc("local (default: the embedded server), sandbox or production")
            .get());
    options.addOption(
        Option.builder()
            .longOpt("zenodo-url")
            .hasArg()
            .argName("URL")
            .desc("override the target's API base URL (plain http only on loopback)")
            .get());
    return options;
  }

  static String targetName(Invocation in) {
    String name = in.line().getOptionValue("target", "local").toLowerCase(Locale.ROOT);
    if (!name.equals("local") && !name.equals("sandbox") && !name.equals("production")) {
      throw CommandException.usage(
          "--target must be local, sandbox or production, not '" + name + "'.");
    }
    return name;
  }

  /** Opens the target; for remote targets without a token, stops with what to set. */
  static ZenodoSession open(Invocation in, Workspace workspace, boolean needsToken)
      throws IOException {
    String name = targetName(in);
    String url = in.line().getOptionValue("zenodo-url");
    LocalZenodo server = null;
    Target target;
    try {
      if (name.equals("local") && url == null) {
        server = LocalZenodo.start(workspace.stateDir().resolve(LOCAL_STORAGE), 0);
        target = Target.local(server.apiUrl());
      } else if (name.equals("local")) {
        target = Target.local(url);
      } else {
        target = url == null ? Target.named(name) : Target.named(name).withApiBase(url);
      }
    } catch (IllegalArgumentException e) {
      throw CommandException.usage(e.getMessage());
    }
    ZenodoClient client =
        ZenodoClient.builder(target)
            .env(in.env())
            .progress(
                in.json()
                    ? TerminalProgress.of(in.err(), false)
                    : TerminalProgress.forConsole(in.err()))
            .clock(Clock.systemUTC())
            .build();
    if (needsToken && target.needsToken() && !client.hasToken()) {
      client.close();
      throw CommandException.problem(
          "No Zenodo token for "
              + name
              + ": set the environment variable "
              + target.tokenVariableName().orElse("")
              + " to a personal access token with the deposit:write and deposit:actions scopes"
              + " (created under Applications in your Zenodo account settings).");
    }
    return new ZenodoSession(server, client);
  }

  ZenodoClient client() {
    return client;
  }

  @Override
  public void close() {
    client.close();
    if (server != null) {
      server.close();
    }
  }
}
