package io.rehearsal.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rehearsal.twin.spec.ScalingMetric;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class OverlayTest {
  private static final Path SHOP = Path.of("src/test/resources/calibration/overlay.yaml");

  @Test
  void shouldReadTheReferenceShopFormatWhenGivenItsOverlay() {
    Overlay overlay = Overlay.read(SHOP);
    assertThat(overlay.host().cores()).isEqualTo(2);
    assertThat(overlay.services()).containsKeys("frontend", "catalog", "payment");
    assertThat(overlay.services().get("catalog").replicas()).isEqualTo(2);
    assertThat(overlay.services().get("catalog").workers()).isEqualTo(3);
    assertThat(overlay.call("payment", "payment-gateway").retries()).isEqualTo(1);
    assertThat(overlay.dependencies().get("payment-gateway").rateLimit().ratePerSecond())
        .isEqualTo(10);
  }

  @Test
  void shouldReadAnAutoscalerWhenTheServiceHasOne() {
    Overlay overlay =
        Overlay.fromYaml(
            "services:\n  web: {autoscaler: {metric: utilization, target: 0.6, min: 1, max: 4}}\n");
    assertThat(overlay.services().get("web").autoscaler().metric())
        .isEqualTo(ScalingMetric.UTILIZATION);
  }

  @Test
  void shouldNameThePathWhenAValueIsOutOfRange() {
    assertThatThrownBy(() -> Overlay.fromYaml("services:\n  catalog: {workers: 0}\n"))
        .isInstanceOf(OverlayException.class)
        .hasMessage("services.catalog.workers: must be >= 1, but was 0");
  }

  @Test
  void shouldNameThePathAndKnownFieldsWhenAFieldIsMisspelt() {
    assertThatThrownBy(() -> Overlay.fromYaml("services:\n  catalog: {worker: 3}\n"))
        .isInstanceOf(OverlayException.class)
        .hasMessageStartingWith("services.catalog.worker: unknown field")
        .hasMessageContaining("workers");
  }

  @Test
  void shouldNameTheCallWhenItsTimeoutIsBad() {
    assertThatThrownBy(() -> Overlay.fromYaml("calls:\n  - {from: a, to: b, timeoutMs: 0}\n"))
        .hasMessage("calls[0].timeoutMs: must be >= 1, but was 0");
  }

  @Test
  void shouldRejectNamesTheTelemetryNeverSawWhenChecked() {
    Overlay overlay = Overlay.read(SHOP);
    List<String> services =
        List.of("frontend", "catalog", "cart", "checkout", "payment", "inventory");
    overlay.checkNames(services, List.of("payment-gateway"));
    assertThatThrownBy(() -> overlay.checkNames(services, List.of()))
        .isInstanceOf(OverlayException.class)
        .hasMessageStartingWith("dependencies.payment-gateway: unknown dependency");
    assertThatThrownBy(() -> overlay.checkNames(List.of("frontend"), List.of("payment-gateway")))
        .hasMessageStartingWith("services.catalog: unknown service 'catalog'");
  }

  @Test
  void shouldReadSlosAndRejectAnEndpointTheTelemetryNeverSaw() {
    Overlay overlay =
        Overlay.fromYaml(
            "slos:\n"
                + "  - {endpoint: frontend/GET /browse, percentile: 99, latency: 0.2,"
                + " availability: 0.99}\n");
    assertThat(overlay.slos()).hasSize(1);
    assertThat(overlay.slos().get(0).latency()).isEqualTo(0.2);
    overlay.checkSloEndpoints(List.of("frontend/GET /browse"));
    assertThatThrownBy(() -> overlay.checkSloEndpoints(List.of("frontend/GET /home")))
        .isInstanceOf(OverlayException.class)
        .hasMessageStartingWith("slos[0].endpoint: unknown endpoint 'frontend/GET /browse'");
  }

  @Test
  void shouldNameTheSloWhenItsAvailabilityIsNotAProbability() {
    assertThatThrownBy(
            () ->
                Overlay.fromYaml(
                    "slos:\n  - {endpoint: a/b, percentile: 99, latency: 0.2, availability: 2}\n"))
        .isInstanceOf(OverlayException.class)
        .hasMessageStartingWith("slos[0]");
  }

  @Test
  void shouldBeEmptyWhenTheFileIsEmpty() {
    assertThat(Overlay.fromYaml("")).isEqualTo(Overlay.EMPTY);
  }
}
