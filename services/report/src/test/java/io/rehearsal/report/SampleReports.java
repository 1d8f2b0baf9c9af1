package io.rehearsal.report;

import io.rehearsal.rehearse.Timeline;
import io.rehearsal.rehearse.evaluation.ArmOutcome;
import io.rehearsal.rehearse.evaluation.ArmPrediction;
import io.rehearsal.rehearse.evaluation.ArmSeries;
import io.rehearsal.rehearse.evaluation.BucketBand;
import io.rehearsal.rehearse.evaluation.BucketMean;
import io.rehearsal.rehearse.evaluation.CandidateEvidence;
import io.rehearsal.rehearse.evaluation.CandidateSet;
import io.rehearsal.rehearse.evaluation.EvaluationPlan;
import io.rehearsal.rehearse.evaluation.EvaluationResult;
import io.rehearsal.rehearse.evaluation.EvidenceFlag;
import io.rehearsal.rehearse.evaluation.Metric;
import io.rehearsal.rehearse.evaluation.MetricDifference;
import io.rehearsal.rehearse.evaluation.Objectives;
import io.rehearsal.rehearse.evaluation.OutcomeStatistics;
import io.rehearsal.rehearse.evaluation.PredictedSeries;
import io.rehearsal.rehearse.evaluation.Recommendation;
import io.rehearsal.rehearse.evaluation.ReplicationPolicy;
import io.rehearsal.rehearse.evaluation.Score;
import io.rehearsal.rehearse.evaluation.ScoreComponent;
import io.rehearsal.rehearse.fitting.EndpointSymptoms;
import io.rehearsal.rehearse.fitting.FaultHypothesis;
import io.rehearsal.rehearse.fitting.SymptomPoint;
import io.rehearsal.rehearse.fitting.Symptoms;
import io.rehearsal.rehearse.incident.Incident;
import io.rehearsal.twin.run.EndpointResult;
import io.rehearsal.twin.run.RunResult;
import io.rehearsal.twin.run.SimulationConfig;
import io.rehearsal.twin.run.SloResult;
import io.rehearsal.twin.spec.FaultKind;
import io.rehearsal.twin.spec.Scenario;
import io.rehearsal.twin.spec.TwinSpec;
import io.rehearsal.twin.spec.TwinSpecs;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.IntToDoubleFunction;
import org.HdrHistogram.Histogram;

/**
 * Small reports built by hand, with fixed figures (no simulation runs), so that renderings can be
 * compared byte for byte with golden files. The rehearsal: a one-service twin whose api was slowed
 * down threefold, four candidates (the fix, a costly help, a harmful one, one whose name is given)
 * and "do nothing" ranked between them; the series have an empty first bucket. The predicted bands
 * cover the 90 s after the decision in nine 10-s buckets; candidates act 5 s after it, "scale api
 * to 6" 25 s after it, and "scale api to 6" has no p99 in its fifth bucket.
 */
public final class SampleReports {
  /** The name of the fourth candidate unless a test picks another. */
  public static final String PLAIN_NAME = "limit api to 90/s";

  private static final String TWIN =
      """
      name: api-twin
      services:
        - name: api
          replicas: 2
          workers: 4
          endpoints:
            - name: GET /
              selfTime: {type: exponential, mean: 0.02}
      traffic:
        - {endpoint: api/GET /, arrivals: {type: poisson, rate: 100}}
      slos:
        - {endpoint: api/GET /, percentile: 99, latency: 0.3, availability: 0.99}
      """;
  private static final String CANDIDATES =
      """
      incident: bad-deploy
      candidates:
        - name: rollback api
          blastRadius: 0.5
          remediations: [{kind: ROLLBACK, target: api}]
        - name: scale api to 6
          blastRadius: 0.5
          cost: 2
          remediations: [{kind: SCALE, target: api, value: 6}]
        - name: scale api to 1
          remediations: [{kind: SCALE, target: api, value: 1}]
        - name: '%s'
          blastRadius: 0.25
          remediations: [{kind: RATE_LIMIT, target: api, value: 90}]
      """;

  private SampleReports() {}

  /** The rehearsal with its fourth candidate named {@link #PLAIN_NAME}. */
  public static RehearsalReport rehearsal() {
    return rehearsal(PLAIN_NAME);
  }

  /** The rehearsal with its fourth candidate named {@code name} (any text, markup included). */
  public static RehearsalReport rehearsal(String name) {
    TwinSpec twin = TwinSpecs.fromYaml(TWIN);
    CandidateSet set = CandidateSet.fromYaml(CANDIDATES.formatted(name.replace("'", "''")));
    Timeline timeline = Timeline.afterObservation(20, 40, 90, 10);
    List<FaultHypothesis> hypotheses =
        List.of(
            new FaultHypothesis(FaultKind.LATENCY, "api", 2.95, 0.125, 0.81, 0),
            new FaultHypothesis(FaultKind.REPLICA_CRASH, "api", 1, 0.5, 0.4, 2),
            new FaultHypothesis(FaultKind.ERROR_RATE, "api", 0.05, 0.75, 0.1, 0),
            new FaultHypothesis(FaultKind.WORKER_LOSS, "api", 2, 0.875, 0.0, 4));
    Scenario fault =
        new Scenario("fit", List.of(hypotheses.get(0).toFault(timeline.onset(), 130)), List.of());
    EvaluationPlan plan =
        new EvaluationPlan(
            twin,
            fault,
            set.candidates(timeline.decision()),
            SimulationConfig.of(timeline.end()).withWarmup(timeline.measuredFrom()),
            1,
            Objectives.DEFAULT,
            new ReplicationPolicy(10, 100, 5, 0.95, 0.01),
            1);
    return new RehearsalReport(
        twin.name(),
        incident(),
        List.of("api/GET /"),
        hypotheses,
        timeline,
        plan,
        result(name),
        series(name),
        set);
  }

  private static Incident incident() {
    SymptomPoint slow = new SymptomPoint(0.06, 0.28, 0.01, 98);
    Symptoms symptoms =
        new Symptoms(
            10, List.of(new EndpointSymptoms("api/GET /", List.of(slow, slow, slow, slow))));
    return new Incident("bad-deploy", "api slow after a deploy", 0, symptoms, null, null);
  }

  /** Seconds after the decision at which the sample candidates act ... */
  public static final double ACTS_AFTER = 5;

  /** ... but "scale api to 6", which acts later. */
  public static final double LATE_ACTS_AFTER = 25;

  /** The rehearsal's result with its fourth candidate named {@code name}. */
  private static EvaluationResult result(String name) {
    List<CandidateEvidence> candidates =
        List.of(
            evidence("rollback api", 1, 0.98, 0.0625, Set.of(), 0.5),
            evidence("scale api to 6", 2, 0.96, 0.03125, Set.of(EvidenceFlag.HIGHER_COST), 0.5),
            evidence(name, 3, 0.9, 0.0, Set.of(EvidenceFlag.NO_EFFECT), 0.25),
            evidence(
                "scale api to 1",
                4,
                0.5,
                -0.375,
                Set.of(EvidenceFlag.WORSE_THAN_DO_NOTHING, EvidenceFlag.DOES_NOT_RECOVER),
                1));
    return new EvaluationResult(
        1,
        outcome(0.875, Double.NaN),
        score(0.875),
        20,
        candidates,
        List.of(
            "rollback api", "scale api to 6", name, EvaluationPlan.DO_NOTHING, "scale api to 1"),
        4,
        2,
        100,
        0.95,
        new Recommendation(
            Recommendation.Kind.RESTORES,
            "rollback api",
            List.of(),
            "rollback api restores every SLO (time to recover 13 s)"),
        predicted(name));
  }

  /**
   * Bands of 9 buckets of 10 s after the decision. Do nothing: p99 0.4/0.5/0.7 s and errors 1/2/4 %
   * throughout; candidate {@code a} (plan order, 1-based) from its second bucket on: p50 p99 {@code
   * 0.5 / (1 + a * i / 8)}, p10 80 % and p90 130 % of it, errors {@code 2 % / (1 + a)}.
   */
  private static PredictedSeries predicted(String name) {
    List<String> arms = List.of("rollback api", "scale api to 6", "scale api to 1", name);
    List<ArmPrediction> out = new ArrayList<>();
    out.add(
        new ArmPrediction(
            EvaluationPlan.DO_NOTHING,
            Double.NaN,
            20,
            band(i -> 0.4, i -> 0.5, i -> 0.7),
            band(i -> 0.01, i -> 0.02, i -> 0.04)));
    for (int a = 1; a <= arms.size(); a++) {
      double k = a;
      IntToDoubleFunction p99 =
          i -> k == 2 && i == 4 ? Double.NaN : i == 0 ? 0.5 : 0.5 / (1 + k * i / 8);
      IntToDoubleFunction errors = i -> i == 0 ? 0.02 : 0.02 / (1 + k);
      out.add(
          new ArmPrediction(
              arms.get(a - 1),
              k == 2 ? LATE_ACTS_AFTER : ACTS_AFTER,
              10,
              band(i -> 0.8 * p99.applyAsDouble(i), p99, i -> 1.3 * p99.applyAsDouble(i)),
              band(i -> 0.5 * errors.applyAsDouble(i), errors, i -> 2 * errors.applyAsDouble(i))));
    }
    return new PredictedSeries(0, 10, out);
  }

  private static BucketBand band(
      IntToDoubleFunction p10, IntToDoubleFunction p50, IntToDoubleFunction p90) {
    List<Double> low = new ArrayList<>();
    List<Double> mid = new ArrayList<>();
    List<Double> high = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      low.add(p10.applyAsDouble(i));
      mid.add(p50.applyAsDouble(i));
      high.add(p90.applyAsDouble(i));
    }
    return new BucketBand(low, mid, high);
  }

  private static CandidateEvidence evidence(
      String name, int rank, double slo, double gain, Set<EvidenceFlag> flags, double blast) {
    List<MetricDifference> differences = new ArrayList<>();
    for (Metric m : Metric.values()) {
      double mean = m == Metric.UTILITY ? gain : gain / 2;
      differences.add(
          new MetricDifference(m, mean, 0.01, mean - 0.005, mean + 0.005, 0.5 + gain, 0.75));
    }
    boolean eliminated = gain < 0;
    return new CandidateEvidence(
        name,
        outcome(slo, slo > 0.6 ? 12.5 : Double.NaN),
        differences,
        eliminated ? 10 : 20,
        eliminated,
        rank,
        score(slo),
        flags,
        blast);
  }

  private static ArmOutcome outcome(double slo, double recovery) {
    List<OutcomeStatistics> stats = new ArrayList<>();
    for (Metric m : Metric.values()) {
      stats.add(statistics(figure(m, slo, recovery)));
    }
    return new ArmOutcome(stats);
  }

  private static double figure(Metric m, double slo, double recovery) {
    return switch (m) {
      case P99_LATENCY -> 0.125 / slo;
      case ERROR_RATE -> 0.0625 * (1 - slo);
      case TIME_TO_RECOVER -> recovery;
      case COST -> 3000;
      case UTILITY -> slo - 0.03;
      default -> slo;
    };
  }

  private static OutcomeStatistics statistics(double mean) {
    return new OutcomeStatistics(
        mean, mean / 8, 20, mean / 2, mean * 0.75, mean, mean * 1.25, mean * 2, mean * 0.5);
  }

  private static Score score(double slo) {
    ScoreComponent s = new ScoreComponent("slo_attainment", slo, 1, slo, "SLO attainment x 1");
    ScoreComponent c = new ScoreComponent("cost", 3000, -1e-5, -0.03, "cost x -1.0E-5");
    return new Score(slo - 0.03, List.of(s, c));
  }

  private static List<ArmSeries> series(String name) {
    List<String> arms =
        List.of(
            EvaluationPlan.DO_NOTHING, "rollback api", "scale api to 6", "scale api to 1", name);
    List<ArmSeries> out = new ArrayList<>();
    for (int a = 0; a < arms.size(); a++) {
      List<BucketMean> buckets = new ArrayList<>();
      buckets.add(new BucketMean(0, Double.NaN, Double.NaN));
      for (int b = 1; b < 15; b++) {
        double p99 = b < 2 ? 0.125 : b < 6 ? 0.5 : 0.5 / (1 + a * (b - 5) / 4.0);
        buckets.add(new BucketMean(10 * b, p99, b < 2 ? 0 : 0.015625 * (a % 2 + 1)));
      }
      out.add(new ArmSeries(arms.get(a), a == 0 ? 20 : 10, 10, buckets));
    }
    return out;
  }

  /** A two-run simulation of two endpoints and one SLO, met in one run of the two. */
  public static SimulationReport simulation() {
    List<RunResult> runs = List.of(run(0, 1000, true), run(1, 1500, false));
    return SimulationReport.of("shop", "payment slowdown", 7, 600, 60, runs);
  }

  private static RunResult run(int replication, long slowest, boolean met) {
    SimulationConfig config = SimulationConfig.of(600).withWarmup(60);
    List<EndpointResult> endpoints =
        List.of(
            endpoint("front/GET /", 5400, 6, 2, 1, 1000 * slowest, 9.5),
            endpoint("back/GET /data", 5400, 0, 0, 0, 250 * slowest, 9.75));
    SloResult slo = new SloResult("front/GET /", 99, 0.3, 0.99, 0.25, 0.998, met, 0.5);
    return new RunResult(
        "payment slowdown",
        7,
        replication,
        config,
        100_000,
        endpoints,
        List.of(),
        List.of(),
        List.of(slo),
        10.0,
        0.0625,
        0.75,
        met ? 120 : Double.NaN,
        1080.0 + replication);
  }

  private static EndpointResult endpoint(
      String name,
      long ok,
      long errors,
      long timeouts,
      long rejected,
      long maxMicros,
      double rate) {
    Histogram h = new Histogram(3);
    for (long i = 1; i <= ok; i++) {
      h.recordValue(1 + maxMicros * i / ok);
    }
    return new EndpointResult(
        name, ok, errors, timeouts, rejected, 0, 0.05, 0.001, 0.1, 0.04, 0.09, 0.1, rate, h,
        List.of());
  }
}
