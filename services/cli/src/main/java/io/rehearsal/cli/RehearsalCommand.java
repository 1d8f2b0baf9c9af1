package io.rehearsal.cli;

import io.rehearsal.cli.demo.DemoCommand;
import io.rehearsal.cli.sandbox.SandboxCommand;
import io.rehearsal.cli.twin.TwinCommand;
import io.rehearsal.cli.up.UpCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The root {@code rehearsal} command. Each verb is one class listed in {@code subcommands}: adding
 * a verb is writing that class and adding one line here.
 */
@Command(
    name = "rehearsal",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "Rehearse every remediation on a forked digital twin before it touches production.",
    synopsisSubcommandLabel = "COMMAND",
    commandListHeading = "%nCommands:%n",
    footer = {"", "Run 'rehearsal COMMAND --help' for the options of a command."},
    subcommands = {
      UpCommand.class,
      TwinCommand.class,
      SandboxCommand.class,
      io.rehearsal.cli.policy.PolicyCommand.class,
      io.rehearsal.cli.audit.AuditCommand.class,
      io.rehearsal.cli.gateway.GatewayCommand.class,
      io.rehearsal.cli.ml.MlCommand.class,
      io.rehearsal.cli.incidents.IncidentsCommand.class,
      DemoCommand.class,
    })
final class RehearsalCommand implements Runnable {

  @Spec CommandSpec spec;

  /** Without a verb there is nothing to do: a usage error (exit code 2). */
  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing required command: " + verbs());
  }

  private String verbs() {
    return String.join(", ", spec.subcommands().keySet());
  }
}
