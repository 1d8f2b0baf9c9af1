package io.rehearsal.cli.gateway;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code rehearsal gateway}: what the policy gateway keeps in Redis. */
@Command(
    name = "gateway",
    mixinStandardHelpOptions = true,
    description = "Inspect the policy gateway's records (the shadow-mode ledger).",
    synopsisSubcommandLabel = "COMMAND",
    commandListHeading = "%nCommands:%n",
    subcommands = {
      GatewayLedgerCommand.class,
      GatewayBenchCommand.class,
      GatewayChaosCommand.class
    })
public final class GatewayCommand implements Runnable {

  @Spec CommandSpec spec;

  /** Without a subcommand there is nothing to do: a usage error (exit code 2). */
  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(),
        "Missing required command: " + String.join(", ", spec.subcommands().keySet()));
  }
}
