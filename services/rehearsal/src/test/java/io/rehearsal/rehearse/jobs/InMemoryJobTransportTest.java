package io.rehearsal.rehearse.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rehearsal.rehearse.evaluation.EvaluationPlan;
import io.rehearsal.rehearse.evaluation.EvaluationResult;
import io.rehearsal.rehearse.evaluation.Evaluator;
import io.rehearsal.rehearse.evaluation.Plans;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class InMemoryJobTransportTest {
  private static final EvaluationPlan PLAN = Plans.plan(11);
  private static final ExecutorService POOL = Executors.newCachedThreadPool();

  @AfterAll
  static void stop() {
    POOL.shutdownNow();
  }

  private static EvaluationResult distributed(int workers) {
    JobTransport transport = new InMemoryJobTransport(POOL, workers, bytes -> PLAN);
    return new DistributedEvaluator(transport, Duration.ofMillis(50), Duration.ofMinutes(5))
        .evaluate("ev-test", new byte[0], PLAN, SimulationProgress.NONE);
  }

  @Test
  void shouldEqualTheInProcessResultWhenJobsTravelThroughQueues() {
    assertThat(distributed(2)).isEqualTo(Evaluator.evaluate(PLAN, 1));
  }

  @Test
  void shouldGiveTheSameResultWhenTheNumberOfWorkersChanges() {
    assertThat(distributed(1)).isEqualTo(distributed(3));
  }

  @Test
  void shouldFailTheEvaluationWhenAWorkerCannotBuildItsPlan() {
    JobTransport broken =
        new InMemoryJobTransport(
            POOL,
            1,
            bytes -> {
              throw new IllegalStateException("no twin " + bytes.length);
            });
    DistributedEvaluator evaluator =
        new DistributedEvaluator(broken, Duration.ofMillis(20), Duration.ofMillis(300));
    assertThatThrownBy(() -> evaluator.evaluate("ev-x", new byte[0], PLAN, SimulationProgress.NONE))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("not done within");
  }

  @Test
  void shouldRejectAPoolOfNoWorkersWhenBuilt() {
    assertThatThrownBy(() -> new InMemoryJobTransport(POOL, 0, bytes -> PLAN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("workers must be >= 1, but was 0");
  }
}
