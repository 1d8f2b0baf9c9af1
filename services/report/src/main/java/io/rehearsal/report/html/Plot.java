package io.rehearsal.report.html;

import io.rehearsal.rehearse.Timeline;
import io.rehearsal.rehearse.evaluation.ArmSeries;
import io.rehearsal.rehearse.evaluation.BucketMean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The geometry of one SVG line plot, a time series per arm, ready for the template: x is seconds
 * since the fault's onset, dashed verticals mark the onset and the decision. Every coordinate is
 * already formatted; the template only places them. Each line carries its arm's name and raw values
 * (null for gaps), so the plot can be checked against the JSON.
 *
 * @param title the heading above the plot
 * @param metric the JSON series key plotted ({@code p99_s} or {@code error_rate})
 * @param unit the y axis' unit after scaling (e.g. ms)
 * @param yTicks horizontal grid lines with their labels, bottom up
 * @param xTicks labels along the time axis, left to right
 * @param markers the onset and the decision
 * @param lines one per arm, "do nothing" first
 */
public record Plot(
    String title,
    String metric,
    String unit,
    List<YTick> yTicks,
    List<XTick> xTicks,
    List<Marker> markers,
    List<Line> lines) {
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

  /** Copies the lists. */
  public Plot {
    yTicks = List.copyOf(yTicks);
    xTicks = List.copyOf(xTicks);
    markers = List.copyOf(markers);
    lines = List.copyOf(lines);
  }

  /**
   * A grid line at height {@code y} and its label.
   *
   * @param y the line's y
   * @param labelY the label's baseline
   * @param label the value, in the axis' unit
   */
  public record YTick(String y, String labelY, String label) {}

  /**
   * A label on the time axis.
   *
   * @param x its centre
   * @param label seconds since the onset
   */
  public record XTick(String x, String label) {}

  /**
   * A dashed vertical at a moment of the timeline.
   *
   * @param x where
   * @param labelX where its label starts
   * @param name {@code onset} or {@code decision}
   */
  public record Marker(String x, String labelX, String name) {}

  /**
   * One arm's series.
   *
   * @param arm the arm's name
   * @param css {@code series}, plus {@code baseline} for "do nothing"
   * @param colour stroke colour, also the legend's swatch
   * @param values the raw values, comma-separated, {@code null} for an empty bucket
   * @param points the polyline's points ({@code x,y} pairs), empty buckets left out
   */
  public record Line(String arm, String css, String colour, String values, String points) {}

  /** Plot width in pixels. */
  public int width() {
    return W;
  }

  /** Plot height in pixels. */
  public int height() {
    return H;
  }

  /** Left edge of the frame. */
  public int left() {
    return LEFT;
  }

  /** Right edge of the frame. */
  public int right() {
    return W - RIGHT;
  }

  /** Top edge of the frame. */
  public int top() {
    return TOP;
  }

  /** Bottom edge of the frame. */
  public int bottom() {
    return H - BOTTOM;
  }

  /** Width of the frame. */
  public int frameWidth() {
    return W - LEFT - RIGHT;
  }

  /** Height of the frame. */
  public int frameHeight() {
    return H - TOP - BOTTOM;
  }

  /** Where the y tick labels end (they are right-aligned). */
  public int yTickX() {
    return LEFT - 6;
  }

  /** Baseline of the x tick labels. */
  public int xTickY() {
    return H - BOTTOM + 16;
  }

  /** Centre of the x axis' label. */
  public int xLabelX() {
    return (LEFT + W - RIGHT) / 2;
  }

  /** Baseline of the x axis' label. */
  public int xLabelY() {
    return H - 6;
  }

  /** Centre of the (rotated) y axis' label. */
  public int yLabelY() {
    return (TOP + H - BOTTOM) / 2;
  }

  /** Baseline of the markers' labels. */
  public int markerLabelY() {
    return TOP + 12;
  }

  /** The colour of the {@code index}-th arm, cycling through a fixed palette. */
  static String colour(int index) {
    return COLOURS[index % COLOURS.length];
  }

  /**
   * Lays out {@code series} over {@code timeline}.
   *
   * @param scale factor from the value's unit to the axis unit (1000 for seconds as ms)
   * @param value the bucket's value plotted
   */
  static Plot of(
      String title,
      String metric,
      String unit,
      double scale,
      ToDoubleFunction<BucketMean> value,
      Timeline timeline,
      List<ArmSeries> series) {
    Axes axes = new Axes(timeline, niceMax(series, value, scale));
    List<Line> lines = new ArrayList<>();
    for (int i = 0; i < series.size(); i++) {
      lines.add(axes.line(series.get(i), i, value, scale));
    }
    return new Plot(
        title,
        metric,
        unit,
        axes.yTicks(),
        axes.xTicks(),
        List.of(
            axes.marker(timeline.onset(), "onset"), axes.marker(timeline.decision(), "decision")),
        lines);
  }

  /** From time and value to pixels. */
  private record Axes(Timeline timeline, double yMax) {
    List<YTick> yTicks() {
      List<YTick> ticks = new ArrayList<>();
      for (int k = 0; k <= 4; k++) {
        double v = yMax * k / 4;
        double y = y(v);
        ticks.add(new YTick(fmt("%.1f", y), fmt("%.1f", y + 4), tick(v)));
      }
      return ticks;
    }

    List<XTick> xTicks() {
      List<XTick> ticks = new ArrayList<>();
      double step = niceStep(timeline.end() / 8);
      double first = Math.ceil(-timeline.onset() / step) * step;
      for (double t = first; t <= timeline.end() - timeline.onset(); t += step) {
        ticks.add(new XTick(fmt("%.1f", x(t + timeline.onset())), tick(t)));
      }
      return ticks;
    }

    Marker marker(double t, String name) {
      return new Marker(fmt("%.1f", x(t)), fmt("%.1f", x(t) + 3), name);
    }

    Line line(ArmSeries s, int index, ToDoubleFunction<BucketMean> value, double scale) {
      List<String> points = new ArrayList<>();
      List<String> values = new ArrayList<>();
      for (BucketMean b : s.buckets()) {
        double v = value.applyAsDouble(b);
        values.add(Double.isFinite(v) ? Double.toString(v) : "null");
        if (Double.isFinite(v)) {
          points.add(fmt("%.1f,%.1f", x(b.start() + s.bucket() / 2), y(v * scale)));
        }
      }
      return new Line(
          s.arm(),
          index == 0 ? "series baseline" : "series",
          colour(index),
          String.join(",", values),
          String.join(" ", points));
    }

    private double x(double t) {
      return LEFT + (W - LEFT - RIGHT) * t / timeline.end();
    }

    private double y(double v) {
      return TOP + (H - TOP - BOTTOM) * (1 - v / yMax);
    }
  }

  private static double niceMax(
      List<ArmSeries> series, ToDoubleFunction<BucketMean> value, double scale) {
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
    return String.format(Locale.ROOT, pattern, args);
  }
}
