package org.casepress.source;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A failed local write is told apart from a network failure, and says what to do. */
class LocalWriteExceptionTest {
  private static final Path PDF = Path.of("/ws/build/stage/local/study-v1.pdf");

  @Test
  void diskFullNamesTheFolderAndSaysToFreeSpace() {
    IOException full = new IOException("No space left on device");
    assertTrue(LocalWriteException.isLocal(full));
    String m = LocalWriteException.of(PDF, full).getMessage();
    assertTrue(
        m.startsWith(
            "casepress could not write study-v1.pdf in /ws/build/stage/local (No space left on"
                + " device). The disk holding /ws/build/stage/local is full: free some space"),
        m);
    assertTrue(m.contains("Nothing was half-written"), m);
  }

  @Test
  void windowsDiskFullIsRecognisedToo() {
    assertTrue(
        LocalWriteException.isLocal(new IOException("There is not enough space on the disk")));
  }

  @Test
  void readOnlyFolderSaysToMakeItWritable() {
    IOException denied = new AccessDeniedException("/ws/build/launch/x/.CITATION.cff123.tmp");
    assertTrue(LocalWriteException.isLocal(denied));
    String m = LocalWriteException.of(denied).getMessage();
    assertTrue(m.contains("/ws/build/launch/x is read-only or may not be written by you"), m);
  }

  @Test
  void networkFailuresAreNotLocal() {
    assertFalse(LocalWriteException.isLocal(new SocketTimeoutException("timeout")));
    assertFalse(LocalWriteException.isLocal(new ConnectException("Connection refused")));
    assertFalse(LocalWriteException.isLocal(new UnknownHostException("zenodo.org")));
    assertFalse(LocalWriteException.isLocal(new IOException("unexpected end of stream")));
  }
}
