package io.rehearsal.cli.ml;

import io.rehearsal.cli.CommandFailure;
import io.rehearsal.ml.incident.DetectionScore;
import io.rehearsal.rehearse.incident.InvalidIncidentException;
import io.rehearsal.rehearse.incident.RecordedIncident;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The labelled recordings an evaluation replays ({@code ml detect-eval}, {@code incidents
 * replay-eval}, {@code ml rca-eval}), as one picocli mixin: {@code --data} holds {@code
 * incidents.json} and the recordings it names, {@code --only} narrows the labelled ones. The
 * detection evaluations add the recordings that must give no incident ({@link NormalRecordings}).
 */
public final class LabelledRecordings {

  @Option(
      names = "--data",
      paramLabel = "DIR",
      defaultValue = "ml-models/data/reference-shop",
      description = "Recordings and incidents.json (default: ${DEFAULT-VALUE}).")
  Path data;

  @Option(
      names = "--only",
      split = ",",
      paramLabel = "NAME",
      description = "Only these labelled recordings (without .otlp.jsonl.gz); default all.")
  List<String> only;

  /** The folder of {@code incidents.json} and the recordings. */
  public Path data() {
    return data;
  }

  /** The file of recording {@code name}. */
  public Path file(String name) {
    return data.resolve(name + ".otlp.jsonl.gz");
  }

  /**
   * Each recording to replay with its labelled incidents, in file order: the labelled ones (those
   * {@code --only} keeps), then the normal ones with none.
   *
   * @throws CommandFailure naming the file when incidents.json or a recording cannot be read, or
   *     naming the entry when one is malformed
   */
  public Map<String, List<DetectionScore.Label>> runs(NormalRecordings normal) {
    Map<String, List<DetectionScore.Label>> runs = new LinkedHashMap<>();
    for (RecordedIncident incident : incidents()) {
      runs.computeIfAbsent(name(incident), r -> new ArrayList<>())
          .add(new DetectionScore.Label(incident.onsetEpochMs(), incident.endEpochMs()));
    }
    normal.names().forEach(n -> runs.put(n, List.of()));
    for (String name : runs.keySet()) {
      if (!Files.isReadable(file(name))) {
        throw new CommandFailure(file(name) + " cannot be read");
      }
    }
    return runs;
  }

  /**
   * The labelled incidents of {@code --data}'s {@code incidents.json} (read by {@link
   * RecordedIncident#read}, the one reader of that file), in file order, those of the recordings
   * {@code --only} names (all when it is not given).
   *
   * @throws CommandFailure naming the file (and the entry) when it is missing or malformed
   */
  public List<RecordedIncident> incidents() {
    Path labels = data.resolve("incidents.json");
    if (!Files.isReadable(labels)) {
      throw new CommandFailure(labels + " does not exist or cannot be read");
    }
    try {
      return RecordedIncident.read(labels).stream()
          .filter(i -> only == null || only.contains(name(i)))
          .toList();
    } catch (InvalidIncidentException | UncheckedIOException e) {
      throw new CommandFailure(e.getMessage(), e);
    }
  }

  /** The recording's name, without {@code .otlp.jsonl.gz}. */
  public static String name(RecordedIncident incident) {
    return incident.recording().replace(".otlp.jsonl.gz", "");
  }
}
