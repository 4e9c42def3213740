package org.casepress.publish;

import java.util.Map;
import java.util.Optional;
import org.casepress.zenodo.UploadProgress;

/**
 * Where a session publishes and how to reach it.
 *
 * @param target local, sandbox or production
 * @param apiUrl another server for the target ({@code --zenodo-url}); for {@code local}, a running
 *     embedded server instead of one started for the session
 * @param env where the token is read from (the process environment, or a test's)
 * @param uploads shows upload progress
 */
public record Destination(
    TargetKind target, Optional<String> apiUrl, Map<String, String> env, UploadProgress uploads) {

  public Destination {
    env = Map.copyOf(env);
  }

  /** The target at its usual address, with no upload progress shown. */
  public static Destination of(TargetKind target, Map<String, String> env) {
    return new Destination(target, Optional.empty(), env, UploadProgress.NONE);
  }
}
