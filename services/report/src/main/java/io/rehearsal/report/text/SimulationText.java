package io.rehearsal.report.text;

import io.rehearsal.report.SimulationReport;
import java.util.Locale;

/**
 * {@code rehearsal twin simulate}'s readable output: the endpoint table, the SLO verdicts and a
 * summary line. Lines end in the platform's line separator.
 */
public final class SimulationText {
  private static final String ROW = "%-34s %10s %9s %9s %9s %8s %9s%n";

  private SimulationText() {}

  /** The whole report as the terminal shows it. */
  public static String render(SimulationReport r) {
    StringBuilder out = new StringBuilder();
    out.append(
        format(
            "%s, scenario %s, seed %d: %d run%s of %s s (first %s s not measured)%n%n",
            r.spec(),
            r.scenario(),
            r.seed(),
            r.runs().size(),
            r.runs().size() == 1 ? "" : "s",
            number(r.duration()),
            number(r.warmup())));
    out.append(
        format(ROW, "endpoint", "requests", "p50 ms", "p95 ms", "p99 ms", "error %", "ok/s"));
    for (SimulationReport.Endpoint row : r.endpoints()) {
      out.append(
          format(
              ROW,
              row.endpoint(),
              row.requests(),
              millis(row.p50()),
              millis(row.p95()),
              millis(row.p99()),
              format("%.2f", 100 * row.errorRate()),
              format("%.1f", row.throughput())));
    }
    if (!r.slos().isEmpty()) {
      out.append(format("%nSLOs%n"));
      r.slos().forEach(s -> out.append(slo(s)));
    }
    out.append(
        format(
            "%nentry requests %.1f/s, mean latency %s ms, time to recover %s s, cost %.0f"
                + " replica-seconds%n",
            r.arrivalRate(),
            millis(r.meanLatency()),
            Double.isNaN(r.timeToRecover()) ? "never" : number(r.timeToRecover()),
            r.cost()));
    return out.toString();
  }

  private static String slo(SimulationReport.Slo s) {
    return format(
        "%-9s %s: p%s <= %s ms and availability >= %.2f%% -> p%s %s ms, %.2f%% (%d/%d runs met)%n",
        s.met() ? "MET" : "BREACHED",
        s.endpoint(),
        number(s.percentile()),
        millis(s.latencyTarget()),
        100 * s.availabilityTarget(),
        number(s.percentile()),
        millis(s.latency()),
        100 * s.availability(),
        s.metRuns(),
        s.runs());
  }

  private static String millis(double seconds) {
    return Double.isNaN(seconds) ? "-" : format("%.1f", seconds * 1000);
  }

  private static String number(double x) {
    return x == Math.rint(x) ? Long.toString((long) x) : format("%s", x);
  }

  private static String format(String pattern, Object... args) {
    return String.format(Locale.ROOT, pattern, args);
  }
}
