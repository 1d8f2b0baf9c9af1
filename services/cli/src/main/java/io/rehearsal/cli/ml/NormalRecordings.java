package io.rehearsal.cli.ml;

import java.util.List;
import picocli.CommandLine.Option;

/**
 * The recordings of normal operation a detection evaluation replays besides the labelled ones
 * ({@link LabelledRecordings}): each must give no incident. A picocli mixin of {@code ml
 * detect-eval} and {@code incidents replay-eval}.
 */
public final class NormalRecordings {

  @Option(
      names = "--normal",
      split = ",",
      paramLabel = "NAME",
      defaultValue = "baseline,load2x",
      description = "Recordings of normal operation, without .otlp.jsonl.gz (${DEFAULT-VALUE}).")
  List<String> names;

  /** The names of the normal recordings, without {@code .otlp.jsonl.gz}. */
  public List<String> names() {
    return names;
  }
}
