package io.rehearsal.twin;

/**
 * Calls made to one external dependency in the measured window.
 *
 * @param dependency its name
 * @param calls attempts made
 * @param limited attempts answered 429 by the token bucket
 * @param errors attempts answered with an error
 */
public record DependencyResult(String dependency, long calls, long limited, long errors) {
  /** Attempts that got through the rate limit. */
  public long admitted() {
    return calls - limited;
  }
}
