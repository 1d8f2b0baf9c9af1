package io.rehearsal.cli.twin;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code rehearsal twin}: the digital twin's verbs. Each is one class listed in subcommands. */
@Command(
    name = "twin",
    mixinStandardHelpOptions = true,
    description = "Validate, simulate, benchmark, calibrate and check the digital twin.",
    synopsisSubcommandLabel = "COMMAND",
    commandListHeading = "%nCommands:%n",
    subcommands = {
      TwinValidateCommand.class,
      TwinSimulateCommand.class,
      TwinBenchCommand.class,
      TwinCalibrateCommand.class,
      TwinFidelityCommand.class,
      TwinCapacityCommand.class,
    })
public final class TwinCommand implements Runnable {

  @Spec CommandSpec spec;

  /** Without a subcommand there is nothing to do: a usage error (exit code 2). */
  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(),
        "Missing required command: " + String.join(", ", spec.subcommands().keySet()));
  }
}
