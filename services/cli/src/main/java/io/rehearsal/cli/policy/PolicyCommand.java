package io.rehearsal.cli.policy;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code rehearsal policy}: check, test and explain the gateway's policies (YAML rules whose
 * conditions are CEL). Each verb is one class listed in subcommands.
 */
@Command(
    name = "policy",
    mixinStandardHelpOptions = true,
    description = "Lint, test and explain remediation policies (YAML rules with CEL conditions).",
    synopsisSubcommandLabel = "COMMAND",
    commandListHeading = "%nCommands:%n",
    subcommands = {
      PolicyLintCommand.class,
      PolicyTestCommand.class,
      PolicyExplainCommand.class,
    })
public final class PolicyCommand implements Runnable {

  @Spec CommandSpec spec;

  /** Without a subcommand there is nothing to do: a usage error (exit code 2). */
  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(),
        "Missing required command: " + String.join(", ", spec.subcommands().keySet()));
  }
}
