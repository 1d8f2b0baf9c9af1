package io.rehearsal.cli.twin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TwinValidateCommandTest {
  static final Path SHOP = Path.of("../../examples/twin/shop.yaml");
  static final Path INCIDENT = Path.of("../../examples/twin/shop-incident.yaml");

  @TempDir Path dir;

  @Test
  void shouldSummariseTheShopWhenItIsValid() {
    TwinRun run = new TwinRun("twin", "validate", SHOP.toString());

    assertThat(run.code).as(run.err.toString()).isZero();
    assertThat(run.out.toString())
        .startsWith("valid: 20 services, 29 endpoints, 2 dependencies, 3 caches, 5 databases,")
        .contains("3 SLOs", "shop.yaml");
  }

  @Test
  void shouldCheckTheScenarioAgainstTheSpecWhenOneIsGiven() {
    TwinRun run =
        new TwinRun("twin", "validate", SHOP.toString(), "--scenario", INCIDENT.toString());

    assertThat(run.code).as(run.err.toString()).isZero();
    assertThat(run.out.toString())
        .contains("valid: scenario 'payment-gateway-slowdown', 1 fault, ");
  }

  @Test
  void shouldFailNamingTheFileAndThePathWhenACallTargetIsUnknown() throws IOException {
    Path broken = dir.resolve("broken-shop.yaml");
    Files.writeString(
        broken,
        Files.readString(SHOP).replace("to: payment/POST /charge", "to: payment/POST /chrage"));

    TwinRun run = new TwinRun("twin", "validate", broken.toString());

    assertThat(run.code).isEqualTo(1);
    assertThat(run.out.toString()).isEmpty();
    assertThat(run.err.toString())
        .contains(
            "broken-shop.yaml: services[",
            "].endpoints[0].calls[",
            "].to: unknown endpoint 'payment/POST /chrage'");
  }

  @Test
  void shouldFailNamingTheFileWhenItDoesNotExist() {
    TwinRun run = new TwinRun("twin", "validate", dir.resolve("nope.yaml").toString());

    assertThat(run.code).isEqualTo(1);
    assertThat(run.err.toString()).contains("cannot read", "nope.yaml");
  }

  @Test
  void shouldFailNamingTheScenarioWhenItTargetsAnUnknownService() throws IOException {
    Path scenario = dir.resolve("bad-incident.yaml");
    Files.writeString(
        scenario,
        "name: x\nfaults:\n  - {kind: REPLICA_CRASH, at: 10, duration: 5, target: nosuch, factor: 1}\n");

    TwinRun run =
        new TwinRun("twin", "validate", SHOP.toString(), "--scenario", scenario.toString());

    assertThat(run.code).isEqualTo(1);
    assertThat(run.err.toString()).contains("bad-incident.yaml: faults[0].target", "nosuch");
  }
}
