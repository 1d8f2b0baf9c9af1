package io.rehearsal.ml.detect;

import java.util.SplittableRandom;

/** Small seeded test series: a daily cycle with noise, hourly points. */
final class Series {

  static final long START = 1_577_836_800L; // 2020-01-01T00:00:00Z
  static final long HOUR = 3_600;

  private Series() {}

  /** {@code n} hourly values: a daily sine plus Gaussian noise of {@code noise}. */
  static double[] daily(int n, double noise, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = 10 + 3 * Math.sin(2 * Math.PI * i / 24) + noise * gaussian(random);
    }
    return v;
  }

  /** Feeds every value and returns every score. */
  static double[] run(StreamingDetector d, double[] values) {
    return run(d, values, HOUR);
  }

  /** Feeds {@code values} one every {@code stepSeconds}, from {@link #START}. */
  static double[] run(StreamingDetector d, double[] values, long stepSeconds) {
    double[] scores = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      scores[i] = d.update(START + i * stepSeconds, values[i]);
    }
    return scores;
  }

  static double max(double[] scores, int from, int to) {
    double m = 0;
    for (int i = from; i < to; i++) {
      m = Math.max(m, scores[i]);
    }
    return m;
  }

  private static double gaussian(SplittableRandom r) {
    return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
  }
}
