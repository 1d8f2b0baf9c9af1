package io.rehearsal.twin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.rehearsal.twin.run.DependencyResult;
import io.rehearsal.twin.run.EndpointResult;
import io.rehearsal.twin.run.RunResult;
import io.rehearsal.twin.run.ServiceResult;
import io.rehearsal.twin.run.SimulationConfig;
import io.rehearsal.twin.spec.ArrivalPattern;
import io.rehearsal.twin.spec.AutoscalerSpec;
import io.rehearsal.twin.spec.CallSpec;
import io.rehearsal.twin.spec.DependencySpec;
import io.rehearsal.twin.spec.Distribution;
import io.rehearsal.twin.spec.EndpointSpec;
import io.rehearsal.twin.spec.Fault;
import io.rehearsal.twin.spec.FaultKind;
import io.rehearsal.twin.spec.RateLimitSpec;
import io.rehearsal.twin.spec.Remediation;
import io.rehearsal.twin.spec.RemediationKind;
import io.rehearsal.twin.spec.RetrySpec;
import io.rehearsal.twin.spec.ScalingMetric;
import io.rehearsal.twin.spec.Scenario;
import io.rehearsal.twin.spec.ServiceSpec;
import io.rehearsal.twin.spec.SloSpec;
import io.rehearsal.twin.spec.TrafficSpec;
import io.rehearsal.twin.spec.TwinSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Faults, remediations, rate limits, retries and autoscaling in small, checkable systems. */
class ScenarioTest {
  private static final Distribution FAST = new Distribution.Exponential(0.01);

  private static TwinSpec chain(int replicas, Distribution startup, double rate) {
    ServiceSpec api =
        new ServiceSpec(
            "api",
            "1",
            replicas,
            4,
            100,
            startup,
            null,
            null,
            List.of(EndpointSpec.of("GET /", FAST)));
    return TwinSpec.builder("chain")
        .service(api)
        .traffic(new TrafficSpec("api/GET /", new ArrivalPattern.Poisson(rate)))
        .slo(new SloSpec("api/GET /", 99, 0.5, 0.99))
        .build();
  }

  @Test
  void shouldGiveIdenticalResultsWhenSeedIsEqualAndThreadCountDiffers() {
    Simulation sim =
        new Simulation(chain(2, null, 100), Scenario.NONE, SimulationConfig.of(300), 9);
    List<RunResult> one = sim.runReplications(4, 1);
    List<RunResult> two = sim.runReplications(4, 2);
    assertThat(two).isEqualTo(one);
    assertThat(sim.run(2)).isEqualTo(one.get(2));
    assertThat(one.get(0).endpoints()).isNotEqualTo(one.get(1).endpoints());
  }

  @Test
  void shouldAdmitTheBucketRateWhenDependencyIsOverloaded() {
    DependencySpec gateway =
        new DependencySpec("gw", new Distribution.Constant(0.01), new RateLimitSpec(50, 10), 0.0);
    EndpointSpec pay = new EndpointSpec("pay", FAST, 0.0, 0.0, true, List.of(CallSpec.to("gw")));
    TwinSpec spec =
        TwinSpec.builder("bucket")
            .dependency(gateway)
            .service(ServiceSpec.of("api", 1000, pay))
            .traffic(new TrafficSpec("api/pay", new ArrivalPattern.Poisson(100)))
            .build();
    double duration = 2000;
    RunResult r = new Simulation(spec, Scenario.NONE, SimulationConfig.of(duration), 4).run(0);
    double admitted = r.dependency("gw").admitted() / duration;
    // At most rate * T + burst tokens exist; offered load is twice the rate, so the bucket is
    // almost never full: admitted = 50/s within (burst / T) + 0.5%.
    assertThat(admitted)
        .as("ORACLE token bucket admitted per second")
        .isCloseTo(50, within(50 * 0.005 + 10 / duration));
    assertThat(r.endpoint("api/pay").errorRate()).isCloseTo(0.5, within(0.01));
  }

  @Test
  void shouldShiftEveryCallByTheDelayWhenTheDependencyIsDelayed() {
    DependencySpec gateway = new DependencySpec("gw", new Distribution.Exponential(0.1), null, 0.0);
    EndpointSpec pay =
        new EndpointSpec(
            "pay", new Distribution.Constant(0.01), 0.0, 0.0, true, List.of(CallSpec.to("gw")));
    TwinSpec spec =
        TwinSpec.builder("delay")
            .dependency(gateway)
            .service(ServiceSpec.of("api", 1000, pay))
            .traffic(new TrafficSpec("api/pay", new ArrivalPattern.Poisson(20)))
            .build();
    Scenario delayed =
        new Scenario(
            "delay",
            List.of(new Fault(FaultKind.DEPENDENCY_DELAY, 0, 0.0, "gw", 0.05, null)),
            List.of());
    SimulationConfig config = SimulationConfig.of(500);
    EndpointResult healthy =
        new Simulation(spec, Scenario.NONE, config, 1).run(0).endpoint("api/pay");
    EndpointResult slow = new Simulation(spec, delayed, config, 1).run(0).endpoint("api/pay");
    // Common random numbers and 1,000 workers (no queueing): every request draws the same gateway
    // latency in both runs, so every latency and every percentile moves by exactly 50 ms, up to
    // the histogram's 3 significant digits (0.5 ms at the p99 of ~0.47 s). A stretch would move
    // the p99 about seven times as far as the p50.
    assertThat(slow.p50() - healthy.p50()).isCloseTo(0.05, within(0.001));
    assertThat(slow.p99() - healthy.p99()).isCloseTo(0.05, within(0.002));
  }

  @Test
  void shouldCountADependencyCallAsFailedWhenItOutlastsTheCallersTimeout() {
    DependencySpec gateway = new DependencySpec("gw", new Distribution.Exponential(0.1), null, 0.0);
    CallSpec call = new CallSpec("gw", 0, 1.0, 0.1, null, null, false);
    EndpointSpec pay = new EndpointSpec("pay", FAST, 0.0, 0.0, true, List.of(call));
    TwinSpec spec =
        TwinSpec.builder("late")
            .dependency(gateway)
            .service(ServiceSpec.of("api", 1000, pay))
            .traffic(new TrafficSpec("api/pay", new ArrivalPattern.Poisson(50)))
            .build();
    RunResult r =
        new Simulation(spec, Scenario.NONE, SimulationConfig.of(2000).withBucket(100), 1).run(0);
    DependencyResult d = r.dependency("gw");
    long ok = d.buckets().stream().mapToLong(EndpointResult.BucketResult::ok).sum();
    long failed = d.buckets().stream().mapToLong(EndpointResult.BucketResult::failed).sum();
    // P(Exp(mean 0.1 s) > 0.1 s) = 1/e; ~100k calls, s.e. 0.0015, 0.008 is five of them.
    assertThat((double) failed / (ok + failed)).isCloseTo(Math.exp(-1), within(0.008));
    assertThat(ok + failed).isEqualTo(d.calls());
    // the ok ones are those under the timeout: their median is that of Exp truncated at 0.1 s
    double truncatedMedian = -0.1 * Math.log(1 - 0.5 * (1 - Math.exp(-1)));
    assertThat(d.buckets().get(10).p50()).isCloseTo(truncatedMedian, within(0.004));
  }

  @Test
  void shouldFailBeforeSelfTimeAndCallsWhenErrorsAreInjected() {
    CallSpec call = CallSpec.to("b/op");
    EndpointSpec front =
        new EndpointSpec("op", new Distribution.Constant(0.05), 0.0, 0.0, true, List.of(call));
    EndpointSpec back = EndpointSpec.of("op", new Distribution.Constant(0.02));
    TwinSpec spec =
        TwinSpec.builder("abort")
            .service(ServiceSpec.of("a", 1000, front))
            .service(ServiceSpec.of("b", 1000, back))
            .traffic(new TrafficSpec("a/op", new ArrivalPattern.Poisson(50)))
            .build();
    Scenario abort =
        new Scenario(
            "abort", List.of(new Fault(FaultKind.ERROR_RATE, 0, 0.0, "a", 0.3, null)), List.of());
    RunResult r = new Simulation(spec, abort, SimulationConfig.of(2000), 1).run(0);
    EndpointResult a = r.endpoint("a/op");
    // ~100k requests: the error share's s.e. is 0.0015; 0.007 is under five of them.
    assertThat(a.errorRate()).isCloseTo(0.3, within(0.007));
    // An aborted request never calls b and takes no time; the others take 50 + 20 ms exactly.
    assertThat(r.endpoint("b/op").total()).isEqualTo(a.ok());
    assertThat(a.meanLatency()).isCloseTo((1 - a.errorRate()) * 0.07, within(1e-9));
  }

  @Test
  void shouldFailAWholeBackedUpQueueWhenEveryRequestIsAborted() {
    // 1 worker, unbounded queue, ten times overloaded: ~9,000 requests wait when every request
    // starts failing at once; they must all fail without the engine's stack growing with them.
    TwinSpec spec = Models.station(1, null, Models.EXP1, 10);
    Scenario abort =
        new Scenario(
            "abort",
            List.of(new Fault(FaultKind.ERROR_RATE, 1000, 0.0, "s", 1.0, null)),
            List.of());
    RunResult r = new Simulation(spec, abort, SimulationConfig.of(1100), 1).run(0);
    EndpointResult e = r.endpoint("s/e");
    // ~1,000 served before the fault; everything queued or arriving after it fails at once, so
    // every one of the ~11,000 arrivals (Poisson, s.d. 105) has completed by the end
    assertThat(e.ok()).isBetween(900L, 1100L);
    assertThat(e.ok() + e.errors()).isBetween(10_685L, 11_315L);
  }

  @Test
  void shouldQueueLikeOneServerWhenFourWorkersAreCutToOne() {
    double rho = 0.5;
    double duration = 400_000;
    Scenario cut =
        new Scenario(
            "cut", List.of(new Fault(FaultKind.WORKER_LOSS, 0, 0.0, "s", 1.0, null)), List.of());
    SimulationConfig config = SimulationConfig.of(duration).withWarmup(1000);
    RunResult r = new Simulation(Models.station(4, null, Models.EXP1, rho), cut, config, 12).run(0);
    // One worker left of four: an M/M/1 queue, E[T] = 1 / (1 - rho) = 2 (four workers: ~1.02).
    // Tolerance: 4 standard errors of the time average (Whitt), 3.1 %.
    double tolerance = 4 * Models.mm1RelativeError(rho, duration);
    assertThat(r.endpoint("s/e").meanLatency() / 2).isCloseTo(1, within(tolerance));
  }

  @Test
  void shouldQueueLikeAnMg1WithTheServiceTimeShiftedWhenAServiceDelayIsAdded() {
    double duration = 400_000;
    Scenario delayed =
        new Scenario(
            "delay",
            List.of(new Fault(FaultKind.SERVICE_DELAY, 0, 0.0, "s", 0.5, null)),
            List.of());
    SimulationConfig config = SimulationConfig.of(duration).withWarmup(1000);
    RunResult r =
        new Simulation(Models.station(1, null, Models.EXP1, 0.4), delayed, config, 12).run(0);
    // Exp(1) self time plus a 0.5 s wait that holds the worker, 0.4 arrivals/s on one worker: an
    // M/G/1 queue with E[S] = 1.5, E[S^2] = 1 + 1.5^2 = 3.25, rho = 0.6. Pollaczek-Khinchine:
    // E[T] = E[S] + lambda E[S^2] / (2 (1 - rho)) = 1.5 + 1.625 = 3.125 (a delay that did not hold
    // the worker would give M/M/1 at 0.4 plus 0.5: 2.167). Tolerance: 4 standard errors of an M/M/1
    // time average at the same load (Whitt), which bounds this less variable service (SCV 0.44).
    double tolerance = 4 * Models.mm1RelativeError(0.6, duration);
    assertThat(r.endpoint("s/e").meanLatency() / 3.125).isCloseTo(1, within(tolerance));
  }

  @Test
  void shouldShiftEveryRequestByTheDelayAndDrawNothingWhenNothingQueues() {
    // 50 arrivals/s for 500 s, then none: every request has finished well before the run ends
    TwinSpec spec =
        TwinSpec.builder("quiet")
            .service(ServiceSpec.of("s", 1000, EndpointSpec.of("e", FAST)))
            .traffic(
                new TrafficSpec(
                    "s/e",
                    new ArrivalPattern.Replay(100, List.of(50.0, 50.0, 50.0, 50.0, 50.0, 0.0))))
            .build();
    Scenario delayed =
        new Scenario(
            "delay",
            List.of(new Fault(FaultKind.SERVICE_DELAY, 0, 0.0, "s", 0.25, null)),
            List.of());
    SimulationConfig config = SimulationConfig.of(600);

    EndpointResult before = new Simulation(spec, Scenario.NONE, config, 1).run(0).endpoint("s/e");
    EndpointResult after = new Simulation(spec, delayed, config, 1).run(0).endpoint("s/e");

    // Same seed, same arrivals and self times (the delay draws no random number); with 1,000
    // workers nobody waits, so each request takes exactly 0.25 s more.
    assertThat(after.total()).isEqualTo(before.total());
    assertThat(after.meanLatency() - before.meanLatency()).isCloseTo(0.25, within(1e-9));
  }

  @Test
  void shouldServeWithAllWorkersAgainWhenTheWorkerLossEnds() {
    Scenario cut =
        new Scenario(
            "cut",
            List.of(new Fault(FaultKind.WORKER_LOSS, 100, 100.0, "s", 1.0, null)),
            List.of());
    SimulationConfig config = SimulationConfig.of(400).withBucket(10);
    RunResult r = new Simulation(Models.station(4, null, Models.EXP1, 1.6), cut, config, 3).run(0);
    List<EndpointResult.BucketResult> b = r.endpoint("s/e").buckets();
    // 1.6/s on one worker of mean 1 s: the queue grows by ~60 in 100 s and p50 climbs well past
    // 10 s; four workers at load 0.4 drain it within a minute and serve at ~1 s again.
    assertThat(b.get(19).p50()).isGreaterThan(10);
    assertThat(
            b.subList(30, 40).stream()
                .mapToDouble(EndpointResult.BucketResult::p50)
                .max()
                .orElseThrow())
        .isLessThan(2.5);
    assertThat(r.endpoint("s/e").total()).isGreaterThan((long) (1.6 * 400 * 0.9));
  }

  @Test
  void shouldAmplifyLoadByTheRetryFactorWhenDownstreamFailsHalfTheTime() {
    RetrySpec retry = new RetrySpec(3, 0.01, 2.0, 1.0, 0.5);
    CallSpec call = new CallSpec("b/op", 0, 1.0, 0.0, retry, null, false);
    EndpointSpec front = new EndpointSpec("op", FAST, 0.0, 0.0, true, List.of(call));
    EndpointSpec flaky = new EndpointSpec("op", FAST, 0.0, 0.5, true, List.of());
    TwinSpec spec =
        TwinSpec.builder("storm")
            .service(ServiceSpec.of("a", 1000, front))
            .service(ServiceSpec.of("b", 1000, flaky))
            .traffic(new TrafficSpec("a/op", new ArrivalPattern.Poisson(50)))
            .build();
    RunResult r = new Simulation(spec, Scenario.NONE, SimulationConfig.of(2000), 5).run(0);
    double amplification = (double) r.endpoint("b/op").total() / r.endpoint("a/op").total();
    double expected = (1 - Math.pow(0.5, 4)) / (1 - 0.5);
    // Attempts per request are 1 + Bernoulli sums with variance ~0.9; over 100k requests the s.e.
    // of the ratio is ~0.003; 0.015 is five of them.
    assertThat(amplification).as("ORACLE retry amplification").isCloseTo(expected, within(0.015));
    assertThat(r.endpoint("a/op").errorRate()).isCloseTo(Math.pow(0.5, 4), within(0.005));
  }

  @Test
  void shouldServeAgainAfterStartupLatencyWhenReplicaCrashes() {
    TwinSpec spec = chain(1, new Distribution.Constant(20), 50);
    Scenario crash =
        new Scenario(
            "crash",
            List.of(new Fault(FaultKind.REPLICA_CRASH, 100, 0.0, "api", 1.0, null)),
            List.of());
    RunResult r = new Simulation(spec, crash, SimulationConfig.of(300).withBucket(10), 1).run(0);
    List<Integer> ready = r.service("api").readyPerBucket();
    assertThat(ready.get(9)).isEqualTo(1);
    assertThat(ready.subList(11, 12)).containsOnly(0);
    assertThat(ready.get(13)).isEqualTo(1);
    assertThat(r.endpoint("api/GET /").rejected()).isBetween(900L, 1100L);
    assertThat(r.timeToRecover()).isCloseTo(20, within(10.0));
  }

  @Test
  void shouldRestoreLatencyWhenBadVersionIsRolledBack() {
    TwinSpec spec = chain(2, new Distribution.Constant(5), 50);
    Fault slow = new Fault(FaultKind.LATENCY, 100, 0.0, "api", 30.0, null);
    Scenario incident = new Scenario("bad deploy", List.of(slow), List.of());
    Scenario rollback =
        incident.with(
            "rollback", List.of(Remediation.of(RemediationKind.ROLLBACK, 150, "api", null)));
    SimulationConfig config = SimulationConfig.of(400).withBucket(10);
    RunResult broken = new Simulation(spec, incident, config, 1).run(0);
    RunResult fixed = new Simulation(spec, rollback, config, 1).run(0);
    double lateBroken = broken.endpoint("api/GET /").buckets().get(35).p50();
    double lateFixed = fixed.endpoint("api/GET /").buckets().get(35).p50();
    assertThat(lateBroken).isGreaterThan(0.1);
    assertThat(lateFixed).isLessThan(0.02);
    assertThat(Double.isNaN(broken.timeToRecover())).isTrue();
    assertThat(fixed.timeToRecover()).isBetween(50.0, 100.0);
  }

  @Test
  void shouldRestoreLatencyAndKeepTheReplicaCountWhenADegradedServiceIsRestarted() {
    TwinSpec spec = chain(2, new Distribution.Constant(5), 50);
    Fault slow = new Fault(FaultKind.LATENCY, 100, 0.0, "api", 30.0, null);
    Scenario incident = new Scenario("degraded process", List.of(slow), List.of());
    Scenario restart =
        incident.with(
            "restart", List.of(Remediation.of(RemediationKind.RESTART, 150, "api", null)));
    SimulationConfig config = SimulationConfig.of(400).withBucket(10);
    RunResult broken = new Simulation(spec, incident, config, 1).run(0);
    RunResult fixed = new Simulation(spec, restart, config, 1).run(0);
    assertThat(broken.endpoint("api/GET /").buckets().get(35).p50()).isGreaterThan(0.1);
    assertThat(fixed.endpoint("api/GET /").buckets().get(35).p50()).isLessThan(0.02);
    // a rolling restart with a surge of one: never fewer ready replicas than before it
    assertThat(fixed.service("api").readyPerBucket().subList(10, 40)).allMatch(n -> n >= 2);
    assertThat(fixed.timeToRecover()).isBetween(50.0, 100.0);
  }

  @Test
  void shouldAddCapacityOnlyAfterStartupWhenScaledUp() {
    TwinSpec spec = chain(1, new Distribution.Constant(30), 10);
    Scenario scale =
        new Scenario(
            "scale", List.of(), List.of(Remediation.of(RemediationKind.SCALE, 100, "api", 3.0)));
    RunResult r = new Simulation(spec, scale, SimulationConfig.of(300).withBucket(10), 1).run(0);
    List<Integer> ready = r.service("api").readyPerBucket();
    assertThat(ready.subList(0, 13)).containsOnly(1);
    assertThat(ready.subList(14, 30)).containsOnly(3);
  }

  @Test
  void shouldFollowTheHpaFormulaStepByStepWhenLoadRises() {
    AutoscalerSpec hpa =
        new AutoscalerSpec(ScalingMetric.UTILIZATION, 0.5, 1, 20, 15.0, 0.1, 0.0, 60.0);
    ServiceSpec api =
        new ServiceSpec(
            "api",
            "1",
            1,
            1,
            null,
            new Distribution.Constant(10),
            null,
            hpa,
            List.of(EndpointSpec.of("GET /", new Distribution.Constant(0.1))));
    TwinSpec spec =
        TwinSpec.builder("hpa")
            .service(api)
            .traffic(new TrafficSpec("api/GET /", new ArrivalPattern.Burst(5, 40, 100, 400, 0)))
            .build();
    RunResult r = new Simulation(spec, Scenario.NONE, SimulationConfig.of(700), 2).run(0);
    List<ServiceResult.ScalingDecision> decisions = r.service("api").decisions();
    assertThat(decisions).hasSizeGreaterThan(30);
    Hpa reference = new Hpa(hpa);
    for (ServiceResult.ScalingDecision d : decisions) {
      int expected = reference.next(d.time(), d.current(), d.readyReplicas(), d.metric());
      assertThat(d.desired()).as("decision at t=%s", d.time()).isEqualTo(expected);
    }
    // 40 req/s of 0.1 s each is 4 busy workers; at target 0.5 that is 8 replicas.
    ServiceResult.ScalingDecision peak =
        decisions.stream().filter(d -> d.time() > 400 && d.time() < 500).findFirst().orElseThrow();
    assertThat(peak.desired()).isBetween(7, 10);
    assertThat(decisions.get(decisions.size() - 1).desired()).isBetween(1, 2);
  }

  /** An independent implementation of the Kubernetes HPA replica calculation and stabilisation. */
  private static final class Hpa {
    private final AutoscalerSpec spec;
    private final java.util.List<double[]> history = new java.util.ArrayList<>();

    Hpa(AutoscalerSpec spec) {
      this.spec = spec;
    }

    int next(double now, int current, double ready, double metric) {
      double ratio = metric / spec.target();
      int recommendation =
          Math.abs(1 - ratio) <= spec.tolerance() ? current : (int) Math.ceil(ready * ratio - 1e-9);
      history.add(new double[] {now, recommendation});
      int up = recommendation;
      int down = recommendation;
      for (double[] h : history) {
        if (h[0] > now - spec.scaleUpWindow()) {
          up = Math.min(up, (int) h[1]);
        }
        if (h[0] > now - spec.scaleDownWindow()) {
          down = Math.max(down, (int) h[1]);
        }
      }
      int desired = Math.min(Math.max(current, up), down);
      return Math.max(spec.min(), Math.min(spec.max(), desired));
    }
  }
}
