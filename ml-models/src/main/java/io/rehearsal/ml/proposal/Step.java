package io.rehearsal.ml.proposal;

import java.util.Objects;

/**
 * One remediation of a proposal, in the fields of the sandbox's candidate format ({@code kind,
 * target, to, value, delay, retry}).
 *
 * @param kind what to do
 * @param target the service, or {@code service/endpoint} for SHED_LOAD and CALL_POLICY
 * @param to CALL_POLICY: the called {@code service/endpoint} or dependency; else null
 * @param value replicas (SCALE), requests/s (RATE_LIMIT), fraction (SHED_LOAD), timeout in seconds
 *     (CALL_POLICY); null when the kind takes none
 * @param delay seconds before it takes effect, or null
 * @param maxRetries CALL_POLICY: retries, or null to leave them
 * @param backoff CALL_POLICY: retry backoff in seconds, with {@code maxRetries}
 */
public record Step(
    ActionKind kind,
    String target,
    String to,
    Double value,
    Double delay,
    Integer maxRetries,
    double backoff) {

  /** Checks that the kind and target are present. */
  public Step {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(target, "target");
  }
}
