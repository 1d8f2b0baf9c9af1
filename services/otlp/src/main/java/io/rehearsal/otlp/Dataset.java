package io.rehearsal.otlp;

import io.rehearsal.telemetry.Recording;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A recorded dataset directory, as the reference shop's recording scripts write it (e.g. {@code
 * ml-models/data/reference-shop}): the steady-state recording {@value #BASELINE}, the
 * infrastructure overlay {@value #OVERLAY} when there is one, and the labelled incidents' index
 * {@value #INCIDENTS}, whose entries name recordings beside it.
 *
 * <pre>{@code
 * Dataset data = Dataset.at(Path.of("ml-models/data/reference-shop"));
 * Recording baseline = data.baseline(RecordingOptions.defaults().skip(75));
 * Recording incident = data.recording("incident-latency.otlp.jsonl.gz", RecordingOptions.defaults());
 * }</pre>
 *
 * <p>The index's labels are read by {@code io.rehearsal.rehearse.incident.RecordedIncident} from
 * {@link #incidents()}: this class knows where the files are, not what a label means.
 */
public final class Dataset {

  /** The steady-state recording calibration learns from. */
  public static final String BASELINE = "baseline.otlp.jsonl.gz";

  /** The optional overlay of what telemetry cannot show (replicas, workers, limits…). */
  public static final String OVERLAY = "overlay.yaml";

  /** The JSON array of labelled incidents, each naming its recording. */
  public static final String INCIDENTS = "incidents.json";

  private final Path dir;

  private Dataset(Path dir) {
    this.dir = dir;
  }

  /** The dataset in {@code dir}; nothing is read until asked for. */
  public static Dataset at(Path dir) {
    if (dir == null) {
      throw new IllegalArgumentException("dir must not be null");
    }
    return new Dataset(dir);
  }

  /** The directory. */
  public Path dir() {
    return dir;
  }

  /**
   * Reads the baseline recording.
   *
   * @throws IOException naming the file (and line) that could not be read
   */
  public Recording baseline(RecordingOptions options) throws IOException {
    return Recordings.read(dir.resolve(BASELINE), options);
  }

  /** The overlay file, when the dataset has one. */
  public Optional<Path> overlay() {
    Path overlay = dir.resolve(OVERLAY);
    return Files.exists(overlay) ? Optional.of(overlay) : Optional.empty();
  }

  /**
   * The incidents' index.
   *
   * @throws IOException if it does not exist or cannot be read, naming it
   */
  public Path incidents() throws IOException {
    Path index = dir.resolve(INCIDENTS);
    if (!Files.isReadable(index)) {
      throw new IOException(index + " does not exist or cannot be read");
    }
    return index;
  }

  /**
   * Reads the recording an index entry names.
   *
   * @param name a path relative to the dataset's directory, e.g. {@code
   *     incident-error.otlp.jsonl.gz}
   * @throws IOException naming the file (and line) that could not be read
   */
  public Recording recording(String name, RecordingOptions options) throws IOException {
    return Recordings.read(dir.resolve(name), options);
  }

  @Override
  public String toString() {
    return "Dataset[" + dir + "]";
  }
}
