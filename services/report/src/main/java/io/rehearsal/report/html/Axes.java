package io.rehearsal.report.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * From time and value to the pixels of a {@link Plot}'s frame: x spans [{@code from}, {@code to}]
 * seconds on the twin's clock and is labelled in seconds since {@code onset}; y spans [0, {@code
 * yMax}] in the axis' unit, with five grid lines.
 */
record Axes(double from, double to, double onset, double yMax) {

  List<Plot.YTick> yTicks() {
    List<Plot.YTick> ticks = new ArrayList<>();
    for (int k = 0; k <= 4; k++) {
      double v = yMax * k / 4;
      double y = y(v);
      ticks.add(new Plot.YTick(fmt("%.1f", y), fmt("%.1f", y + 4), tick(v)));
    }
    return ticks;
  }

  List<Plot.XTick> xTicks() {
    List<Plot.XTick> ticks = new ArrayList<>();
    double step = Plot.niceStep((to - from) / 8);
    double first = Math.ceil((from - onset) / step) * step;
    for (double t = first; t <= to - onset; t += step) {
      ticks.add(new Plot.XTick(fmt("%.1f", x(t + onset)), tick(t)));
    }
    return ticks;
  }

  Plot.Marker marker(double t, String name) {
    return new Plot.Marker(fmt("%.1f", x(t)), fmt("%.1f", x(t) + 3), name);
  }

  /** Whether {@code t} lies on the x axis. */
  boolean covers(double t) {
    return t >= from && t <= to;
  }

  /** One point, {@code x,y}. */
  String point(double t, double v) {
    return fmt("%.1f,%.1f", x(t), y(v));
  }

  double x(double t) {
    return Plot.LEFT + (Plot.W - Plot.LEFT - Plot.RIGHT) * (t - from) / (to - from);
  }

  double y(double v) {
    return Plot.TOP + (Plot.H - Plot.TOP - Plot.BOTTOM) * (1 - v / yMax);
  }

  /** {@code 4 * niceStep(max / 4)}, at least the largest value; 1 when there is none. */
  static double niceMax(double max) {
    return max <= 0 ? 1 : Plot.niceStep(max / 4) * 4;
  }

  static String tick(double v) {
    return Math.abs(v - Math.rint(v)) < 1e-9 ? fmt("%.0f", v) : fmt("%.3g", v);
  }

  static String fmt(String pattern, Object... args) {
    return String.format(Locale.ROOT, pattern, args);
  }
}
