package io.rehearsal.gateway.web;

import java.util.List;

/**
 * One line of a plot: its points as {x (epoch seconds), value, band low, band high}, the band NaN
 * where it has none, and the value NaN where nothing was measured (drawn as a gap).
 *
 * @param label legend text
 * @param kind "observed", "baseline" (do nothing) or "candidate"
 * @param banded whether the points carry a band
 * @param points in time order
 */
record PlotLine(String label, String kind, boolean banded, List<double[]> points) {
  PlotLine {
    points = List.copyOf(points);
  }

  /** A point without a band. */
  static double[] point(double x, double value) {
    return new double[] {x, value, Double.NaN, Double.NaN};
  }

  /** A point with its band. */
  static double[] point(double x, double value, double low, double high) {
    return new double[] {x, value, low, high};
  }
}
