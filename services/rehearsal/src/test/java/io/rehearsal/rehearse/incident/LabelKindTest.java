package io.rehearsal.rehearse.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rehearsal.twin.spec.FaultKind;
import org.junit.jupiter.api.Test;

class LabelKindTest {
  @Test
  void shouldMapEveryShopFaultSwitchToATwinFaultKindWhenLookedUp() {
    assertThat(LabelKind.of("latency").faults())
        .containsExactly(FaultKind.LATENCY, FaultKind.SERVICE_DELAY);
    assertThat(LabelKind.of("error").faults()).containsExactly(FaultKind.ERROR_RATE);
    assertThat(LabelKind.of("fewer-workers").faults())
        .containsExactlyInAnyOrder(FaultKind.WORKER_LOSS, FaultKind.REPLICA_CRASH);
    assertThat(LabelKind.of("kill-replica").faults())
        .containsExactlyInAnyOrder(FaultKind.REPLICA_CRASH, FaultKind.WORKER_LOSS);
    assertThat(LabelKind.of("slow-dependency").faults())
        .containsExactly(FaultKind.DEPENDENCY_SLOWDOWN, FaultKind.DEPENDENCY_DELAY);
    assertThat(LabelKind.of("surge").faults()).containsExactly(FaultKind.TRAFFIC_SURGE);
  }

  @Test
  void shouldNameTheBadValueWhenTheKindIsUnknown() {
    assertThatThrownBy(() -> LabelKind.of("Latency")).hasMessageContaining("'Latency'");
  }
}
