package io.rehearsal.twin.spec;

/**
 * A service-level objective of an endpoint: the {@code percentile} of successful latencies must be
 * at most {@code latency}, and the share of successful requests at least {@code availability}.
 *
 * @param endpoint {@code service/endpoint}
 * @param percentile e.g. 99
 * @param latency threshold in seconds
 * @param availability e.g. 0.999
 */
public record SloSpec(String endpoint, double percentile, double latency, double availability) {
  /** Validates the objective. */
  public SloSpec {
    Check.name("endpoint", endpoint);
    Check.range("percentile", percentile, 0, 100);
    Check.positive("latency", latency);
    Check.probability("availability", availability);
  }
}
