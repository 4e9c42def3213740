package org.casepress.zenodo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.casepress.testing.ReferenceMaterial;

/** The recorded real Zenodo responses (copies, see {@link ReferenceMaterial}). */
final class Fixtures {
  static final Path DIR = ReferenceMaterial.zenodoResponses();

  private Fixtures() {}

  static String read(String name) {
    return ReferenceMaterial.zenodoResponse(name);
  }

  static List<Path> all() throws IOException {
    return ReferenceMaterial.zenodoResponseFiles();
  }
}
