package io.rehearsal.ml.incident;

/**
 * A service-level objective of one endpoint: a request is good when it did not fail and took at
 * most {@code latencyMillis}; at least {@code objective} of the requests must be good.
 *
 * @param service the service serving the endpoint
 * @param endpoint the endpoint, e.g. {@code GET /browse}
 * @param latencyMillis the latency a good request stays under, in milliseconds
 * @param objective the share of good requests promised, in (0, 1)
 */
public record Slo(String service, String endpoint, double latencyMillis, double objective) {

  /** Validates the fields; messages name the field and the bad value. */
  public Slo {
    IncidentConfig.require(service != null && !service.isBlank(), "slo.service", service);
    IncidentConfig.require(endpoint != null && !endpoint.isBlank(), "slo.endpoint", endpoint);
    IncidentConfig.require(latencyMillis > 0, "slo.latencyMillis", latencyMillis);
    IncidentConfig.require(objective > 0 && objective < 1, "slo.objective", objective);
  }

  /**
   * The SLO of a latency percentile and an availability, as the reference shop's candidate files
   * state them: a request is good when it succeeds and is under the latency, so the objective is
   * the product of both promises.
   *
   * @param key {@code service/endpoint}, e.g. {@code frontend/GET /browse}
   * @param latencyMillis the percentile's latency bound
   * @param percentile the percentile, e.g. 99
   * @param availability the share of requests that must succeed, e.g. 0.99
   */
  public static Slo of(String key, double latencyMillis, double percentile, double availability) {
    int slash = key.indexOf('/');
    IncidentConfig.require(slash > 0, "slo endpoint (service/endpoint)", key);
    IncidentConfig.require(percentile > 0 && percentile < 100, "slo.percentile", percentile);
    return new Slo(
        key.substring(0, slash),
        key.substring(slash + 1),
        latencyMillis,
        availability * percentile / 100);
  }

  /** The share of requests allowed to be bad: the error budget. */
  public double budget() {
    return 1 - objective;
  }
}
