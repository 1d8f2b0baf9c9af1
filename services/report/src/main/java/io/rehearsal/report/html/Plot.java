package io.rehearsal.report.html;

import io.rehearsal.rehearse.Timeline;
import io.rehearsal.rehearse.evaluation.ArmSeries;
import io.rehearsal.rehearse.evaluation.BucketMean;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The geometry of one SVG plot over time, ready for the template: x is seconds since the fault's
 * onset, dashed verticals mark the onset and the decision. A plot draws either one line per arm
 * (the mean over replications, {@link #of}) or one band and one median line per arm (the 10th to
 * 90th percentile across replications, {@link PredictedBands}), with the SLO's threshold when the
 * twin has one. Every coordinate is already formatted; the template only places them. Each line and
 * band carries its arm's name and raw values (null for gaps), so the plot can be checked against
 * the report.
 *
 * @param title the heading above the plot
 * @param metric the quantity plotted, by its JSON key ({@code p99_s} or {@code error_rate})
 * @param unit the y axis' unit after scaling (e.g. ms)
 * @param css the SVG's classes: {@code plot}, plus {@code predicted} for a plot of bands
 * @param note what the plot shows, in a sentence (empty for none)
 * @param yTicks horizontal grid lines with their labels, bottom up
 * @param xTicks labels along the time axis, left to right
 * @param markers the onset and the decision (those on the time axis)
 * @param thresholds the SLO thresholds of the metric (empty for none)
 * @param lines one per arm, "do nothing" first (empty in a plot of bands)
 * @param bands one per arm shown, "do nothing" first (empty in a plot of lines)
 */
public record Plot(
    String title,
    String metric,
    String unit,
    String css,
    String note,
    List<YTick> yTicks,
    List<XTick> xTicks,
    List<Marker> markers,
    List<Threshold> thresholds,
    List<Line> lines,
    List<Band> bands) {
  static final String[] COLOURS = {
    "#222222", "#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2",
    "#17becf", "#bcbd22", "#7f7f7f"
  };
  static final int W = 860;
  static final int H = 280;
  static final int LEFT = 64;
  static final int RIGHT = 16;
  static final int TOP = 14;
  static final int BOTTOM = 40;

  /** Copies the lists. */
  public Plot {
    yTicks = List.copyOf(yTicks);
    xTicks = List.copyOf(xTicks);
    markers = List.copyOf(markers);
    thresholds = List.copyOf(thresholds);
    lines = List.copyOf(lines);
    bands = List.copyOf(bands);
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
   * A horizontal line at an SLO's threshold.
   *
   * @param y the line's y
   * @param labelY its label's baseline (just above the line)
   * @param label the SLO, e.g. {@code SLO p99 ≤ 300 ms (api/GET /)}
   */
  public record Threshold(String y, String labelY, String label) {}

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

  /**
   * One arm's band across replications and its median, over the buckets shown (a candidate from the
   * bucket before it acts), each value at its bucket's end.
   *
   * @param arm the arm's name
   * @param label the legend's text: the name, and when a candidate acts
   * @param css the median line's classes: {@code median}, plus {@code baseline} for "do nothing"
   * @param colour fill of the band, stroke of the median, also the legend's swatch
   * @param times each shown bucket's end, seconds since the onset, comma-separated
   * @param p10 the 10th percentile per shown bucket, raw, comma-separated, {@code null} for none
   * @param p50 the median per shown bucket, likewise
   * @param p90 the 90th percentile per shown bucket, likewise
   * @param area the band's SVG path: p90 left to right, then p10 back, one closed part per run of
   *     buckets with values
   * @param median the median polyline's points ({@code x,y} pairs), empty buckets left out
   */
  public record Band(
      String arm,
      String label,
      String css,
      String colour,
      String times,
      String p10,
      String p50,
      String p90,
      String area,
      String median) {
    /** The legend swatch's classes: {@code band}, plus {@code baseline} for "do nothing". */
    public String swatch() {
      return css.contains("baseline") ? "band baseline" : "band";
    }
  }

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

  /** Where the SLO labels end (right-aligned, inside the frame). */
  public int sloLabelX() {
    return W - RIGHT - 4;
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
   * One line per arm of {@code series} over the whole run of {@code timeline}.
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
    Axes axes =
        new Axes(0, timeline.end(), timeline.onset(), Axes.niceMax(max(series, value, scale)));
    List<Line> lines = new ArrayList<>();
    for (int i = 0; i < series.size(); i++) {
      lines.add(line(axes, series.get(i), i, value, scale));
    }
    return new Plot(
        title,
        metric,
        unit,
        "plot",
        "",
        axes.yTicks(),
        axes.xTicks(),
        List.of(
            axes.marker(timeline.onset(), "onset"), axes.marker(timeline.decision(), "decision")),
        List.of(),
        lines,
        List.of());
  }

  private static Line line(
      Axes axes, ArmSeries s, int index, ToDoubleFunction<BucketMean> value, double scale) {
    List<String> points = new ArrayList<>();
    List<String> values = new ArrayList<>();
    for (BucketMean b : s.buckets()) {
      double v = value.applyAsDouble(b);
      values.add(Double.isFinite(v) ? Double.toString(v) : "null");
      if (Double.isFinite(v)) {
        points.add(axes.point(b.start() + s.bucket() / 2, v * scale));
      }
    }
    return new Line(
        s.arm(),
        index == 0 ? "series baseline" : "series",
        colour(index),
        String.join(",", values),
        String.join(" ", points));
  }

  private static double max(
      List<ArmSeries> series, ToDoubleFunction<BucketMean> value, double scale) {
    double max = 0;
    for (ArmSeries s : series) {
      for (BucketMean b : s.buckets()) {
        double v = value.applyAsDouble(b) * scale;
        max = Double.isFinite(v) ? Math.max(max, v) : max;
      }
    }
    return max;
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
}
