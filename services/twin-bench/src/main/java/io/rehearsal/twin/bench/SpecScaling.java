package io.rehearsal.twin.bench;

import io.rehearsal.twin.spec.ArrivalPattern;
import io.rehearsal.twin.spec.AutoscalerSpec;
import io.rehearsal.twin.spec.DatabaseSpec;
import io.rehearsal.twin.spec.DependencySpec;
import io.rehearsal.twin.spec.HostSpec;
import io.rehearsal.twin.spec.RateLimitSpec;
import io.rehearsal.twin.spec.ServiceSpec;
import io.rehearsal.twin.spec.SessionSpec;
import io.rehearsal.twin.spec.TrafficSpec;
import io.rehearsal.twin.spec.TwinSpec;
import java.util.List;

/**
 * Scales a whole system by a factor: the same shop serving k times the traffic with k times the
 * capacity — traffic and session rates, replicas and autoscaler bounds, host cores, database
 * connection pools and dependency rate limits all multiplied by k (counts rounded up) — so that
 * utilisations, and so the queueing regime, stay those of the original. Scaling traffic alone would
 * measure an overloaded system instead.
 */
public final class SpecScaling {
  private SpecScaling() {}

  /** The spec scaled by {@code factor} (> 0). */
  public static TwinSpec scale(TwinSpec spec, double factor) {
    if (!(factor > 0) || Double.isInfinite(factor)) {
      throw new IllegalArgumentException("factor must be > 0, but was " + factor);
    }
    return new TwinSpec(
        spec.name(),
        spec.version(),
        spec.hosts().stream()
            .map(h -> new HostSpec(h.name(), h.cores() * factor, h.region(), h.scheduling()))
            .toList(),
        spec.regions(),
        spec.links(),
        spec.services().stream().map(s -> service(s, factor)).toList(),
        spec.dependencies().stream().map(d -> dependency(d, factor)).toList(),
        spec.caches(),
        spec.databases().stream()
            .map(
                d ->
                    new DatabaseSpec(
                        d.name(), d.query(), up(d.connections(), factor), d.replicationLag()))
            .toList(),
        spec.traffic().stream()
            .map(t -> new TrafficSpec(t.endpoint(), scale(t.arrivals(), factor)))
            .toList(),
        spec.sessions().stream().map(s -> session(s, factor)).toList(),
        spec.slos());
  }

  /** The mean entry request rate of a spec: open-loop traffic plus session steps. */
  public static double meanRequestRate(TwinSpec spec) {
    double rate = spec.traffic().stream().mapToDouble(t -> meanRate(t.arrivals())).sum();
    for (SessionSpec s : spec.sessions()) {
      rate += meanRate(s.starts()) * s.steps().size();
    }
    return rate;
  }

  /** The long-run mean rate of an arrival pattern. */
  static double meanRate(ArrivalPattern pattern) {
    if (pattern instanceof ArrivalPattern.Poisson p) {
      return p.rate();
    } else if (pattern instanceof ArrivalPattern.Diurnal d) {
      return d.mean();
    } else if (pattern instanceof ArrivalPattern.Burst b) {
      double share = b.every() > 0 ? Math.min(1, b.duration() / b.every()) : 0;
      return b.base() + (b.peak() - b.base()) * share;
    }
    List<Double> rates = ((ArrivalPattern.Replay) pattern).rates();
    return rates.stream().mapToDouble(Double::doubleValue).average().orElse(0);
  }

  static ArrivalPattern scale(ArrivalPattern pattern, double k) {
    if (pattern instanceof ArrivalPattern.Poisson p) {
      return new ArrivalPattern.Poisson(p.rate() * k);
    } else if (pattern instanceof ArrivalPattern.Diurnal d) {
      return new ArrivalPattern.Diurnal(d.mean() * k, d.amplitude(), d.period(), d.phase());
    } else if (pattern instanceof ArrivalPattern.Burst b) {
      return new ArrivalPattern.Burst(
          b.base() * k, b.peak() * k, b.start(), b.duration(), b.every());
    }
    ArrivalPattern.Replay r = (ArrivalPattern.Replay) pattern;
    return new ArrivalPattern.Replay(r.step(), r.rates().stream().map(x -> x * k).toList());
  }

  private static ServiceSpec service(ServiceSpec s, double k) {
    return new ServiceSpec(
        s.name(),
        s.version(),
        up(s.replicas(), k),
        s.workers(),
        s.queueLimit(),
        s.startup(),
        s.placement(),
        autoscaler(s.autoscaler(), k),
        s.endpoints());
  }

  private static AutoscalerSpec autoscaler(AutoscalerSpec a, double k) {
    if (a == null) {
      return null;
    }
    return new AutoscalerSpec(
        a.metric(),
        a.target(),
        up(a.min(), k),
        up(a.max(), k),
        a.period(),
        a.tolerance(),
        a.scaleUpWindow(),
        a.scaleDownWindow());
  }

  private static DependencySpec dependency(DependencySpec d, double k) {
    RateLimitSpec limit = d.rateLimit();
    return new DependencySpec(
        d.name(),
        d.latency(),
        limit == null ? null : new RateLimitSpec(limit.rate() * k, limit.burst() * k),
        d.errorRate());
  }

  private static SessionSpec session(SessionSpec s, double k) {
    return new SessionSpec(
        s.name(),
        scale(s.starts(), k),
        s.steps(),
        s.think(),
        s.retries(),
        s.retryDelay(),
        s.reauth());
  }

  /** {@code ceil(n * k)}, at least 1 when n is. */
  private static int up(int n, double k) {
    return (int) Math.ceil(n * k - 1e-9);
  }
}
