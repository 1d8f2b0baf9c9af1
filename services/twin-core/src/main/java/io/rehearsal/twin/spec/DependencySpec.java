package io.rehearsal.twin.spec;

/**
 * An external dependency outside the modelled system (payment gateway, SaaS API): unlimited
 * concurrency, a latency distribution, an optional token-bucket rate limit and an error rate.
 *
 * @param name unique name (no '/')
 * @param latency response latency
 * @param rateLimit token bucket, or null
 * @param errorRate probability of an error answer (default 0)
 */
public record DependencySpec(
    String name, Distribution latency, RateLimitSpec rateLimit, Double errorRate) {
  /** Validates the dependency. */
  public DependencySpec {
    Check.simpleName("name", name);
    Check.present("latency", latency);
    errorRate = Check.probability("errorRate", Check.or(errorRate, 0));
  }
}
