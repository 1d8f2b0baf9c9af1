package io.rehearsal.rehearse.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Feeds the coordinator synthetic outcomes (no simulation): arm a's SLO attainment in replication r
 * is {@code MEANS[a] + noise(r) + own(a, r)}, with noise shared by all arms (common random numbers)
 * and a small own part, cost 0, so utility = SLO attainment.
 */
class CoordinatorTest {
  private static final double[] MEANS = {0.50, 0.80, 0.30, 0.78, 0.20};
  private static final ReplicationPolicy POLICY = new ReplicationPolicy(10, 200, 10, 0.95, 0.01);

  private static EvaluationPlan plan() {
    List<Candidate> candidates = new ArrayList<>();
    for (int i = 1; i < MEANS.length; i++) {
      candidates.add(new Candidate("c" + i, List.of(), 0));
    }
    return new EvaluationPlan(
        Plans.SPEC,
        Plans.INCIDENT,
        candidates,
        Plans.CONFIG,
        1,
        new Objectives(java.util.Map.of(), 0, 0),
        POLICY,
        5);
  }

  private static JobResult synthetic(Job job) {
    List<ReplicationOutcome> out = new ArrayList<>();
    for (int r = job.from(); r < job.to(); r++) {
      double common = new SplittableRandom(r).nextGaussian() * 0.1;
      double own = new SplittableRandom(1000L * job.arm() + r).nextGaussian() * 0.02;
      double attainment = MEANS[job.arm()] + common + own;
      out.add(
          new ReplicationOutcome(attainment, attainment, 0, 0, 0, 0, true, List.of(attainment)));
    }
    return new JobResult(job, out);
  }

  private static Coordinator runToEnd() {
    Coordinator c = new Coordinator(plan());
    for (List<Job> stage = c.nextStage(); !stage.isEmpty(); stage = c.nextStage()) {
      stage.forEach(job -> c.accept(synthetic(job)));
    }
    return c;
  }

  @Test
  void shouldEliminateClearlyWorseArmsAfterTheFirstStageWhenMeansDifferByMuchMoreThanNoise() {
    EvaluationResult r = runToEnd().result();
    int fixed = MEANS.length * POLICY.maxReplications();
    String run = "RS %s stages; ranking %s".formatted(r.stages(), r.ranking());
    assertThat(r.candidate("c2").replications()).as("%s", run).isEqualTo(10);
    assertThat(r.candidate("c4").replications()).as("%s", run).isEqualTo(10);
    assertThat(r.candidate("c2").eliminatedEarly()).as("%s", run).isTrue();
    assertThat(r.ranking()).containsExactly("c1", "c3", "c2", "c4");
    assertThat(r.totalReplications())
        .as("RS replications of fixed %d; %s", fixed, run)
        .isLessThan(fixed / 2);
  }

  @Test
  void shouldKeepCloseArmsLongerThanClearlyWorseOnesWhenTheyAreWithinFewDeltas() {
    EvaluationResult r = runToEnd().result();
    assertThat(r.candidate("c3").replications()).isGreaterThan(r.candidate("c2").replications());
    assertThat(r.candidate("c1").eliminatedEarly()).isFalse();
  }

  @Test
  void shouldRefuseTheNextStageWhenJobsAreMissing() {
    Coordinator c = new Coordinator(plan());
    List<Job> first = c.nextStage();
    c.accept(synthetic(first.get(0)));
    assertThatThrownBy(c::nextStage)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage((first.size() - 1) + " jobs of stage 1 missing");
  }

  @Test
  void shouldRejectAConflictingResultWhenAJobIsDeliveredTwiceWithDifferentOutcomes() {
    Coordinator c = new Coordinator(plan());
    Job job = c.nextStage().get(0);
    c.accept(synthetic(job));
    c.accept(synthetic(job));
    JobResult other =
        new JobResult(
            job,
            java.util.Collections.nCopies(
                job.size(), new ReplicationOutcome(0, 0, 0, 0, 0, 0, false, List.of(0.0))));
    assertThatThrownBy(() -> c.accept(other))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("conflicts");
  }

  @Test
  void shouldRejectAResultWhenItsJobWasNeverIssued() {
    Coordinator c = new Coordinator(plan());
    c.nextStage();
    assertThatThrownBy(() -> c.accept(synthetic(new Job(1, 10, 15))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("job Job[arm=1, from=10, to=15] was never issued");
  }
}
