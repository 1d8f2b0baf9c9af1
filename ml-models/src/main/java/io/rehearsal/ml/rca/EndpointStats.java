package io.rehearsal.ml.rca;

import java.util.Objects;

/**
 * One served endpoint, before and during the incident (from SERVER spans).
 *
 * @param service the serving service
 * @param endpoint the endpoint, e.g. {@code GET /items}
 * @param before the normal window
 * @param during the incident window
 */
public record EndpointStats(String service, String endpoint, Stats before, Stats during) {
  /** Checks that every part is present. */
  public EndpointStats {
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(during, "during");
  }
}
