package io.rehearsal.sandbox.mapping;

import io.rehearsal.proto.v1.RateLimitScope;
import io.rehearsal.proto.v1.Remediation;
import io.rehearsal.rehearse.evaluation.Candidate;
import io.rehearsal.twin.spec.AutoscalerSpec;
import io.rehearsal.twin.spec.RemediationKind;
import io.rehearsal.twin.spec.ScalingMetric;
import io.rehearsal.twin.spec.ServiceSpec;
import io.rehearsal.twin.spec.TwinSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Contract {@link Remediation}s to the twin's {@link Candidate}s: each action becomes one or more
 * timed twin remediations decided at {@code at} (simulation seconds) and acting after the
 * candidate's estimated actuation delay. Targets are checked against the forked twin.
 */
public final class CandidateMapper {

  /** Most candidates one request may rehearse. */
  public static final int MAX_CANDIDATES = 64;

  private final TwinSpec spec;
  private final Targets targets;
  private final double at;

  /** A mapper for candidates rehearsed on {@code spec}, decided at simulation time {@code at}. */
  public CandidateMapper(TwinSpec spec, double at) {
    this.spec = spec;
    this.targets = new Targets(spec);
    this.at = at;
  }

  /**
   * Maps every candidate, in request order.
   *
   * @throws InvalidRequestException for an empty list, a blank or duplicate id, or a bad candidate
   */
  public List<Candidate> candidates(List<Remediation> candidates) {
    if (candidates.isEmpty()) {
      throw new InvalidRequestException("candidates", "must list at least one, but was empty");
    }
    if (candidates.size() > MAX_CANDIDATES) {
      throw new InvalidRequestException(
          "candidates",
          "must list at most " + MAX_CANDIDATES + ", but listed " + candidates.size());
    }
    Set<String> ids = new HashSet<>();
    List<Candidate> out = new ArrayList<>();
    for (int i = 0; i < candidates.size(); i++) {
      String id = candidates.get(i).getId();
      String field = "candidates[" + i + "]";
      if (id.isBlank() || !ids.add(id)) {
        throw new InvalidRequestException(
            field + ".id", "must be non-empty and unique, but was '" + id + "'");
      }
      out.add(candidate(candidates.get(i), field));
    }
    return out;
  }

  /** Maps one candidate; {@code field} is its path in the request. */
  public Candidate candidate(Remediation r, String field) {
    RemediationKind kind = RemediationKinds.twinKind(r.getActionCase(), field);
    double delay = Durations.seconds(r.getEstimatedActuationDelay());
    if (!(delay >= 0)) {
      throw new InvalidRequestException(
          field + ".estimated_actuation_delay", "must be >= 0, but was " + delay + " s");
    }
    double blast = r.getBlastRadius().getTrafficFraction();
    if (!(blast >= 0 && blast <= 1)) {
      throw new InvalidRequestException(
          field + ".blast_radius.traffic_fraction", "must be in [0, 1], but was " + blast);
    }
    try {
      return new Candidate(r.getId(), remediations(kind, r, field, delay), blast);
    } catch (InvalidRequestException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException(field, e.getMessage());
    }
  }

  private List<io.rehearsal.twin.spec.Remediation> remediations(
      RemediationKind kind, Remediation r, String field, double delay) {
    String target = field + ".target";
    return switch (r.getActionCase()) {
      case SCALE -> one(kind, delay, targets.service(r.getTarget(), target), scale(r, field));
      case ROLLBACK, RESTART -> one(kind, delay, targets.service(r.getTarget(), target), null);
      case RATE_LIMIT -> one(kind, delay, targets.service(r.getTarget(), target), rate(r, field));
      case SHED_LOAD -> shed(r, field, delay);
      case TIMEOUT_CHANGE, RETRY_CHANGE, CIRCUIT_BREAKER_CHANGE ->
          new CallPolicyMapper(targets, at, delay).map(r, field);
      case REROUTE -> List.of(reroute(r, field, delay));
      case FAILOVER ->
          one(
              kind,
              delay,
              targets.region(r.getFailover().getFromRegion(), field + ".failover.from_region"),
              null);
      case AUTOSCALER_CHANGE -> List.of(autoscaler(r, field, delay));
      case CACHE_CHANGE ->
          one(kind, delay, targets.cache(r.getTarget(), target), hitRatio(r, field));
      case ACTION_NOT_SET -> throw new IllegalStateException("unreachable: checked by twinKind");
    };
  }

  private List<io.rehearsal.twin.spec.Remediation> one(
      RemediationKind kind, double delay, String target, Double value) {
    return List.of(
        new io.rehearsal.twin.spec.Remediation(
            kind, at, delay, target, value, null, null, null, null, null));
  }

  private double scale(Remediation r, String field) {
    Remediation.Scale s = r.getScale();
    ServiceSpec service = targets.serviceSpec(targets.service(r.getTarget(), field + ".target"));
    return switch (s.getReplicasCase()) {
      case DELTA -> {
        int to = service.replicas() + s.getDelta();
        if (s.getDelta() == 0 || to < 0) {
          throw new InvalidRequestException(
              field + ".scale.delta",
              "must be non-zero and leave >= 0 replicas (now "
                  + service.replicas()
                  + "), but was "
                  + s.getDelta());
        }
        yield to;
      }
      case ABSOLUTE -> {
        if (s.getAbsolute() < 0) {
          throw new InvalidRequestException(
              field + ".scale.absolute", "must be >= 0, but was " + s.getAbsolute());
        }
        yield s.getAbsolute();
      }
      case REPLICAS_NOT_SET ->
          throw new InvalidRequestException(field + ".scale", "must set delta or absolute");
    };
  }

  private double rate(Remediation r, String field) {
    Remediation.RateLimit limit = r.getRateLimit();
    double rps = limit.getRequestsPerSecond();
    if (!(rps > 0) || Double.isInfinite(rps)) {
      throw new InvalidRequestException(
          field + ".rate_limit.requests_per_second", "must be > 0, but was " + rps);
    }
    if (limit.getScope() == RateLimitScope.RATE_LIMIT_SCOPE_PER_CLIENT) {
      throw new InvalidRequestException(
          field + ".rate_limit.scope", "PER_CLIENT is not modelled by the twin");
    }
    ServiceSpec service = targets.serviceSpec(r.getTarget().getService());
    boolean perReplica = limit.getScope() == RateLimitScope.RATE_LIMIT_SCOPE_PER_REPLICA;
    return perReplica ? rps * Math.max(1, service.replicas()) : rps;
  }

  private List<io.rehearsal.twin.spec.Remediation> shed(Remediation r, String field, double delay) {
    Remediation.ShedLoad shed = r.getShedLoad();
    if (shed.getPolicyCase() != Remediation.ShedLoad.PolicyCase.FRACTION) {
      throw new InvalidRequestException(
          field + ".shed_load",
          "only fraction is modelled by the twin, but was " + shed.getPolicyCase());
    }
    double fraction = shed.getFraction();
    if (!(fraction > 0 && fraction <= 1)) {
      throw new InvalidRequestException(
          field + ".shed_load.fraction", "must be in (0, 1], but was " + fraction);
    }
    List<io.rehearsal.twin.spec.Remediation> out = new ArrayList<>();
    for (String entry : targets.entries(r.getTarget(), field + ".target")) {
      out.addAll(one(RemediationKind.SHED_LOAD, delay, entry, fraction));
    }
    return out;
  }

  private io.rehearsal.twin.spec.Remediation reroute(Remediation r, String field, double delay) {
    Map<String, Double> weights = new LinkedHashMap<>();
    List<Remediation.Reroute.RouteWeight> list = r.getReroute().getWeightsList();
    double sum = 0;
    for (int i = 0; i < list.size(); i++) {
      Remediation.Reroute.RouteWeight w = list.get(i);
      String path = field + ".reroute.weights[" + i + "]";
      if (!w.getVersion().isEmpty()) {
        throw new InvalidRequestException(
            path + ".version", "version routing is not modelled by the twin");
      }
      if (!(w.getWeight() >= 0 && w.getWeight() <= 1)) {
        throw new InvalidRequestException(
            path + ".weight", "must be in [0, 1], but was " + w.getWeight());
      }
      weights.put(targets.region(w.getRegion(), path + ".region"), w.getWeight());
      sum += w.getWeight();
    }
    if (list.isEmpty() || Math.abs(sum - 1) > 1e-9) {
      throw new InvalidRequestException(
          field + ".reroute.weights", "must be non-empty and sum to 1, but summed to " + sum);
    }
    return new io.rehearsal.twin.spec.Remediation(
        RemediationKind.REROUTE, at, delay, null, null, null, null, null, null, weights);
  }

  private io.rehearsal.twin.spec.Remediation autoscaler(Remediation r, String field, double delay) {
    String name = targets.service(r.getTarget(), field + ".target");
    Remediation.AutoscalerChange c = r.getAutoscalerChange();
    ServiceSpec service = targets.serviceSpec(name);
    AutoscalerSpec now = service.autoscaler();
    ScalingMetric metric = metric(c, now, field);
    double target =
        c.hasTargetValue() ? c.getTargetValue() : now == null ? Double.NaN : now.target();
    int min = c.hasMinReplicas() ? c.getMinReplicas() : now == null ? 1 : now.min();
    int max =
        c.hasMaxReplicas()
            ? c.getMaxReplicas()
            : now == null ? Math.max(min, service.replicas()) : now.max();
    if (Double.isNaN(target)) {
      throw new InvalidRequestException(
          field + ".autoscaler_change.target_value",
          "must be set: service '" + name + "' has no autoscaler");
    }
    AutoscalerSpec next =
        now == null
            ? new AutoscalerSpec(metric, target, min, max, null, null, null, null)
            : new AutoscalerSpec(
                metric,
                target,
                min,
                max,
                now.period(),
                now.tolerance(),
                now.scaleUpWindow(),
                now.scaleDownWindow());
    return new io.rehearsal.twin.spec.Remediation(
        RemediationKind.AUTOSCALER, at, delay, name, null, null, null, null, next, null);
  }

  private static ScalingMetric metric(
      Remediation.AutoscalerChange c, AutoscalerSpec now, String field) {
    return switch (c.getMetric()) {
      case AUTOSCALER_METRIC_CPU_UTILIZATION -> ScalingMetric.UTILIZATION;
      case AUTOSCALER_METRIC_REQUESTS_PER_SECOND -> ScalingMetric.REQUEST_RATE;
      case AUTOSCALER_METRIC_CONCURRENCY -> ScalingMetric.CONCURRENCY;
      case AUTOSCALER_METRIC_UNSPECIFIED -> now == null ? ScalingMetric.UTILIZATION : now.metric();
      default ->
          throw new InvalidRequestException(
              field + ".autoscaler_change.metric", c.getMetric() + " is not modelled by the twin");
    };
  }

  private static double hitRatio(Remediation r, String field) {
    Remediation.CacheChange c = r.getCacheChange();
    if (!c.hasTargetHitRatio() || !(c.getTargetHitRatio() >= 0 && c.getTargetHitRatio() <= 1)) {
      throw new InvalidRequestException(
          field + ".cache_change.target_hit_ratio",
          "must be set in [0, 1] (the twin models caches by hit ratio), but was "
              + (c.hasTargetHitRatio() ? c.getTargetHitRatio() : "unset"));
    }
    return c.getTargetHitRatio();
  }
}
