package io.rehearsal.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Prints a {@link CommandFailure} as one clear line (no stack trace); anything else is a bug and
 * keeps its stack trace. Both exit with code 1.
 */
final class FailureHandler implements IExecutionExceptionHandler {

  static final int RUNTIME_FAILURE = 1;

  @Override
  public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parsed) {
    if (e instanceof CommandFailure) {
      commandLine
          .getErr()
          .println(commandLine.getCommandSpec().qualifiedName() + ": " + e.getMessage());
    } else {
      e.printStackTrace(commandLine.getErr());
    }
    commandLine.getErr().flush();
    return RUNTIME_FAILURE;
  }
}
