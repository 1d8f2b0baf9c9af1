package io.rehearsal.rehearse.fitting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BaselineShiftTest {
  private static final Symptoms HEALTHY_TWIN =
      series("a/GET /", new SymptomPoint(0.02, 0.1, 0.01, 10));

  @Test
  void shouldRemoveTheTwinsStandingBiasWhenABaselineIsGiven() {
    Symptoms observed = series("a/GET /", new SymptomPoint(0.06, 0.4, 0.5, 25));
    SymptomPoint base = new SymptomPoint(0.03, 0.2, 0.0, 12.5);
    SymptomPoint shifted =
        BaselineShift.apply(observed, HEALTHY_TWIN, Map.of("a/GET /", base))
            .endpoints()
            .get(0)
            .points()
            .get(0);
    assertThat(shifted.p50()).isCloseTo(0.04, within(1e-12));
    assertThat(shifted.p99()).isCloseTo(0.2, within(1e-12));
    assertThat(shifted.errorRate()).isCloseTo(0.51, within(1e-12));
    assertThat(shifted.throughput()).isCloseTo(20, within(1e-12));
  }

  @Test
  void shouldKeepTheObservationsWhenTheEndpointHasNoBaseline() {
    Symptoms observed = series("a/GET /", new SymptomPoint(0.06, 0.4, 0.5, 25));
    assertThat(
            BaselineShift.apply(
                observed,
                HEALTHY_TWIN,
                Map.of("b/GET /", HEALTHY_TWIN.endpoints().get(0).points().get(0))))
        .isEqualTo(observed);
  }

  @Test
  void shouldClampTheErrorRateWhenTheShiftWouldMakeItNegative() {
    Symptoms observed = series("a/GET /", new SymptomPoint(0.02, 0.1, 0.0, 10));
    SymptomPoint base = new SymptomPoint(0.02, 0.1, 0.2, 10);
    assertThat(
            BaselineShift.apply(observed, HEALTHY_TWIN, Map.of("a/GET /", base))
                .endpoints()
                .get(0)
                .points()
                .get(0)
                .errorRate())
        .isZero();
  }

  private static Symptoms series(String endpoint, SymptomPoint p) {
    return new Symptoms(2, List.of(new EndpointSymptoms(endpoint, List.of(p, p))));
  }
}
