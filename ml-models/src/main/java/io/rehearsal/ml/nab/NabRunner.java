package io.rehearsal.ml.nab;

import io.rehearsal.ml.detect.DetectorConfig;
import io.rehearsal.ml.detect.Detectors;
import io.rehearsal.ml.detect.StreamingDetector;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a detector over NAB series: a fresh detector per series, fed one row at a time in file
 * order, each score computed before the row is learned. Unlike NAB's own harness it tells the
 * detector nothing about the file beforehand (no range, no length): the detector may not look
 * ahead.
 */
public final class NabRunner {

  private final String detector;
  private final DetectorConfig config;

  /**
   * @param detector one of {@link Detectors#NAMES}
   * @param config global parameters, the same for every series
   */
  public NabRunner(String detector, DetectorConfig config) {
    Detectors.create(detector, config); // fail at configuration time on an unknown name
    this.detector = detector;
    this.config = config;
  }

  /** Scores every series; the results carry the series' names, values and timestamps. */
  public List<NabSeries> run(List<NabSeries> corpus) {
    List<NabSeries> out = new ArrayList<>(corpus.size());
    for (NabSeries s : corpus) {
      out.add(run(s));
    }
    return out;
  }

  /** Scores one series with a fresh detector. */
  public NabSeries run(NabSeries series) {
    StreamingDetector d = Detectors.create(detector, config);
    double[] scores = new double[series.size()];
    for (int i = 0; i < scores.length; i++) {
      scores[i] = clamp(d.update(series.epochSecond(i), series.value(i)));
    }
    return series.withScores(scores);
  }

  private static double clamp(double score) {
    return Double.isFinite(score) ? Math.max(0, Math.min(1, score)) : 0;
  }
}
