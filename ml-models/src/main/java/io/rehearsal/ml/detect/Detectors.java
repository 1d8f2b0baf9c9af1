package io.rehearsal.ml.detect;

import java.util.List;
import java.util.function.Function;

/** The detectors by name: the single entry point for making one. */
public final class Detectors {

  /** The calibrated combination, the default. */
  public static final String COMBINED = "rehearsal";

  /** Names accepted by {@link #create}. */
  public static final List<String> NAMES = List.of(COMBINED, "contextOSE", "seasonal", "rcf");

  private Detectors() {}

  /**
   * Makes a fresh detector for one series. Every detector named here returns scores in [0, 1]: the
   * contextual detector's novelty as is, the seasonal baseline and the forest through the anomaly
   * likelihood.
   *
   * @param name one of {@link #NAMES}
   * @throws IllegalArgumentException for an unknown name
   */
  public static StreamingDetector create(String name, DetectorConfig config) {
    return switch (name) {
      case COMBINED -> new CombinedDetector(config, new ContextOseDetector(config.context()));
      case "contextOSE" -> new ContextOseDetector(config.context());
      case "seasonal" -> calibrated(new SeasonalBaselineDetector(config.seasonal()), config);
      case "rcf" -> calibrated(new RandomCutForestDetector(config.forest(), config.seed()), config);
      default ->
          throw new IllegalArgumentException(
              "unknown detector '" + name + "', expected one of " + NAMES);
    };
  }

  private static StreamingDetector calibrated(StreamingDetector raw, DetectorConfig config) {
    AnomalyLikelihood likelihood = new AnomalyLikelihood(config.likelihood());
    Function<Double, Double> calibrate = likelihood::update;
    return (t, v) -> Double.isFinite(v) ? calibrate.apply(raw.update(t, v)) : 0;
  }
}
