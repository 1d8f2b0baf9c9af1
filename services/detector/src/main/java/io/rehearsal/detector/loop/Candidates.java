package io.rehearsal.detector.loop;

import com.google.protobuf.Duration;
import io.rehearsal.ml.proposal.Proposal;
import io.rehearsal.ml.proposal.Step;
import io.rehearsal.ml.rca.Suspect;
import io.rehearsal.proto.v1.BlastRadius;
import io.rehearsal.proto.v1.RateLimitScope;
import io.rehearsal.proto.v1.Remediation;
import io.rehearsal.proto.v1.SuspectedTarget;
import io.rehearsal.proto.v1.Target;
import java.util.Locale;

/**
 * The edge between {@code ml-models}' suspects and proposals and the wire: a suspect becomes a
 * {@link SuspectedTarget}, a proposal a {@link Remediation} the sandbox rehearses (its first step;
 * the contract holds one action per candidate), with its name and why in the summary.
 */
final class Candidates {

  private Candidates() {}

  /** The wire suspect: the target, its score and its kind with the strongest evidence. */
  static SuspectedTarget suspect(Suspect s) {
    Target.Builder t = Target.newBuilder();
    if (s.dependency()) {
      t.setDependency(s.target());
    } else {
      t.setService(s.target()).setEndpoint(s.endpoint());
    }
    String why = s.why().isEmpty() ? "" : ": " + s.why().get(0);
    return SuspectedTarget.newBuilder()
        .setTarget(t)
        .setScore(s.score())
        .setReason(s.kind() + why)
        .build();
  }

  /** The candidate of {@code p}: id from its name, its first step as the action. */
  static Remediation remediation(Proposal p) {
    Step step = p.steps().get(0);
    String more = p.steps().size() > 1 ? " (first of " + p.steps().size() + " steps)" : "";
    Remediation.Builder r =
        Remediation.newBuilder()
            .setId(id(p.name()))
            .setTarget(target(step.target()))
            .setBlastRadius(BlastRadius.newBuilder().setTrafficFraction(p.blastRadius()))
            .setSummary(p.name() + more + " — " + String.join(" ", p.why()));
    if (step.delay() != null) {
      r.setEstimatedActuationDelay(seconds(step.delay()));
    }
    return action(r, step).build();
  }

  private static Remediation.Builder action(Remediation.Builder r, Step s) {
    return switch (s.kind()) {
      case SCALE -> r.setScale(Remediation.Scale.newBuilder().setAbsolute(intValue(s)));
      case ROLLBACK -> r.setRollback(Remediation.Rollback.getDefaultInstance());
      case RESTART -> r.setRestart(Remediation.Restart.newBuilder().setRolling(true));
      case RATE_LIMIT ->
          r.setRateLimit(
              Remediation.RateLimit.newBuilder()
                  .setRequestsPerSecond(value(s))
                  .setScope(RateLimitScope.RATE_LIMIT_SCOPE_GLOBAL));
      case SHED_LOAD -> r.setShedLoad(Remediation.ShedLoad.newBuilder().setFraction(value(s)));
      case CALL_POLICY -> callPolicy(r, s);
    };
  }

  private static Remediation.Builder callPolicy(Remediation.Builder r, Step s) {
    Target callee = target(s.to() == null ? "" : s.to());
    if (s.value() != null) {
      return r.setTimeoutChange(
          Remediation.TimeoutChange.newBuilder().setTimeout(seconds(s.value())).setCallee(callee));
    }
    Remediation.RetryChange.Builder retry = Remediation.RetryChange.newBuilder().setCallee(callee);
    if (s.maxRetries() != null) {
      retry.setMaxAttempts(s.maxRetries() + 1).setBackoffBase(seconds(s.backoff()));
    }
    return r.setRetryChange(retry);
  }

  /** {@code service} or {@code service/endpoint} as a target. */
  static Target target(String text) {
    int slash = text.indexOf('/');
    return slash < 0
        ? Target.newBuilder().setService(text).build()
        : Target.newBuilder()
            .setService(text.substring(0, slash))
            .setEndpoint(text.substring(slash + 1))
            .build();
  }

  /** A candidate id from a proposal's name: lower case, runs of other characters as one dash. */
  static String id(String name) {
    String id = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.]+", "-");
    return id.replaceAll("^-|-$", "");
  }

  private static double value(Step s) {
    if (s.value() == null) {
      throw new IllegalArgumentException(s.kind() + " on " + s.target() + " needs a value");
    }
    return s.value();
  }

  private static int intValue(Step s) {
    return (int) Math.round(value(s));
  }

  private static Duration seconds(double seconds) {
    long whole = (long) Math.floor(seconds);
    return Duration.newBuilder()
        .setSeconds(whole)
        .setNanos((int) Math.round((seconds - whole) * 1e9) % 1_000_000_000)
        .build();
  }
}
