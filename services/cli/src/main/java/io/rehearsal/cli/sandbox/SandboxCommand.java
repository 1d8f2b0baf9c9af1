package io.rehearsal.cli.sandbox;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code rehearsal sandbox}: rehearse remediations on the twin. Each verb is one class listed in
 * subcommands.
 */
@Command(
    name = "sandbox",
    mixinStandardHelpOptions = true,
    description =
        "Fit an incident's fault, rehearse candidate remediations, rank them with evidence.",
    synopsisSubcommandLabel = "COMMAND",
    commandListHeading = "%nCommands:%n",
    subcommands = {
      EvaluateCommand.class,
      BenchCommand.class,
      FitEvalCommand.class,
      DecisionEvalCommand.class,
    })
public final class SandboxCommand implements Runnable {

  @Spec CommandSpec spec;

  /** Without a subcommand there is nothing to do: a usage error (exit code 2). */
  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(),
        "Missing required command: " + String.join(", ", spec.subcommands().keySet()));
  }
}
