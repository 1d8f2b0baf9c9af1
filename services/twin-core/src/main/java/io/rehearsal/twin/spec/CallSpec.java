package io.rehearsal.twin.spec;

/**
 * An outgoing call of an endpoint. Calls with the same {@code group} run in parallel; groups run
 * one after another in ascending order, after the endpoint's self time.
 *
 * @param to target: {@code service/endpoint}, or the name of a dependency, cache or database
 * @param group sequential group number (default 0)
 * @param probability probability that the call is made (default 1)
 * @param timeout seconds after which the caller gives up (default 0: no timeout)
 * @param retry retry policy, or null for none
 * @param breaker circuit breaker, or null for none
 * @param optional if true a failed call does not fail the caller (default false)
 */
public record CallSpec(
    String to,
    Integer group,
    Double probability,
    Double timeout,
    RetrySpec retry,
    BreakerSpec breaker,
    Boolean optional) {
  /** Validates the call and fills defaults. */
  public CallSpec {
    Check.name("to", to);
    group = Check.atLeast("group", group == null ? 0 : group, 0);
    probability = Check.probability("probability", Check.or(probability, 1));
    timeout = Check.nonNegative("timeout", Check.or(timeout, 0));
    optional = optional != null && optional;
  }

  /** A plain synchronous call with no timeout, retry or breaker. */
  public static CallSpec to(String target) {
    return new CallSpec(target, 0, 1.0, 0.0, null, null, false);
  }
}
