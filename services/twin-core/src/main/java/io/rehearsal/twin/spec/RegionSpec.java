package io.rehearsal.twin.spec;

/**
 * A region and the share of entry traffic that originates in it.
 *
 * @param name unique region name
 * @param weight routing weight of entry traffic (normalised over all regions)
 */
public record RegionSpec(String name, double weight) {
  /** Validates the region. */
  public RegionSpec {
    Check.simpleName("name", name);
    Check.nonNegative("weight", weight);
  }
}
