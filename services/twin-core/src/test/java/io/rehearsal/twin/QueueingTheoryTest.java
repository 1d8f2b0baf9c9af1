package io.rehearsal.twin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.rehearsal.twin.run.EndpointResult;
import io.rehearsal.twin.run.RunResult;
import io.rehearsal.twin.run.SimulationConfig;
import io.rehearsal.twin.spec.ArrivalPattern;
import io.rehearsal.twin.spec.CallSpec;
import io.rehearsal.twin.spec.Distribution;
import io.rehearsal.twin.spec.EndpointSpec;
import io.rehearsal.twin.spec.HostSpec;
import io.rehearsal.twin.spec.PlacementSpec;
import io.rehearsal.twin.spec.Scenario;
import io.rehearsal.twin.spec.ServiceSpec;
import io.rehearsal.twin.spec.TrafficSpec;
import io.rehearsal.twin.spec.TwinSpec;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The engine against closed-form queueing results (oracles from shared/data/queueing-oracles.md).
 * Tolerances come from the run: four Whitt standard errors for M/M/1, otherwise a 99.9% confidence
 * interval over 8 independent replications (see {@link Estimate}). Mean service time is 1 time unit
 * throughout.
 */
class QueueingTheoryTest {
  private static final int REPLICATIONS = 8;

  @ParameterizedTest(name = "rho={0}")
  @CsvSource({"0.5, 400000", "0.8, 1500000", "0.9, 3000000"})
  void shouldMatchMm1MeanResponseTimeWhenSingleServer(double rho, double duration) {
    RunResult r = Models.run(Models.station(1, null, Models.EXP1, rho), duration, 1000, 11);
    double expected = 1 / (1 - rho);
    // 4 standard errors of the time-average (Whitt): 0.5 -> 3.1%, 0.8 -> 3.5%, 0.9 -> 4.8%
    double tolerance = 4 * Models.mm1RelativeError(rho, duration);
    assertThat(r.endpoint("s/e").meanLatency() / expected)
        .as(
            "ORACLE M/M/1 rho=%s E[T] measured %.6f expected %.6f",
            rho, r.endpoint("s/e").meanLatency(), expected)
        .isCloseTo(1, within(tolerance));
  }

  @Test
  void shouldMeasureSpansFromTheStartOfHandlingAndLatencyFromArrivalWhenRequestsQueue() {
    double duration = 400_000;
    SimulationConfig config = SimulationConfig.of(duration).withBucket(duration / 10);
    RunResult r =
        new Simulation(Models.station(1, null, Models.EXP1, 0.8), Scenario.NONE, config, 17).run(0);
    // M/M/1 FIFO at rho 0.8: a request's service time is independent of its wait, so its span
    // (handling only) is Exp(1): median ln 2 = 0.693, p99 ln 100 = 4.605; its latency from arrival
    // is Exp(1 - rho): median 3.466. Each 40,000-s bucket holds ~32,000 requests: the
    // median's standard error is 0.0056 and the p99's 0.056; tolerances are ~5 of them, which also
    // cover the histograms' 1 % resolution.
    for (EndpointResult.BucketResult b : r.endpoint("s/e").buckets()) {
      assertThat(b.spanP50()).as("span p50 at %s", b.start()).isCloseTo(Math.log(2), within(0.03));
      assertThat(b.spanP99()).as("span p99 at %s", b.start()).isCloseTo(Math.log(100), within(0.3));
      // the queue is in the latency from arrival (a bucket's median of it wanders with the queue)
      assertThat(b.p50()).as("p50 at %s", b.start()).isGreaterThan(3 * b.spanP50());
    }
  }

  @Test
  void shouldMatchErlangCWhenFourServersAtLoadThreePointTwo() {
    List<RunResult> runs = replicate(Models.station(4, null, Models.EXP1, 3.2), 400_000);
    Estimate wait = Estimate.of(runs, r -> r.endpoint("s/e").waitedFraction());
    Estimate wq = Estimate.of(runs, r -> r.endpoint("s/e").meanQueueWait());
    assertThat(wait.covers(0.596432))
        .as("ORACLE M/M/4 P(wait) %s expected 0.596432", wait)
        .isTrue();
    assertThat(wq.covers(0.745541)).as("ORACLE M/M/4 E[Wq] %s expected 0.745541", wq).isTrue();
  }

  @Test
  void shouldMatchPollaczekKhinchineWhenDeterministicServiceAtRhoPointNine() {
    List<RunResult> runs =
        replicate(Models.station(1, null, new Distribution.Constant(1), 0.9), 800_000);
    Estimate t = Estimate.of(runs, r -> r.endpoint("s/e").meanLatency());
    assertThat(t.covers(5.5)).as("ORACLE M/D/1 rho=0.9 E[T] %s expected 5.5", t).isTrue();
  }

  @Test
  void shouldAddStationSojournsWhenTandemOfAsynchronousStations() {
    EndpointSpec front =
        new EndpointSpec("e", Models.EXP1, 0.0, 0.0, false, List.of(CallSpec.to("b/e")));
    TwinSpec spec =
        TwinSpec.builder("tandem")
            .service(ServiceSpec.of("a", 1, front))
            .service(
                ServiceSpec.of("b", 1, EndpointSpec.of("e", new Distribution.Exponential(1.25))))
            .traffic(new TrafficSpec("a/e", new ArrivalPattern.Poisson(0.5)))
            .build();
    List<RunResult> runs = replicate(spec, 500_000);
    double expected = 1 / (1 - 0.5) + 1.25 / (1 - 0.625);
    Estimate t = Estimate.of(runs, r -> r.endpoint("a/e").meanLatency());
    assertThat(t.covers(expected))
        .as("ORACLE Tandem M/M/1 (Jackson) E[T] %s expected %.6f", t, expected)
        .isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"exponential", "constant", "lognormal"})
  void shouldMatchProcessorSharingWhateverTheServiceTimeShape(String shape) {
    Distribution service =
        switch (shape) {
          case "constant" -> new Distribution.Constant(1);
          case "lognormal" -> lognormalWithUnitMean();
          default -> Models.EXP1;
        };
    TwinSpec spec = psHost(service, 0.8);
    List<RunResult> runs = replicate(spec, 300_000);
    Estimate t = Estimate.of(runs, r -> r.endpoint("s/e").meanLatency());
    assertThat(t.covers(5.0))
        .as("ORACLE M/G/1-PS %s rho=0.8 E[T] %s expected 5.0", shape, t)
        .isTrue();
  }

  private static Distribution lognormalWithUnitMean() {
    double p50 = Math.exp(-0.5);
    return new Distribution.LogNormal(p50, p50 * Math.exp(Distribution.Z99));
  }

  private static TwinSpec psHost(Distribution service, double rate) {
    EndpointSpec e = new EndpointSpec("e", service, 1.0, 0.0, true, List.of());
    PlacementSpec placement = new PlacementSpec(List.of("h"), 1, 1);
    ServiceSpec s = new ServiceSpec("s", "1", 1, 100_000, null, null, placement, null, List.of(e));
    return TwinSpec.builder("ps")
        .host(new HostSpec("h", 1, null))
        .service(s)
        .traffic(new TrafficSpec("s/e", new ArrivalPattern.Poisson(rate)))
        .build();
  }

  @Test
  void shouldMatchMm1kBlockingWhenQueueIsBounded() {
    List<RunResult> runs = replicate(Models.station(1, 9, Models.EXP1, 0.9), 600_000);
    Estimate block =
        Estimate.of(runs, r -> (double) r.endpoint("s/e").rejected() / r.endpoint("s/e").total());
    assertThat(block.covers(0.0508137))
        .as("ORACLE M/M/1/10 rho=0.9 P(block) %s expected 0.0508137", block)
        .isTrue();
  }

  @Test
  void shouldSatisfyLittlesLawWhenStationIsStable() {
    RunResult r = Models.run(Models.station(2, null, Models.EXP1, 1.6), 200_000, 1000, 5);
    double littleL = r.arrivalRate() * r.meanLatency();
    // L and lambda*W are computed from the same sample path; they differ only by edge effects
    // (requests in flight at the window's ends), O(L / (lambda T)) ~ 1e-4 here, so 0.5% is loose.
    assertThat(r.meanInSystem())
        .as("ORACLE Little L vs lambda W")
        .isCloseTo(littleL, within(0.005 * littleL));
  }

  private static List<RunResult> replicate(TwinSpec spec, double duration) {
    SimulationConfig config = SimulationConfig.of(duration).withWarmup(duration / 50);
    return new Simulation(spec, Scenario.NONE, config, 2024).runReplications(REPLICATIONS, 2);
  }
}
