package org.casepress.localzenodo;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * How the embedded server behaves. Immutable; the {@code with...} methods return copies. Tokens are
 * never printed: {@link #toString()} and {@link Account#toString()} redact them.
 *
 * <p>The defaults are zenodo.org's wherever one exists (limits, index refresh, review before
 * inclusion); where zenodo.org has no default (accounts, communities), they are what a first
 * rehearsal on the {@code local} target needs: one account, taken by every caller, that curates
 * {@value #DEFAULT_COMMUNITY}, a community whose curators review every submission.
 */
public record Options(
    List<Account> accounts,
    Map<String, Community> communities,
    boolean autoAccept,
    Duration indexLag,
    long maxFileSize,
    int maxFiles,
    int rateLimit,
    Duration rateWindow,
    String doiPrefix,
    boolean legacyErrors,
    Clock clock,
    Consumer<Faults> faults) {

  public static final String DEFAULT_COMMUNITY = "the-turing-way-practitioners";

  /** The account every caller acts as when no accounts are configured. */
  public static final String DEFAULT_ACCOUNT = "local";

  /**
   * Who may include a record in a community without a curator's review ({@code
   * access.review_policy} on Zenodo).
   */
  public enum ReviewPolicy {
    /** Curators, managers and owners include directly; everyone else waits for review. */
    OPEN,
    /** Every member includes directly. */
    MEMBERS,
    /** Every submission waits for a curator, the curators' own included. */
    CLOSED;

    String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** A member's role in a community, lowest first. */
  public enum Role {
    READER,
    CURATOR,
    MANAGER,
    OWNER;

    boolean curates() {
      return this != READER;
    }
  }

  /** A user of the server and the token that authenticates it. */
  public record Account(String name, String token) {
    public Account {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("an account needs a name");
      }
    }

    @Override
    public String toString() {
      return "Account[" + name + ", token=" + (token == null ? "none" : "redacted") + "]";
    }
  }

  /** A community: its review policy and the roles of accounts in it, by account name. */
  public record Community(String slug, ReviewPolicy reviewPolicy, Map<String, Role> members) {
    public Community {
      members = Map.copyOf(members);
    }

    Optional<Role> role(String account) {
      return Optional.ofNullable(members.get(account));
    }

    /** Zenodo's {@code can_include_directly}: decided by the policy and the publisher's role. */
    boolean includesDirectly(String account) {
      Optional<Role> role = role(account);
      return switch (reviewPolicy) {
        case OPEN -> role.map(Role::curates).orElse(false);
        case MEMBERS -> role.isPresent();
        case CLOSED -> false;
      };
    }
  }

  public Options {
    accounts = List.copyOf(accounts);
    communities = Map.copyOf(communities);
  }

  /**
   * No token required (every caller is the account {@value #DEFAULT_ACCOUNT}); {@value
   * #DEFAULT_COMMUNITY} with a closed review policy, curated by that account, so a publish leaves a
   * request that waits for a curator; index refresh after one second; Zenodo's 50 GB and 100-file
   * limits; 1000 requests per minute; test DOIs under {@code 10.5072}.
   */
  public static Options defaults() {
    return new Options(
        List.of(),
        Map.of(
            DEFAULT_COMMUNITY,
            new Community(
                DEFAULT_COMMUNITY, ReviewPolicy.CLOSED, Map.of(DEFAULT_ACCOUNT, Role.CURATOR))),
        false,
        Duration.ofSeconds(1),
        50_000_000_000L,
        100,
        1000,
        Duration.ofMinutes(1),
        "10.5072",
        false,
        Clock.systemUTC(),
        f -> {});
  }

  /** Only this bearer token is accepted, as the account {@value #DEFAULT_ACCOUNT}. */
  public Options withRequiredToken(String token) {
    return withAccounts(List.of(new Account(DEFAULT_ACCOUNT, token)));
  }

  /** Only these accounts' tokens are accepted; anything else gets 403 like Zenodo. */
  public Options withAccounts(List<Account> list) {
    return copy().accounts(list).build();
  }

  /** Adds an account (with its token) to those accepted. */
  public Options withAccount(String name, String token) {
    List<Account> list = new ArrayList<>(accounts);
    list.add(new Account(name, token));
    return withAccounts(list);
  }

  /** Adds or replaces a community whose only curator is {@value #DEFAULT_ACCOUNT}. */
  public Options withCommunity(String slug, ReviewPolicy policy) {
    return withCommunity(new Community(slug, policy, Map.of(DEFAULT_ACCOUNT, Role.CURATOR)));
  }

  public Options withCommunity(Community community) {
    Map<String, Community> m = new LinkedHashMap<>(communities);
    m.put(community.slug(), community);
    return copy().communities(m).build();
  }

  /** No communities at all: every community named is unknown. */
  public Options withoutCommunities() {
    return copy().communities(Map.of()).build();
  }

  /**
   * Every inclusion request is accepted the moment it is made, whatever the policy: the best case,
   * for tests that are not about communities.
   */
  public Options withAutoAccept() {
    return copy().autoAccept(true).build();
  }

  /** How long a new draft stays out of search and listings (Zenodo: one index refresh). */
  public Options withIndexLag(Duration lag) {
    return copy().indexLag(lag).build();
  }

  public Options withMaxFileSize(long bytes) {
    return copy().maxFileSize(bytes).build();
  }

  public Options withMaxFiles(int files) {
    return copy().maxFiles(files).build();
  }

  public Options withRateLimit(int requests, Duration window) {
    return copy().rateLimit(requests).rateWindow(window).build();
  }

  public Options withDoiPrefix(String prefix) {
    return copy().doiPrefix(prefix).build();
  }

  public Options withClock(Clock clock) {
    return copy().clock(clock).build();
  }

  /**
   * Errors as the pre-2023 server wrote them and the docs still show: {@code message} (a string)
   * instead of {@code messages} in field errors, and 401 instead of 403 for a bad token.
   */
  public Options withLegacyErrors() {
    return copy().legacyErrors(true).build();
  }

  /**
   * Faults armed when the server starts, for a server started elsewhere (a subprocess, the CLI)
   * that a test cannot reach; {@link LocalZenodo#faults()} changes them while it runs.
   */
  public Options withFaults(Consumer<Faults> setup) {
    return copy().faults(setup).build();
  }

  /** The account a token stands for; with no accounts configured, every caller is the default. */
  Optional<Account> account(String token) {
    if (accounts.isEmpty()) {
      return Optional.of(new Account(DEFAULT_ACCOUNT, null));
    }
    return accounts.stream().filter(a -> a.token() != null && a.token().equals(token)).findFirst();
  }

  /** Owner ids in stored state: the account's position, counted from 1, or 1 when open. */
  long accountId(String name) {
    for (int i = 0; i < accounts.size(); i++) {
      if (accounts.get(i).name().equals(name)) {
        return i + 1L;
      }
    }
    return 1;
  }

  private Builder copy() {
    return new Builder(this);
  }

  /** One place that lists every field, so each {@code with...} names only what it changes. */
  private static final class Builder {
    private List<Account> accounts;
    private Map<String, Community> communities;
    private boolean autoAccept;
    private Duration indexLag;
    private long maxFileSize;
    private int maxFiles;
    private int rateLimit;
    private Duration rateWindow;
    private String doiPrefix;
    private boolean legacyErrors;
    private Clock clock;
    private Consumer<Faults> faults;

    Builder(Options o) {
      accounts = o.accounts;
      communities = o.communities;
      autoAccept = o.autoAccept;
      indexLag = o.indexLag;
      maxFileSize = o.maxFileSize;
      maxFiles = o.maxFiles;
      rateLimit = o.rateLimit;
      rateWindow = o.rateWindow;
      doiPrefix = o.doiPrefix;
      legacyErrors = o.legacyErrors;
      clock = o.clock;
      faults = o.faults;
    }

    Builder accounts(List<Account> v) {
      accounts = v;
      return this;
    }

    Builder communities(Map<String, Community> v) {
      communities = v;
      return this;
    }

    Builder autoAccept(boolean v) {
      autoAccept = v;
      return this;
    }

    Builder indexLag(Duration v) {
      indexLag = v;
      return this;
    }

    Builder maxFileSize(long v) {
      maxFileSize = v;
      return this;
    }

    Builder maxFiles(int v) {
      maxFiles = v;
      return this;
    }

    Builder rateLimit(int v) {
      rateLimit = v;
      return this;
    }

    Builder rateWindow(Duration v) {
      rateWindow = v;
      return this;
    }

    Builder doiPrefix(String v) {
      doiPrefix = v;
      return this;
    }

    Builder legacyErrors(boolean v) {
      legacyErrors = v;
      return this;
    }

    Builder clock(Clock v) {
      clock = v;
      return this;
    }

    Builder faults(Consumer<Faults> v) {
      faults = v;
      return this;
    }

    Options build() {
      return new Options(
          accounts,
          communities,
          autoAccept,
          indexLag,
          maxFileSize,
          maxFiles,
          rateLimit,
          rateWindow,
          doiPrefix,
          legacyErrors,
          clock,
          faults);
    }
  }

  @Override
  public String toString() {
    return "Options[accounts="
        + accounts
        + ", communities="
        + communities
        + (autoAccept ? ", autoAccept" : "")
        + ", indexLag="
        + indexLag
        + ", maxFileSize="
        + maxFileSize
        + ", maxFiles="
        + maxFiles
        + ", rateLimit="
        + rateLimit
        + "/"
        + rateWindow
        + ", doiPrefix="
        + doiPrefix
        + (legacyErrors ? ", legacyErrors" : "")
        + "]";
  }
}
