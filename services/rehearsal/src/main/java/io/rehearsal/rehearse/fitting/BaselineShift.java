package io.rehearsal.rehearse.fitting;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Removes the twin's standing bias from observed symptoms. A calibrated twin is never exact: its
 * healthy latencies and rates differ somewhat from the real system's. What a fault explains is the
 * change from normal, so each observed point is moved by the difference between the endpoint's
 * healthy figures in the twin (mean over the fault-free run's buckets) and in reality (the observed
 * baseline, measured the same way): latencies and throughput by their ratio, error rates by their
 * difference (clamped to [0, 1]). Endpoints without a usable baseline are left as observed.
 */
final class BaselineShift {
  private BaselineShift() {}

  /** The observed symptoms as the twin would show them had it matched reality when healthy. */
  static Symptoms apply(Symptoms observed, Symptoms healthy, Map<String, SymptomPoint> baseline) {
    if (baseline.isEmpty()) {
      return observed;
    }
    List<EndpointSymptoms> out = new ArrayList<>();
    for (int e = 0; e < observed.endpoints().size(); e++) {
      EndpointSymptoms o = observed.endpoints().get(e);
      SymptomPoint base = baseline.get(o.endpoint());
      SymptomPoint twin = SymptomPoint.mean(healthy.endpoints().get(e).points());
      out.add(base == null ? o : shifted(o, base, twin));
    }
    return new Symptoms(observed.bucket(), out);
  }

  private static EndpointSymptoms shifted(
      EndpointSymptoms o, SymptomPoint base, SymptomPoint twin) {
    double p50 = ratio(twin.p50(), base.p50());
    double p99 = ratio(twin.p99(), base.p99());
    double tput = ratio(twin.throughput(), base.throughput());
    double err = twin.errorRate() - base.errorRate();
    List<SymptomPoint> points = new ArrayList<>();
    for (SymptomPoint p : o.points()) {
      points.add(
          new SymptomPoint(
              p.p50() * p50,
              p.p99() * p99,
              Math.min(1, Math.max(0, p.errorRate() + err)),
              p.throughput() * tput));
    }
    return new EndpointSymptoms(o.endpoint(), points);
  }

  /** twin / real, or 1 when either is missing or not positive. */
  private static double ratio(double twin, double real) {
    return twin > 0 && real > 0 && Double.isFinite(twin) && Double.isFinite(real) ? twin / real : 1;
  }
}
