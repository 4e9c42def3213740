package org.casepress.zenodo;

/** Told how far an upload got. Called from the uploading thread; keep it cheap. */
@FunctionalInterface
public interface UploadProgress {
  /** Called on every buffer written and once at the end; {@code sent} restarts at 0 on a retry. */
  void update(String key, long sent, long total);

  UploadProgress NONE = (key, sent, total) -> {};
}
