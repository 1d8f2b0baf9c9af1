package io.rehearsal.detector.model;

import io.rehearsal.ml.model.ModelTrainer;
import io.rehearsal.telemetry.ClosedWindow;
import io.rehearsal.telemetry.EndpointWindow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The series a latency model learns and scores: per endpoint, the p99 latency (milliseconds) of
 * each window with requests, at the window's start (epoch seconds), in time order.
 */
final class LatencySeries {

  private LatencySeries() {}

  /** One endpoint's p99 in one window. */
  record Point(String endpoint, long epochSecond, double p99Millis) {}

  /** The points of {@code windows} (any order), oldest window first, endpoints in name order. */
  static List<Point> points(List<ClosedWindow> windows) {
    List<ClosedWindow> ordered = new ArrayList<>(windows);
    ordered.sort(Comparator.comparingLong(ClosedWindow::startNanos));
    List<Point> points = new ArrayList<>();
    for (ClosedWindow w : ordered) {
      long second = Math.floorDiv(w.startNanos(), 1_000_000_000L);
      w.endpoints().stream()
          .filter(e -> e.requests() > 0 && e.latency().count() > 0)
          .sorted(Comparator.comparing(LatencySeries::key))
          .forEach(e -> points.add(new Point(key(e), second, p99Millis(e))));
    }
    return points;
  }

  /** The training series: one per endpoint with at least {@code minPoints} windows. */
  static List<ModelTrainer.TrainingSeries> training(List<ClosedWindow> windows, int minPoints) {
    Map<String, List<Point>> byEndpoint = new TreeMap<>();
    for (Point p : points(windows)) {
      byEndpoint.computeIfAbsent(p.endpoint(), k -> new ArrayList<>()).add(p);
    }
    List<ModelTrainer.TrainingSeries> series = new ArrayList<>();
    for (List<Point> ps : byEndpoint.values()) {
      if (ps.size() < minPoints) {
        continue;
      }
      long[] times = new long[ps.size()];
      double[] values = new double[ps.size()];
      for (int i = 0; i < ps.size(); i++) {
        times[i] = ps.get(i).epochSecond();
        values[i] = ps.get(i).p99Millis();
      }
      series.add(new ModelTrainer.TrainingSeries(times, values));
    }
    return series;
  }

  static String key(EndpointWindow e) {
    return e.service() + " " + e.endpoint();
  }

  private static double p99Millis(EndpointWindow e) {
    return e.latency().valueAtQuantileNanos(0.99) / 1e6;
  }
}
