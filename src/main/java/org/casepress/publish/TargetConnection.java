package org.casepress.publish;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import org.casepress.localzenodo.LocalZenodo;
import org.casepress.localzenodo.Options;
import org.casepress.source.Workspace;
import org.casepress.zenodo.Target;
import org.casepress.zenodo.ZenodoClient;

/**
 * The Zenodo target a session talks to, open for the length of the command: for {@code local}, the
 * embedded server is started on loopback with its storage under .casepress/local-zenodo/ and
 * stopped afterwards; for sandbox and production, the token comes from the environment.
 */
final class TargetConnection implements AutoCloseable {
  private static final String LOCAL_STORAGE = "local-zenodo";

  private final LocalZenodo server;
  private final ZenodoClient client;

  private TargetConnection(LocalZenodo server, ZenodoClient client) {
    this.server = server;
    this.client = client;
  }

  /**
   * Opens the target; for remote targets without a token and {@code needsToken}, stops with what to
   * set.
   */
  static TargetConnection open(Workspace workspace, Destination destination, boolean needsToken)
      throws IOException {
    TargetKind kind = destination.target();
    LocalZenodo server = null;
    Target target;
    try {
      if (kind == TargetKind.LOCAL && destination.apiUrl().isEmpty()) {
        server = LocalZenodo.start(localStorage(workspace), 0);
        target = Target.local(server.apiUrl());
      } else if (kind == TargetKind.LOCAL) {
        target = Target.local(destination.apiUrl().get());
      } else {
        Target named = Target.named(kind.id());
        target = destination.apiUrl().map(named::withApiBase).orElse(named);
      }
    } catch (IllegalArgumentException e) {
      throw PublishException.usage("--zenodo-url: " + e.getMessage() + ".");
    }
    ZenodoClient client =
        ZenodoClient.builder(target)
            .env(destination.env())
            .progress(destination.uploads())
            .clock(Clock.systemUTC())
            .build();
    if (needsToken && target.needsToken() && !client.hasToken()) {
      client.close();
      throw PublishException.problem(
          "No Zenodo token for "
              + kind.id()
              + ": set the environment variable "
              + target.tokenVariableName().orElse("")
              + " to a personal access token with the deposit:write and deposit:actions scopes"
              + " (created under Applications in your Zenodo account settings).");
    }
    return new TargetConnection(server, client);
  }

  ZenodoClient client() {
    return client;
  }

  /** Where the embedded server of a workspace keeps its depositions and records. */
  static Path localStorage(Workspace workspace) {
    return workspace.stateDir().resolve(LOCAL_STORAGE);
  }

  /** Runs the workspace's embedded server in the foreground until the process is stopped. */
  static void serve(Workspace workspace, LocalServing how, PrintStream out) throws Exception {
    Options options = Options.defaults();
    if (how.indexLag() != null) {
      options = options.withIndexLag(how.indexLag());
    }
    if (how.faultRate() > 0) {
      options = options.withFaults(f -> f.atRandom(how.faultRate(), how.faultSeed()));
      out.println(
          "Fault injection: "
              + Math.round(how.faultRate() * 100)
              + " % of requests fail the way Zenodo can (seed "
              + how.faultSeed()
              + ").");
    }
    LocalZenodo.runForeground(localStorage(workspace), how.port(), options, out);
  }

  @Override
  public void close() {
    client.close();
    if (server != null) {
      server.close();
    }
  }
}
