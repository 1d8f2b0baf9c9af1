package io.rehearsal.cli.twin;

import io.rehearsal.twin.spec.Scenario;
import io.rehearsal.twin.spec.TwinSpec;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code rehearsal twin validate FILE [--scenario FILE]}: loads a twin spec (and a scenario against
 * it) with full validation and prints what it holds, or fails with the message that names the file,
 * the path of the bad field and the bad value.
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = "Check a twin spec (and optionally a scenario) and summarise it.",
    footer = {
      "",
      "Exit codes: 1 invalid or unreadable file (the message names the file and the field path,",
      "e.g. services[2].endpoints[0].calls[1].to), 2 usage error."
    })
public final class TwinValidateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "Twin spec (YAML or JSON).")
  Path file;

  @Option(
      names = "--scenario",
      paramLabel = "FILE",
      description = "Scenario (faults and remediations) to check against the spec.")
  Path scenarioFile;

  @Override
  public Integer call() {
    TwinSpec twin = SpecFiles.spec(file);
    PrintWriter out = spec.commandLine().getOut();
    out.println("valid: " + summary(twin) + " (" + file + ")");
    if (scenarioFile != null) {
      Scenario scenario = SpecFiles.scenario(scenarioFile, twin);
      out.println(
          "valid: scenario '"
              + scenario.name()
              + "', "
              + count(scenario.faults().size(), "fault")
              + ", "
              + count(scenario.remediations().size(), "remediation")
              + " ("
              + scenarioFile
              + ")");
    }
    out.flush();
    return 0;
  }

  static String summary(TwinSpec twin) {
    int endpoints = twin.services().stream().mapToInt(s -> s.endpoints().size()).sum();
    return String.join(
        ", ",
        count(twin.services().size(), "service"),
        count(endpoints, "endpoint"),
        count(twin.dependencies().size(), "dependency", "dependencies"),
        count(twin.caches().size(), "cache"),
        count(twin.databases().size(), "database"),
        count(twin.hosts().size(), "host"),
        count(twin.traffic().size(), "traffic source"),
        count(twin.sessions().size(), "session model"),
        count(twin.slos().size(), "SLO"));
  }

  private static String count(int n, String singular) {
    return count(n, singular, singular + "s");
  }

  private static String count(int n, String singular, String plural) {
    return n + " " + (n == 1 ? singular : plural);
  }
}
