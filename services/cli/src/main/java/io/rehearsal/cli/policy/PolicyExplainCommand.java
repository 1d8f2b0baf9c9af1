package io.rehearsal.cli.policy;

import io.rehearsal.cli.CommandFailure;
import io.rehearsal.policy.PolicyEngine;
import io.rehearsal.policy.PolicyLoadException;
import io.rehearsal.policy.PolicySet;
import io.rehearsal.policy.Verdict;
import io.rehearsal.policy.cases.CaseFile;
import io.rehearsal.policy.cases.CaseFiles;
import io.rehearsal.policy.cases.PolicyCase;
import io.rehearsal.policy.yaml.YamlProblem;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code rehearsal policy explain --policy FILE --case FILE}: decides each case of a case file and
 * prints every rule evaluated with the inputs it read, every guard, and the verdict.
 */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    description =
        "Show how a policy decides a case: each rule with its inputs, each guard, the verdict.",
    footer = {"", "Exit codes: 0 explained, 1 no such case, 2 invalid policy or case file."})
public final class PolicyExplainCommand implements Callable<Integer> {

  static final int INVALID = 2;

  @Spec CommandSpec spec;

  @Option(names = "--policy", required = true, paramLabel = "FILE", description = "Policy file.")
  Path policy;

  @Option(
      names = "--case",
      required = true,
      paramLabel = "FILE",
      description = "Case file (the format of 'policy test'); every case in it is explained.")
  Path caseFile;

  @Option(
      names = "--name",
      paramLabel = "NAME",
      description = "Explain only the case with this name.")
  String name;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      PolicySet set = PolicySet.load(policy);
      CaseFile file = CaseFiles.load(caseFile);
      List<PolicyCase> cases =
          file.cases().stream().filter(c -> name == null || c.name().equals(name)).toList();
      if (cases.isEmpty()) {
        throw new CommandFailure("no case named '" + name + "' in " + caseFile);
      }
      for (PolicyCase c : cases) {
        PolicyEngine engine =
            new PolicyEngine(set, file.guards(), Clock.fixed(c.clock(), ZoneOffset.UTC));
        Verdict verdict = engine.decide(c.input());
        out.print(ExplanationText.render(set, c, verdict));
        out.println();
      }
      out.flush();
      return 0;
    } catch (PolicyLoadException e) {
      e.problems().forEach(p -> err.println(p.getMessage()));
    } catch (YamlProblem e) {
      err.println(e.getMessage());
    } catch (IOException e) {
      throw new CommandFailure("cannot read " + caseFile + ": " + e.getMessage(), e);
    }
    err.flush();
    return INVALID;
  }
}
