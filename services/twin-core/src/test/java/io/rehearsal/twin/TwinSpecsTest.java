package io.rehearsal.twin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rehearsal.twin.spec.InvalidSpecException;
import io.rehearsal.twin.spec.Scenario;
import io.rehearsal.twin.spec.TwinSpec;
import io.rehearsal.twin.spec.TwinSpecs;
import java.nio.file.Path;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TwinSpecsTest {
  private static final Path EXAMPLES = Path.of("../../examples/twin");

  static LongStream seeds() {
    return LongStream.range(0, 40);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void shouldRoundTripThroughYamlWhenSpecIsGenerated(long seed) {
    TwinSpec spec = new SpecGenerator(seed).generate();
    TwinSpec once = TwinSpecs.fromYaml(TwinSpecs.toYaml(spec));
    TwinSpec twice = TwinSpecs.fromYaml(TwinSpecs.toYaml(once));
    assertThat(once).isEqualTo(spec);
    assertThat(twice).isEqualTo(once);
    assertThat(TwinSpecs.toYaml(twice)).isEqualTo(TwinSpecs.toYaml(once));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void shouldRoundTripThroughJsonWhenSpecIsGenerated(long seed) {
    TwinSpec spec = new SpecGenerator(seed).generate();
    assertThat(TwinSpecs.fromJson(TwinSpecs.toJson(spec))).isEqualTo(spec);
  }

  @Test
  void shouldNameThePathAndValueWhenCallTargetIsUnknown() {
    String yaml =
        """
        name: bad
        services:
          - {name: a, replicas: 1, workers: 1, endpoints: [{name: x, selfTime: {type: constant, value: 0.01}}]}
          - {name: b, replicas: 1, workers: 1, endpoints: [{name: y, selfTime: {type: constant, value: 0.01}}]}
          - name: c
            replicas: 1
            workers: 1
            endpoints:
              - name: z
                selfTime: {type: constant, value: 0.01}
                calls: [{to: a/x}, {to: payment/POST /charge}]
        """;
    assertThatThrownBy(() -> TwinSpecs.fromYaml(yaml))
        .isInstanceOf(InvalidSpecException.class)
        .hasMessage(
            "services[2].endpoints[0].calls[1].to: unknown endpoint 'payment/POST /charge'");
  }

  @Test
  void shouldNameThePathAndValueWhenRecordRangeIsViolated() {
    String yaml =
        """
        name: bad
        services:
          - {name: a, replicas: 1, workers: 0, endpoints: [{name: x, selfTime: {type: constant, value: 0.01}}]}
        """;
    assertThatThrownBy(() -> TwinSpecs.fromYaml(yaml))
        .isInstanceOf(InvalidSpecException.class)
        .hasMessage("services[0].workers: must be >= 1, but was 0");
  }

  @Test
  void shouldNameThePathWhenNestedDistributionIsInvalid() {
    String yaml =
        """
        name: bad
        services:
          - {name: a, replicas: 1, workers: 1, endpoints: [{name: x, selfTime: {type: lognormal, p50: 0.2, p99: 0.1}}]}
        """;
    assertThatThrownBy(() -> TwinSpecs.fromYaml(yaml))
        .isInstanceOf(InvalidSpecException.class)
        .hasMessage("services[0].endpoints[0].selfTime.p99: must be > p50 (0.2), but was 0.1");
  }

  @Test
  void shouldRejectCallCyclesWhenEndpointsCallEachOther() {
    String yaml =
        """
        name: bad
        services:
          - {name: a, replicas: 1, workers: 1, endpoints: [{name: x, selfTime: {type: constant, value: 0}, calls: [{to: b/y}]}]}
          - {name: b, replicas: 1, workers: 1, endpoints: [{name: y, selfTime: {type: constant, value: 0}, calls: [{to: a/x}]}]}
        """;
    assertThatThrownBy(() -> TwinSpecs.fromYaml(yaml))
        .isInstanceOf(InvalidSpecException.class)
        .hasMessageContaining("call cycle through 'a/x'");
  }

  @Test
  void shouldNameUnknownFieldWhenPropertyIsMisspelled() {
    String yaml = "name: bad\nservicez: []\n";
    assertThatThrownBy(() -> TwinSpecs.fromYaml(yaml))
        .isInstanceOf(InvalidSpecException.class)
        .hasMessageContaining("servicez");
  }

  @Test
  void shouldLoadAndRoundTripWhenExampleFilesAreRead() {
    TwinSpec shop = TwinSpecs.read(EXAMPLES.resolve("shop.yaml"));
    Scenario incident = TwinSpecs.readScenario(EXAMPLES.resolve("shop-incident.yaml"));
    incident.validateAgainst(shop);
    assertThat(shop.services()).hasSize(20);
    assertThat(TwinSpecs.fromYaml(TwinSpecs.toYaml(shop))).isEqualTo(shop);
    assertThat(TwinSpecs.scenarioFromYaml(TwinSpecs.toYaml(incident))).isEqualTo(incident);
  }

  @Test
  void shouldNameTheFieldWhenAWorkerLossLeavesNoWorker() {
    String yaml = "name: cut\nfaults:\n  - {kind: WORKER_LOSS, at: 10, target: api, factor: 0.5}\n";
    assertThatThrownBy(() -> TwinSpecs.scenarioFromYaml(yaml))
        .hasMessageContaining("faults[0].factor: must be >= 1 for WORKER_LOSS")
        .hasMessageContaining("0.5");
  }
}
