package io.rehearsal.shop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OverlayTest {
  @TempDir Path dir;

  private Overlay load(String yaml) throws Exception {
    Path file = dir.resolve("overlay.yaml");
    Files.writeString(file, yaml);
    return Overlay.load(file);
  }

  @Test
  void shouldReadModuleOverlayWhenLoading() throws Exception {
    Overlay overlay = Overlay.load(Path.of("overlay.yaml"));

    assertThat(overlay.host().cores()).isEqualTo(2);
    assertThat(overlay.services().get("catalog").replicas()).isEqualTo(2);
    assertThat(overlay.call("payment", "payment-gateway").retries()).isEqualTo(1);
    assertThat(overlay.dependencies().get("payment-gateway").rateLimit().ratePerSecond())
        .isEqualTo(10);
    assertThat(Costs.load(Path.of("costs.yaml")).of("catalog", "GET /items").cpuMicros())
        .isPositive();
  }

  @Test
  void shouldNameFieldAndValueWhenWorkersAreInvalid() {
    assertThatThrownBy(
            () ->
                load(
                    "host: {cores: 2}\nservices:\n  a: {replicas: 1, workers: 0, queueLimit: 1, cpuLimit: 1}\n"))
        .hasMessageContaining("workers must be >= 1, but was 0");
  }

  @Test
  void shouldRejectCallToUnknownServiceWhenLoading() {
    assertThatThrownBy(
            () ->
                load(
                    "host: {cores: 2}\nservices:\n  a: {replicas: 1, workers: 1, queueLimit: 1, cpuLimit: 1}\n"
                        + "calls:\n  - {from: a, to: b, timeoutMs: 10, retries: 0, backoffMs: 0}\n"))
        .hasMessageContaining("calls.to unknown service or dependency: b");
  }

  @Test
  void shouldNameMissingRouteWhenCostIsAbsent() throws Exception {
    Costs costs = Costs.load(Path.of("costs.yaml"));

    assertThatThrownBy(() -> costs.of("catalog", "DELETE /items"))
        .hasMessage("costs.endpoints.catalog.'DELETE /items' missing");
  }
}
