package io.rehearsal.cli.policy;

import io.rehearsal.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs {@code rehearsal ARGS} through the real root command, capturing stdout and stderr. */
final class PolicyRun {
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();
  final int code;

  PolicyRun(String... args) {
    CommandLine line = Main.commandLine();
    line.setOut(new PrintWriter(out, true));
    line.setErr(new PrintWriter(err, true));
    code = line.execute(args);
  }
}
