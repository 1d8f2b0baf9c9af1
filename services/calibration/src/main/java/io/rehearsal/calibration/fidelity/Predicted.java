package io.rehearsal.calibration.fidelity;

import io.rehearsal.calibration.Calibration;
import io.rehearsal.twin.run.EndpointResult;
import io.rehearsal.twin.run.RunResult;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * The twin's prediction per endpoint, pooled over replications and over the request classes
 * calibration split an endpoint into ({@code endpoint @ caller}).
 */
final class Predicted {
  /** Pooled results of one endpoint. */
  static final class Stats {
    private final Histogram latency = new Histogram(2);
    private final double roundTrip;
    private double shift;
    private long ok;
    private long total;

    Stats(double roundTrip) {
      this.roundTrip = roundTrip;
    }

    /** Adds the network round trip to the latencies when {@code called} (seen by a caller). */
    Stats shifted(boolean called) {
      shift = called ? roundTrip : 0;
      return this;
    }

    void add(EndpointResult result) {
      latency.add(result.latency());
      ok += result.ok();
      total += result.total();
    }

    long total() {
      return total;
    }

    long ok() {
      return ok;
    }

    double errorRate() {
      return total == 0 ? 0 : (total - ok) / (double) total;
    }

    double percentile(double p) {
      return latency.getTotalCount() == 0
          ? Double.NaN
          : latency.getValueAtPercentile(p * 100) / 1e6 + shift;
    }
  }

  private Predicted() {}

  static Map<String, Stats> of(List<RunResult> runs, double roundTrip) {
    Map<String, Stats> out = new TreeMap<>();
    for (RunResult run : runs) {
      for (EndpointResult e : run.endpoints()) {
        String modelled = Calibration.modelledEndpoint(e.endpoint());
        out.computeIfAbsent(modelled, k -> new Stats(roundTrip)).add(e);
      }
    }
    return out;
  }
}
