package io.rehearsal.cli.ml;

import io.rehearsal.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine;

/** Runs {@code rehearsal ARGS} through the real root command, capturing stdout and stderr. */
final class MlRun {
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();
  final int code;

  MlRun(String... args) {
    CommandLine line = Main.commandLine();
    line.setOut(new PrintWriter(out, true));
    line.setErr(new PrintWriter(err, true));
    code = line.execute(args);
  }

  /** The shared NAB development split beside the repository, when it is there. */
  static Optional<Path> nab() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolveSibling("shared").resolve("data/nab");
      if (Files.isDirectory(candidate.resolve("reference-results"))) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
