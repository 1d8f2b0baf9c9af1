package io.rehearsal.cli.twin;

import io.rehearsal.calibration.Calibration;
import io.rehearsal.calibration.CalibrationOptions;
import io.rehearsal.calibration.CalibrationResult;
import io.rehearsal.calibration.EndpointCalibration;
import io.rehearsal.calibration.Overlay;
import io.rehearsal.calibration.OverlayException;
import io.rehearsal.calibration.WarmUp;
import io.rehearsal.cli.CommandFailure;
import io.rehearsal.otlp.RecordingOptions;
import io.rehearsal.telemetry.Recording;
import io.rehearsal.twin.spec.InvalidSpecException;
import io.rehearsal.twin.spec.TwinSpecs;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code rehearsal twin calibrate}: reads recorded OTLP telemetry (JSON lines, plain or gzip),
 * calibrates a twin spec from it, merges the infrastructure overlay and writes the spec.
 */
@Command(
    name = "calibrate",
    mixinStandardHelpOptions = true,
    description =
        "Calibrate a twin from OTLP JSON-lines telemetry (a file or the detector's recording"
            + " directory).",
    footer = {
      "",
      "The overlay states what telemetry cannot show (replicas, workers, queue limits, cores,",
      "timeouts, retries, rate limits, autoscalers); it wins for those, telemetry for behaviour.",
      "The detector records what it receives in ~/.rehearsal/telemetry (rehearsal.recording.dir):",
      "  rehearsal twin calibrate --from ~/.rehearsal/telemetry --last 10m -o twin.yaml",
      "Exit codes: 1 unreadable input or invalid overlay, 2 usage error."
    })
public final class TwinCalibrateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--from",
      required = true,
      paramLabel = "FILE|DIR",
      description =
          "OTLP JSON-lines recording (traces and metrics), gzipped or plain; or a directory of"
              + " them, e.g. the detector's rolling recording ~/.rehearsal/telemetry.")
  Path from;

  @Option(
      names = "--last",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description =
          "Calibrate on the traces of the last DURATION of the recording only, e.g. 5m or 1h"
              + " (default: all of it).")
  Double last;

  @Option(
      names = "--overlay",
      paramLabel = "FILE",
      description = "Infrastructure overlay YAML (e.g. examples/reference-shop/overlay.yaml).")
  Path overlay;

  @Option(
      names = {"-o", "--output"},
      required = true,
      paramLabel = "FILE",
      description = "Where to write the twin spec (YAML; JSON if it ends in .json).")
  Path output;

  @Option(
      names = "--skip",
      paramLabel = "SECONDS",
      description =
          "Leave out traces that started in the first SECONDS of the recording (default: the"
              + " warm-up that MSER-5 finds in the per-endpoint latencies; 0 keeps everything).")
  Double skip;

  @Option(
      names = "--name",
      paramLabel = "NAME",
      description = "Name of the spec (default: the recording's file name).")
  String name;

  @Override
  public Integer call() {
    if (last != null && !(last > 0)) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--last must be a positive duration, but was " + last + " s");
    }
    Recording recording = RecordingInput.read(from, options());
    if (skip == null) {
      recording = withoutWarmUp(recording, spec.commandLine().getOut());
    }
    Overlay facts = overlay == null ? Overlay.EMPTY : readOverlay(overlay);
    CalibrationResult result = calibrate(recording, facts);
    write(result);
    print(result, spec.commandLine().getOut());
    return 0;
  }

  /** --last, then --skip; 0, the default, keeps even the traces without a root. */
  private RecordingOptions options() {
    RecordingOptions options = RecordingInput.skippingBadLines(spec.commandLine().getErr());
    if (last != null) {
      options = options.last(last);
    }
    return skip == null || skip == 0 ? options : RecordingInput.skip(options, skip, spec);
  }

  /** The recording without the warm-up MSER-5 finds, saying how much it left out. */
  private static Recording withoutWarmUp(Recording recording, PrintWriter out) {
    WarmUp warmUp = WarmUp.detect(recording);
    out.printf(
        Locale.ROOT,
        "warm-up: left out the first %.0f s (MSER-5 on %d endpoints' latencies; --skip"
            + " overrides)%s%n",
        warmUp.droppedSeconds(),
        warmUp.byEndpoint().size(),
        warmUp.atLimit()
            ? "; that is half the recording, MSER's limit: the system may still have been"
                + " warming up, so record longer"
            : "");
    return warmUp.apply(recording);
  }

  private CalibrationResult calibrate(Recording recording, Overlay facts) {
    try {
      return Calibration.calibrate(recording, facts, CalibrationOptions.named(specName()));
    } catch (OverlayException e) {
      throw new CommandFailure("overlay " + overlay + ": " + e.getMessage(), e);
    } catch (InvalidSpecException e) {
      throw new CommandFailure("the calibrated spec is invalid: " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new CommandFailure(from + ": " + e.getMessage(), e);
    }
  }

  private void write(CalibrationResult result) {
    String text =
        output.toString().endsWith(".json")
            ? TwinSpecs.toJson(result.spec())
            : TwinSpecs.toYaml(result.spec());
    try {
      Path parent = output.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(output, text);
    } catch (IOException e) {
      throw new CommandFailure("cannot write " + output + ": " + e.getMessage(), e);
    }
  }

  private void print(CalibrationResult result, PrintWriter out) {
    out.printf(
        Locale.ROOT,
        "calibrated %d services, %d endpoints, %d dependencies over %.0f s; wrote %s%n",
        result.spec().services().size(),
        result.endpoints().size(),
        result.dependencies().size(),
        result.periodSeconds(),
        output);
    out.printf(
        Locale.ROOT,
        "%-32s %8s %8s %-12s %8s %8s%n",
        "endpoint",
        "requests",
        "rate/s",
        "service",
        "p50",
        "cpu");
    for (EndpointCalibration e : result.endpoints()) {
      out.printf(
          Locale.ROOT,
          "%-32s %8d %8.2f %-12s %6.2fms %7.0f%%%n",
          e.endpoint(),
          e.requests(),
          e.arrivalRate(),
          e.serviceTime().family(),
          e.serviceTime().median() * 1000,
          e.cpuFraction() * 100);
    }
    result.notes().forEach(n -> out.println("note: " + n));
    out.flush();
  }

  private String specName() {
    if (name != null) {
      return name;
    }
    String file = from.getFileName().toString();
    int dot = file.indexOf('.');
    return dot > 0 ? file.substring(0, dot) : file;
  }

  private static Overlay readOverlay(Path file) {
    if (!Files.isReadable(file)) {
      throw new CommandFailure("overlay " + file + " does not exist or cannot be read");
    }
    try {
      return Overlay.read(file);
    } catch (OverlayException e) {
      throw new CommandFailure("overlay " + e.getMessage(), e);
    } catch (UncheckedIOException e) {
      throw new CommandFailure(e.getMessage(), e);
    }
  }
}
