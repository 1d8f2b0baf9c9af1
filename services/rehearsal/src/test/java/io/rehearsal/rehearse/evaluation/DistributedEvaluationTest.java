package io.rehearsal.rehearse.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs an evaluation the way the sandbox service does: jobs encoded to bytes, run by a runner built
 * from an equal plan (as another process would), results encoded, delivered out of order and twice;
 * the result must equal the in-process one.
 */
class DistributedEvaluationTest {
  @Test
  void shouldMatchTheInProcessResultWhenJobsTravelAsBytesOutOfOrderAndTwice() {
    EvaluationPlan plan = Plans.plan(7);
    JobRunner worker = new JobRunner(Plans.plan(7));
    Coordinator coordinator = new Coordinator(plan);
    for (List<Job> stage = coordinator.nextStage();
        !stage.isEmpty();
        stage = coordinator.nextStage()) {
      List<byte[]> results = new ArrayList<>();
      for (Job job : stage) {
        Job received = JobCodec.decodeJob(JobCodec.encode(job));
        results.add(JobCodec.encode(worker.run(received)));
      }
      Collections.reverse(results);
      results.add(results.get(0));
      results.forEach(bytes -> coordinator.accept(JobCodec.decodeResult(bytes)));
    }
    assertThat(coordinator.result()).isEqualTo(Evaluator.evaluate(plan, 2));
  }
}
