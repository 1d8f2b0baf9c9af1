package io.rehearsal.cli.ml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rehearsal.cli.CommandFailure;
import io.rehearsal.ml.incident.DetectionScore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The labelled recordings a detection evaluation replays ({@code ml detect-eval}, {@code incidents
 * replay-eval}): {@code --data} holds {@code incidents.json} and the recordings it names, {@code
 * --normal} names recordings that must give no incident, {@code --only} narrows the labelled ones.
 */
public final class LabelledRecordings {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Option(
      names = "--data",
      paramLabel = "DIR",
      defaultValue = "ml-models/data/reference-shop",
      description = "Recordings and incidents.json (default: ${DEFAULT-VALUE}).")
  Path data;

  @Option(
      names = "--normal",
      split = ",",
      paramLabel = "NAME",
      defaultValue = "baseline,load2x",
      description = "Recordings of normal operation, without .otlp.jsonl.gz (${DEFAULT-VALUE}).")
  List<String> normal;

  @Option(
      names = "--only",
      split = ",",
      paramLabel = "NAME",
      description = "Only these labelled recordings (without .otlp.jsonl.gz); default all.")
  List<String> only;

  /** The file of recording {@code name}. */
  public Path file(String name) {
    return data.resolve(name + ".otlp.jsonl.gz");
  }

  /**
   * Each recording to replay with its labelled incidents, in file order: the labelled ones (those
   * {@code --only} keeps), then the normal ones with none.
   *
   * @throws CommandFailure naming the file when incidents.json or a recording cannot be read, or a
   *     label lacks its recording, onset or end
   */
  public Map<String, List<DetectionScore.Label>> runs() throws IOException {
    Path labels = data.resolve("incidents.json");
    if (!Files.isReadable(labels)) {
      throw new CommandFailure(labels + " does not exist or cannot be read");
    }
    Map<String, List<DetectionScore.Label>> runs = new LinkedHashMap<>();
    for (JsonNode label : JSON.readTree(labels.toFile())) {
      String recording = label.path("recording").asText().replace(".otlp.jsonl.gz", "");
      if (recording.isEmpty() || !label.has("onsetEpochMs") || !label.has("endEpochMs")) {
        throw new CommandFailure(labels + ": a label lacks recording, onsetEpochMs or endEpochMs");
      }
      if (only == null || only.contains(recording)) {
        runs.computeIfAbsent(recording, r -> new ArrayList<>())
            .add(
                new DetectionScore.Label(
                    label.path("onsetEpochMs").asLong(), label.path("endEpochMs").asLong()));
      }
    }
    normal.forEach(n -> runs.put(n, List.of()));
    for (String name : runs.keySet()) {
      if (!Files.isReadable(file(name))) {
        throw new CommandFailure(file(name) + " cannot be read");
      }
    }
    return runs;
  }
}
