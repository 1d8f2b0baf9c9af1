package io.rehearsal.twin.spec;

/**
 * One-way network latency between two regions, applied to requests and responses that cross them
 * (symmetric unless the reverse link is also given).
 *
 * @param from region name
 * @param to region name
 * @param latency one-way latency in seconds
 */
public record LinkSpec(String from, String to, double latency) {
  /** Validates the link. */
  public LinkSpec {
    Check.name("from", from);
    Check.name("to", to);
    Check.nonNegative("latency", latency);
  }
}
