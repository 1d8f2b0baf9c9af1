package io.rehearsal.rehearse.fitting;

import java.util.List;

/**
 * The series of one endpoint after the onset, one point per time bucket.
 *
 * @param endpoint {@code service/endpoint}
 * @param points in time order, the first bucket starting at the onset
 */
public record EndpointSymptoms(String endpoint, List<SymptomPoint> points) {
  /** Copies the list. */
  public EndpointSymptoms {
    if (endpoint == null || endpoint.isBlank()) {
      throw new IllegalArgumentException("endpoint must not be blank, but was " + endpoint);
    }
    points = List.copyOf(points);
  }
}
