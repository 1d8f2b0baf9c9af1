package io.rehearsal.ml.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ServiceConcurrencyTest {

  private static final long T0 = 1_800_000_000_000L;

  /**
   * A service with Poisson arrivals at {@code rate}/s and exponential service times (mean {@code
   * meanMillis}); from second {@code faultAt} on it keeps one worker, so requests queue and are
   * served one at a time (the span starts when the worker takes the request, as in the shop).
   * Requests are added in end order, and each second is judged once the requests ending in it are
   * in; returns the symptoms raised.
   */
  private static List<Symptom> run(double rate, double meanMillis, int seconds, int faultAt) {
    ServiceConcurrency watch = new ServiceConcurrency("frontend", IncidentConfig.defaults());
    SplittableRandom random = new SplittableRandom(11);
    List<double[]> served = new ArrayList<>();
    double arrival = T0;
    double workerFree = Double.NEGATIVE_INFINITY;
    while (arrival < T0 + seconds * 1000.0) {
      arrival += -Math.log(1 - random.nextDouble()) * 1000 / rate;
      double duration = -Math.log(1 - random.nextDouble()) * meanMillis;
      boolean fault = arrival >= T0 + faultAt * 1000.0;
      double start = fault ? Math.max(arrival, workerFree) : arrival;
      workerFree = start + duration;
      served.add(new double[] {start, start + duration});
    }
    served.sort((a, b) -> Double.compare(a[1], b[1]));
    List<Symptom> symptoms = new ArrayList<>();
    long judged = T0 / 1000 - 1;
    for (double[] r : served) {
      long end = (long) Math.floor(r[1]);
      long second = Math.floorDiv(end, 1000L);
      for (; judged < second - 1; judged++) {
        watch.judge(judged + 1).ifPresent(symptoms::add);
      }
      // Whole-millisecond end, as the engine receives it.
      watch.add(second, end - (r[1] - r[0]), end);
    }
    return symptoms;
  }

  @Test
  void shouldRaiseConcurrencyWhenTheServiceServesOneRequestAtATime() {
    List<Symptom> symptoms = run(30, 20, 90, 40);
    assertThat(symptoms).isNotEmpty();
    Symptom first = symptoms.get(0);
    assertThat(first.signal()).isEqualTo(Signal.CONCURRENCY);
    assertThat(first.endpoint()).isEqualTo(Symptom.ALL_ENDPOINTS);
    assertThat(first.onsetSecond() - T0 / 1000).isBetween(40L, 46L);
    assertThat(first.value()).isLessThan(first.baseline() / 8);
  }

  @Test
  void shouldStayQuietWhenRequestsKeepOverlapping() {
    assertThat(run(30, 20, 120, Integer.MAX_VALUE)).isEmpty();
    assertThat(run(60, 20, 120, Integer.MAX_VALUE)).isEmpty();
  }

  @Test
  void shouldStayQuietWhenRequestsRarelyOverlapEvenBeforeTheFault() {
    // 3 requests/s of 2 ms: one in a hundred or so overlaps; serving them one at a time changes
    // nothing that 15 requests a window could show.
    assertThat(run(3, 2, 120, 40)).isEmpty();
  }

  @Test
  void shouldBoundTheBinomialLowerTailWhenNoRequestOverlaps() {
    // P(X = 0) for Binomial(100, 0.4) is 0.6^100 exactly.
    assertThat(ServiceConcurrency.logLowerTail(0, 100, 0.4))
        .isCloseTo(100 * Math.log(0.6), within());
    // k/n at or above p is not in the lower tail.
    assertThat(ServiceConcurrency.logLowerTail(0.3, 100, 0.4)).isLessThan(0);
    assertThat(ServiceConcurrency.logLowerTail(0.3, 1000, 0.4))
        .isLessThan(ServiceConcurrency.logLowerTail(0.3, 100, 0.4));
  }

  @Test
  void shouldNotCountRequestsQueuedBackToBackAsOverlapping() {
    // Ends truncated to the millisecond: the second request seems to start 0.6 ms before the
    // first ended although it waited for it; the third really ran alongside the second.
    double[][] byStart = {{80.4, 100}, {99.4, 120}, {110, 130}};
    assertThat(ServiceConcurrency.overlapping(byStart)).isEqualTo(1);
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-9);
  }
}
