package io.rehearsal.cli.policy;

import io.rehearsal.cli.CommandFailure;
import io.rehearsal.policy.cases.CaseFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds policy files: a file as given, or the YAML files directly in a folder that hold no cases.
 */
final class PolicyFiles {

  private PolicyFiles() {}

  static List<Path> expand(List<Path> paths) {
    List<Path> files = new ArrayList<>();
    for (Path path : paths) {
      if (Files.isDirectory(path)) {
        files.addAll(inFolder(path));
      } else if (Files.isRegularFile(path)) {
        files.add(path);
      } else {
        throw new CommandFailure("no such file or folder: " + path);
      }
    }
    return files;
  }

  private static List<Path> inFolder(Path dir) {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries
          .filter(Files::isRegularFile)
          .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
          .filter(p -> !CaseFiles.isCaseFile(p))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new CommandFailure("cannot list " + dir + ": " + e.getMessage(), e);
    }
  }
}
