package org.casepress.publish;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.casepress.source.Workspace;
import org.casepress.workflow.AtomicFile;
import org.casepress.workflow.StatusFile;

/**
 * The two homes of ledgers (docs/status-json.md): sandbox and production ledgers live in each case
 * study's status.json, committed with it; the local target's ledger lives beside the local server's
 * storage under .casepress/, since both vanish together.
 */
public final class LedgerStores {
  private LedgerStores() {}

  /**
   * The ledger entry of a case study's current version on a target, from a status.json already read
   * (the sandbox and production ledgers are in it), for the status command.
   */
  public static Optional<Ledger.Entry> current(
      Workspace workspace, StatusFile status, TargetKind target) {
    return forTarget(workspace, Statuses.carrying(workspace, status), target)
        .read(status.slug())
        .version(status.version());
  }

  /** The ledgers of one target, for reading (the status command); a session writes them. */
  public static LedgerStore forTarget(Workspace workspace, TargetKind target) {
    return forTarget(workspace, new Statuses(workspace), target);
  }

  static LedgerStore forTarget(Workspace workspace, Statuses statuses, TargetKind target) {
    return target == TargetKind.LOCAL ? local(workspace) : inStatusFiles(statuses, target);
  }

  private static LedgerStore inStatusFiles(Statuses statuses, TargetKind target) {
    return new LedgerStore() {
      @Override
      public Ledger read(String slug) {
        JsonNode node = statuses.of(slug).targets().get(target.id());
        return node == null
            ? Ledger.empty()
            : LedgerFormat.fromJson(node, statuses.file(slug), "targets." + target.id());
      }

      @Override
      public void write(String slug, Ledger ledger) {
        StatusFile status = statuses.of(slug);
        statuses.write(status.withTarget(target.id(), LedgerFormat.toJson(ledger)));
      }
    };
  }

  /**
   * The local target's ledgers, each file read once by this store and written through: a session
   * holds the workspace lock, so nobody else writes them meanwhile.
   */
  static LedgerStore local(Workspace workspace) {
    Path dir = workspace.stateDir().resolve("ledgers").resolve("local");
    Map<String, Ledger> read = new HashMap<>();
    return new LedgerStore() {
      @Override
      public Ledger read(String slug) {
        Ledger known = read.get(slug);
        if (known == null) {
          known = readFile(slug);
          read.put(slug, known);
        }
        return known;
      }

      private Ledger readFile(String slug) {
        Path file = dir.resolve(slug + ".json");
        if (!Files.exists(file)) {
          return Ledger.empty();
        }
        JsonNode node;
        try {
          node = LedgerFormat.JSON.readTree(Files.readAllBytes(file));
        } catch (IOException e) {
          throw new PublishException(
              workspace.relative(file)
                  + ": the local ledger cannot be read ("
                  + e.getMessage()
                  + "). It only records rehearsals on the embedded server: delete it together with"
                  + " .casepress/local-zenodo/ to start the rehearsal afresh.",
              false,
              e);
        }
        return LocalRecords.withPortlessLinks(
            LedgerFormat.fromJson(node, workspace.relative(file), ""));
      }

      @Override
      public void write(String slug, Ledger ledger) {
        try {
          Files.createDirectories(dir);
          DefaultPrettyPrinter pretty =
              new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"));
          String text =
              LedgerFormat.JSON.writer(pretty).writeValueAsString(LedgerFormat.toJson(ledger))
                  + "\n";
          AtomicFile.write(dir.resolve(slug + ".json"), text.getBytes(StandardCharsets.UTF_8));
          read.put(slug, ledger);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    };
  }

  /** A ledger entry as it is stored (snake_case keys), for JSON output. */
  public static JsonNode toJson(Ledger.Entry entry) {
    return LedgerFormat.toJson(entry);
  }
}
