package org.casepress.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.casepress.publish.Session;
import org.casepress.zenodo.DoctorCheck;

/** doctor, verify and local-zenodo: commands about the Zenodo side itself. */
final class ZenodoCommands {
  private ZenodoCommands() {}

  static final class DoctorCommand implements Command {
    @Override
    public String name() {
      return "doctor";
    }

    @Override
    public String synopsis() {
      return "[--target T]";
    }

    @Override
    public String summary() {
      return "token present, API reachable, token accepted, community exists: one verdict per check";
    }

    @Override
    public Options options() {
      return PublishCommands.targetOptions();
    }

    @Override
    public int run(Invocation in) {
      List<DoctorCheck> checks = Session.doctor(in.workspace(), in.destination());
      if (in.json()) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (DoctorCheck c : checks) {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("check", c.name());
          m.put("status", c.status().name().toLowerCase(java.util.Locale.ROOT));
          m.put("detail", c.detail());
          out.add(m);
        }
        in.printJson(out);
      } else {
        checks.forEach(c -> in.out().println(c.line()));
      }
      return checks.stream().anyMatch(DoctorCheck::failed) ? ExitCode.PROBLEM : ExitCode.OK;
    }
  }

  static final class VerifyCommand implements Command {
    @Override
    public String name() {
      return "verify";
    }

    @Override
    public String synopsis() {
      return "[SLUG...] [--target T]";
    }

    @Override
    public String summary() {
      return "check published records against the ledger, and look for orphan drafts";
    }

    @Override
    public Options options() {
      return PublishCommands.targetOptions();
    }

    @Override
    public int run(Invocation in) {
      List<String> found;
      String target;
      int checked;
      try (Session session = PublishCommands.open(in)) {
        found = session.verify(in.args());
        target = session.target().id();
        checked = in.args().isEmpty() ? session.caseStudyCount() : in.args().size();
      }
      found.forEach(in.out()::println);
      in.out()
          .println(
              found.isEmpty()
                  ? "OK: what "
                      + target
                      + " holds matches the ledgers of "
                      + checked
                      + (checked == 1 ? " case study." : " case studies.")
                  : found.size() + " discrepancies on " + target + ".");
      return found.isEmpty() ? ExitCode.OK : ExitCode.PROBLEM;
    }
  }

  static final class LocalZenodoCommand implements Command {
    @Override
    public String name() {
      return "local-zenodo";
    }

    @Override
    public String synopsis() {
      return "[--port N]";
    }

    @Override
    public String summary() {
      return "run the embedded Zenodo-compatible server in the foreground (Ctrl-C stops it)";
    }

    @Override
    public Options options() {
      Options o = new Options();
      o.addOption(
          Option.builder()
              .longOpt("port")
              .hasArg()
              .argName("N")
              .desc("the port on 127.0.0.1 (default 5000)")
              .get());
      return o;
    }

    @Override
    public int run(Invocation in) throws Exception {
      int port;
      try {
        port = Integer.parseInt(in.line().getOptionValue("port", "5000"));
      } catch (NumberFormatException e) {
        throw CommandException.usage("--port takes a number, e.g. --port 5000.");
      }
      if (port < 0 || port > 65535) {
        throw CommandException.usage("--port must be between 0 and 65535.");
      }
      Session.serveLocal(in.workspace(), port, in.out());
      return ExitCode.OK;
    }
  }
}
