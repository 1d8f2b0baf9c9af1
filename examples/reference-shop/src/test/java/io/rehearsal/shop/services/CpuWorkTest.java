package io.rehearsal.shop.services;

import static org.assertj.core.api.Assertions.assertThat;

import io.rehearsal.shop.Costs.EndpointCost;
import java.lang.management.ManagementFactory;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class CpuWorkTest {

  @Test
  void shouldUseRequestedThreadCpuTimeWhenBurning() {
    var threads = ManagementFactory.getThreadMXBean();
    CpuWork.burnMicros(1_000); // warm the digest up
    long before = threads.getCurrentThreadCpuTime();

    CpuWork.burnMicros(20_000);
    long usedMicros = (threads.getCurrentThreadCpuTime() - before) / 1_000;

    assertThat(usedMicros).isBetween(20_000L, 23_000L);
  }

  @Test
  void shouldDrawLognormalWithConfiguredMeanAndCvWhenDrawing() {
    CpuWork work = new CpuWork(new Random(9));

    long[] draws = LongStream.range(0, 40_000).map(i -> work.draw(1_000, 0.5)).toArray();
    double mean = LongStream.of(draws).average().orElseThrow();
    double sd =
        Math.sqrt(
            LongStream.of(draws).mapToDouble(d -> (d - mean) * (d - mean)).sum() / draws.length);

    assertThat(mean).isBetween(985.0, 1_015.0);
    assertThat(sd / mean).isBetween(0.47, 0.53);
    assertThat(LongStream.of(draws).min().orElseThrow()).isPositive();
  }

  @Test
  void shouldDrawTheMeanWhenCvIsZero() {
    assertThat(new CpuWork(new Random(1)).draw(700, 0)).isEqualTo(700);
    assertThat(new CpuWork(new Random(1)).burn(new EndpointCost(0, 0.5))).isZero();
  }
}
