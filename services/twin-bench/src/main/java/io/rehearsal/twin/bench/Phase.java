package io.rehearsal.twin.bench;

import java.util.function.IntFunction;

/**
 * Measured phases of the benchmark. Each run is timed on its own (wall clock and allocated bytes
 * before and after it), and its work summed into {@link Totals}. Warm-up runs are discarded.
 */
final class Phase {
  /** What one run reports: requests, events, simulated seconds and station visits (if counted). */
  record Work(double requests, long events, double simulatedSeconds, long visits) {}

  /** The sums over the measured runs. */
  record Totals(
      int runs,
      double requests,
      long events,
      double simulatedSeconds,
      long visits,
      double wallSeconds,
      long allocatedBytes) {
    static final Totals EMPTY = new Totals(0, 0, 0, 0, 0, 0, 0);

    double perWallSecond(double amount) {
      return wallSeconds > 0 ? amount / wallSeconds : 0;
    }

    Totals plus(Work w, long nanos, long bytes) {
      return new Totals(
          runs + 1,
          requests + w.requests(),
          events + w.events(),
          simulatedSeconds + w.simulatedSeconds(),
          visits + w.visits(),
          wallSeconds + nanos / 1e9,
          allocatedBytes < 0 || bytes < 0 ? -1 : allocatedBytes + bytes);
    }
  }

  private final Meter meter;
  private int next;

  Phase(Meter meter) {
    this.meter = meter;
  }

  /** Warms up, then measures {@code run} alone for {@code measureSeconds} (at least one run). */
  Totals measure(double warmupSeconds, double measureSeconds, IntFunction<Work> run) {
    return measure(warmupSeconds, measureSeconds, run, null)[0];
  }

  /**
   * Warms up, then measures {@code a} and {@code b} in alternation, so that both see the same
   * machine (other load on a shared machine slows both alike); at least one run of each. With
   * {@code b} null, only {@code a} runs.
   */
  Totals[] measure(
      double warmupSeconds, double measureSeconds, IntFunction<Work> a, IntFunction<Work> b) {
    long start = meter.nanoTime();
    while (seconds(meter.nanoTime() - start) < warmupSeconds) {
      a.apply(next++);
      if (b != null) {
        b.apply(next++);
      }
    }
    Totals[] totals = {Totals.EMPTY, Totals.EMPTY};
    start = meter.nanoTime();
    do {
      totals[0] = timed(a, totals[0]);
      if (b != null) {
        totals[1] = timed(b, totals[1]);
      }
    } while (seconds(meter.nanoTime() - start) < measureSeconds);
    return totals;
  }

  private Totals timed(IntFunction<Work> run, Totals sum) {
    long bytes = meter.allocatedBytes();
    long t0 = meter.nanoTime();
    Work w = run.apply(next++);
    long nanos = meter.nanoTime() - t0;
    long after = meter.allocatedBytes();
    return sum.plus(w, nanos, bytes < 0 || after < 0 ? -1 : after - bytes);
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }
}
