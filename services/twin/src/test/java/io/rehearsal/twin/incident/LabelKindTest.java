package io.rehearsal.twin.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rehearsal.twin.spec.FaultKind;
import org.junit.jupiter.api.Test;

class LabelKindTest {
  @Test
  void shouldMapEveryShopFaultSwitchToATwinFaultKindWhenLookedUp() {
    assertThat(LabelKind.of("latency").fault()).isEqualTo(FaultKind.LATENCY);
    assertThat(LabelKind.of("error").fault()).isEqualTo(FaultKind.ERROR_RATE);
    assertThat(LabelKind.of("fewer-workers").fault()).isEqualTo(FaultKind.REPLICA_CRASH);
    assertThat(LabelKind.of("kill-replica").fault()).isEqualTo(FaultKind.REPLICA_CRASH);
    assertThat(LabelKind.of("slow-dependency").fault()).isEqualTo(FaultKind.DEPENDENCY_SLOWDOWN);
    assertThat(LabelKind.of("surge").fault()).isEqualTo(FaultKind.TRAFFIC_SURGE);
  }

  @Test
  void shouldNameTheBadValueWhenTheKindIsUnknown() {
    assertThatThrownBy(() -> LabelKind.of("Latency")).hasMessageContaining("'Latency'");
  }
}
