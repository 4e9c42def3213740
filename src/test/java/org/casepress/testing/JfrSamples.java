package org.casepress.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * The execution samples of a JFR recording that the bench harnesses profile: those of the main
 * thread taken inside one method, so that the harness's own work is left out.
 */
public final class JfrSamples {
  private JfrSamples() {}

  /** The stacks (innermost frame first) of the main thread's samples inside {@code method}. */
  public static List<List<RecordedFrame>> inside(Path jfr, String method) throws IOException {
    List<List<RecordedFrame>> stacks = new ArrayList<>();
    for (RecordedEvent e : RecordingFile.readAllEvents(jfr)) {
      if (!e.getEventType().getName().equals("jdk.ExecutionSample")
          || !"main".equals(e.getThread("sampledThread").getJavaName())
          || e.getStackTrace() == null) {
        continue;
      }
      List<RecordedFrame> frames = e.getStackTrace().getFrames();
      if (frames.stream().anyMatch(f -> name(f).equals(method))) {
        stacks.add(frames);
      }
    }
    return stacks;
  }

  /** A frame's class and method, "org.example.Type.method". */
  public static String name(RecordedFrame f) {
    return f.getMethod().getType().getName() + "." + f.getMethod().getName();
  }
}
