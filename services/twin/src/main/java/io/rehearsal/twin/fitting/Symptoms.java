package io.rehearsal.twin.fitting;

import io.rehearsal.twin.EndpointResult;
import io.rehearsal.twin.EndpointResult.BucketResult;
import io.rehearsal.twin.RunResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Observed symptoms of an incident: per-endpoint series in buckets of equal width starting at the
 * onset, all series of the same length.
 *
 * @param bucket bucket width in seconds
 * @param endpoints per endpoint
 */
public record Symptoms(double bucket, List<EndpointSymptoms> endpoints) {
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
   * The symptoms a run shows from {@code onset} on, for the given endpoints in that order.
   *
   * @throws IllegalArgumentException if an endpoint is unknown or the run is too short
   */
  public static Symptoms fromRun(RunResult run, double onset, int buckets, List<String> names) {
    double width = run.config().bucket();
    int first = (int) Math.round(onset / width);
    List<EndpointSymptoms> series = new ArrayList<>();
    for (String name : names) {
      EndpointResult e = run.endpoint(name);
      if (e.buckets().size() < first + buckets) {
        throw new IllegalArgumentException(
            "run has " + e.buckets().size() + " buckets, needs " + (first + buckets));
      }
      List<SymptomPoint> points = new ArrayList<>();
      for (BucketResult b : e.buckets().subList(first, first + buckets)) {
        points.add(point(b, width));
      }
      series.add(new EndpointSymptoms(e.endpoint(), points));
    }
    return new Symptoms(width, series);
  }

  private static SymptomPoint point(BucketResult b, double width) {
    long total = b.total();
    double errors = total == 0 ? 0 : (double) (b.failed() + b.rejected()) / total;
    return new SymptomPoint(b.p50(), b.p99(), errors, total / width);
  }
}
