package io.rehearsal.ml.incident;

import java.util.ArrayList;
import java.util.List;

/** One endpoint's detectors: its SLO burn-rate alert, if it has an SLO, and its baselines. */
final class EndpointWatch {
  private final EndpointSeries series;
  private final Slo slo;
  private final IncidentConfig.BurnRate burn;
  private final IncidentConfig.Anomaly anomaly;
  private final RobustBaseline median;
  private final RobustBaseline latency;
  private final RobustBaseline errors;
  private final RobustBaseline throughput;
  private final RobustBaseline burning;
  private long firstSecond = Long.MIN_VALUE;

  EndpointWatch(String service, String endpoint, Slo slo, IncidentConfig config) {
    this.burn = config.burnRate();
    this.anomaly = config.anomaly();
    int seconds = Math.max(burn.longSeconds(), anomaly.windowSeconds()) + config.latenessSeconds();
    this.series = new EndpointSeries(service, endpoint, seconds + 2);
    this.slo = slo;
    this.median = new RobustBaseline(anomaly.historySeconds());
    this.latency = new RobustBaseline(anomaly.historySeconds());
    this.errors = new RobustBaseline(anomaly.historySeconds());
    this.throughput = new RobustBaseline(anomaly.historySeconds());
    this.burning = new RobustBaseline(1);
  }

  boolean add(long second, double latencyMillis, boolean error) {
    if (firstSecond == Long.MIN_VALUE) {
      firstSecond = second;
    }
    return series.add(second, latencyMillis, error);
  }

  /** The symptoms active in {@code second}, judged once that second is closed. */
  List<Symptom> judge(long second) {
    series.advance(second);
    List<Symptom> active = new ArrayList<>(4);
    if (firstSecond == Long.MIN_VALUE || second < firstSecond) {
      return active;
    }
    if (slo != null) {
      burnRate(second, active);
    }
    EndpointSeries.Window w = series.window(second, anomaly.windowSeconds());
    // A window reaching back before the endpoint's first request would understate throughput.
    if (second - firstSecond + 1 < anomaly.windowSeconds()) {
      return active;
    }
    boolean enough = w.count() >= anomaly.minRequests();
    if (enough) {
      judge(median, second, w.p50(), Signal.LATENCY_P50, active, this::latencyHigh);
      judge(latency, second, w.p99(), Signal.LATENCY_P99, active, this::latencyHigh);
      judge(errors, second, w.errorRate(), Signal.ERROR_RATE, active, this::errorsHigh);
    }
    judge(throughput, second, w.throughput(), Signal.THROUGHPUT, active, this::throughputOff);
    return active;
  }

  private void burnRate(long second, List<Symptom> active) {
    int[] longWindow = series.countBad(second, burn.longSeconds(), slo.latencyMillis());
    int[] shortWindow = series.countBad(second, burn.shortSeconds(), slo.latencyMillis());
    if (longWindow[0] < burn.minRequests() || shortWindow[0] == 0) {
      burning.miss();
      return;
    }
    double longRate = (double) longWindow[1] / longWindow[0] / slo.budget();
    double shortRate = (double) shortWindow[1] / shortWindow[0] / slo.budget();
    if (longRate >= burn.threshold() && shortRate >= burn.threshold()) {
      burning.hit(second);
      active.add(symptom(Signal.SLO_BURN, second, burning.runStart(), longRate, burn.threshold()));
    } else {
      burning.miss();
    }
  }

  private interface Test {
    boolean anomalous(double value, double median, double spread);
  }

  private void judge(
      RobustBaseline base, long second, double value, Signal signal, List<Symptom> out, Test t) {
    if (!Double.isFinite(value)) {
      return;
    }
    if (base.size() < anomaly.warmupSeconds()) {
      base.learn(value);
      return;
    }
    double median = base.median();
    if (t.anomalous(value, median, base.spread(median))) {
      if (base.hit(second) >= anomaly.consecutive()) {
        out.add(symptom(signal, second, base.runStart(), value, median));
      }
    } else {
      base.miss();
      base.learn(value);
    }
  }

  private boolean latencyHigh(double value, double median, double spread) {
    return value > median + anomaly.sigmas() * spread
        && value > median * anomaly.latencyFactor()
        && value - median >= anomaly.latencyMinMillis();
  }

  private boolean errorsHigh(double rate, double median, double spread) {
    return rate > median + Math.max(anomaly.sigmas() * spread, anomaly.errorRateMin());
  }

  private boolean throughputOff(double rate, double median, double spread) {
    double margin = anomaly.sigmas() * spread;
    return (rate > median * anomaly.throughputFactor() && rate > median + margin)
        || (rate < median / anomaly.throughputFactor() && rate < median - margin);
  }

  private Symptom symptom(Signal signal, long second, long onset, double value, double base) {
    return new Symptom(series.service, series.endpoint, signal, second, onset, value, base);
  }
}
