package io.rehearsal.shop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TopologyTest {

  @Test
  void shouldAssignConsecutivePortsInOverlayOrderWhenPlanning() throws Exception {
    Topology plan = Topology.plan(Overlay.load(Path.of("overlay.yaml")), 9100);

    assertThat(plan.processes())
        .extracting(Topology.ProcessSpec::instance)
        .containsExactly(
            "frontend-1",
            "catalog-1",
            "catalog-2",
            "cart-1",
            "checkout-1",
            "payment-1",
            "inventory-1",
            "payment-gateway-1");
    assertThat(plan.instance("catalog-2").port()).isEqualTo(9102);
    assertThat(plan.replicas("catalog"))
        .containsExactly(URI.create("http://127.0.0.1:9101"), URI.create("http://127.0.0.1:9102"));
  }

  @Test
  void shouldNameTheInstanceWhenItIsUnknown() throws Exception {
    Topology plan = Topology.plan(Overlay.load(Path.of("overlay.yaml")), 9100);

    assertThatThrownBy(() -> plan.instance("catalog-3")).hasMessage("no such instance: catalog-3");
  }
}
