package io.rehearsal.ml.model;

import io.rehearsal.ml.detect.DetectorConfig;
import io.rehearsal.ml.detect.Detectors;
import io.rehearsal.ml.detect.StreamingDetector;
import java.util.Objects;

/**
 * A trained detector: what to build and what training measured.
 *
 * @param formatVersion the artifact format this was read from or will be written as
 * @param detector one of {@link Detectors#NAMES}
 * @param config the global parameters
 * @param provenance where it came from
 * @param calibration what training measured on its scores
 */
public record ModelArtifact(
    int formatVersion,
    String detector,
    DetectorConfig config,
    Provenance provenance,
    Calibration calibration) {

  /** The format written today. */
  public static final int FORMAT_VERSION = 3;

  /** Validates the parts and that the provenance's seed is the configuration's. */
  public ModelArtifact {
    if (formatVersion < 1 || formatVersion > FORMAT_VERSION) {
      throw new IllegalArgumentException(
          "formatVersion must be 1.." + FORMAT_VERSION + ", but was " + formatVersion);
    }
    if (!Detectors.NAMES.contains(detector)) {
      throw new IllegalArgumentException(
          "detector must be one of " + Detectors.NAMES + ", but was " + detector);
    }
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(provenance, "provenance");
    Objects.requireNonNull(calibration, "calibration");
    if (provenance.seed() != config.seed()) {
      throw new IllegalArgumentException(
          "provenance.seed " + provenance.seed() + " differs from config.seed " + config.seed());
    }
  }

  /** A fresh detector for one series, built from this artifact's configuration. */
  public StreamingDetector newDetector() {
    return Detectors.create(detector, config);
  }

  /**
   * Where a model came from.
   *
   * @param dataIdentity {@code sha256:<hex>} of the training data (see {@link ModelTrainer})
   * @param series series trained on
   * @param points points trained on
   * @param seed the seed used
   */
  public record Provenance(String dataIdentity, int series, long points, long seed) {
    /** Validates the identity's shape and the counts. */
    public Provenance {
      if (dataIdentity == null || !dataIdentity.matches("sha256:[0-9a-f]{64}")) {
        throw new IllegalArgumentException(
            "provenance.dataIdentity must be sha256:<64 hex>, but was " + dataIdentity);
      }
      if (series < 0 || points < 0) {
        throw new IllegalArgumentException(
            "provenance counts must be >= 0, but were " + series + " and " + points);
      }
    }
  }

  /**
   * What training measured on the detector's scores.
   *
   * @param alarmThreshold score from which the detector's output is an alarm
   * @param p99 99th percentile of the training scores
   * @param p999 99.9th percentile
   * @param max largest training score
   */
  public record Calibration(double alarmThreshold, double p99, double p999, double max) {
    /** Validates that every figure is a score in [0, 1]. */
    public Calibration {
      for (double v : new double[] {alarmThreshold, p99, p999, max}) {
        if (!(v >= 0 && v <= 1)) {
          throw new IllegalArgumentException("calibration values must be in [0, 1], but was " + v);
        }
      }
    }
  }
}
