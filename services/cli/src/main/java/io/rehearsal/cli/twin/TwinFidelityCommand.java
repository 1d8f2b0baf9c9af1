package io.rehearsal.cli.twin;

import io.rehearsal.calibration.fidelity.Fidelity;
import io.rehearsal.calibration.fidelity.FidelityOptions;
import io.rehearsal.calibration.fidelity.FidelityReport;
import io.rehearsal.cli.CommandFailure;
import io.rehearsal.otlp.RecordingOptions;
import io.rehearsal.telemetry.Recording;
import io.rehearsal.twin.spec.InvalidSpecException;
import io.rehearsal.twin.spec.TwinSpec;
import io.rehearsal.twin.spec.TwinSpecs;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code rehearsal twin fidelity}: replays a recorded period in a twin (the recording's entry
 * rates, for as long as it lasted) and compares predicted with observed p50, p99, error rate and
 * throughput per endpoint.
 */
@Command(
    name = "fidelity",
    mixinStandardHelpOptions = true,
    description = "Replay a recording in a twin and compare predicted with observed behaviour.",
    footer = {
      "",
      "Summary: p50_mape, p99_mape, throughput_mape (mean relative errors over endpoints with",
      "enough requests) and error_rate_abs_diff. Exit codes: 1 unreadable input, 2 usage error."
    })
public final class TwinFidelityCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--twin",
      required = true,
      paramLabel = "FILE",
      description = "Twin spec (YAML or JSON).")
  Path twin;

  @Option(
      names = "--against",
      required = true,
      paramLabel = "FILE|DIR",
      description =
          "OTLP JSON-lines recording to replay (gzipped or plain), or a directory of them such as"
              + " the detector's rolling recording.")
  Path against;

  @Option(
      names = "--skip",
      paramLabel = "SECONDS",
      defaultValue = "0",
      description =
          "Replay only from SECONDS after the recording's start (default: ${DEFAULT-VALUE}).")
  double skip;

  @Option(
      names = "--entry-only",
      description =
          "Summarise over the entry endpoints only (the load generator's view); default: every"
              + " endpoint, calls included.")
  boolean entryOnly;

  @Option(
      names = "--min-requests",
      paramLabel = "N",
      description =
          "Leave endpoints with fewer requests (sampling taken into account) out of the summary"
              + " (default: 30).")
  Integer minRequests;

  @Option(names = "--json", description = "Print the report as JSON.")
  boolean json;

  @Option(
      names = "--replications",
      paramLabel = "N",
      defaultValue = "5",
      description = "Twin runs pooled into the prediction (default: ${DEFAULT-VALUE}).")
  int replications;

  @Option(
      names = "--seed",
      paramLabel = "SEED",
      defaultValue = "1",
      description = "Master seed of the twin runs (default: ${DEFAULT-VALUE}).")
  long seed;

  @Override
  public Integer call() {
    if (replications < 1) {
      throw new ParameterException(
          spec.commandLine(), "--replications must be >= 1, but was " + replications);
    }
    TwinSpec model = readTwin();
    RecordingOptions options = RecordingInput.skippingBadLines(spec.commandLine().getErr());
    // 0, the default, keeps even the traces without a root.
    Recording recording =
        RecordingInput.read(
            against, skip == 0 ? options : RecordingInput.skip(options, skip, spec));
    FidelityReport report = evaluate(model, recording);
    PrintWriter out = spec.commandLine().getOut();
    out.print(json ? report.toJson() + System.lineSeparator() : report.toText());
    out.flush();
    return 0;
  }

  private FidelityReport evaluate(TwinSpec model, Recording recording) {
    FidelityOptions defaults = FidelityOptions.defaults();
    FidelityOptions options =
        new FidelityOptions(
            replications,
            Math.max(1, Math.min(replications, Runtime.getRuntime().availableProcessors())),
            seed,
            defaults.warmup(),
            defaults.step(),
            minRequests == null ? defaults.minRequests() : Math.max(1, minRequests),
            entryOnly);
    try {
      return Fidelity.evaluate(model, recording, options);
    } catch (IllegalArgumentException e) {
      throw new CommandFailure(against + ": " + e.getMessage(), e);
    }
  }

  private TwinSpec readTwin() {
    try {
      return TwinSpecs.read(twin);
    } catch (InvalidSpecException e) {
      throw new CommandFailure(twin + ": " + e.getMessage(), e);
    } catch (UncheckedIOException e) {
      throw new CommandFailure(e.getMessage(), e);
    }
  }
}
