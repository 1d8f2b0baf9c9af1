package io.rehearsal.rehearse.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rehearsal.rehearse.fitting.FaultHypothesis;
import io.rehearsal.twin.spec.FaultKind;
import org.junit.jupiter.api.Test;

class IncidentLabelTest {
  @Test
  void shouldMatchACrashOfTheServiceWhenAReplicaWasKilled() {
    IncidentLabel label = new IncidentLabel("kill-replica", "catalog-2", "catalog", 0);
    assertThat(label.matches(h(FaultKind.REPLICA_CRASH, "catalog"))).isTrue();
    assertThat(label.matches(h(FaultKind.REPLICA_CRASH, "catalog-2"))).isFalse();
    assertThat(label.matches(h(FaultKind.LATENCY, "catalog"))).isFalse();
  }

  @Test
  void shouldMatchCapacityLossWhenWorkersWereRemoved() {
    IncidentLabel label = new IncidentLabel("fewer-workers", "frontend", null, 1);
    assertThat(label.service()).isEqualTo("frontend");
    assertThat(label.matches(h(FaultKind.REPLICA_CRASH, "frontend"))).isTrue();
    assertThat(label.matches(h(FaultKind.WORKER_LOSS, "frontend"))).isTrue();
    assertThat(label.matches(h(FaultKind.WORKER_LOSS, "cart"))).isFalse();
  }

  @Test
  void shouldMatchASurgeOfAnEntryEndpointOfTheServiceWhenTrafficRose() {
    IncidentLabel label = new IncidentLabel("surge", "frontend", null, 2);
    assertThat(label.matches(h(FaultKind.TRAFFIC_SURGE, "frontend/GET /browse"))).isTrue();
    assertThat(label.matches(h(FaultKind.TRAFFIC_SURGE, "*"))).isTrue();
    assertThat(label.matches(h(FaultKind.TRAFFIC_SURGE, "cart/GET /cart"))).isFalse();
  }

  @Test
  void shouldRejectTheLabelWhenTheTargetIsBlank() {
    assertThatThrownBy(() -> new IncidentLabel("error", " ", null, 0.3))
        .hasMessageContaining("target");
  }

  private static FaultHypothesis h(FaultKind kind, String target) {
    return new FaultHypothesis(kind, target, 1, 0, 1, 2);
  }
}
