package org.casepress.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Everything under metadata/: the community, people, organisations and launches. */
public record Metadata(
    Community community,
    Map<String, Person> people,
    Map<String, Organisation> organisations,
    List<Launch> launches) {

  public Metadata {
    people = Map.copyOf(people);
    organisations = Map.copyOf(organisations);
    launches = List.copyOf(launches);
  }

  public Optional<Person> person(String id) {
    return Optional.ofNullable(people.get(id));
  }

  public Optional<Launch> launch(String name) {
    return launches.stream().filter(l -> l.name().equals(name)).findFirst();
  }
}
