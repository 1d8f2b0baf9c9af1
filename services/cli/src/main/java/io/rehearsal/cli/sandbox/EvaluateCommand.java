package io.rehearsal.cli.sandbox;

import io.rehearsal.cli.CommandFailure;
import io.rehearsal.rehearse.evaluation.CandidateSet;
import io.rehearsal.rehearse.evaluation.ReplicationPolicy;
import io.rehearsal.rehearse.incident.Incident;
import io.rehearsal.report.RehearsalReport;
import io.rehearsal.report.html.RehearsalHtml;
import io.rehearsal.report.json.RehearsalJson;
import io.rehearsal.report.text.RehearsalText;
import io.rehearsal.twin.spec.TwinSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code rehearsal sandbox evaluate}: fits the incident's fault in the twin, rehearses every
 * candidate and "do nothing" under it with common random numbers and Kim-Nelson elimination, and
 * prints the ranking with its evidence ({@code --json}: one JSON object; {@code --html}: a
 * self-contained report with plots). The result depends only on the inputs and the seed.
 */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    description = "Rank candidate remediations for an incident by rehearsing them on the twin.",
    footer = {
      "",
      "Timeline on the twin's clock: --warmup before the onset, the incident's observed span",
      "(the decision is taken at its end), then --horizon; outcomes are measured over the horizon.",
      "Candidate remediation times ('at') count from the decision. Results depend only on the",
      "inputs and --seed, not on --threads. A progress bar goes to stderr on a terminal (or with",
      "--progress). Exit codes: 1 runtime failure, 2 usage error or bad input file."
    })
public final class EvaluateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--twin", required = true, paramLabel = "FILE", description = "Twin spec.")
  Path twinFile;

  @Option(
      names = "--incident",
      required = true,
      paramLabel = "FILE",
      description = "Incident: per-endpoint symptom series from the onset.")
  Path incidentFile;

  @Option(
      names = "--candidates",
      required = true,
      paramLabel = "FILE",
      description = "Candidate remediations (YAML, see docs/cli.md).")
  Path candidatesFile;

  @Option(names = "--json", description = "Print one JSON object instead of the table.")
  boolean json;

  @Option(names = "--html", paramLabel = "FILE", description = "Also write an HTML report here.")
  Path html;

  @Option(
      names = "--seed",
      paramLabel = "N",
      defaultValue = "1",
      description = "Seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--threads", paramLabel = "N", description = "Threads (default: the cores).")
  Integer threads;

  @Option(
      names = "--horizon",
      paramLabel = "D",
      defaultValue = "300",
      converter = SecondsConverter.class,
      description = "Simulated time after the decision (default: ${DEFAULT-VALUE} s).")
  double horizon;

  @Option(
      names = "--warmup",
      paramLabel = "D",
      defaultValue = "60",
      converter = SecondsConverter.class,
      description = "Simulated time before the onset (default: ${DEFAULT-VALUE} s).")
  double warmup;

  @Option(
      names = "--bucket",
      paramLabel = "D",
      defaultValue = "10",
      converter = SecondsConverter.class,
      description = "Time-series bucket of the plots (default: ${DEFAULT-VALUE} s).")
  double bucket;

  @Mixin ReplicationOptions replication = new ReplicationOptions(10, 100);

  @Option(names = "--progress", description = "Show progress even when not on a terminal.")
  boolean progress;

  @Override
  public Integer call() {
    RehearsalSettings settings = settings();
    SandboxFiles files = new SandboxFiles(spec.commandLine());
    TwinSpec twin = files.twin("--twin", twinFile);
    Incident incident = files.incident("--incident", incidentFile);
    CandidateSet candidates = files.candidates("--candidates", candidatesFile, twin);
    RehearsalReport report;
    try (ProgressBar bar =
        ProgressBar.start(spec.commandLine().getErr(), ProgressBar.wanted(progress))) {
      report = RehearsalRunner.run(twin, incident, candidates, settings, bar);
    }
    if (html != null) {
      write(html, RehearsalHtml.render(report));
    }
    PrintWriter out = spec.commandLine().getOut();
    out.print(
        json
            ? RehearsalJson.render(report) + System.lineSeparator()
            : RehearsalText.render(report));
    out.flush();
    return 0;
  }

  private RehearsalSettings settings() {
    positive("--horizon", horizon);
    positive("--bucket", bucket);
    if (!(warmup >= 0)) {
      throw usage("--warmup must be >= 0, but was " + warmup);
    }
    if (threads != null && threads < 1) {
      throw usage("--threads must be >= 1, but was " + threads);
    }
    ReplicationPolicy policy;
    try {
      policy = replication.policy();
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
    int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
    return new RehearsalSettings(seed, n, warmup, horizon, bucket, policy);
  }

  private void positive(String option, double value) {
    if (!(value > 0)) {
      throw usage(option + " must be > 0, but was " + value);
    }
  }

  private void write(Path file, String text) {
    try {
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new CommandFailure("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
