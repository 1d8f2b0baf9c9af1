package io.rehearsal.ml.model;

import io.rehearsal.ml.detect.DetectorConfig;
import io.rehearsal.ml.detect.Detectors;
import io.rehearsal.ml.detect.StreamingDetector;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * Trains a detector on recorded series: runs a fresh detector over each, in order, and keeps the
 * score quantiles; the alarm threshold is the largest of {@code minAlarm} and the 99.9th
 * percentile, so training data alarms on at most one point in a thousand.
 */
public final class ModelTrainer {

  /** One recorded series: times (epoch seconds) and values, in time order. */
  public record TrainingSeries(long[] epochSeconds, double[] values) {
    /** Validates equal lengths. */
    public TrainingSeries {
      if (epochSeconds.length != values.length) {
        throw new IllegalArgumentException(
            "times and values differ in length: " + epochSeconds.length + " vs " + values.length);
      }
    }
  }

  private final String detector;
  private final DetectorConfig config;
  private final double minAlarm;

  /**
   * @param detector the detector's name
   * @param config its global parameters
   * @param minAlarm the lowest alarm threshold allowed, in [0, 1]
   */
  public ModelTrainer(String detector, DetectorConfig config, double minAlarm) {
    if (!(minAlarm >= 0 && minAlarm <= 1)) {
      throw new IllegalArgumentException("minAlarm must be in [0, 1], but was " + minAlarm);
    }
    Detectors.create(detector, config); // an unknown name fails here, not after training
    this.detector = detector;
    this.config = config;
    this.minAlarm = minAlarm;
  }

  /** Trains on the series and returns the artifact, in the current format. */
  public ModelArtifact train(List<TrainingSeries> data) {
    ModelArtifact.Provenance provenance =
        new ModelArtifact.Provenance(
            identity(data),
            data.size(),
            data.stream().mapToLong(s -> s.values().length).sum(),
            config.seed());
    double[] scores = scores(data);
    Arrays.sort(scores);
    double p999 = quantile(scores, 0.999);
    ModelArtifact.Calibration calibration =
        new ModelArtifact.Calibration(
            Math.max(minAlarm, p999), quantile(scores, 0.99), p999, quantile(scores, 1.0));
    return new ModelArtifact(
        ModelArtifact.FORMAT_VERSION, detector, config, provenance, calibration);
  }

  /** {@code sha256:<hex>} over every series' length, times and values, in order. */
  public static String identity(List<TrainingSeries> data) {
    MessageDigest digest = sha256();
    ByteBuffer buffer = ByteBuffer.allocate(16);
    for (TrainingSeries s : data) {
      digest.update(buffer.clear().putLong(s.values().length).flip());
      for (int i = 0; i < s.values().length; i++) {
        buffer.clear().putLong(s.epochSeconds()[i]).putDouble(s.values()[i]).flip();
        digest.update(buffer);
      }
    }
    return "sha256:" + HexFormat.of().formatHex(digest.digest());
  }

  private double[] scores(List<TrainingSeries> data) {
    int total = (int) data.stream().mapToLong(s -> s.values().length).sum();
    double[] scores = new double[total];
    int k = 0;
    for (TrainingSeries s : data) {
      StreamingDetector d = Detectors.create(detector, config);
      for (int i = 0; i < s.values().length; i++) {
        double score = d.update(s.epochSeconds()[i], s.values()[i]);
        scores[k++] = Double.isFinite(score) ? Math.max(0, Math.min(1, score)) : 0;
      }
    }
    return scores;
  }

  private static double quantile(double[] sorted, double q) {
    if (sorted.length == 0) {
      return 0;
    }
    return sorted[Math.max(0, (int) Math.ceil(q * sorted.length) - 1)];
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
