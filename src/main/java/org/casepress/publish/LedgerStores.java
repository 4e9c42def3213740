package org.casepress.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.casepress.source.Workspace;
import org.casepress.workflow.AtomicFile;
import org.casepress.workflow.StatusFile;
import org.casepress.workflow.StatusStore;

/**
 * The two homes of ledgers (docs/publishing.md#the-ledger): sandbox and production ledgers live in
 * each case study's status.json, committed with it; the local target's ledger lives beside the
 * local server's storage under .casepress/, since both vanish together.
 */
public final class LedgerStores {
  static final ObjectMapper JSON =
      JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();

  private LedgerStores() {}

  public static LedgerStore forTarget(Workspace workspace, String target) {
    return target.equals("local") ? local(workspace) : inStatusFiles(workspace, target);
  }

  static LedgerStore inStatusFiles(Workspace workspace, String target) {
    StatusStore store = new StatusStore(workspace);
    return new LedgerStore() {
      @Override
      public Ledger read(String slug) {
        JsonNode node = store.read(slug).targets().get(target);
        return node == null ? Ledger.empty() : fromJson(node);
      }

      @Override
      public void write(String slug, Ledger ledger) {
        StatusFile status = store.read(slug);
        store.write(status.withTarget(target, JSON.valueToTree(ledger)));
      }
    };
  }

  static LedgerStore local(Workspace workspace) {
    Path dir = workspace.stateDir().resolve("ledgers").resolve("local");
    return new LedgerStore() {
      @Override
      public Ledger read(String slug) {
        Path file = dir.resolve(slug + ".json");
        if (!Files.isRegularFile(file)) {
          return Ledger.empty();
        }
        try {
          return fromJson(JSON.readTree(Files.readAllBytes(file)));
        } catch (IOException e) {
          throw new UncheckedIOException(
              "cannot read the local ledger " + workspace.relative(file), e);
        }
      }

      @Override
      public void write(String slug, Ledger ledger) {
        try {
          Files.createDirectories(dir);
          DefaultPrettyPrinter pretty =
              new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"));
          String text = JSON.writer(pretty).writeValueAsString(ledger) + "\n";
          AtomicFile.write(dir.resolve(slug + ".json"), text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    };
  }

  /** A ledger entry as it is stored (snake_case keys), for JSON output. */
  public static JsonNode toJson(Ledger.Entry entry) {
    return JSON.valueToTree(entry);
  }

  static Ledger fromJson(JsonNode node) {
    try {
      return JSON.treeToValue(node, Ledger.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "a ledger in the state files cannot be read: " + e.getOriginalMessage(), e);
    }
  }
}
