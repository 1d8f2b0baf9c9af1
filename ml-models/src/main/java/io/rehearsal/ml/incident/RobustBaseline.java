package io.rehearsal.ml.incident;

import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * The normal values of one signal: a bounded history, its median and its robust spread (1.4826
 * times the median absolute deviation). Only values judged normal are learned, so an incident does
 * not become the new normal while it lasts.
 */
final class RobustBaseline {
  private final ArrayDeque<Double> history = new ArrayDeque<>();
  private final int capacity;
  private int run;
  private long runStart;

  RobustBaseline(int capacity) {
    this.capacity = capacity;
  }

  int size() {
    return history.size();
  }

  void learn(double value) {
    if (history.size() == capacity) {
      history.removeFirst();
    }
    history.addLast(value);
  }

  double median() {
    return median(history.stream().mapToDouble(Double::doubleValue).toArray());
  }

  double spread(double median) {
    double[] deviations = history.stream().mapToDouble(v -> Math.abs(v - median)).toArray();
    return 1.4826 * median(deviations);
  }

  /** Counts one more anomalous second in a row; returns the length of the run. */
  int hit(long second) {
    if (run == 0) {
      runStart = second;
    }
    return ++run;
  }

  void miss() {
    run = 0;
  }

  long runStart() {
    return runStart;
  }

  private static double median(double[] values) {
    if (values.length == 0) {
      return Double.NaN;
    }
    Arrays.sort(values);
    int mid = values.length / 2;
    return values.length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
  }
}
