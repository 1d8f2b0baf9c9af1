package io.rehearsal.cli;

import picocli.CommandLine;

/**
 * Entry point of the {@code rehearsal} command.
 *
 * <p>Exit codes: {@code 0} success, {@code 1} runtime failure, {@code 2} usage error (unknown verb
 * or option, bad option value). The {@code ./rehearsal} launcher at the repository root builds the
 * project when needed and runs this class with {@code -Drehearsal.home=<repo root>}.
 */
public final class Main {

  private Main() {}

  /**
   * Runs the command and exits the JVM with its exit code.
   *
   * @param args the command-line arguments, e.g. {@code up --gateway-grpc-port 9190}
   */
  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /**
   * Builds the command tree with Rehearsal's error handling; tests call {@code execute} on it.
   *
   * @return a fresh command line for the root {@code rehearsal} command
   */
  public static CommandLine commandLine() {
    CommandLine commandLine = new CommandLine(new RehearsalCommand());
    commandLine.setParameterExceptionHandler(new UsageErrorHandler());
    commandLine.setExecutionExceptionHandler(new FailureHandler());
    // Wide enough that each verb's description stays on one line.
    commandLine.setUsageHelpWidth(110);
    return commandLine;
  }
}
