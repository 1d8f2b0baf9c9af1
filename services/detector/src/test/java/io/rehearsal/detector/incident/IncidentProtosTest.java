package io.rehearsal.detector.incident;

import static org.assertj.core.api.Assertions.assertThat;

import io.rehearsal.ml.incident.Signal;
import io.rehearsal.proto.v1.MetricKind;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The wire's metric kind of every detection signal. */
class IncidentProtosTest {

  @Test
  void shouldSendTheOverlapSignalAsConcurrencyNotThroughputWhenMapped() {
    assertThat(IncidentProtos.metric(Signal.CONCURRENCY))
        .isEqualTo(MetricKind.METRIC_KIND_CONCURRENCY);
    assertThat(Arrays.stream(Signal.values()).map(IncidentProtos::metric).distinct())
        .hasSize(Signal.values().length)
        .doesNotContain(MetricKind.METRIC_KIND_UNSPECIFIED);
  }
}
