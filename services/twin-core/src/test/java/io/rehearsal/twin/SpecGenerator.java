package io.rehearsal.twin;

import io.rehearsal.twin.random.RandomStream;
import io.rehearsal.twin.spec.ArrivalPattern;
import io.rehearsal.twin.spec.AutoscalerSpec;
import io.rehearsal.twin.spec.BreakerSpec;
import io.rehearsal.twin.spec.CacheSpec;
import io.rehearsal.twin.spec.CallSpec;
import io.rehearsal.twin.spec.DatabaseSpec;
import io.rehearsal.twin.spec.DependencySpec;
import io.rehearsal.twin.spec.Distribution;
import io.rehearsal.twin.spec.EndpointSpec;
import io.rehearsal.twin.spec.HostSpec;
import io.rehearsal.twin.spec.LinkSpec;
import io.rehearsal.twin.spec.PlacementSpec;
import io.rehearsal.twin.spec.RateLimitSpec;
import io.rehearsal.twin.spec.RegionSpec;
import io.rehearsal.twin.spec.RetrySpec;
import io.rehearsal.twin.spec.ScalingMetric;
import io.rehearsal.twin.spec.ServiceSpec;
import io.rehearsal.twin.spec.SessionSpec;
import io.rehearsal.twin.spec.SloSpec;
import io.rehearsal.twin.spec.TrafficSpec;
import io.rehearsal.twin.spec.TwinSpec;
import java.util.ArrayList;
import java.util.List;

/** Generates random valid twin specs (a layered call DAG) from a seed, for property tests. */
final class SpecGenerator {
  private final RandomStream r;

  SpecGenerator(long seed) {
    this.r = new RandomStream(seed);
  }

  TwinSpec generate() {
    TwinSpec.Builder b = TwinSpec.builder("generated");
    b.region(new RegionSpec("eu", 1 + r.nextInt(3))).region(new RegionSpec("us", 1));
    b.link(new LinkSpec("eu", "us", 0.04));
    b.host(new HostSpec("h0", 4, "eu")).host(new HostSpec("h1", 8, "us"));
    b.dependency(new DependencySpec("gw", distribution(), new RateLimitSpec(50, 10), 0.01));
    b.database(new DatabaseSpec("db", distribution(), 1 + r.nextInt(20), 0.5));
    b.cache(new CacheSpec("cache", r.nextDouble(), distribution(), distribution(), "db"));
    int services = 1 + r.nextInt(6);
    List<String> endpoints = new ArrayList<>();
    for (int s = services - 1; s >= 0; s--) {
      List<EndpointSpec> eps = new ArrayList<>();
      for (int e = 0; e < 1 + r.nextInt(3); e++) {
        eps.add(endpoint("GET /e" + e, endpoints));
      }
      String name = "svc" + s;
      b.service(service(name, eps));
      eps.forEach(e -> endpoints.add(name + "/" + e.name()));
    }
    String entry = endpoints.get(endpoints.size() - 1);
    b.traffic(new TrafficSpec(entry, pattern()));
    b.session(
        new SessionSpec(
            "users",
            new ArrivalPattern.Poisson(1),
            List.of(entry),
            distribution(),
            2,
            0.5,
            endpoints.get(0)));
    b.slo(new SloSpec(entry, 99, 0.5, 0.999));
    return b.build();
  }

  private ServiceSpec service(String name, List<EndpointSpec> endpoints) {
    PlacementSpec placement =
        r.nextBoolean(0.5) ? new PlacementSpec(List.of("h0", "h1"), 0.5, 1) : null;
    AutoscalerSpec hpa =
        r.nextBoolean(0.5)
            ? new AutoscalerSpec(
                ScalingMetric.values()[r.nextInt(3)], 0.6, 1, 10, null, null, null, 60.0)
            : null;
    return new ServiceSpec(
        name,
        "v" + r.nextInt(9),
        1 + r.nextInt(4),
        1 + r.nextInt(16),
        r.nextBoolean(0.5) ? 100 : null,
        distribution(),
        placement,
        hpa,
        endpoints);
  }

  private EndpointSpec endpoint(String name, List<String> downstream) {
    List<CallSpec> calls = new ArrayList<>();
    for (int i = 0; i < r.nextInt(4) && !downstream.isEmpty(); i++) {
      calls.add(call(downstream.get(r.nextInt(downstream.size()))));
    }
    if (r.nextBoolean(0.3)) {
      calls.add(call(r.nextBoolean(0.5) ? "gw" : "cache"));
    }
    return new EndpointSpec(
        name, distribution(), r.nextDouble(), r.nextDouble() * 0.01, r.nextBoolean(0.8), calls);
  }

  private CallSpec call(String to) {
    RetrySpec retry = r.nextBoolean(0.5) ? new RetrySpec(r.nextInt(4), 0.05, 2.0, 1.0, 0.5) : null;
    BreakerSpec breaker = r.nextBoolean(0.3) ? new BreakerSpec(0.5, 20, 10, 5, 3) : null;
    return new CallSpec(
        to,
        r.nextInt(3),
        0.5 + r.nextDouble() / 2,
        r.nextBoolean(0.5) ? 1.0 : 0.0,
        retry,
        breaker,
        r.nextBoolean(0.2));
  }

  private Distribution distribution() {
    return switch (r.nextInt(5)) {
      case 0 -> new Distribution.Constant(r.nextDouble() / 10);
      case 1 -> new Distribution.Exponential(0.001 + r.nextDouble() / 10);
      case 2 -> new Distribution.LogNormal(0.01, 0.01 + r.nextDouble());
      case 3 -> new Distribution.Gamma(0.5 + r.nextDouble() * 3, 0.001 + r.nextDouble() / 10);
      default -> new Distribution.Empirical(List.of(0.001, 0.01, 0.02, 0.5));
    };
  }

  private ArrivalPattern pattern() {
    return switch (r.nextInt(4)) {
      case 0 -> new ArrivalPattern.Poisson(1 + r.nextInt(100));
      case 1 -> new ArrivalPattern.Diurnal(50, 0.5, 86400, 0);
      case 2 -> new ArrivalPattern.Burst(10, 100, 60, 30, 0);
      default -> new ArrivalPattern.Replay(60, List.of(10.0, 20.0, 15.0));
    };
  }
}
