package io.rehearsal.cli.policy;

import io.rehearsal.policy.PolicyLoadException;
import io.rehearsal.policy.PolicySet;
import io.rehearsal.policy.yaml.YamlProblem;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code rehearsal policy lint FILE|DIR...}: loads each policy file as the gateway would (YAML
 * structure, effects, approvers, CEL syntax and types) and prints every problem as {@code
 * file:line: message}.
 */
@Command(
    name = "lint",
    mixinStandardHelpOptions = true,
    description = "Check policy files: structure, effects, approvers, CEL syntax and types.",
    footer = {
      "",
      "A folder means the YAML files directly in it that hold no test cases.",
      "Exit codes: 0 every file is valid, 2 a problem was found (printed as file:line: message)."
    })
public final class PolicyLintCommand implements Callable<Integer> {

  static final int INVALID = 2;

  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE|DIR", description = "Policy files or folders.")
  List<Path> paths;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    int problems = 0;
    List<Path> files = PolicyFiles.expand(paths);
    for (Path file : files) {
      try {
        PolicySet set = PolicySet.load(file);
        out.println(
            "ok: " + file + " (" + set.rules().size() + " rules, version " + set.version() + ")");
      } catch (PolicyLoadException e) {
        for (YamlProblem problem : e.problems()) {
          err.println(problem.getMessage());
          problems++;
        }
      }
    }
    if (files.isEmpty()) {
      err.println("no policy files in " + paths);
      problems++;
    }
    out.flush();
    err.flush();
    return problems == 0 ? 0 : INVALID;
  }
}
