package io.rehearsal.sandbox.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rehearsal.rehearse.evaluation.EvaluationPlan;
import io.rehearsal.rehearse.evaluation.EvaluationResult;
import io.rehearsal.rehearse.evaluation.Evaluator;
import io.rehearsal.rehearse.evaluation.ReplicationPolicy;
import io.rehearsal.rehearse.jobs.DistributedEvaluator;
import io.rehearsal.rehearse.jobs.SimulationProgress;
import io.rehearsal.sandbox.testing.Plans;
import io.rehearsal.sandbox.testing.RedisFixture;
import io.rehearsal.sandbox.testing.ReferenceShop;
import io.rehearsal.twin.spec.TwinSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DistributedEvaluatorTest {

  @TempDir static Path dir;
  static RedisFixture redis;
  static TwinSpec twin;
  static String twinHash;

  @BeforeAll
  static void start() {
    redis = RedisFixture.start(dir).withWorkers(2, Duration.ofSeconds(5));
    twin = ReferenceShop.twin();
    twinHash = redis.store.twinSnapshots().put(Fork.canonical(twin)).hex();
  }

  @AfterAll
  static void stop() {
    redis.close();
  }

  @Test
  void shouldEqualAnInProcessEvaluationWhenJobsRunThroughTheQueue() {
    EvaluationPlan plan =
        shared(Plans.catalogIncident(twin, 120, new ReplicationPolicy(4, 12, 4, 0.9, 0.005), 3));
    List<long[]> progress = new ArrayList<>();

    EvaluationResult distributed =
        evaluator()
            .evaluate(
                "ev-equal",
                PlanDocument.of(twinHash, plan).encode(),
                plan,
                (done, total, eliminated, message) ->
                    progress.add(new long[] {done, total, eliminated}));

    assertThat(distributed).isEqualTo(Evaluator.evaluate(plan, 2));
    long[] last = progress.get(progress.size() - 1);
    assertThat(last[0]).isEqualTo(last[1]).isPositive();
    assertThat(progress).extracting(p -> p[0]).isSorted();
  }

  @Test
  void shouldFailWhenAJobFails() {
    EvaluationPlan plan =
        Plans.catalogIncident(twin, 60, new ReplicationPolicy(2, 2, 1, 0.9, 0.01), 1);
    byte[] planNamingAMissingTwin = PlanDocument.of("0".repeat(64), plan).encode();

    assertThatThrownBy(
            () ->
                evaluator()
                    .evaluate("ev-fail", planNamingAMissingTwin, plan, SimulationProgress.NONE))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("failed")
        .hasMessageContaining("0".repeat(64));
  }

  @Test
  void shouldRebuildTheSamePlanWhenADocumentIsDecoded() {
    EvaluationPlan plan = Plans.catalogIncident(twin, 60, ReplicationPolicy.DEFAULT, 5);
    byte[] bytes = PlanDocument.of(twinHash, plan).encode();

    EvaluationPlan decoded = PlanDocument.decode(bytes).toPlan(twin);

    assertThat(decoded).isEqualTo(plan);
    assertThat(PlanDocument.of(twinHash, decoded).encode()).isEqualTo(bytes);
  }

  private static DistributedEvaluator evaluator() {
    return new DistributedEvaluator(
        new RedisJobTransport(redis.queue), Duration.ofMillis(200), Duration.ofMinutes(1));
  }

  /** The plan every process runs: decoded from its document. */
  static EvaluationPlan shared(EvaluationPlan plan) {
    return PlanDocument.decode(PlanDocument.of(twinHash, plan).encode()).toPlan(twin);
  }
}
