package io.rehearsal.ml.incident;

import java.util.ArrayList;
import java.util.List;

/**
 * How opened incidents compare with labelled ones. A label is detected by the first incident opened
 * in [onset, end + grace]; its delay is the opening minus the onset. Every other incident is false,
 * including a second one during the same labelled incident (grouping should have merged it).
 *
 * @param detected labels with a matching incident
 * @param missed labels without one
 * @param falseIncidents incidents matching no label
 * @param delaysSeconds detection delays of the detected labels, in label order
 */
public record DetectionScore(
    int detected, int missed, int falseIncidents, List<Double> delaysSeconds) {

  /** Copies the delays. */
  public DetectionScore {
    delaysSeconds = List.copyOf(delaysSeconds);
  }

  /**
   * A labelled incident.
   *
   * @param onsetMillis when it started, epoch milliseconds
   * @param endMillis when it ended
   */
  public record Label(long onsetMillis, long endMillis) {}

  /**
   * Scores the opening times of incidents against labels of the same recording.
   *
   * @param labels the labelled incidents (none for a recording of normal operation)
   * @param openedMillis when each incident opened, epoch milliseconds
   * @param graceMillis how long after a label's end an opening still counts for it
   */
  public static DetectionScore of(List<Label> labels, List<Long> openedMillis, long graceMillis) {
    List<Long> unmatched = new ArrayList<>(openedMillis);
    unmatched.sort(null);
    List<Double> delays = new ArrayList<>();
    int missed = 0;
    for (Label label : labels) {
      Long match =
          unmatched.stream()
              .filter(t -> t >= label.onsetMillis() && t <= label.endMillis() + graceMillis)
              .findFirst()
              .orElse(null);
      if (match == null) {
        missed++;
      } else {
        unmatched.remove(match);
        delays.add((match - label.onsetMillis()) / 1000.0);
      }
    }
    return new DetectionScore(delays.size(), missed, unmatched.size(), delays);
  }

  /** This score plus another's. */
  public DetectionScore plus(DetectionScore other) {
    List<Double> all = new ArrayList<>(delaysSeconds);
    all.addAll(other.delaysSeconds);
    return new DetectionScore(
        detected + other.detected,
        missed + other.missed,
        falseIncidents + other.falseIncidents,
        all);
  }

  /** The median delay in seconds, NaN when nothing was detected. */
  public double medianDelaySeconds() {
    if (delaysSeconds.isEmpty()) {
      return Double.NaN;
    }
    List<Double> sorted = delaysSeconds.stream().sorted().toList();
    int mid = sorted.size() / 2;
    return sorted.size() % 2 == 1 ? sorted.get(mid) : (sorted.get(mid - 1) + sorted.get(mid)) / 2;
  }
}
