package io.rehearsal.cli.twin;

import io.rehearsal.cli.CommandFailure;
import io.rehearsal.otlp.OtlpFileException;
import io.rehearsal.otlp.ReadSummary;
import io.rehearsal.otlp.RecordingOptions;
import io.rehearsal.otlp.Recordings;
import io.rehearsal.telemetry.Recording;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * The commands' side of reading a recording with {@link Recordings}: flags to {@link
 * RecordingOptions} (a bad value is a usage error, exit code 2) and a file that cannot be read to a
 * {@link CommandFailure} naming it (exit code 1).
 */
public final class RecordingInput {

  private RecordingInput() {}

  /** Reads {@code from}, a file or a directory of them. */
  public static Recording read(Path from, RecordingOptions options) {
    return read(() -> Recordings.read(from, options));
  }

  /** Runs {@code reading}, e.g. of a {@link io.rehearsal.otlp.Dataset}'s baseline. */
  public static Recording read(Reading reading) {
    try {
      return reading.read();
    } catch (OtlpFileException e) {
      throw new CommandFailure("cannot read " + e.file() + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw new CommandFailure(e.getMessage(), e);
    }
  }

  /**
   * Options that skip bad lines (e.g. the line the detector is writing) and say on {@code err} how
   * many each file had.
   */
  public static RecordingOptions skippingBadLines(PrintWriter err) {
    return RecordingOptions.defaults()
        .skippingBadLines((file, summary) -> report(file, summary, err));
  }

  /**
   * {@code options} with {@code --skip SECONDS} applied (even 0 drops the traces without a root,
   * see {@link RecordingOptions#skip}).
   *
   * @throws ParameterException unless {@code seconds} is >= 0 and finite
   */
  public static RecordingOptions skip(RecordingOptions options, double seconds, CommandSpec spec) {
    try {
      return options.skip(seconds);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(
          spec.commandLine(), "--skip must be >= 0 seconds, but was " + seconds, e);
    }
  }

  /** A read of the OTLP reader's. */
  @FunctionalInterface
  public interface Reading {
    /** Reads a recording. */
    Recording read() throws IOException;
  }

  private static void report(Path file, ReadSummary summary, PrintWriter err) {
    if (summary.badLines() > 0 || summary.rejectedSpans() > 0) {
      err.printf(
          "%s: skipped %d bad lines and %d invalid spans%n",
          file, summary.badLines(), summary.rejectedSpans());
      err.flush();
    }
  }
}
