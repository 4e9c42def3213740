package org.casepress.zenodo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Records waits instead of sleeping, so retry tests are instant and can assert the delays. */
final class RecordingSleeper implements Sleeper {
  final List<Duration> sleeps = new ArrayList<>();

  @Override
  public synchronized void sleep(Duration duration) {
    sleeps.add(duration);
  }
}
