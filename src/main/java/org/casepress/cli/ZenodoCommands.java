package org.casepress.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.casepress.publish.LocalServing;
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
      return "[--port N] [--fault-rate P --fault-seed N] [--search-lag S]";
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
      o.addOption(
          Option.builder()
              .longOpt("fault-rate")
              .hasArg()
              .argName("P")
              .desc(
                  "for soak tests: the share of requests (0 to 1, e.g. 0.25) that fail the way"
                      + " Zenodo can (5xx after the work was done, proxy pages, 429, cut uploads)")
              .get());
      o.addOption(
          Option.builder()
              .longOpt("fault-seed")
              .hasArg()
              .argName("N")
              .desc("where the random faults are drawn from (default 1)")
              .get());
      o.addOption(
          Option.builder()
              .longOpt("search-lag")
              .hasArg()
              .argName("S")
              .desc("seconds a new draft stays out of search (default: Zenodo's 1 s refresh)")
              .get());
      return o;
    }

    @Override
    public int run(Invocation in) throws Exception {
      int port = number(in, "port", "5000", "--port 5000");
      if (port < 0 || port > 65535) {
        throw CommandException.usage("--port must be between 0 and 65535.");
      }
      double rate;
      try {
        rate = Double.parseDouble(in.line().getOptionValue("fault-rate", "0"));
      } catch (NumberFormatException e) {
        rate = -1;
      }
      if (!(rate >= 0 && rate <= 1)) {
        throw CommandException.usage(
            "--fault-rate takes a share between 0 and 1, e.g. --fault-rate 0.25.");
      }
      long seed = number(in, "fault-seed", "1", "--fault-seed 7");
      java.time.Duration lag = null;
      if (in.line().hasOption("search-lag")) {
        int seconds = number(in, "search-lag", "1", "--search-lag 20");
        if (seconds < 0) {
          throw CommandException.usage("--search-lag takes seconds, 0 or more.");
        }
        lag = java.time.Duration.ofSeconds(seconds);
      }
      Session.serveLocal(in.workspace(), new LocalServing(port, rate, seed, lag), in.out());
      return ExitCode.OK;
    }

    private static int number(Invocation in, String option, String fallback, String example) {
      try {
        return Integer.parseInt(in.line().getOptionValue(option, fallback));
      } catch (NumberFormatException e) {
        throw CommandException.usage(
            "--" + option + " takes a whole number, e.g. " + example + ".");
      }
    }
  }
}
