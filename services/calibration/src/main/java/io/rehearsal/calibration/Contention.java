package io.rehearsal.calibration;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Takes the recorded CPU contention out of measured service times, so that the twin, which shares
 * the host's cores among the CPU phases itself, does not count it twice. The twin's host is
 * processor sharing with at most one core per job (M/G/c-PS), whose mean stretch of a CPU phase at
 * offered load a on c cores is 1 + C(c, a) / (c - a) (Erlang C; insensitive to the demand
 * distribution). The measured CPU load a_obs = sum(rate x fraction x mean service time) is the
 * uncontended load a times that stretch at a; solving a = a_obs / k(a) by fixed-point iteration
 * gives k, and each service time is scaled by (1 - f + f / k), its CPU share becoming (f / k) / (1
 * - f + f / k).
 */
final class Contention {
  private static final double MAX_STRETCH = 10;

  /** One twin endpoint's measured load: rate, mean service time, CPU share. */
  record Load(String name, double rate, double meanService, double fraction) {}

  /** How one twin endpoint's measured service times are deflated. */
  record Share(double scale, double fraction) {
    static final Share NONE = new Share(1, 0);
  }

  private Contention() {}

  /** The deflation of every load on a host with {@code cores} cores, and the stretch found. */
  static Map<String, Share> deflate(List<Load> loads, double cores, double[] stretchOut) {
    return deflate(loads, cores, Double.NaN, stretchOut);
  }

  /**
   * As {@link #deflate(List, double, double[])}; when host metrics measured the busy cores
   * (processes without traces included), the stretch is that of the measured utilisation.
   */
  static Map<String, Share> deflate(
      List<Load> loads, double cores, double busyCores, double[] stretchOut) {
    double observed = 0;
    for (Load l : loads) {
      observed += l.rate() * l.fraction() * l.meanService();
    }
    double k = Double.isNaN(busyCores) ? 1 : stretch(cores, busyCores);
    for (int i = 0; i < 100 && Double.isNaN(busyCores); i++) {
      double next = stretch(cores, observed / k);
      if (Math.abs(next - k) < 1e-9) {
        break;
      }
      k = next;
    }
    stretchOut[0] = k;
    Map<String, Share> out = new LinkedHashMap<>();
    for (Load l : loads) {
      double f = l.fraction();
      double scale = 1 - f + f / k;
      out.put(l.name(), new Share(scale, scale > 0 ? (f / k) / scale : 0));
    }
    return out;
  }

  /** Mean stretch of a CPU phase in M/M/c-PS at offered load {@code load} cores. */
  static double stretch(double cores, double load) {
    if (load <= 0) {
      return 1;
    }
    if (load >= cores) {
      return MAX_STRETCH;
    }
    return Math.min(MAX_STRETCH, 1 + erlangC(cores, load) / (cores - load));
  }

  /**
   * Probability of waiting in M/M/c with offered load {@code a} (c may be fractional: rounded down,
   * at least 1, with the load scaled to keep the utilisation).
   */
  static double erlangC(double cores, double a) {
    int c = Math.max(1, (int) Math.floor(cores));
    double load = a * c / cores;
    double term = 1;
    double sum = 1;
    for (int k = 1; k < c; k++) {
      term *= load / k;
      sum += term;
    }
    double last = term * load / c * c / (c - load);
    return last / (sum + last);
  }
}
