package io.rehearsal.rehearse.incident;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rehearsal.telemetry.Recording;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One entry of a recorded dataset's {@code incidents.json} (written by the reference shop's
 * recording scripts): the label of a fault injected while a recording ran.
 *
 * @param kind label kind ({@link LabelKind} spelling)
 * @param target what the fault hit (service, replica or dependency)
 * @param service the service or dependency of the target
 * @param magnitude the fault's size in the label's unit
 * @param onsetEpochMs when the fault was injected
 * @param endEpochMs when it was cleared
 * @param recording the recording's file name, beside {@code incidents.json}
 * @param windowStartEpochMs start of the recorded window
 * @param windowEndEpochMs end of the recorded window
 */
public record RecordedIncident(
    String kind,
    String target,
    String service,
    double magnitude,
    long onsetEpochMs,
    long endEpochMs,
    String recording,
    long windowStartEpochMs,
    long windowEndEpochMs) {
  private static final ObjectMapper JSON =
      new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** Validates the times and the label. */
  public RecordedIncident {
    label(kind, target, service, magnitude);
    if (!(windowStartEpochMs <= onsetEpochMs
        && onsetEpochMs <= endEpochMs
        && endEpochMs <= windowEndEpochMs)) {
      throw new IllegalArgumentException(
          "times must satisfy windowStart <= onset <= end <= windowEnd, but were "
              + List.of(windowStartEpochMs, onsetEpochMs, endEpochMs, windowEndEpochMs));
    }
    if (recording == null || recording.isBlank()) {
      throw new IllegalArgumentException("recording must not be blank, but was " + recording);
    }
  }

  /** The label. */
  public IncidentLabel label() {
    return label(kind, target, service, magnitude);
  }

  /** The incident's id: the recording's file name without its extensions. */
  public String id() {
    int dot = recording.indexOf('.');
    return dot > 0 ? recording.substring(0, dot) : recording;
  }

  /**
   * The labelled incident in {@code recording} (this entry's recording, read by the caller): its
   * symptoms over {@code window} seconds from the onset in buckets of {@code bucket} seconds, and
   * the healthy baseline of the {@code baselineSeconds} before the onset ({@link
   * Incidents#extract}).
   *
   * @throws IllegalArgumentException if the recording shows no endpoint in the window
   */
  public Incident extract(
      Recording recording, String title, double window, double bucket, double baselineSeconds) {
    return Incidents.extract(
        id(),
        title,
        recording,
        onsetEpochMs * 1_000_000L,
        window,
        bucket,
        baselineSeconds,
        label());
  }

  /** Seconds the fault lasted. */
  public double faultSeconds() {
    return (endEpochMs - onsetEpochMs) / 1e3;
  }

  /**
   * Reads an {@code incidents.json} (a JSON array of entries).
   *
   * @throws InvalidIncidentException naming the file and the entry's index
   * @throws UncheckedIOException if it cannot be read
   */
  public static List<RecordedIncident> read(Path file) {
    List<Map<String, Object>> raw;
    try {
      raw = JSON.readValue(Files.readString(file), new TypeReference<>() {});
    } catch (JsonProcessingException e) {
      throw new InvalidIncidentException(file + ": " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    List<RecordedIncident> out = new ArrayList<>();
    for (int i = 0; i < raw.size(); i++) {
      try {
        out.add(JSON.convertValue(raw.get(i), RecordedIncident.class));
      } catch (IllegalArgumentException e) {
        throw new InvalidIncidentException(file + ": [" + i + "]: " + rootMessage(e));
      }
    }
    return out;
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage();
  }

  private static IncidentLabel label(String kind, String target, String service, double m) {
    return new IncidentLabel(kind, target, service, m);
  }
}
