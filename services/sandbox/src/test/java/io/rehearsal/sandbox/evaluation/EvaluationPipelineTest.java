package io.rehearsal.sandbox.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.rehearsal.proto.v1.ArmPrediction;
import io.rehearsal.proto.v1.Evaluation;
import io.rehearsal.proto.v1.EvaluationEvent;
import io.rehearsal.proto.v1.EvaluationPhase;
import io.rehearsal.proto.v1.EvaluationStatus;
import io.rehearsal.proto.v1.Evidence;
import io.rehearsal.proto.v1.FaultKind;
import io.rehearsal.proto.v1.PredictedSeries;
import io.rehearsal.rehearse.evaluation.Candidate;
import io.rehearsal.rehearse.evaluation.ReplicationPolicy;
import io.rehearsal.rehearse.jobs.DistributedEvaluator;
import io.rehearsal.sandbox.mapping.EvidenceMapper;
import io.rehearsal.sandbox.testing.RedisFixture;
import io.rehearsal.sandbox.testing.ReferenceShop;
import io.rehearsal.store.SnapshotId;
import io.rehearsal.store.TwinFidelityRecord;
import io.rehearsal.store.TwinStaleness;
import io.rehearsal.twin.spec.Remediation;
import io.rehearsal.twin.spec.RemediationKind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluationPipelineTest {

  static final PipelineSettings SETTINGS =
      new PipelineSettings(30, 10, 30, 1, 3, 2, 2, ReplicationPolicy.DEFAULT, 5);

  @TempDir static Path dir;
  static RedisFixture redis;
  static RequestPreparer preparer;
  static EvaluationPipeline pipeline;
  static String twinHash;

  @BeforeAll
  static void start() {
    redis = RedisFixture.start(dir).withWorkers(2, Duration.ofSeconds(5));
    twinHash = redis.store.twinSnapshots().put(ReferenceShop.snapshot()).hex();
    preparer = new RequestPreparer(redis.store.twinSnapshots(), SETTINGS);
    Clock clock = Clock.fixed(Instant.parse("2027-01-15T08:05:00Z"), ZoneOffset.UTC);
    DistributedEvaluator evaluator =
        new DistributedEvaluator(
            new RedisJobTransport(redis.queue), Duration.ofMillis(200), Duration.ofMinutes(2));
    pipeline = new EvaluationPipeline(redis.store.twinSnapshots(), evaluator, SETTINGS, clock);
  }

  @AfterAll
  static void stop() {
    redis.close();
  }

  @Test
  void shouldRankTheFittedFaultsFixFirstWhenTheReferenceShopIncidentIsEvaluated() {
    PreparedEvaluation p = preparer.prepare(ReferenceShop.request(twinHash));
    List<EvaluationEvent> events = new ArrayList<>();

    long start = System.nanoTime();
    Evaluation e = pipeline.run(p, pipeline.accepted(p), events::add);
    double seconds = (System.nanoTime() - start) / 1e9;

    assertThat(e.getFailureMessage())
        .as("failure of the reference-shop evaluation (%.1f s)", seconds)
        .isEmpty();
    assertThat(e.getStatus()).isEqualTo(EvaluationStatus.EVALUATION_STATUS_SUCCEEDED);
    assertThat(e.getTwinSnapshotHash()).isEqualTo(p.forkHash());
    assertThat(redis.store.twinSnapshots().contains(new SnapshotId(p.forkHash()))).isTrue();
    assertThat(e.getFaultHypotheses(0).getTarget().getService()).isEqualTo("catalog");
    // catalog's self time x6, seen at the entry endpoints only: a stretch and a shift of catalog's
    // self time look nearly alike there (session 15 saw SERVICE_DELAY ~114 ms fit better than
    // LATENCY x3); either names the fault, and the same remedies clear both
    assertThat(e.getFaultHypotheses(0).getKind())
        .isIn(FaultKind.FAULT_KIND_LATENCY_MULTIPLIER, FaultKind.FAULT_KIND_SERVICE_DELAY);
    assertThat(e.getRanking(0)).isEqualTo("rollback-catalog");
    assertThat(e.getEvidenceList())
        .extracting(Evidence::getRank)
        .containsExactlyInAnyOrder(1, 2, 3);
    for (Evidence ev : e.getEvidenceList()) {
      assertThat(ev.getEvidenceHash()).isEqualTo(EvidenceMapper.hash(ev));
      assertThat(ev.getTwinSnapshotHash()).isEqualTo(p.forkHash());
      assertThat(ev.getReplications()).isBetween(4, 8);
      assertThat(ev.getTwinFidelity().getStale()).isFalse();
      assertThat(ev.getTwinFidelity().getLatencyP99Mape()).isZero();
      assertThat(millis(ev.getTwinFidelity().getCalibratedAt()))
          .isEqualTo(redis.store.twinSnapshots().storedAt(p.base()).orElseThrow());
    }
    assertThat(events)
        .filteredOn(EvaluationEvent::hasProgress)
        .extracting(x -> x.getProgress().getPhase())
        .containsSubsequence(
            EvaluationPhase.EVALUATION_PHASE_FORKING,
            EvaluationPhase.EVALUATION_PHASE_FITTING_FAULT,
            EvaluationPhase.EVALUATION_PHASE_SIMULATING,
            EvaluationPhase.EVALUATION_PHASE_RANKING);
    assertThat(events).anyMatch(EvaluationEvent::hasFaultHypothesesFitted);
    EvaluationEvent.Progress last =
        events.stream()
            .filter(x -> x.hasProgress() && x.getProgress().getJobsTotal() > 0)
            .reduce((a, b) -> b)
            .orElseThrow()
            .getProgress();
    assertThat(last.getJobsDone()).isEqualTo(last.getJobsTotal());
  }

  @Test
  void shouldPredictTheRollbackRecoveringAfterItActsWhileDoNothingStaysSlowWhenEvaluated() {
    PreparedEvaluation p = preparer.prepare(ReferenceShop.request(twinHash));

    Evaluation e = pipeline.run(p, pipeline.accepted(p), x -> {});

    PredictedSeries s = e.getPredictedSeries();
    assertThat(s.getForkTime()).isEqualTo(p.request().getIncident().getOnset());
    assertThat(s.getBucketWidth().getSeconds()).isEqualTo(10);
    assertThat(s.getDecisionOffset().getSeconds()).isEqualTo(20); // detected 20 s after onset
    assertThat(s.getArmsList())
        .extracting(ArmPrediction::getCandidateId)
        .containsExactly("", "rollback-catalog", "scale-catalog", "shed-browse");
    for (ArmPrediction a : s.getArmsList()) {
      assertThat(a.getP99LatencyMs().getP50Count()).isEqualTo(12); // 120 s horizon, 10-s buckets
      assertThat(a.getP99LatencyMs().getP10Count()).isEqualTo(12);
      assertThat(a.getErrorRate().getP90Count()).isEqualTo(12);
    }
    ArmPrediction nothing = s.getArms(0);
    ArmPrediction rollback = s.getArms(1);
    assertThat(nothing.getReplications()).isEqualTo(e.getBaseline().getP99LatencyMs().getCount());
    assertThat(nothing.hasEffectiveOffset()).isFalse();
    // decided at +20 s, acting 10 s later (the candidate's estimated actuation delay)
    assertThat(rollback.getEffectiveOffset().getSeconds()).isEqualTo(30);
    int acts = 3;
    double before = nothing.getP99LatencyMs().getP50(acts - 1);
    // within 30 s of acting the rollback's whole band lies below do nothing's, which stays slow,
    // and well under the incident's level (the fault about doubles p99, so the recovered band's
    // top sits near half of it: session 15 saw 88-121 ms against do nothing's ~190)
    for (int b = acts + 3; b < 12; b++) {
      assertThat(rollback.getP99LatencyMs().getP90(b))
          .as("bucket %d", b)
          .isLessThan(nothing.getP99LatencyMs().getP10(b))
          .isLessThan(before * 0.7);
      assertThat(nothing.getP99LatencyMs().getP50(b)).as("bucket %d", b).isGreaterThan(before / 2);
    }
    // before the fault's fix acts, every arm replays do nothing (common random numbers)
    assertThat(rollback.getP99LatencyMs().getP50(0)).isEqualTo(nothing.getP99LatencyMs().getP50(0));
  }

  @Test
  void shouldReproduceTheEvaluationBitForBitWhenTheSameRequestRunsTwice() {
    PreparedEvaluation p = preparer.prepare(ReferenceShop.request(twinHash));
    PreparedEvaluation again = preparer.prepare(ReferenceShop.request(twinHash));

    Evaluation first = pipeline.run(p, pipeline.accepted(p), x -> {});
    Evaluation second = pipeline.run(again, pipeline.accepted(again), x -> {});

    assertThat(again.id()).isEqualTo(p.id());
    assertThat(second.getEvidenceList())
        .extracting(Evidence::getEvidenceHash)
        .containsExactlyElementsOf(
            first.getEvidenceList().stream().map(Evidence::getEvidenceHash).toList());
    assertThat(EvidenceMapper.deterministic(second)).isEqualTo(EvidenceMapper.deterministic(first));
  }

  @Test
  void shouldShowTheBaseSnapshotsFidelityInEveryEvidenceWithoutChangingIdsOrHashes() {
    // The same twin in other bytes (a trailing newline): another base snapshot, the same fork.
    byte[] other =
        (new String(ReferenceShop.snapshot(), StandardCharsets.UTF_8) + "\n")
            .getBytes(StandardCharsets.UTF_8);
    SnapshotId base = redis.store.twinSnapshots().put(other);
    PreparedEvaluation p = preparer.prepare(ReferenceShop.request(base.hex()));
    assertThat(p.base()).isEqualTo(base).isNotEqualTo(new SnapshotId(p.forkHash()));
    Evaluation fresh = pipeline.run(p, pipeline.accepted(p), x -> {});
    TwinFidelityRecord measured =
        new TwinFidelityRecord(0.12, 0.67, 0.05, 0.01, 1_790_000_000_000L);
    redis.store.twinSnapshots().recordFidelity(base, measured);
    redis
        .store
        .twinSnapshots()
        .recordFidelity(
            new SnapshotId(p.forkHash()), new TwinFidelityRecord(9, 9, 9, 9, 1_790_000_000_000L));
    redis
        .store
        .twinSnapshots()
        .markStale(base, new TwinStaleness("p99_mape 0.67 > 0.4", "p99_mape", 0.67, 0.4, 1L));

    PreparedEvaluation again = preparer.prepare(ReferenceShop.request(base.hex()));
    Evaluation stale = pipeline.run(again, pipeline.accepted(again), x -> {});

    assertThat(fresh.getEvidenceCount()).isEqualTo(3);
    assertThat(fresh.getEvidenceList())
        .extracting(Evidence::getTwinFidelity)
        .allSatisfy(
            f -> {
              assertThat(f.getStale()).isFalse();
              assertThat(f.getLatencyP50Mape()).isZero();
              assertThat(f.getLatencyP99Mape()).isZero();
              assertThat(f.getThroughputMape()).isZero();
            });
    assertThat(stale.getEvidenceList())
        .extracting(Evidence::getTwinFidelity)
        .allSatisfy(
            f -> {
              assertThat(f.getStale()).isTrue();
              assertThat(f.getLatencyP50Mape()).isEqualTo(0.12);
              assertThat(f.getLatencyP99Mape()).isEqualTo(0.67);
              assertThat(f.getThroughputMape()).isEqualTo(0.05);
              assertThat(f.getCalibratedAt())
                  .isEqualTo(fresh.getEvidence(0).getTwinFidelity().getCalibratedAt());
            });
    assertThat(again.id()).isEqualTo(p.id());
    assertThat(stale.getEvidenceList())
        .allSatisfy(ev -> assertThat(ev.getEvidenceHash()).isEqualTo(EvidenceMapper.hash(ev)))
        .extracting(Evidence::getEvidenceHash)
        .containsExactlyElementsOf(
            fresh.getEvidenceList().stream().map(Evidence::getEvidenceHash).toList());
    assertThat(EvidenceMapper.deterministic(withoutFidelity(stale)))
        .isEqualTo(EvidenceMapper.deterministic(withoutFidelity(fresh)));
  }

  @Test
  void shouldEndFailedWhenTheEvaluationCannotRun() {
    PreparedEvaluation p = preparer.prepare(ReferenceShop.request(twinHash));
    PreparedEvaluation broken =
        new PreparedEvaluation(
            p.id(),
            p.request(),
            p.base(),
            p.fork(),
            p.forkBytes(),
            p.forkHash(),
            p.symptoms(),
            List.of(
                new Candidate(
                    "ghost",
                    List.of(Remediation.of(RemediationKind.RESTART, 40, "nosuch", null)),
                    0)),
            p.policy(),
            p.objectives(),
            p.seed(),
            p.horizonSeconds(),
            p.decisionSeconds());

    Evaluation e = pipeline.run(broken, pipeline.accepted(broken), x -> {});

    assertThat(e.getStatus()).isEqualTo(EvaluationStatus.EVALUATION_STATUS_FAILED);
    assertThat(e.getFailureMessage()).contains("nosuch");
    assertThat(e.hasFinishedAt()).isTrue();
  }

  private static long millis(com.google.protobuf.Timestamp t) {
    return t.getSeconds() * 1000 + t.getNanos() / 1_000_000;
  }

  private static Evaluation withoutFidelity(Evaluation e) {
    Evaluation.Builder b = e.toBuilder();
    b.getEvidenceBuilderList().forEach(Evidence.Builder::clearTwinFidelity);
    return b.build();
  }
}
