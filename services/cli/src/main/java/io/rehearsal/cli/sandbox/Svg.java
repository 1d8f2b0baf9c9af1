package io.rehearsal.cli.sandbox;

import io.rehearsal.rehearse.Timeline;
import io.rehearsal.rehearse.evaluation.ArmSeries;
import io.rehearsal.rehearse.evaluation.BucketMean;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * One inline SVG line plot of a time series per arm: x is seconds since the fault's onset, dashed
 * verticals mark the onset and the decision. Each arm is one {@code polyline class="series"}
 * carrying its name ({@code data-arm}) and its raw values ({@code data-values}, null for gaps), so
 * the plot can be checked against the JSON.
 */
final class Svg {
  static final String[] COLOURS = {
    "#222222", "#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2",
    "#17becf", "#bcbd22", "#7f7f7f"
  };
  private static final int W = 860;
  private static final int H = 280;
  private static final int LEFT = 64;
  private static final int RIGHT = 16;
  private static final int TOP = 14;
  private static final int BOTTOM = 40;

  private final String metric;
  private final String unit;
  private final double scale;
  private final ToDoubleFunction<BucketMean> value;
  private final Timeline timeline;

  /**
   * @param metric the JSON series key plotted ({@code p99_s} or {@code error_rate})
   * @param unit axis unit after scaling (e.g. ms)
   * @param scale factor from the value's unit to the axis unit
   */
  Svg(String metric, String unit, double scale, ToDoubleFunction<BucketMean> value, Timeline t) {
    this.metric = metric;
    this.unit = unit;
    this.scale = scale;
    this.value = value;
    this.timeline = t;
  }

  String render(List<ArmSeries> series) {
    double yMax = niceMax(series);
    StringBuilder out = new StringBuilder();
    out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"plot\" data-metric=\"")
        .append(metric)
        .append("\" width=\"")
        .append(W)
        .append("\" height=\"")
        .append(H)
        .append("\" viewBox=\"0 0 ")
        .append(W)
        .append(' ')
        .append(H)
        .append("\">\n");
    axes(out, yMax);
    marker(out, timeline.onset(), "onset");
    marker(out, timeline.decision(), "decision");
    for (int i = 0; i < series.size(); i++) {
      line(out, series.get(i), i, yMax);
    }
    return out.append("</svg>\n").toString();
  }

  private void axes(StringBuilder out, double yMax) {
    out.append(
        fmt(
            "<rect class=\"frame\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\"/>%n",
            LEFT, TOP, W - LEFT - RIGHT, H - TOP - BOTTOM));
    for (int k = 0; k <= 4; k++) {
      double v = yMax * k / 4;
      double y = y(v, yMax);
      out.append(
          fmt(
              "<line class=\"grid\" x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\"/>%n",
              LEFT, W - RIGHT, y, y));
      out.append(
          fmt(
              "<text class=\"tick\" x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n",
              LEFT - 6, y + 4, tick(v)));
    }
    double step = niceStep(timeline.end() / 8);
    double first = Math.ceil(-timeline.onset() / step) * step;
    for (double t = first; t <= timeline.end() - timeline.onset(); t += step) {
      double x = x(t + timeline.onset());
      out.append(
          fmt(
              "<text class=\"tick\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
              x, H - BOTTOM + 16, tick(t)));
    }
    out.append(
        fmt(
            "<text class=\"label\" x=\"%d\" y=\"%d\" text-anchor=\"middle\">seconds since onset</text>%n",
            (LEFT + W - RIGHT) / 2, H - 6));
    out.append(
        fmt(
            "<text class=\"label\" x=\"12\" y=\"%d\" transform=\"rotate(-90 12 %d)\" text-anchor=\"middle\">%s</text>%n",
            (TOP + H - BOTTOM) / 2, (TOP + H - BOTTOM) / 2, unit));
  }

  private void marker(StringBuilder out, double t, String name) {
    double x = x(t);
    out.append(
        fmt(
            "<line class=\"marker\" x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\"/>%n",
            x, x, TOP, H - BOTTOM));
    out.append(
        fmt("<text class=\"marker-label\" x=\"%.1f\" y=\"%d\">%s</text>%n", x + 3, TOP + 12, name));
  }

  private void line(StringBuilder out, ArmSeries s, int index, double yMax) {
    StringBuilder points = new StringBuilder();
    StringBuilder values = new StringBuilder();
    for (BucketMean b : s.buckets()) {
      double v = value.applyAsDouble(b);
      values
          .append(values.length() == 0 ? "" : ",")
          .append(Double.isFinite(v) ? Double.toString(v) : "null");
      if (Double.isFinite(v)) {
        double mid = b.start() + s.bucket() / 2;
        points
            .append(points.length() == 0 ? "" : " ")
            .append(fmt("%.1f,%.1f", x(mid), y(v * scale, yMax)));
      }
    }
    out.append("<polyline class=\"series")
        .append(index == 0 ? " baseline" : "")
        .append("\" data-arm=\"")
        .append(Html.escape(s.arm()))
        .append("\" data-values=\"")
        .append(values)
        .append("\" stroke=\"")
        .append(colour(index))
        .append("\" points=\"")
        .append(points)
        .append("\"><title>")
        .append(Html.escape(s.arm()))
        .append("</title></polyline>\n");
  }

  static String colour(int index) {
    return COLOURS[index % COLOURS.length];
  }

  private double x(double t) {
    return LEFT + (W - LEFT - RIGHT) * t / timeline.end();
  }

  private static double y(double v, double yMax) {
    return TOP + (H - TOP - BOTTOM) * (1 - v / yMax);
  }

  private double niceMax(List<ArmSeries> series) {
    double max = 0;
    for (ArmSeries s : series) {
      for (BucketMean b : s.buckets()) {
        double v = value.applyAsDouble(b) * scale;
        max = Double.isFinite(v) ? Math.max(max, v) : max;
      }
    }
    return max <= 0 ? 1 : niceStep(max / 4) * 4;
  }

  /** 1, 2 or 5 times a power of ten, at least {@code raw}. */
  static double niceStep(double raw) {
    double p = Math.pow(10, Math.floor(Math.log10(raw)));
    for (double m : new double[] {1, 2, 5, 10}) {
      if (m * p >= raw) {
        return m * p;
      }
    }
    return 10 * p;
  }

  private static String tick(double v) {
    return Math.abs(v - Math.rint(v)) < 1e-9 ? fmt("%.0f", v) : fmt("%.3g", v);
  }

  private static String fmt(String pattern, Object... args) {
    return ReportText.fmt(pattern, args);
  }
}
