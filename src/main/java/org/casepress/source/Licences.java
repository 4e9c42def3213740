package org.casepress.source;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The licences Zenodo accepts, from Zenodo's own map of legacy ids to the SPDX-based ids it uses
 * since its 2023 migration. Matching is case-insensitive, as on Zenodo.
 */
public final class Licences {
  private static final Licences ZENODO = load();

  private final Set<String> accepted;
  private final Map<String, String> legacyAliases;

  private Licences(Set<String> accepted, Map<String, String> legacyAliases) {
    this.accepted = accepted;
    this.legacyAliases = legacyAliases;
  }

  public static Licences zenodo() {
    return ZENODO;
  }

  /** The verdict on one licence id. */
  public sealed interface Verdict {}

  /** Zenodo accepts the id as it is. */
  public record Accepted() implements Verdict {}

  /** An old Zenodo alias: accepted by Zenodo, but the SPDX id should be written instead. */
  public record Alias(String spdx) implements Verdict {}

  /** Not a licence Zenodo knows; {@code nearest} may hold a likely intended id. */
  public record Unknown(Optional<String> nearest) implements Verdict {}

  public Verdict judge(String id) {
    String key = id.toLowerCase(Locale.ROOT);
    if (accepted.contains(key)) {
      return new Accepted();
    }
    String target = legacyAliases.get(key);
    if (target != null) {
      return new Alias(spdxCase(target));
    }
    return new Unknown(Optional.ofNullable(Suggest.nearest(key, accepted)).map(Licences::spdxCase));
  }

  /** Zenodo stores ids in lower case; SPDX writes them as in CC-BY-4.0 and Apache-2.0. */
  static String spdxCase(String lower) {
    if (lower.startsWith("cc")) {
      return lower.toUpperCase(Locale.ROOT);
    }
    return switch (lower) {
      case "mit" -> "MIT";
      case "apache-2.0" -> "Apache-2.0";
      default ->
          lower
              .toUpperCase(Locale.ROOT)
              .replace("-ONLY", "-only")
              .replace("-OR-LATER", "-or-later");
    };
  }

  private static Licences load() {
    try (InputStream in = Licences.class.getResourceAsStream("zenodo-licences.json")) {
      Map<String, String> map =
          new ObjectMapper().readValue(in, new TypeReference<Map<String, String>>() {});
      Set<String> accepted = new HashSet<>(map.values());
      Map<String, String> aliases = new HashMap<>();
      map.forEach(
          (legacy, rdm) -> {
            if (!accepted.contains(legacy)) {
              aliases.put(legacy, rdm);
            }
          });
      return new Licences(new TreeSet<>(accepted), aliases);
    } catch (IOException e) {
      throw new UncheckedIOException("the bundled Zenodo licence map cannot be read", e);
    }
  }
}
