package io.rehearsal.calibration;

import io.rehearsal.telemetry.MetricPoint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Cumulative or delta metric series turned into what accrued in each interval between points (CPU
 * seconds, request counts), and what of it falls in a period, pro rata.
 */
final class MetricIntervals {
  /** {@code amount} accrued in [from, to), epoch nanoseconds. */
  record Interval(long from, long to, double amount) {}

  private MetricIntervals() {}

  /**
   * The intervals of every series of {@code points}, grouped by {@code group}; a series is one
   * group, attribute set and start time.
   */
  static Map<String, List<Interval>> of(
      List<MetricPoint> points,
      Function<MetricPoint, String> group,
      ToDoubleFunction<MetricPoint> amount) {
    Map<List<Object>, List<MetricPoint>> series = new LinkedHashMap<>();
    for (MetricPoint p : points) {
      String key = group.apply(p);
      if (key != null) {
        series
            .computeIfAbsent(
                List.of(key, p.service(), p.resource(), p.attributes(), p.startNanos()),
                k -> new ArrayList<>())
            .add(p);
      }
    }
    Map<String, List<Interval>> out = new LinkedHashMap<>();
    series.forEach(
        (key, list) ->
            out.computeIfAbsent((String) key.get(0), k -> new ArrayList<>())
                .addAll(deltas(list, amount)));
    return out;
  }

  /** The amount of {@code intervals} that falls in [from, to), spread pro rata. */
  static double within(List<Interval> intervals, long from, long to) {
    double sum = 0;
    for (Interval i : intervals) {
      long a = Math.max(from, i.from());
      long b = Math.min(to, i.to());
      if (b > a) {
        sum += i.amount() * (b - a) / (double) (i.to() - i.from());
      }
    }
    return sum;
  }

  /** Nanoseconds of [from, to) that {@code intervals} cover (overlaps counted once per series). */
  static long covered(List<Interval> intervals, long from, long to) {
    long sum = 0;
    for (Interval i : intervals) {
      sum += Math.max(0, Math.min(to, i.to()) - Math.max(from, i.from()));
    }
    return sum;
  }

  static List<Interval> deltas(List<MetricPoint> points, ToDoubleFunction<MetricPoint> amount) {
    List<MetricPoint> sorted = new ArrayList<>(points);
    sorted.sort(Comparator.comparingLong(MetricPoint::timeNanos));
    List<Interval> out = new ArrayList<>();
    for (int i = 0; i < sorted.size(); i++) {
      MetricPoint p = sorted.get(i);
      if (!p.cumulative()) {
        if (p.startNanos() > 0 && p.timeNanos() > p.startNanos()) {
          out.add(new Interval(p.startNanos(), p.timeNanos(), amount.applyAsDouble(p)));
        }
      } else if (i > 0) {
        MetricPoint prev = sorted.get(i - 1);
        double used = amount.applyAsDouble(p) - amount.applyAsDouble(prev);
        if (used >= 0 && p.timeNanos() > prev.timeNanos()) {
          out.add(new Interval(prev.timeNanos(), p.timeNanos(), used));
        }
      }
    }
    return out;
  }
}
