package io.rehearsal.sandbox.evaluation;

import com.google.protobuf.Timestamp;
import io.rehearsal.proto.v1.Evaluation;
import io.rehearsal.proto.v1.EvaluationEvent;
import io.rehearsal.proto.v1.EvaluationPhase;
import io.rehearsal.proto.v1.EvaluationStatus;
import io.rehearsal.proto.v1.FaultHypothesis;
import io.rehearsal.proto.v1.TwinFidelity;
import io.rehearsal.rehearse.Rehearsal;
import io.rehearsal.rehearse.Timeline;
import io.rehearsal.rehearse.evaluation.EvaluationPlan;
import io.rehearsal.rehearse.evaluation.EvaluationResult;
import io.rehearsal.rehearse.fitting.FitConfig;
import io.rehearsal.rehearse.fitting.SymptomPoint;
import io.rehearsal.rehearse.jobs.DistributedEvaluator;
import io.rehearsal.sandbox.mapping.Durations;
import io.rehearsal.sandbox.mapping.EvidenceMapper;
import io.rehearsal.sandbox.mapping.FaultHypothesisMapper;
import io.rehearsal.sandbox.mapping.PolicyMapper;
import io.rehearsal.sandbox.mapping.PredictedSeriesMapper;
import io.rehearsal.sandbox.mapping.SymptomsMapper;
import io.rehearsal.sandbox.mapping.TwinFidelityMapper;
import io.rehearsal.store.SnapshotId;
import io.rehearsal.store.TwinSnapshots;
import io.rehearsal.twin.run.SimulationConfig;
import io.rehearsal.twin.spec.TwinSpecs;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs a prepared evaluation: stores the fork, fits fault hypotheses to the symptoms, rehearses "do
 * nothing" and every candidate under the best hypothesis on the job queue, and assembles the {@link
 * Evaluation}, telling {@code events} about each phase. The result depends only on (twin snapshot,
 * request, seed): timestamps aside, running it twice gives the same bytes. Each evidence also shows
 * the base snapshot's fidelity as the store knows it when the evidence is assembled (latest drift
 * measurement, staleness, first-stored time); ids and evidence hashes never depend on it. The
 * succeeded record carries every arm's predicted series (display only, outside every evidence
 * hash). A failure after acceptance is not thrown: it ends in an evaluation with status FAILED.
 */
public final class EvaluationPipeline {

  private final TwinSnapshots snapshots;
  private final DistributedEvaluator evaluator;
  private final PipelineSettings settings;
  private final Clock clock;

  /** A pipeline storing forks in {@code snapshots} and simulating through {@code evaluator}. */
  public EvaluationPipeline(
      TwinSnapshots snapshots,
      DistributedEvaluator evaluator,
      PipelineSettings settings,
      Clock clock) {
    this.snapshots = snapshots;
    this.evaluator = evaluator;
    this.settings = settings;
    this.clock = clock;
  }

  /** The record of an accepted evaluation before it runs (status QUEUED). */
  public Evaluation accepted(PreparedEvaluation p) {
    return Evaluation.newBuilder()
        .setId(p.id())
        .setIncidentId(p.request().getIncident().getId())
        .setTwinSnapshotHash(p.forkHash())
        .setSeed(p.seed())
        .setHorizon(Durations.duration(p.horizonSeconds()))
        .setReplications(PolicyMapper.toProto(p.policy()))
        .setObjectives(PolicyMapper.toProto(p.objectives()))
        .setStatus(EvaluationStatus.EVALUATION_STATUS_QUEUED)
        .setCreatedAt(now())
        .build();
  }

  /** Runs the evaluation whose accepted record is {@code accepted}; never throws. */
  public Evaluation run(
      PreparedEvaluation p, Evaluation accepted, Consumer<EvaluationEvent> events) {
    Evaluation.Builder record =
        accepted.toBuilder().setStatus(EvaluationStatus.EVALUATION_STATUS_RUNNING);
    try {
      phase(events, EvaluationPhase.EVALUATION_PHASE_FORKING, "forked twin " + p.forkHash());
      snapshots.put(p.forkBytes());
      phase(
          events,
          EvaluationPhase.EVALUATION_PHASE_FITTING_FAULT,
          "fitting " + p.symptoms().names());
      List<io.rehearsal.rehearse.fitting.FaultHypothesis> fitted = fit(p);
      Timestamp onset = p.request().getIncident().getOnset();
      List<FaultHypothesis> hypotheses =
          fitted.stream()
              .limit(settings.hypothesesReported())
              .map(h -> FaultHypothesisMapper.toProto(h, onset))
              .toList();
      record.addAllFaultHypotheses(hypotheses);
      events.accept(fittedEvent(hypotheses));
      EvaluationPlan plan = plan(p, fitted);
      byte[] planBytes = PlanDocument.of(p.forkHash(), plan).encode();
      EvaluationPlan shared = PlanDocument.decode(planBytes).toPlan(p.fork());
      record.setScenarioHash(scenarioHash(shared));
      phase(events, EvaluationPhase.EVALUATION_PHASE_SIMULATING, "simulating");
      EvaluationResult result =
          evaluator.evaluate(
              p.id(),
              planBytes,
              shared,
              (done, total, eliminated, message) ->
                  events.accept(
                      progress(
                          EvaluationPhase.EVALUATION_PHASE_SIMULATING,
                          done,
                          total,
                          eliminated,
                          message)));
      phase(
          events,
          EvaluationPhase.EVALUATION_PHASE_RANKING,
          "ranking " + p.candidates().size() + " candidates");
      return succeeded(record, p, result);
    } catch (RuntimeException e) {
      return record
          .setStatus(EvaluationStatus.EVALUATION_STATUS_FAILED)
          .setFailureMessage(e.getClass().getSimpleName() + ": " + e.getMessage())
          .setFinishedAt(now())
          .build();
    }
  }

  private List<io.rehearsal.rehearse.fitting.FaultHypothesis> fit(PreparedEvaluation p) {
    double bucket = p.symptoms().bucket();
    double warmup = Math.ceil(settings.fitWarmupSeconds() / bucket) * bucket;
    FitConfig config =
        new FitConfig(
            warmup,
            p.seed(),
            settings.fitRefine(),
            settings.fitRefineEvaluations(),
            settings.fitThreads());
    Map<String, SymptomPoint> baseline =
        SymptomsMapper.baseline(p.request().getIncident(), p.symptoms());
    return Rehearsal.fit(p.fork(), p.symptoms(), baseline, config);
  }

  private EvaluationPlan plan(
      PreparedEvaluation p, List<io.rehearsal.rehearse.fitting.FaultHypothesis> fitted) {
    String name =
        "incident "
            + (p.request().getIncident().getId().isBlank()
                ? p.id()
                : p.request().getIncident().getId());
    Timeline t =
        Timeline.fromOnset(
            settings.warmupSeconds(),
            p.decisionSeconds(),
            p.horizonSeconds(),
            settings.bucketSeconds());
    return Rehearsal.plan(
        name,
        p.fork(),
        fitted,
        p.candidates(),
        t,
        new Rehearsal.Settings(p.seed(), p.objectives(), p.policy(), settings.jobSize()));
  }

  private Evaluation succeeded(
      Evaluation.Builder record, PreparedEvaluation p, EvaluationResult result) {
    record.setBaseline(EvidenceMapper.outcome(result.baseline()));
    if (!result.series().arms().isEmpty()) {
      record.setPredictedSeries(
          PredictedSeriesMapper.toProto(
              result.series(), p.request().getIncident().getOnset(), p.decisionSeconds()));
    }
    TwinFidelity fidelity = fidelity(p.base());
    for (int i = 0; i < result.candidates().size(); i++) {
      record.addEvidence(
          EvidenceMapper.evidence(
              result.candidates().get(i),
              p.request().getCandidates(i),
              p.id(),
              p.forkHash(),
              fidelity));
    }
    return record
        .addAllRanking(result.ranking())
        .setRecommendation(result.recommendation().sentence())
        .setRecommendationKind(
            io.rehearsal.proto.v1.RecommendationKind.valueOf(
                "RECOMMENDATION_KIND_" + result.recommendation().kind().name()))
        .setStatus(EvaluationStatus.EVALUATION_STATUS_SUCCEEDED)
        .setFinishedAt(now())
        .build();
  }

  /**
   * The fork is new and never measured: its fidelity is that of the snapshot it was forked from.
   */
  private TwinFidelity fidelity(SnapshotId base) {
    return TwinFidelityMapper.toProto(
        snapshots.fidelity(base), snapshots.staleness(base).isPresent(), snapshots.storedAt(base));
  }

  private static String scenarioHash(EvaluationPlan plan) {
    SimulationConfig c = plan.config();
    String text =
        TwinSpecs.toJson(plan.incident()) + "\nwarmup=" + c.warmup() + " duration=" + c.duration();
    return EvidenceMapper.sha256(text.getBytes(StandardCharsets.UTF_8));
  }

  private static void phase(
      Consumer<EvaluationEvent> events, EvaluationPhase phase, String message) {
    events.accept(progress(phase, 0, 0, 0, message));
  }

  static EvaluationEvent progress(
      EvaluationPhase phase, long done, long total, int eliminated, String message) {
    return EvaluationEvent.newBuilder()
        .setProgress(
            EvaluationEvent.Progress.newBuilder()
                .setPhase(phase)
                .setJobsDone(done)
                .setJobsTotal(total)
                .setCandidatesEliminated(eliminated)
                .setMessage(message))
        .build();
  }

  private static EvaluationEvent fittedEvent(List<FaultHypothesis> hypotheses) {
    return EvaluationEvent.newBuilder()
        .setFaultHypothesesFitted(
            EvaluationEvent.FaultHypothesesFitted.newBuilder().addAllHypotheses(hypotheses))
        .build();
  }

  private Timestamp now() {
    return Durations.timestamp(clock.instant());
  }
}
