package io.rehearsal.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.rehearsal.twin.random.RandomStream;
import io.rehearsal.twin.spec.CpuScheduling;
import io.rehearsal.twin.spec.Distribution;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RateFitTest {
  private static final long SECOND = 1_000_000_000L;

  /** 10-s intervals of CPU = fixed x 10 s + perRequest x requests, plus measurement noise. */
  private static RateFit fit(double[] rates, double fixed, double perRequest, long seed) {
    RandomStream random = new RandomStream(seed);
    List<MetricIntervals.Interval> cpu = new ArrayList<>();
    List<MetricIntervals.Interval> requests = new ArrayList<>();
    for (int i = 0; i < rates.length; i++) {
      long from = i * 10 * SECOND;
      long to = from + 10 * SECOND;
      double n = rates[i] * 10;
      double used = fixed * 10 + perRequest * n + 0.02 * (random.nextDouble() - 0.5);
      // two CPU states (user, system) with the same bounds, summed by the fit
      cpu.add(new MetricIntervals.Interval(from, to, used * 0.7));
      cpu.add(new MetricIntervals.Interval(from, to, used * 0.3));
      requests.add(new MetricIntervals.Interval(from, to, n));
    }
    return RateFit.of(cpu, requests);
  }

  @Test
  void shouldSeparateFixedFromPerRequestCpuWhenTheLoadStopsBeforeTheMetrics() {
    double[] rates = {170, 172, 168, 171, 169, 170, 173, 167, 56, 0};
    RateFit f = fit(rates, 0.05, 0.0018, 3);
    assertThat(f.identified()).isTrue();
    assertThat(f.intervals()).isEqualTo(10);
    assertThat(f.fixedCores()).isCloseTo(0.05, within(3 * f.fixedStdErr() + 1e-6));
    assertThat(f.perRequestSeconds()).isCloseTo(0.0018, within(3 * f.perRequestStdErr() + 1e-9));
    assertThat(f.fixedStdErr()).isLessThan(0.01);
    assertThat(f.text()).contains("±", "10 intervals");
  }

  @Test
  void shouldTakeAllCpuPerRequestWhenASteadyRateCannotSeparateTheParts() {
    double[] rates = {170, 170.5, 169.5, 170, 170.2, 169.8, 170, 170.1};
    RateFit f = fit(rates, 0.05, 0.0018, 4);
    double ratio = (0.05 * 10 + 0.0018 * 1700) / 1700;
    assertThat(f.identified()).isFalse();
    assertThat(f.fixedCores()).isZero();
    assertThat(f.perRequestSeconds()).isCloseTo(ratio, within(0.02 * ratio));
    assertThat(f.text()).contains("could not separate a fixed part");
  }

  @Test
  void shouldCallAllCpuFixedWhenItFallsAsRequestsGrow() {
    RateFit f =
        RateFit.fit(
            List.of(
                new double[] {10, 100, 0.30},
                new double[] {10, 200, 0.29},
                new double[] {10, 300, 0.28},
                new double[] {10, 400, 0.27},
                new double[] {10, 500, 0.26}));
    assertThat(f.perRequestSeconds()).isZero();
    assertThat(f.fixedCores()).isCloseTo(0.028, within(1e-9));
  }

  @Test
  void shouldUseOnlyIntervalsTheRequestCountsCover() {
    List<MetricIntervals.Interval> cpu = new ArrayList<>();
    List<MetricIntervals.Interval> requests = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      cpu.add(new MetricIntervals.Interval(i * 10 * SECOND, (i + 1) * 10 * SECOND, 1 + i * 0.1));
      if (i < 6) {
        requests.add(
            new MetricIntervals.Interval(i * 10 * SECOND, (i + 1) * 10 * SECOND, 100 + i * 50));
      }
    }
    assertThat(RateFit.of(cpu, requests).intervals()).isEqualTo(6);
    assertThat(RateFit.of(cpu, List.of())).isEqualTo(RateFit.NONE);
  }

  @Test
  void shouldQueueShortCpuBurstsFirstComeAndShareLongOnes() {
    List<String> notes = new ArrayList<>();
    assertThat(Hosts.scheduling(List.of(endpoint(0.0015)), notes)).isEqualTo(CpuScheduling.FIFO);
    assertThat(Hosts.scheduling(List.of(endpoint(0.008)), notes)).isNull();
    assertThat(Hosts.scheduling(List.of(endpoint(0)), notes)).isNull();
    assertThat(notes).hasSize(2);
    assertThat(notes.get(0)).contains("1.50 ms", "first come");
    assertThat(notes.get(1)).contains("8.00 ms", "processor sharing");
  }

  private static EndpointCalibration endpoint(double cpu) {
    FittedDistribution time =
        new FittedDistribution(
            new Distribution.Constant(0.01), "constant", 100, Double.NaN, 0.01, 0.01);
    return new EndpointCalibration("s/GET /", 100, 10, time, cpu, cpu / 0.01, 0, List.of());
  }
}
