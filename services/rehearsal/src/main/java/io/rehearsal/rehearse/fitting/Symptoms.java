package io.rehearsal.rehearse.fitting;

import io.rehearsal.twin.run.DependencyResult;
import io.rehearsal.twin.run.EndpointResult;
import io.rehearsal.twin.run.EndpointResult.BucketResult;
import io.rehearsal.twin.run.RunResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Observed symptoms of an incident: per-endpoint series (and per external dependency, as its
 * callers saw the calls) in buckets of equal width starting at the onset, all series of the same
 * length.
 *
 * @param bucket bucket width in seconds
 * @param endpoints per endpoint
 */
public record Symptoms(double bucket, List<EndpointSymptoms> endpoints) {
  /** Separates an endpoint from the caller of a request class calibration split off. */
  private static final String CLASS = " @ ";

  /** Validates the widths and lengths and copies the list. */
  public Symptoms {
    if (!(bucket > 0) || Double.isInfinite(bucket)) {
      throw new IllegalArgumentException("bucket must be > 0, but was " + bucket);
    }
    endpoints = List.copyOf(endpoints);
    if (endpoints.isEmpty() || endpoints.get(0).points().isEmpty()) {
      throw new IllegalArgumentException("endpoints must hold at least one non-empty series");
    }
    int n = endpoints.get(0).points().size();
    for (int i = 0; i < endpoints.size(); i++) {
      if (endpoints.get(i).points().size() != n) {
        throw new IllegalArgumentException(
            "endpoints["
                + i
                + "].points must have "
                + n
                + " points, but had "
                + endpoints.get(i).points().size());
      }
    }
  }

  /** The endpoints' names, in order. */
  public List<String> names() {
    return endpoints.stream().map(EndpointSymptoms::endpoint).toList();
  }

  /** Number of buckets per series. */
  public int buckets() {
    return endpoints.get(0).points().size();
  }

  /** Seconds covered after the onset. */
  public double span() {
    return buckets() * bucket;
  }

  /**
   * The symptoms a run shows from {@code onset} on: every endpoint, {@code buckets} buckets.
   *
   * @throws IllegalArgumentException if the run has fewer buckets after the onset
   */
  public static Symptoms fromRun(RunResult run, double onset, int buckets) {
    return fromRun(run, onset, buckets, run.endpoints().stream().map(e -> e.endpoint()).toList());
  }

  /**
   * The symptoms a run shows from {@code onset} on, for the given endpoints in that order, with the
   * latencies as the telemetry measures them: server spans, which start when a worker takes the
   * request up, so an endpoint's own queue is not in its latency (its callers' latencies hold it),
   * and a request turned away before a worker (queue full, shed, rate limited) leaves no span: an
   * endpoint's errors and throughput count the requests it handled (its callers' errors hold the
   * rest). A dependency's calls are counted as its callers' spans see them, refusals included. An
   * endpoint that calibration split into request classes ({@code endpoint @ caller}) is pooled over
   * the endpoint and its classes (counts summed, latencies averaged weighted by successes). A name
   * that is no endpoint but an external dependency's gives the calls to that dependency.
   *
   * @throws IllegalArgumentException if a name is unknown or the run is too short
   */
  public static Symptoms fromRun(RunResult run, double onset, int buckets, List<String> names) {
    double width = run.config().bucket();
    int first = (int) Math.round(onset / width);
    List<EndpointSymptoms> series = new ArrayList<>();
    for (String name : names) {
      Parts parts = parts(run, name);
      List<SymptomPoint> points = new ArrayList<>();
      for (int i = first; i < first + buckets; i++) {
        points.add(pooled(parts.series(), i, width, parts.spans()));
      }
      series.add(new EndpointSymptoms(name, points));
    }
    return new Symptoms(width, series);
  }

  /** A name's bucket series, and whether they are an endpoint's (seen as its server spans). */
  private record Parts(List<List<BucketResult>> series, boolean spans) {}

  /**
   * The run's results for {@code name}: the endpoint itself, or, when calibration split it into
   * request classes ({@code name @ caller}), the endpoint and all its classes; else the dependency.
   */
  private static Parts parts(RunResult run, String name) {
    List<List<BucketResult>> out =
        run.endpoints().stream()
            .filter(e -> isPart(e.endpoint(), name))
            .map(EndpointResult::buckets)
            .toList();
    if (!out.isEmpty()) {
      return new Parts(out, true);
    }
    out =
        run.dependencies().stream()
            .filter(d -> d.dependency().equals(name))
            .map(DependencyResult::buckets)
            .toList();
    if (out.isEmpty()) {
      throw new IllegalArgumentException("unknown endpoint or dependency '" + name + "'");
    }
    return new Parts(out, false);
  }

  private static boolean isPart(String endpoint, String name) {
    return endpoint.equals(name) || endpoint.startsWith(name + CLASS);
  }

  /**
   * One bucket over the parts: counts summed, latencies averaged weighted by successes; of an
   * endpoint ({@code spans}) only the requests it handled.
   */
  private static SymptomPoint pooled(
      List<List<BucketResult>> parts, int i, double width, boolean spans) {
    if (parts.size() == 1) {
      return point(bucket(parts.get(0), i), width, spans);
    }
    long total = 0;
    long bad = 0;
    long ok = 0;
    double p50 = 0;
    double p99 = 0;
    for (List<BucketResult> e : parts) {
      BucketResult b = bucket(e, i);
      total += seen(b, spans);
      bad += b.failed() + (spans ? 0 : b.rejected());
      if (b.ok() > 0 && !Double.isNaN(b.spanP50())) {
        ok += b.ok();
        p50 += b.ok() * b.spanP50();
        p99 += b.ok() * b.spanP99();
      }
    }
    double errors = total == 0 ? 0 : (double) bad / total;
    return ok == 0
        ? new SymptomPoint(Double.NaN, Double.NaN, errors, total / width)
        : new SymptomPoint(p50 / ok, p99 / ok, errors, total / width);
  }

  private static BucketResult bucket(List<BucketResult> series, int i) {
    if (series.size() <= i) {
      throw new IllegalArgumentException("run has " + series.size() + " buckets, needs " + (i + 1));
    }
    return series.get(i);
  }

  /**
   * The point-wise mean of symptom sets with the same endpoints and buckets (latencies over the
   * sets where they are defined; NaN where none is).
   */
  public static Symptoms mean(List<Symptoms> sets) {
    Symptoms first = sets.get(0);
    if (sets.size() == 1) {
      return first;
    }
    List<EndpointSymptoms> series = new ArrayList<>();
    for (int e = 0; e < first.endpoints().size(); e++) {
      List<SymptomPoint> points = new ArrayList<>();
      for (int i = 0; i < first.buckets(); i++) {
        List<SymptomPoint> at = new ArrayList<>();
        for (Symptoms s : sets) {
          at.add(s.endpoints().get(e).points().get(i));
        }
        points.add(meanPoint(at));
      }
      series.add(new EndpointSymptoms(first.endpoints().get(e).endpoint(), points));
    }
    return new Symptoms(first.bucket(), series);
  }

  private static SymptomPoint meanPoint(List<SymptomPoint> points) {
    return new SymptomPoint(
        nanMean(points.stream().mapToDouble(SymptomPoint::p50).toArray()),
        nanMean(points.stream().mapToDouble(SymptomPoint::p99).toArray()),
        points.stream().mapToDouble(SymptomPoint::errorRate).average().orElse(0),
        points.stream().mapToDouble(SymptomPoint::throughput).average().orElse(0));
  }

  private static double nanMean(double[] values) {
    double sum = 0;
    int n = 0;
    for (double v : values) {
      if (!Double.isNaN(v)) {
        sum += v;
        n++;
      }
    }
    return n == 0 ? Double.NaN : sum / n;
  }

  private static SymptomPoint point(BucketResult b, double width, boolean spans) {
    long total = seen(b, spans);
    long bad = b.failed() + (spans ? 0 : b.rejected());
    double errors = total == 0 ? 0 : (double) bad / total;
    return new SymptomPoint(b.spanP50(), b.spanP99(), errors, total / width);
  }

  /** The requests the telemetry sees: an endpoint's spans (handled), or every call. */
  private static long seen(BucketResult b, boolean spans) {
    return spans ? b.ok() + b.failed() : b.total();
  }
}
