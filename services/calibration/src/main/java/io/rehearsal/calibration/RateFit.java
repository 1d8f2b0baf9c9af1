package io.rehearsal.calibration;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU of a process over the intervals between its metric points, split into a fixed part and a part
 * per request by least squares: {@code cpu_i = fixed x seconds_i + perRequest x requests_i}, the
 * requests counted from complete request metrics (never from a sample of spans). The leverage is
 * whatever the request rate varied across the intervals: arrivals, a ramp, the load stopping before
 * the metrics do. Both parts stay non-negative (a negative one is set to 0 and the other takes all
 * the CPU). When the data cannot tell the two apart — fewer than {@value #MIN_ROWS} intervals, or a
 * standard error of the fixed part above a quarter of the mean cores — all of the CPU is taken to
 * grow with throughput (the conservative choice: the twin saturates no later than the recording
 * implies), and {@link #identified()} is false.
 *
 * @param fixedCores CPU used whatever the load, in cores
 * @param perRequestSeconds CPU seconds per request
 * @param fixedStdErr standard error of the fixed part (NaN when not fitted)
 * @param perRequestStdErr standard error of the per-request part (NaN when not fitted)
 * @param meanCores mean cores over the intervals
 * @param intervals intervals used
 * @param identified whether the regression separated the two parts
 */
public record RateFit(
    double fixedCores,
    double perRequestSeconds,
    double fixedStdErr,
    double perRequestStdErr,
    double meanCores,
    int intervals,
    boolean identified) {
  /** Fewest intervals a fit needs. */
  static final int MIN_ROWS = 5;

  /** Share of an interval the request counts must cover for it to be used. */
  private static final double COVERAGE = 0.95;

  /** The fit when no interval had both CPU and request counts. */
  public static final RateFit NONE = new RateFit(0, 0, Double.NaN, Double.NaN, 0, 0, false);

  /**
   * Fits the CPU intervals against the request counts that fall in each (pro rata); CPU intervals
   * with the same bounds (one per {@code state}, e.g. user and system) are summed first, and only
   * intervals the counts cover are used.
   */
  static RateFit of(List<MetricIntervals.Interval> cpu, List<MetricIntervals.Interval> requests) {
    Map<List<Long>, Double> merged = new TreeMap<>(RateFit::compareBounds);
    for (MetricIntervals.Interval i : cpu) {
      merged.merge(List.of(i.from(), i.to()), i.amount(), Double::sum);
    }
    List<double[]> rows = new ArrayList<>();
    merged.forEach(
        (bounds, used) -> {
          long a = bounds.get(0);
          long b = bounds.get(1);
          if (MetricIntervals.covered(requests, a, b) >= COVERAGE * (b - a)) {
            rows.add(new double[] {(b - a) / 1e9, MetricIntervals.within(requests, a, b), used});
          }
        });
    return fit(rows);
  }

  /** Fits rows of {seconds, requests, cpu seconds}. */
  static RateFit fit(List<double[]> rows) {
    double sxx = 0; // seconds^2
    double sxn = 0; // seconds x requests
    double snn = 0; // requests^2
    double sxy = 0;
    double sny = 0;
    double seconds = 0;
    double requests = 0;
    double used = 0;
    for (double[] r : rows) {
      sxx += r[0] * r[0];
      sxn += r[0] * r[1];
      snn += r[1] * r[1];
      sxy += r[0] * r[2];
      sny += r[1] * r[2];
      seconds += r[0];
      requests += r[1];
      used += r[2];
    }
    if (rows.isEmpty() || seconds <= 0) {
      return NONE;
    }
    double mean = used / seconds;
    double ratio = requests > 0 ? used / requests : 0;
    double det = sxx * snn - sxn * sxn;
    if (rows.size() < MIN_ROWS || det <= 1e-12 * sxx * snn) {
      return allPerRequest(ratio, mean, rows.size());
    }
    double fixed = (snn * sxy - sxn * sny) / det;
    double perRequest = (sxx * sny - sxn * sxy) / det;
    if (perRequest < 0) {
      fixed = mean;
      perRequest = 0;
    } else if (fixed < 0) {
      fixed = 0;
      perRequest = ratio;
    }
    double residual = 0;
    for (double[] r : rows) {
      double e = r[2] - fixed * r[0] - perRequest * r[1];
      residual += e * e;
    }
    double s2 = residual / (rows.size() - 2);
    double seFixed = Math.sqrt(s2 * snn / det);
    double sePerRequest = Math.sqrt(s2 * sxx / det);
    if (seFixed > mean / 4 && requests > 0) {
      return new RateFit(0, ratio, seFixed, sePerRequest, mean, rows.size(), false);
    }
    return new RateFit(fixed, perRequest, seFixed, sePerRequest, mean, rows.size(), true);
  }

  private static RateFit allPerRequest(double ratio, double mean, int rows) {
    return ratio > 0
        ? new RateFit(0, ratio, Double.NaN, Double.NaN, mean, rows, false)
        : new RateFit(mean, 0, Double.NaN, Double.NaN, mean, rows, false);
  }

  /** Says what was found, e.g. {@code 0.037±0.030 cores + 1.68±0.18 ms per request}. */
  public String text() {
    if (!identified) {
      return String.format(
          Locale.ROOT,
          "%.3f ms per request, all of it taken to grow with throughput (%d intervals could not"
              + " separate a fixed part%s)",
          perRequestSeconds * 1000,
          intervals,
          Double.isNaN(fixedStdErr)
              ? ""
              : String.format(Locale.ROOT, ": its standard error %.3f cores", fixedStdErr));
    }
    return String.format(
        Locale.ROOT,
        "%.3f±%.3f cores + %.3f±%.3f ms per request (%d intervals)",
        fixedCores,
        fixedStdErr,
        perRequestSeconds * 1000,
        perRequestStdErr * 1000,
        intervals);
  }

  private static int compareBounds(List<Long> a, List<Long> b) {
    int c = Long.compare(a.get(0), b.get(0));
    return c != 0 ? c : Long.compare(a.get(1), b.get(1));
  }
}
