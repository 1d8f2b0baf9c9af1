package io.rehearsal.cli.policy;

import io.rehearsal.cli.CommandFailure;
import io.rehearsal.policy.PolicyLoadException;
import io.rehearsal.policy.PolicySet;
import io.rehearsal.policy.cases.CaseFile;
import io.rehearsal.policy.cases.CaseFiles;
import io.rehearsal.policy.cases.CaseResult;
import io.rehearsal.policy.cases.CaseRunner;
import io.rehearsal.policy.yaml.YamlProblem;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code rehearsal policy test DIR}: runs every case file under DIR (as {@code opa test} does) and
 * prints one line per case and the summary {@code N passed, M failed}.
 */
@Command(
    name = "test",
    mixinStandardHelpOptions = true,
    description = "Run policy test cases (request, evidence, clock -> expected effect and rule).",
    footer = {
      "",
      "A case file has a top-level 'cases' list; its 'policy' key names the policy file",
      "(relative to the case file) unless --policy is given.",
      "Exit codes: 0 all passed, 1 a case failed, 2 a policy or case file is invalid."
    })
public final class PolicyTestCommand implements Callable<Integer> {

  static final int FAILED = 1;
  static final int INVALID = 2;

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DIR", description = "Folder of case files (recursive).")
  Path dir;

  @Option(
      names = "--policy",
      paramLabel = "FILE",
      description = "Policy file for case files that name none (or to override theirs).")
  Path policy;

  @Option(names = "--verbose", description = "Print the explanation of every failing case.")
  boolean verbose;

  private final Map<Path, PolicySet> loaded = new HashMap<>();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    int passed = 0;
    int failed = 0;
    try {
      List<Path> files = CaseFiles.find(dir);
      if (files.isEmpty()) {
        throw new CommandFailure("no case files (YAML with a top-level 'cases' list) under " + dir);
      }
      for (Path file : files) {
        CaseFile cases = CaseFiles.load(file);
        PolicySet set = policyFor(cases);
        for (CaseResult result : CaseRunner.run(set, cases)) {
          print(out, set, result);
          if (result.passed()) {
            passed++;
          } else {
            failed++;
          }
        }
      }
    } catch (PolicyLoadException e) {
      e.problems().forEach(p -> err.println(p.getMessage()));
      err.flush();
      return INVALID;
    } catch (YamlProblem e) {
      err.println(e.getMessage());
      err.flush();
      return INVALID;
    } catch (IOException e) {
      throw new CommandFailure("cannot read " + dir + ": " + e.getMessage(), e);
    }
    out.println(passed + " passed, " + failed + " failed");
    out.flush();
    return failed == 0 ? 0 : FAILED;
  }

  private PolicySet policyFor(CaseFile cases) {
    Path file =
        policy != null
            ? policy
            : cases
                .policy()
                .orElseThrow(
                    () ->
                        new CommandFailure(
                            cases.path()
                                + " names no policy: add 'policy: FILE' or pass --policy"));
    return loaded.computeIfAbsent(file.toAbsolutePath().normalize(), PolicySet::load);
  }

  private void print(PrintWriter out, PolicySet set, CaseResult result) {
    String name = result.testCase().name();
    if (result.passed()) {
      out.println("PASS " + name);
      return;
    }
    out.println("FAIL " + name + " (" + result.testCase().location() + ")");
    result.failures().forEach(f -> out.println("     " + f));
    if (verbose) {
      out.print(ExplanationText.render(set, result.testCase(), result.verdict()).indent(5));
    }
  }
}
