package io.rehearsal.cli.ml;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code rehearsal ml}: run the detection models of {@code ml-models} and evaluate them. Each verb
 * is one class listed in subcommands.
 */
@Command(
    name = "ml",
    mixinStandardHelpOptions = true,
    description = "Run and evaluate the models: NAB, incidents, root cause, proposals.",
    synopsisSubcommandLabel = "COMMAND",
    commandListHeading = "%nCommands:%n",
    subcommands = {
      MlNabCommand.class,
      MlNabScoreCommand.class,
      DetectEvalCommand.class,
      RcaEvalCommand.class,
      ProposeCommand.class,
      PrerankEvalCommand.class
    })
public final class MlCommand implements Runnable {

  @Spec CommandSpec spec;

  /** Without a subcommand there is nothing to do: a usage error (exit code 2). */
  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(),
        "Missing required command: " + String.join(", ", spec.subcommands().keySet()));
  }
}
