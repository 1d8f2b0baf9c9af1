package io.rehearsal.sandbox.mapping;

import io.rehearsal.proto.v1.Remediation;
import io.rehearsal.proto.v1.Target;
import io.rehearsal.twin.spec.BreakerSpec;
import io.rehearsal.twin.spec.CallSpec;
import io.rehearsal.twin.spec.EndpointSpec;
import io.rehearsal.twin.spec.RemediationKind;
import io.rehearsal.twin.spec.RetrySpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Timeout, retry and circuit-breaker changes to the twin's {@code CALL_POLICY} remediations: one
 * per matching call of every endpoint the target covers; unset fields keep the call's values.
 */
final class CallPolicyMapper {

  private final Targets targets;
  private final double at;
  private final double delay;

  CallPolicyMapper(Targets targets, double at, double delay) {
    this.targets = targets;
    this.at = at;
    this.delay = delay;
  }

  List<io.rehearsal.twin.spec.Remediation> map(Remediation r, String field) {
    String action = field + "." + actionField(r);
    Target callee = callee(r);
    List<io.rehearsal.twin.spec.Remediation> out = new ArrayList<>();
    for (String endpoint : targets.endpoints(r.getTarget(), field + ".target")) {
      for (CallSpec call : calls(endpoint)) {
        if (matches(callee, call.to())) {
          out.add(policy(r, action, endpoint, call));
        }
      }
    }
    if (out.isEmpty()) {
      throw new InvalidRequestException(
          action + ".callee", "the target makes no call to " + describe(callee));
    }
    return out;
  }

  private io.rehearsal.twin.spec.Remediation policy(
      Remediation r, String action, String endpoint, CallSpec call) {
    Double timeout = null;
    RetrySpec retry = null;
    BreakerSpec breaker = null;
    switch (r.getActionCase()) {
      case TIMEOUT_CHANGE -> timeout = timeout(r.getTimeoutChange(), action);
      case RETRY_CHANGE -> retry = retry(r.getRetryChange(), call.retry(), action);
      default -> breaker = breaker(r.getCircuitBreakerChange(), call.breaker(), action);
    }
    return new io.rehearsal.twin.spec.Remediation(
        RemediationKind.CALL_POLICY,
        at,
        delay,
        endpoint,
        timeout,
        call.to(),
        retry,
        breaker,
        null,
        null);
  }

  private static double timeout(Remediation.TimeoutChange c, String action) {
    double seconds = Durations.seconds(c.getTimeout());
    if (!(seconds > 0)) {
      throw new InvalidRequestException(
          action + ".timeout", "must be > 0, but was " + seconds + " s");
    }
    return seconds;
  }

  private static RetrySpec retry(Remediation.RetryChange c, RetrySpec now, String action) {
    if (c.hasMaxAttempts() && c.getMaxAttempts() < 1) {
      throw new InvalidRequestException(
          action + ".max_attempts", "must be >= 1, but was " + c.getMaxAttempts());
    }
    int retries = c.hasMaxAttempts() ? c.getMaxAttempts() - 1 : now == null ? 0 : now.maxRetries();
    double backoff =
        c.hasBackoffBase()
            ? Durations.seconds(c.getBackoffBase())
            : now == null ? 0 : now.backoff();
    Double maxBackoff =
        c.hasBackoffMax()
            ? Double.valueOf(Durations.seconds(c.getBackoffMax()))
            : now == null ? null : now.maxBackoff();
    Double jitter =
        c.hasJitter() ? Double.valueOf(c.getJitter()) : now == null ? null : now.jitter();
    return new RetrySpec(
        retries, backoff, now == null ? null : now.multiplier(), maxBackoff, jitter);
  }

  private static BreakerSpec breaker(
      Remediation.CircuitBreakerChange c, BreakerSpec now, String action) {
    double rate =
        c.hasFailureRateThreshold()
            ? c.getFailureRateThreshold()
            : now == null ? 0.5 : now.failureRate();
    int window = c.hasWindowCalls() ? c.getWindowCalls() : now == null ? 20 : now.window();
    double open =
        c.hasOpenDuration()
            ? Durations.seconds(c.getOpenDuration())
            : now == null ? 10 : now.openFor();
    int probes =
        c.hasHalfOpenProbes() ? c.getHalfOpenProbes() : now == null ? 5 : now.halfOpenCalls();
    int minimum = Math.min(window, now == null ? Math.max(1, window / 2) : now.minimumCalls());
    return new BreakerSpec(rate, window, minimum, open, probes);
  }

  private List<CallSpec> calls(String endpoint) {
    int slash = endpoint.indexOf('/');
    String service = endpoint.substring(0, slash);
    String name = endpoint.substring(slash + 1);
    for (EndpointSpec e : targets.serviceSpec(service).endpoints()) {
      if (e.name().equals(name)) {
        return e.calls();
      }
    }
    return List.of();
  }

  private static boolean matches(Target callee, String to) {
    if (!callee.getDependency().isEmpty()) {
      return to.equals(callee.getDependency());
    }
    if (callee.getService().isEmpty()) {
      return true;
    }
    return callee.getEndpoint().isEmpty()
        ? to.startsWith(callee.getService() + "/")
        : EndpointSpec.endpointOf(to).equals(callee.getService() + "/" + callee.getEndpoint());
  }

  private static String describe(Target callee) {
    if (!callee.getDependency().isEmpty()) {
      return "'" + callee.getDependency() + "'";
    }
    return callee.getService().isEmpty()
        ? "anything"
        : "'" + callee.getService() + "/" + callee.getEndpoint() + "'";
  }

  private static Target callee(Remediation r) {
    return switch (r.getActionCase()) {
      case TIMEOUT_CHANGE -> r.getTimeoutChange().getCallee();
      case RETRY_CHANGE -> r.getRetryChange().getCallee();
      default -> r.getCircuitBreakerChange().getCallee();
    };
  }

  private static String actionField(Remediation r) {
    return switch (r.getActionCase()) {
      case TIMEOUT_CHANGE -> "timeout_change";
      case RETRY_CHANGE -> "retry_change";
      default -> "circuit_breaker_change";
    };
  }
}
