package io.rehearsal.twin.spec;

/**
 * Open-loop traffic arriving at an entry endpoint.
 *
 * @param endpoint {@code service/endpoint}
 * @param arrivals the arrival process
 */
public record TrafficSpec(String endpoint, ArrivalPattern arrivals) {
  /** Validates the source. */
  public TrafficSpec {
    Check.name("endpoint", endpoint);
    Check.present("arrivals", arrivals);
  }
}
