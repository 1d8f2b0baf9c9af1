package io.rehearsal.twin.spec;

import com.fasterxml.jackson.databind.JsonMappingException.Reference;
import java.util.List;

/** Formats Jackson's location of an error as a spec path like {@code services[2].endpoints[0]}. */
final class PathFormat {
  private PathFormat() {}

  static String of(List<Reference> path) {
    StringBuilder out = new StringBuilder();
    for (Reference ref : path) {
      if (ref.getFieldName() != null) {
        out.append(out.length() == 0 ? "" : ".").append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        out.append('[').append(ref.getIndex()).append(']');
      }
    }
    return out.toString();
  }

  /**
   * The path of the object whose constructor failed. Jackson reports a record constructor failure
   * at the object (a list element or a field); this is that object's own path.
   */
  static String parentOf(List<Reference> path) {
    return of(path);
  }
}
