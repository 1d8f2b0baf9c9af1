package io.rehearsal.twin;

import io.rehearsal.twin.run.RunResult;
import io.rehearsal.twin.run.SimulationConfig;
import io.rehearsal.twin.spec.ArrivalPattern;
import io.rehearsal.twin.spec.Distribution;
import io.rehearsal.twin.spec.EndpointSpec;
import io.rehearsal.twin.spec.Scenario;
import io.rehearsal.twin.spec.ServiceSpec;
import io.rehearsal.twin.spec.TrafficSpec;
import io.rehearsal.twin.spec.TwinSpec;
import java.util.List;

/** Small twin specs for tests: single stations and tandems with unit mean service time. */
final class Models {
  static final Distribution EXP1 = new Distribution.Exponential(1);

  private Models() {}

  /** One replica with {@code workers} workers, a queue limit, Poisson arrivals at {@code rate}. */
  static TwinSpec station(int workers, Integer queueLimit, Distribution service, double rate) {
    ServiceSpec s =
        new ServiceSpec(
            "s",
            "1",
            1,
            workers,
            queueLimit,
            null,
            null,
            null,
            List.of(EndpointSpec.of("e", service)));
    return TwinSpec.builder("station")
        .service(s)
        .traffic(new TrafficSpec("s/e", new ArrivalPattern.Poisson(rate)))
        .build();
  }

  /**
   * Relative standard error of the time-average number in an M/M/1 system (mu = 1) after {@code t}
   * time units: sqrt(2 (1 + rho) / (rho (1 - rho)^2 t)) (Whitt 1989). Used to size tolerances.
   */
  static double mm1RelativeError(double rho, double t) {
    return Math.sqrt(2 * (1 + rho) / (rho * (1 - rho) * (1 - rho) * t));
  }

  static RunResult run(TwinSpec spec, double duration, double warmup, long seed) {
    SimulationConfig config = SimulationConfig.of(duration).withWarmup(warmup);
    return new Simulation(spec, Scenario.NONE, config, seed).run(0);
  }
}
