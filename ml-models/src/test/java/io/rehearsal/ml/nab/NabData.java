package io.rehearsal.ml.nab;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds the shared NAB development split beside the repository, when it is there. */
final class NabData {

  private NabData() {}

  /** The NAB folder ({@code data/}, {@code labels/}, {@code reference-results/}). */
  static Optional<Path> root() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared/data/nab");
      if (Files.isDirectory(candidate.resolve("reference-results"))) {
        return Optional.of(candidate);
      }
      Path sibling = dir.resolveSibling("shared").resolve("data/nab");
      if (Files.isDirectory(sibling.resolve("reference-results"))) {
        return Optional.of(sibling);
      }
    }
    return Optional.empty();
  }
}
