package io.rehearsal.report.html;

import io.rehearsal.rehearse.evaluation.ArmPrediction;
import io.rehearsal.rehearse.evaluation.BucketBand;
import io.rehearsal.rehearse.evaluation.EvaluationPlan;
import io.rehearsal.rehearse.evaluation.PredictedSeries;
import io.rehearsal.report.RehearsalReport;
import io.rehearsal.twin.spec.SloSpec;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * The plots of the predicted bands, from the report's {@link PredictedSeries} (the model the review
 * page draws from): for "do nothing" and the best {@link #TOP} candidates by rank, the p99 latency
 * and the error rate per bucket of the measured window, as the median line in the 10–90 % band
 * across replications. Each value sits at its bucket's end; a candidate is drawn from the bucket
 * before it acts, so it leaves "do nothing" where its remediation takes effect (as on the page).
 * The SLOs' thresholds are drawn when the twin has them: p99 SLOs on the latency plot, the error
 * budgets (1 − availability) on the error-rate plot.
 */
final class PredictedBands {
  /** Candidates shown besides "do nothing", best first. */
  static final int TOP = 3;

  private PredictedBands() {}

  /** Both plots, or none when the evaluation kept no series. */
  static List<Plot> of(RehearsalReport r) {
    List<ArmPrediction> arms = r.predictions(TOP);
    if (arms.isEmpty()) {
      return List.of();
    }
    return List.of(
        plot(r, arms, Metric.P99, latencySlos(r.plan().spec().slos())),
        plot(r, arms, Metric.ERRORS, errorSlos(r.plan().spec().slos())));
  }

  /** What one plot shows. */
  private enum Metric {
    P99("Predicted p99 latency after the decision", "p99_s", "p99 ms", 1000, ArmPrediction::p99),
    ERRORS(
        "Predicted error rate after the decision",
        "error_rate",
        "errors %",
        100,
        ArmPrediction::errorRate);

    final String title;
    final String key;
    final String unit;
    final double scale;
    final Function<ArmPrediction, BucketBand> band;

    Metric(
        String title,
        String key,
        String unit,
        double scale,
        Function<ArmPrediction, BucketBand> band) {
      this.title = title;
      this.key = key;
      this.unit = unit;
      this.scale = scale;
      this.band = band;
    }
  }

  private static Plot plot(
      RehearsalReport r, List<ArmPrediction> arms, Metric m, Map<Double, String> slos) {
    Clock clock = Clock.of(r);
    double max = slos.keySet().stream().mapToDouble(Double::doubleValue).max().orElse(0);
    for (ArmPrediction a : arms) {
      max = Math.max(max, clock.max(m.band.apply(a).p90(), a) * m.scale);
    }
    Axes axes = new Axes(clock.from(), clock.to(), r.timeline().onset(), Axes.niceMax(max));
    List<Plot.Band> bands = new ArrayList<>();
    for (ArmPrediction a : arms) {
      bands.add(clock.band(axes, a, m.band.apply(a), m.scale, colour(r.predicted(), a)));
    }
    List<Plot.Threshold> thresholds = new ArrayList<>();
    slos.forEach((v, label) -> thresholds.add(threshold(axes, v, label)));
    return new Plot(
        m.title,
        m.key,
        m.unit,
        "plot predicted",
        note(r, clock, !slos.isEmpty()),
        axes.yTicks(),
        axes.xTicks(),
        markers(axes, r),
        thresholds,
        List.of(),
        bands);
  }

  private static String note(RehearsalReport r, Clock clock, boolean slo) {
    int shown = r.predictions(TOP).size() - 1;
    return Axes.fmt(
        "Line: median across replications per %s-s bucket, at the bucket's end; shaded: 10–90 %% of"
            + " replications. Do nothing dark and dashed; the best %d of %d candidates by rank,"
            + " each from the bucket before it acts.%s",
        number(clock.width()),
        shown,
        r.result().candidates().size(),
        slo ? " Red dotted: the SLO." : "");
  }

  private static List<Plot.Marker> markers(Axes axes, RehearsalReport r) {
    List<Plot.Marker> markers = new ArrayList<>();
    if (axes.covers(r.timeline().onset())) {
      markers.add(axes.marker(r.timeline().onset(), "onset"));
    }
    if (axes.covers(r.timeline().decision())) {
      markers.add(axes.marker(r.timeline().decision(), "decision"));
    }
    return markers;
  }

  private static Plot.Threshold threshold(Axes axes, double value, String label) {
    double y = axes.y(value);
    return new Plot.Threshold(Axes.fmt("%.1f", y), Axes.fmt("%.1f", y - 3), label);
  }

  /** The thresholds of the p99 SLOs, ms, each with its endpoints. */
  static Map<Double, String> latencySlos(List<SloSpec> slos) {
    return thresholds(
        slos.stream().filter(s -> s.percentile() == 99).toList(),
        s -> s.latency() * 1000,
        "SLO p99 ≤ %s ms (%s)");
  }

  /** The error budgets of the SLOs, %, each with its endpoints. */
  static Map<Double, String> errorSlos(List<SloSpec> slos) {
    return thresholds(slos, s -> (1 - s.availability()) * 100, "SLO errors ≤ %s %% (%s)");
  }

  private static Map<Double, String> thresholds(
      List<SloSpec> slos, ToDoubleFunction<SloSpec> value, String label) {
    Map<Double, List<String>> endpoints = new TreeMap<>();
    for (SloSpec s : slos) {
      double v = Double.parseDouble(number(value.applyAsDouble(s)));
      endpoints.computeIfAbsent(v, k -> new ArrayList<>()).add(s.endpoint());
    }
    Map<Double, String> out = new TreeMap<>();
    endpoints.forEach((v, e) -> out.put(v, Axes.fmt(label, number(v), String.join(", ", e))));
    return out;
  }

  private static String colour(PredictedSeries s, ArmPrediction a) {
    return Plot.colour(s.arms().indexOf(a));
  }

  /** Three significant digits, no trailing zeros, no exponent. */
  static String number(double v) {
    return new BigDecimal(v).round(new MathContext(3)).stripTrailingZeros().toPlainString();
  }

  /**
   * Where the buckets of the measured window sit on the twin's clock: bucket {@code i} ends at
   * {@code base + start + (i + 1) * width}, {@code base} being the measured window's start.
   */
  private record Clock(double base, double start, double width, int buckets, double onset) {
    static Clock of(RehearsalReport r) {
      PredictedSeries s = r.predicted();
      int n = s.arms().stream().mapToInt(a -> a.p99().size()).max().orElse(0);
      return new Clock(r.plan().config().warmup(), s.start(), s.width(), n, r.timeline().onset());
    }

    double from() {
      return base + start;
    }

    double to() {
      return base + start + Math.max(1, buckets) * width;
    }

    double end(int bucket) {
      return base + start + (bucket + 1) * width;
    }

    /**
     * Whether bucket {@code i} of {@code a} is drawn: all of "do nothing"'s, a candidate's late.
     */
    boolean shows(ArmPrediction a, int bucket) {
      return Double.isNaN(a.effectiveAt()) || end(bucket) > base + a.effectiveAt() - width;
    }

    double max(List<Double> values, ArmPrediction a) {
      double max = 0;
      for (int i = 0; i < values.size(); i++) {
        double v = values.get(i);
        max = shows(a, i) && Double.isFinite(v) ? Math.max(max, v) : max;
      }
      return max;
    }

    Plot.Band band(Axes axes, ArmPrediction a, BucketBand b, double scale, String colour) {
      Outline outline = new Outline(axes, scale);
      List<String> times = new ArrayList<>();
      for (int i = 0; i < b.size(); i++) {
        if (shows(a, i)) {
          times.add(number(end(i) - onset));
          outline.add(end(i), b.p10().get(i), b.p50().get(i), b.p90().get(i));
        }
      }
      boolean nothing = a.arm().equals(EvaluationPlan.DO_NOTHING);
      return new Plot.Band(
          a.arm(),
          label(a),
          nothing ? "median baseline" : "median",
          colour,
          String.join(",", times),
          outline.raw(0),
          outline.raw(1),
          outline.raw(2),
          outline.area(),
          outline.median());
    }

    private String label(ArmPrediction a) {
      String acts =
          Double.isNaN(a.effectiveAt())
              ? ""
              : ", acts at " + number(base + a.effectiveAt() - onset) + " s";
      return a.arm() + acts + " (" + a.replications() + " replications)";
    }
  }

  /** The raw values, the median polyline and the band's closed outlines of one arm. */
  private static final class Outline {
    private final Axes axes;
    private final double scale;
    private final List<List<String>> raw =
        List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    private final List<String> median = new ArrayList<>();
    private final List<String> parts = new ArrayList<>();
    private final List<String> upper = new ArrayList<>();
    private final List<String> lower = new ArrayList<>();

    Outline(Axes axes, double scale) {
      this.axes = axes;
      this.scale = scale;
    }

    void add(double t, double p10, double p50, double p90) {
      double[] v = {p10, p50, p90};
      for (int k = 0; k < 3; k++) {
        raw.get(k).add(Double.isFinite(v[k]) ? Double.toString(v[k]) : "null");
      }
      if (!(Double.isFinite(p10) && Double.isFinite(p50) && Double.isFinite(p90))) {
        close();
        return;
      }
      median.add(axes.point(t, p50 * scale));
      upper.add(axes.point(t, p90 * scale));
      lower.add(0, axes.point(t, p10 * scale));
    }

    private void close() {
      if (!upper.isEmpty()) {
        List<String> ring = new ArrayList<>(upper);
        ring.addAll(lower);
        parts.add("M" + String.join(" L", ring) + " Z");
      }
      upper.clear();
      lower.clear();
    }

    String raw(int k) {
      return String.join(",", raw.get(k));
    }

    String median() {
      return String.join(" ", median);
    }

    String area() {
      close();
      return String.join(" ", parts);
    }
  }
}
