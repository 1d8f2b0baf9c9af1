package io.rehearsal.rehearse.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rehearsal.twin.engine.Engine;
import io.rehearsal.twin.run.EndpointResult.BucketResult;
import io.rehearsal.twin.run.RunResult;
import io.rehearsal.twin.run.SimulationConfig;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReplicationSeriesTest {
  private static final Set<String> ENTRIES = Set.of("api/GET /");

  @Test
  void shouldKeepEveryMeasuredBucketWhenThereAreAtMost120() {
    RunResult run = run(new SimulationConfig(240, 30, 10, false));

    ReplicationSeries s = ReplicationSeries.of(ENTRIES, run);

    assertThat(s.buckets()).isEqualTo(21); // [30, 240) in 10-s buckets
    assertThat(s.start()).isZero();
    assertThat(s.width()).isEqualTo(10);
    for (int i = 0; i < s.buckets(); i++) {
      BucketResult b = run.endpoint("api/GET /").buckets().get(3 + i);
      assertThat(s.p99(i)).isEqualTo(b.p99());
      assertThat(s.errorRate(i)).isEqualTo((double) (b.failed() + b.rejected()) / b.total());
    }
  }

  @Test
  void shouldMergeBucketsWhenTheWindowHasMoreThan120() {
    RunResult run = run(new SimulationConfig(330, 30, 1, false)); // 300 measured 1-s buckets

    ReplicationSeries s = ReplicationSeries.of(ENTRIES, run);

    assertThat(s.buckets()).isEqualTo(100).isLessThanOrEqualTo(ReplicationSeries.MAX_BUCKETS);
    assertThat(s.width()).isEqualTo(3);
    List<BucketResult> raw = run.endpoint("api/GET /").buckets();
    for (int i = 0; i < s.buckets(); i++) {
      long total = 0;
      long bad = 0;
      double worst = 0;
      for (int b = 30 + 3 * i; b < 33 + 3 * i; b++) {
        total += raw.get(b).total();
        bad += raw.get(b).failed() + raw.get(b).rejected();
        worst = Math.max(worst, raw.get(b).p99());
      }
      assertThat(s.errorRate(i)).isEqualTo(total == 0 ? 0 : (double) bad / total);
      assertThat(s.p99(i)).isEqualTo(worst);
    }
  }

  @Test
  void shouldStartAtTheFirstWholeBucketWhenTheWarmupEndsMidBucket() {
    ReplicationSeries s =
        ReplicationSeries.of(ENTRIES, run(new SimulationConfig(240, 35, 10, false)));

    assertThat(s.start()).isEqualTo(5); // bucket [40, 50) starts 5 s into the window
    assertThat(s.buckets()).isEqualTo(20);
  }

  @Test
  void shouldRefuseMoreThan120BucketsWhenBuilt() {
    assertThatThrownBy(() -> new ReplicationSeries(0, 1, new double[121], new double[121]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("<= 120, but had 121 and 121");
  }

  private static RunResult run(SimulationConfig config) {
    return new Engine(Plans.SPEC).run(Plans.INCIDENT, config, 7, 0);
  }
}
