package io.rehearsal.sandbox.mapping;

import io.rehearsal.proto.v1.Incident;
import io.rehearsal.proto.v1.MetricKind;
import io.rehearsal.proto.v1.SeriesPoint;
import io.rehearsal.proto.v1.SymptomSeries;
import io.rehearsal.proto.v1.Target;
import io.rehearsal.rehearse.fitting.EndpointSymptoms;
import io.rehearsal.rehearse.fitting.SymptomPoint;
import io.rehearsal.rehearse.fitting.Symptoms;
import io.rehearsal.twin.spec.SpecIndex;
import io.rehearsal.twin.spec.TrafficSpec;
import io.rehearsal.twin.spec.TwinSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An incident's symptom series to the twin's {@link Symptoms}: one series per endpoint (or per
 * external dependency, a {@code Target} with only {@code dependency} set: its callers' attempts),
 * buckets of the series' resolution starting at the onset (a point's time is the end of its bucket;
 * points before the onset are ignored, all endpoints are cut to the shortest series). Latencies go
 * from milliseconds to seconds. Every endpoint needs ERROR_RATE and THROUGHPUT series and at least
 * one latency series; a missing latency percentile stays NaN, which the fitter treats as
 * unobserved.
 */
public final class SymptomsMapper {

  private SymptomsMapper() {}

  /**
   * The symptoms of {@code incident}, with endpoints checked against {@code spec}.
   *
   * @throws InvalidRequestException naming the bad series, target, resolution or point
   */
  public static Symptoms symptoms(Incident incident, TwinSpec spec) {
    if (!incident.hasOnset()) {
      throw new InvalidRequestException("incident.onset", "must be set");
    }
    List<SymptomSeries> all = incident.getSymptomsList();
    if (all.isEmpty()) {
      throw new InvalidRequestException("incident.symptoms", "must list at least one series");
    }
    double resolution = resolution(all);
    Map<String, Map<MetricKind, double[]>> byEndpoint = new LinkedHashMap<>();
    int buckets = Integer.MAX_VALUE;
    for (int i = 0; i < all.size(); i++) {
      String field = "incident.symptoms[" + i + "]";
      SymptomSeries s = all.get(i);
      String endpoint = endpoint(s, spec, field);
      double[] values = values(s, incident, resolution, field);
      buckets = Math.min(buckets, values.length);
      byEndpoint
          .computeIfAbsent(endpoint, k -> new EnumMap<>(MetricKind.class))
          .put(metric(s, field), values);
    }
    List<EndpointSymptoms> series = new ArrayList<>();
    for (Map.Entry<String, Map<MetricKind, double[]>> e : byEndpoint.entrySet()) {
      series.add(endpointSymptoms(e.getKey(), e.getValue(), buckets));
    }
    return new Symptoms(resolution, series);
  }

  /**
   * The healthy figures before the onset, per endpoint of {@code symptoms}: the series' baselines,
   * for the endpoints whose P50 and THROUGHPUT series carry one (> 0). The fitter removes the
   * twin's standing difference from them ({@code FaultFitter.fit(Symptoms, Map)}).
   */
  public static Map<String, SymptomPoint> baseline(Incident incident, Symptoms symptoms) {
    Map<String, Map<MetricKind, Double>> byEndpoint = new LinkedHashMap<>();
    for (SymptomSeries s : incident.getSymptomsList()) {
      String name = name(s.getTarget());
      byEndpoint
          .computeIfAbsent(name, k -> new EnumMap<>(MetricKind.class))
          .put(s.getMetric(), s.getBaseline());
    }
    Map<String, SymptomPoint> out = new LinkedHashMap<>();
    for (String name : symptoms.names()) {
      Map<MetricKind, Double> b = byEndpoint.getOrDefault(name, Map.of());
      double p50 = b.getOrDefault(MetricKind.METRIC_KIND_LATENCY_P50, 0.0);
      double throughput = b.getOrDefault(MetricKind.METRIC_KIND_THROUGHPUT, 0.0);
      double errors = b.getOrDefault(MetricKind.METRIC_KIND_ERROR_RATE, 0.0);
      if (p50 > 0 && throughput > 0 && errors >= 0 && errors <= 1) {
        double p99 = b.getOrDefault(MetricKind.METRIC_KIND_LATENCY_P99, 0.0);
        out.put(
            name,
            new SymptomPoint(p50 / 1000, p99 > 0 ? p99 / 1000 : Double.NaN, errors, throughput));
      }
    }
    return out;
  }

  /**
   * Current arrival rates of the twin's entry endpoints: the baseline of their THROUGHPUT series
   * (the rate in normal operation at the incident), where the incident has one and it is > 0.
   */
  public static Map<String, Double> entryRates(Incident incident, TwinSpec spec) {
    Map<String, Double> rates = new LinkedHashMap<>();
    for (SymptomSeries s : incident.getSymptomsList()) {
      String name = name(s.getTarget());
      boolean entry = spec.traffic().stream().map(TrafficSpec::endpoint).anyMatch(name::equals);
      if (entry && s.getMetric() == MetricKind.METRIC_KIND_THROUGHPUT && s.getBaseline() > 0) {
        rates.put(name, s.getBaseline());
      }
    }
    return rates;
  }

  private static double resolution(List<SymptomSeries> all) {
    double first = Durations.seconds(all.get(0).getResolution());
    for (int i = 0; i < all.size(); i++) {
      double r = Durations.seconds(all.get(i).getResolution());
      if (!(r > 0) || r != first) {
        throw new InvalidRequestException(
            "incident.symptoms[" + i + "].resolution",
            "must be > 0 and equal for every series (" + first + " s), but was " + r + " s");
      }
    }
    return first;
  }

  /**
   * The twin's name of a series target: {@code service/endpoint}, or the dependency's name for the
   * calls to an external dependency.
   */
  static String name(Target t) {
    return t.getDependency().isEmpty() ? t.getService() + "/" + t.getEndpoint() : t.getDependency();
  }

  private static String endpoint(SymptomSeries s, TwinSpec spec, String field) {
    String name = name(s.getTarget());
    if (!s.getTarget().getDependency().isEmpty()) {
      SpecIndex.Target t = spec.index().target(name);
      if (t == null || t.kind() != SpecIndex.TargetKind.DEPENDENCY) {
        throw new InvalidRequestException(field + ".target", "unknown dependency '" + name + "'");
      }
      return name;
    }
    boolean known =
        spec.index().endpoint(name) >= 0
            || spec.services().stream()
                .flatMap(svc -> svc.endpoints().stream().map(e -> svc.name() + "/" + e.name()))
                .anyMatch(e -> e.startsWith(name + " @ "));
    if (s.getTarget().getEndpoint().isEmpty() || !known) {
      throw new InvalidRequestException(field + ".target", "unknown endpoint '" + name + "'");
    }
    return name;
  }

  private static MetricKind metric(SymptomSeries s, String field) {
    if (s.getMetric() == MetricKind.METRIC_KIND_UNSPECIFIED
        || s.getMetric() == MetricKind.UNRECOGNIZED) {
      throw new InvalidRequestException(field + ".metric", "must be set, but was " + s.getMetric());
    }
    return s.getMetric();
  }

  private static double[] values(
      SymptomSeries s, Incident incident, double resolution, String field) {
    double onset = Durations.seconds(incident.getOnset());
    double[] byBucket = new double[4096];
    Arrays.fill(byBucket, Double.NaN);
    int n = 0;
    for (int p = 0; p < s.getPointsCount(); p++) {
      SeriesPoint point = s.getPoints(p);
      int bucket = (int) Math.round((Durations.seconds(point.getTime()) - onset) / resolution) - 1;
      if (bucket >= 0 && bucket < byBucket.length) {
        byBucket[bucket] =
            value(s.getMetric(), point.getValue(), field + ".points[" + p + "].value");
        n = Math.max(n, bucket + 1);
      }
    }
    if (n == 0) {
      throw new InvalidRequestException(
          field + ".points", "must hold at least one point after the onset");
    }
    return Arrays.copyOf(byBucket, n);
  }

  private static double value(MetricKind metric, double v, String field) {
    boolean latency =
        metric == MetricKind.METRIC_KIND_LATENCY_P50
            || metric == MetricKind.METRIC_KIND_LATENCY_P99;
    if (latency) {
      if (v < 0 || Double.isInfinite(v)) {
        throw new InvalidRequestException(field, "latency must be >= 0 ms or NaN, but was " + v);
      }
      return v / 1000;
    }
    boolean bad =
        metric == MetricKind.METRIC_KIND_ERROR_RATE
            ? !(v >= 0 && v <= 1)
            : !(v >= 0) || Double.isInfinite(v);
    if (bad) {
      throw new InvalidRequestException(field, metric + " value out of range: " + v);
    }
    return v;
  }

  private static EndpointSymptoms endpointSymptoms(
      String endpoint, Map<MetricKind, double[]> m, int buckets) {
    double[] errors = required(endpoint, m, MetricKind.METRIC_KIND_ERROR_RATE);
    double[] throughput = required(endpoint, m, MetricKind.METRIC_KIND_THROUGHPUT);
    double[] p50 = m.get(MetricKind.METRIC_KIND_LATENCY_P50);
    double[] p99 = m.get(MetricKind.METRIC_KIND_LATENCY_P99);
    if (p50 == null && p99 == null) {
      throw new InvalidRequestException(
          "incident.symptoms",
          "endpoint '" + endpoint + "' needs a LATENCY_P50 or LATENCY_P99 series");
    }
    List<SymptomPoint> points = new ArrayList<>();
    for (int i = 0; i < buckets; i++) {
      points.add(
          new SymptomPoint(
              p50 == null ? Double.NaN : p50[i],
              p99 == null ? Double.NaN : p99[i],
              filled(errors, i),
              filled(throughput, i)));
    }
    return new EndpointSymptoms(endpoint, points);
  }

  private static double[] required(String endpoint, Map<MetricKind, double[]> m, MetricKind kind) {
    double[] v = m.get(kind);
    if (v == null) {
      throw new InvalidRequestException(
          "incident.symptoms",
          "endpoint '" + endpoint + "' needs a " + kind.name().substring(12) + " series");
    }
    return v;
  }

  /** A gap in a series takes the previous bucket's value (0 before the first). */
  private static double filled(double[] v, int i) {
    for (int k = i; k >= 0; k--) {
      if (!Double.isNaN(v[k])) {
        return v[k];
      }
    }
    return 0;
  }
}
