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

  /**
   * Parses {@code SERVICE/ENDPOINT=MS@PCT:AVAIL}, e.g. {@code frontend/GET /browse=200@99:0.99}.
   *
   * @throws IllegalArgumentException naming the text and the expected form
   */
  public static Slo parse(String text) {
    try {
      int eq = text.lastIndexOf('=');
      int at = text.indexOf('@', eq);
      int colon = text.indexOf(':', at);
      return of(
          text.substring(0, eq).trim(),
          Double.parseDouble(text.substring(eq + 1, at)),
          Double.parseDouble(text.substring(at + 1, colon)),
          Double.parseDouble(text.substring(colon + 1)));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "SLO '" + text + "': expected SERVICE/ENDPOINT=MS@PCT:AVAIL (" + e.getMessage() + ")", e);
    }
  }

  /** The share of requests allowed to be bad: the error budget. */
  public double budget() {
    return 1 - objective;
  }
}
