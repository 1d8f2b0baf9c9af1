package io.rehearsal.cli.twin;

import io.rehearsal.cli.CommandFailure;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs one twin verb standalone, as the root command would, capturing its output. */
final class CalibrateRun {
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();
  final int code;

  CalibrateRun(Object command, String... args) {
    CommandLine line = new CommandLine(command);
    line.setOut(new PrintWriter(out, true));
    line.setErr(new PrintWriter(err, true));
    line.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          if (!(e instanceof CommandFailure)) {
            throw e;
          }
          cmd.getErr().println(e.getMessage());
          return 1;
        });
    this.code = line.execute(args);
  }
}
