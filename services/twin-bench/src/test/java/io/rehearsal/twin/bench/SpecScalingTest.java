package io.rehearsal.twin.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rehearsal.twin.spec.ArrivalPattern;
import io.rehearsal.twin.spec.TwinSpec;
import io.rehearsal.twin.spec.TwinSpecs;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpecScalingTest {
  private static final TwinSpec SHOP = TwinSpecs.read(Path.of("../../examples/twin/shop.yaml"));

  @Test
  void shouldMultiplyTrafficAndCapacityWhenScalingByAFactor() {
    TwinSpec big = SpecScaling.scale(SHOP, 2.5);
    assertThat(SpecScaling.meanRequestRate(big))
        .isCloseTo(
            2.5 * SpecScaling.meanRequestRate(SHOP), org.assertj.core.data.Offset.offset(1e-9));
    assertThat(big.traffic().get(0).arrivals()).isEqualTo(new ArrivalPattern.Poisson(300));
    assertThat(big.services().get(0).replicas()).isEqualTo(10); // ceil(4 * 2.5)
    assertThat(big.services().get(0).autoscaler().max()).isEqualTo(30);
    assertThat(big.hosts().get(0).cores()).isEqualTo(20);
    assertThat(big.databases().get(0).connections()).isEqualTo(100);
    assertThat(big.dependencies().get(0).rateLimit().rate()).isEqualTo(100);
    assertThat(big.services().get(0).workers()).isEqualTo(SHOP.services().get(0).workers());
  }

  @Test
  void shouldCountSessionStepsWhenComputingTheMeanRequestRate() {
    // 120 + 80 + 30 + 15 + 8 open-loop, plus 2 sessions/s of 4 steps.
    assertThat(SpecScaling.meanRequestRate(SHOP)).isEqualTo(261);
  }

  @Test
  void shouldAverageBurstsAndReplaysWhenComputingMeanRates() {
    assertThat(SpecScaling.meanRate(new ArrivalPattern.Burst(10, 50, 0, 10, 100))).isEqualTo(14);
    assertThat(SpecScaling.meanRate(new ArrivalPattern.Replay(1, List.of(1.0, 3.0)))).isEqualTo(2);
  }

  @Test
  void shouldRejectTheFactorWhenItIsNotPositive() {
    assertThatThrownBy(() -> SpecScaling.scale(SHOP, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("factor must be > 0, but was 0.0");
  }
}
