package io.rehearsal.ml.nab;

import java.util.List;

/**
 * One result file prepared for scoring, profile-independent: per row its anomaly score, its
 * unweighted sigmoid score and which window it belongs to ({@link #OUTSIDE} or {@link #PROBATION}),
 * exactly as NAB's sweeper assigns them.
 */
final class ScoredFile {

  static final int OUTSIDE = -1;
  static final int PROBATION = -2;

  /** NAB's probation: {@code min(floor(0.15 N), 0.15 * 5000)} rows. */
  static final double PROBATION_FRACTION = 0.15;

  private static final double MAX_TP = scaledSigmoid(-1.0);

  final String name;
  final double[] scores;
  final double[] unweighted;
  final int[] window;
  final int windowCount;

  private ScoredFile(String name, double[] scores, int rows, int windowCount) {
    this.name = name;
    this.scores = scores;
    this.unweighted = new double[rows];
    this.window = new int[rows];
    this.windowCount = windowCount;
  }

  /** NAB's scaled sigmoid, with its clamp to -1 from 3 window widths on. */
  static double scaledSigmoid(double position) {
    return position >= 3.0 ? -1.0 : 2.0 / (1.0 + Math.exp(5.0 * position)) - 1.0;
  }

  /** Number of probationary rows of a file of {@code rows} rows. */
  static int probation(int rows) {
    return (int) Math.ceil(Math.min(Math.floor(PROBATION_FRACTION * rows), 750.0));
  }

  static ScoredFile of(NabSeries series, List<NabLabels.Window> windows) {
    double[] scores = series.scores();
    for (int i = 0; i < scores.length; i++) {
      if (Double.isNaN(scores[i])) {
        scores[i] = Double.NEGATIVE_INFINITY;
      }
    }
    long[] t = series.epochSeconds();
    ScoredFile f = new ScoredFile(series.name(), scores, t.length, windows.size());
    f.sweep(t, windows);
    return f;
  }

  /** Weighted sweep score of row {@code i} under a profile (a TP is scaled to A_TP at most). */
  double weighted(int i, CostProfile p) {
    return window[i] >= 0 ? unweighted[i] * p.tpWeight() / MAX_TP : unweighted[i] * p.fpWeight();
  }

  private void sweep(long[] t, List<NabLabels.Window> windows) {
    int probation = probation(t.length);
    int next = 0;
    int current = OUTSIDE;
    int right = -1;
    double width = 0;
    int prevRight = -1;
    double prevWidth = 0;
    for (int i = 0; i < t.length; i++) {
      if (current == OUTSIDE && next < windows.size() && t[i] >= start(windows.get(next))) {
        current = next++;
        right = lastIndexAtOrBefore(t, i, end(windows.get(current)));
        width = right - i + 1;
      }
      if (current != OUTSIDE) {
        unweighted[i] = scaledSigmoid(-(right - i + 1) / width);
      } else {
        unweighted[i] =
            scaledSigmoid(prevRight < 0 ? 3.0 : Math.abs(prevRight - i) / (prevWidth - 1));
      }
      window[i] = i >= probation ? current : PROBATION;
      if (current != OUTSIDE && i == right) {
        prevRight = i;
        prevWidth = width;
        current = OUTSIDE;
      }
    }
  }

  private static long start(NabLabels.Window w) {
    return NabTime.epochSeconds(w.start());
  }

  private static long end(NabLabels.Window w) {
    return NabTime.epochSeconds(w.end());
  }

  private static int lastIndexAtOrBefore(long[] t, int from, long end) {
    int i = from;
    while (i + 1 < t.length && t[i + 1] <= end) {
      i++;
    }
    return i;
  }
}
