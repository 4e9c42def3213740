package org.casepress.model;

import java.time.LocalDate;
import java.util.List;

/** A batch of case studies released together at a launch event (metadata/launches.yaml). */
public record Launch(String name, String title, LocalDate date, List<String> caseStudies) {

  public Launch {
    caseStudies = List.copyOf(caseStudies);
  }
}
