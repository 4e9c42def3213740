package org.casepress.workflow;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.casepress.model.Metadata;
import org.casepress.model.Person;
import org.casepress.model.Role;
import org.casepress.source.Suggest;

/**
 * Who is acting: the id given with {@code --as} (or {@code CASEPRESS_USER}) resolved against
 * metadata/people.yaml, and whether that person holds the role a step needs. Review steps and
 * publishing ask the same way, so the messages are the same.
 */
public final class Actors {
  private Actors() {}

  /**
   * The person with {@code id}.
   *
   * @throws WorkflowException (a usage error) when no id is given or nobody has it
   */
  public static Person find(Metadata metadata, String id) {
    if (id == null || id.isBlank()) {
      throw WorkflowException.badInput(
          "Say who you are: add --as PERSON (your id in metadata/people.yaml) or set CASEPRESS_USER.");
    }
    String wanted = id.strip();
    return metadata
        .person(wanted)
        .orElseThrow(
            () -> {
              String nearest = Suggest.nearest(wanted, metadata.people().keySet());
              return WorkflowException.badInput(
                  "'"
                      + wanted
                      + "' is not a person in metadata/people.yaml"
                      + (nearest != null ? "; did you mean '" + nearest + "'?" : ".")
                      + " Use your id from that file with --as or CASEPRESS_USER.");
            });
  }

  /**
   * The person with {@code id}, who must hold one of {@code roles} to do {@code what}.
   *
   * @param what the step, for the message, e.g. "release on production"
   * @throws WorkflowException when the person lacks every one of the roles
   */
  public static Person withRole(Metadata metadata, String id, String what, Role... roles) {
    Person p = find(metadata, id);
    if (Arrays.stream(roles).anyMatch(p::has)) {
      return p;
    }
    throw new WorkflowException(
        p.fullName()
            + " may not "
            + what
            + ": it needs the role "
            + Arrays.stream(roles).map(Role::id).collect(Collectors.joining(" or "))
            + " in metadata/people.yaml.");
  }
}
