package io.rehearsal.calibration;

import io.rehearsal.telemetry.MetricKind;
import io.rehearsal.telemetry.MetricPoint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Estimates CPU demand per endpoint from process CPU time ({@code process.cpu.time}, else {@code
 * jvm.cpu.time}: a cumulative or delta sum in seconds) and request completions, by the utilisation
 * law over fixed windows, with non-negative least squares. A service's processes are summed (the
 * CPU of an interval between two points is spread over the windows it overlaps), its endpoints'
 * completed requests are counted per window (each sampled span standing for 1 / kept requests), and
 * CPU = sum(D_e n_e) + b W is fitted with D_e, b >= 0. Only windows that every process of the
 * service covered are used. At one steady rate the regression cannot tell per-request CPU from CPU
 * outside requests well; {@link Hosts} says how the twin then treats the latter.
 */
final class CpuRegression {
  static final List<String> CPU_METRICS = List.of("process.cpu.time", "jvm.cpu.time");
  private static final double FULL_COVERAGE = 0.95;

  /** CPU seconds used in [from, to), epoch nanoseconds. */
  record Interval(long from, long to, double cpuSeconds) {}

  private final double window;

  CpuRegression(double windowSeconds) {
    this.window = windowSeconds;
  }

  /** The fit of every service that served requests, by service name. */
  Map<String, ServiceCpu> fit(List<MetricPoint> metrics, List<ServedRequest> requests) {
    return fit(metrics, requests, Sampling.NONE);
  }

  /** As {@link #fit(List, List)}, each span standing for {@code sampling.weight} requests. */
  Map<String, ServiceCpu> fit(
      List<MetricPoint> metrics, List<ServedRequest> requests, Sampling sampling) {
    Map<String, ServiceCpu> out = new TreeMap<>();
    if (requests.isEmpty()) {
      return out;
    }
    Windows windows = new Windows(requests, window);
    Map<String, List<Interval>> cpu = intervals(metrics);
    Map<String, List<MetricIntervals.Interval>> counts = requestCounts(metrics);
    for (Map.Entry<String, Set<String>> entry : endpoints(requests).entrySet()) {
      String service = entry.getKey();
      List<String> names = List.copyOf(entry.getValue());
      List<Interval> used = cpu.getOrDefault(service, List.of());
      RateFit rate = RateFit.of(asMetricIntervals(used), counts.getOrDefault(service, List.of()));
      out.put(
          service,
          rate.intervals() >= RateFit.MIN_ROWS
              ? spreadByServiceTime(service, names, rate, requests)
              : fitService(service, names, used, requests, windows, sampling));
    }
    return out;
  }

  /** Completed requests between metric points per service, from the complete request metric. */
  static Map<String, List<MetricIntervals.Interval>> requestCounts(List<MetricPoint> metrics) {
    return MetricIntervals.of(
        metrics.stream()
            .filter(
                p -> p.name().equals(Sampling.REQUEST_METRIC) && p.kind() == MetricKind.HISTOGRAM)
            .toList(),
        MetricPoint::service,
        p -> p.count());
  }

  private static List<MetricIntervals.Interval> asMetricIntervals(List<Interval> cpu) {
    return cpu.stream()
        .map(i -> new MetricIntervals.Interval(i.from(), i.to(), i.cpuSeconds()))
        .toList();
  }

  /**
   * With complete request counts, the service's CPU per request comes from {@link RateFit} on the
   * intervals between its metric points; it is spread over the endpoints in proportion to their
   * mean service time (the per-endpoint counts of a sampled trace are too noisy to regress on, and
   * at one steady mix the endpoints' counts move together).
   */
  private static ServiceCpu spreadByServiceTime(
      String service, List<String> endpoints, RateFit rate, List<ServedRequest> requests) {
    double[] time = new double[endpoints.size()];
    int[] n = new int[endpoints.size()];
    for (ServedRequest r : requests) {
      int e = r.span().service().equals(service) ? endpoints.indexOf(r.span().endpoint()) : -1;
      if (e >= 0) {
        time[e] += RequestClasses.serviceSeconds(r);
        n[e]++;
      }
    }
    double total = java.util.Arrays.stream(time).sum();
    int all = java.util.Arrays.stream(n).sum();
    double meanTime = all > 0 ? total / all : 0;
    Map<String, Double> demands = new LinkedHashMap<>();
    for (int e = 0; e < endpoints.size(); e++) {
      double mean = n[e] > 0 ? time[e] / n[e] : meanTime;
      demands.put(endpoints.get(e), meanTime > 0 ? rate.perRequestSeconds() * mean / meanTime : 0);
    }
    return new ServiceCpu(
        service, demands, rate.fixedCores(), rate.meanCores(), Double.NaN, rate.intervals(), rate);
  }

  private ServiceCpu fitService(
      String service,
      List<String> endpoints,
      List<Interval> cpu,
      List<ServedRequest> requests,
      Windows windows,
      Sampling sampling) {
    double[][] spread = windows.spread(cpu);
    double weight = sampling.weight(service);
    double[][] counts = windows.counts(requests, service, endpoints, weight);
    List<Integer> rows = windows.fullyCovered(spread[1], FULL_COVERAGE);
    if (rows.size() < endpoints.size() + 2) {
      return new ServiceCpu(service, Map.of(), 0, 0, Double.NaN, 0);
    }
    double[][] a = new double[rows.size()][endpoints.size() + 1];
    double[] b = new double[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      int w = rows.get(i);
      for (int e = 0; e < endpoints.size(); e++) {
        a[i][e] = counts[w][e];
      }
      a[i][endpoints.size()] = window;
      b[i] = spread[0][w];
    }
    double[] x = Nnls.solve(a, b);
    Map<String, Double> demands = new LinkedHashMap<>();
    for (int e = 0; e < endpoints.size(); e++) {
      demands.put(endpoints.get(e), x[e]);
    }
    double mean = java.util.Arrays.stream(b).average().orElse(0) / window;
    return new ServiceCpu(
        service, demands, x[endpoints.size()], mean, rSquared(a, b, x), rows.size());
  }

  static double rSquared(double[][] a, double[] b, double[] x) {
    double mean = java.util.Arrays.stream(b).average().orElse(0);
    double residual = 0;
    double total = 0;
    for (int r = 0; r < b.length; r++) {
      double fitted = 0;
      for (int c = 0; c < x.length; c++) {
        fitted += a[r][c] * x[c];
      }
      residual += (b[r] - fitted) * (b[r] - fitted);
      total += (b[r] - mean) * (b[r] - mean);
    }
    return total == 0 ? Double.NaN : 1 - residual / total;
  }

  private static Map<String, Set<String>> endpoints(List<ServedRequest> requests) {
    Map<String, Set<String>> out = new TreeMap<>();
    for (ServedRequest r : requests) {
      out.computeIfAbsent(r.span().service(), s -> new TreeSet<>()).add(r.span().endpoint());
    }
    return out;
  }

  /** CPU intervals per service, from the first CPU metric each service reports. */
  static Map<String, List<Interval>> intervals(List<MetricPoint> metrics) {
    Map<String, String> metricOf = new TreeMap<>();
    for (int i = CPU_METRICS.size() - 1; i >= 0; i--) {
      String name = CPU_METRICS.get(i);
      metrics.stream()
          .filter(p -> p.name().equals(name) && p.kind() == MetricKind.SUM)
          .forEach(p -> metricOf.put(p.service(), name));
    }
    Map<List<Object>, List<MetricPoint>> series = new LinkedHashMap<>();
    for (MetricPoint p : metrics) {
      if (p.kind() == MetricKind.SUM && p.name().equals(metricOf.get(p.service()))) {
        series
            .computeIfAbsent(
                List.of(p.service(), p.attributes(), p.startNanos()), k -> new ArrayList<>())
            .add(p);
      }
    }
    Map<String, List<Interval>> out = new TreeMap<>();
    series.forEach(
        (key, points) ->
            out.computeIfAbsent((String) key.get(0), s -> new ArrayList<>())
                .addAll(deltas(points)));
    return out;
  }

  private static List<Interval> deltas(List<MetricPoint> points) {
    List<MetricPoint> sorted = new ArrayList<>(points);
    sorted.sort(Comparator.comparingLong(MetricPoint::timeNanos));
    List<Interval> out = new ArrayList<>();
    for (int i = 0; i < sorted.size(); i++) {
      MetricPoint p = sorted.get(i);
      if (!p.cumulative()) {
        if (p.startNanos() > 0 && p.timeNanos() > p.startNanos()) {
          out.add(new Interval(p.startNanos(), p.timeNanos(), p.value()));
        }
      } else if (i > 0) {
        MetricPoint prev = sorted.get(i - 1);
        double used = p.value() - prev.value();
        if (used >= 0 && p.timeNanos() > prev.timeNanos()) {
          out.add(new Interval(prev.timeNanos(), p.timeNanos(), used));
        }
      }
    }
    return out;
  }
}
