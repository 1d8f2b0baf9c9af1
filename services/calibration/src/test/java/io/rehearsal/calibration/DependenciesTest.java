package io.rehearsal.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DependenciesTest {
  private static final long SECOND = 1_000_000_000L;

  @Test
  void shouldInferTheBucketRateWhenOfferedLoadExceedsIt() {
    // 20 attempts per second for 30 s against a bucket admitting 12 per second.
    List<Attempt> attempts = new ArrayList<>();
    double tokens = 12;
    for (int i = 0; i < 600; i++) {
      long at = SyntheticTraces.T0 + i * SECOND / 20;
      tokens = Math.min(12, tokens + 12.0 / 20);
      boolean admitted = tokens >= 1;
      tokens -= admitted ? 1 : 0;
      attempts.add(new Attempt(at, at + SECOND / 50, !admitted, admitted ? 200 : 429, false, 0));
    }
    DependencyCalibration d =
        Dependencies.calibrate("gw", attempts, new DistributionFitter(0.05, 100, 2000));
    assertThat(d.rateLimited()).isPositive();
    assertThat(d.inferredRate()).isCloseTo(12, within(1.0));
    assertThat(d.inferredBurst()).isGreaterThanOrEqualTo(12);
    assertThat(d.errorRate()).isZero();
    assertThat(d.latency().median()).isCloseTo(0.02, within(1e-6));
  }

  @Test
  void shouldInferNoBucketWhenNothingWasRefused() {
    List<Attempt> attempts = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      long at = SyntheticTraces.T0 + i * SECOND / 10;
      attempts.add(
          new Attempt(at, at + SECOND / 100, i % 10 == 0, i % 10 == 0 ? 500 : 200, false, 0));
    }
    DependencyCalibration d =
        Dependencies.calibrate("gw", attempts, new DistributionFitter(0.05, 100, 2000));
    assertThat(d.inferredRate()).isNaN();
    assertThat(d.errorRate()).isCloseTo(0.1, within(1e-9));
    assertThat(Dependencies.spec(d, null).rateLimit()).isNull();
  }
}
