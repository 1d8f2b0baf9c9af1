package io.rehearsal.twin.spec;

/**
 * A cache in front of a database: a hit costs {@code hit}; a miss costs {@code miss} and, when
 * {@code database} is set, a query on it.
 *
 * @param name unique name (no '/')
 * @param hitRatio probability of a hit
 * @param hit latency of a hit
 * @param miss latency of a miss lookup
 * @param database database queried on a miss, or null
 */
public record CacheSpec(
    String name, double hitRatio, Distribution hit, Distribution miss, String database) {
  /** Validates the cache. */
  public CacheSpec {
    Check.simpleName("name", name);
    Check.probability("hitRatio", hitRatio);
    Check.present("hit", hit);
    Check.present("miss", miss);
  }
}
