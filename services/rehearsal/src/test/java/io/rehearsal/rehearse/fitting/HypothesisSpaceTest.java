package io.rehearsal.rehearse.fitting;

import static org.assertj.core.api.Assertions.assertThat;

import io.rehearsal.twin.spec.Fault;
import io.rehearsal.twin.spec.FaultKind;
import io.rehearsal.twin.spec.TwinSpec;
import io.rehearsal.twin.spec.TwinSpecs;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class HypothesisSpaceTest {
  private static final TwinSpec SHOP = TwinSpecs.read(Path.of("../../examples/twin/shop.yaml"));

  @Test
  void shouldKeepOnlyTheSymptomaticPathWhenTheGatewayIsSlow() {
    Symptoms observed =
        FaultFitterTest.symptoms(
            new Fault(FaultKind.DEPENDENCY_SLOWDOWN, 20, 60.0, "payment-gateway", 8.0, null), 3);
    Symptoms healthy =
        FaultFitterTest.symptoms(new Fault(FaultKind.LATENCY, 20, 60.0, "ads", 1.0, null), 4);
    List<Hypothesis> space = new HypothesisSpace(SHOP).prune(observed, healthy);
    List<String> labels = space.stream().map(Hypothesis::label).toList();
    assertThat(labels)
        .contains(
            "DEPENDENCY_SLOWDOWN payment-gateway",
            "DEPENDENCY_DELAY payment-gateway",
            "DEPENDENCY_OUTAGE payment-gateway",
            "LATENCY payment",
            "SERVICE_DELAY payment",
            "REPLICA_CRASH payment",
            "WORKER_LOSS checkout",
            "LATENCY checkout")
        .doesNotContain("LATENCY ads", "DEPENDENCY_SLOWDOWN inventory-db");
    // three services on the path x five kinds, three dependency kinds; nothing off the path
    assertThat(space).hasSizeLessThanOrEqualTo(18);
  }

  @Test
  void shouldAddASurgeOfAllEntriesWhenMoreThanOneEntryRose() {
    Symptoms observed =
        FaultFitterTest.symptoms(new Fault(FaultKind.TRAFFIC_SURGE, 20, 60.0, "*", 2.5, null), 3);
    Symptoms healthy =
        FaultFitterTest.symptoms(new Fault(FaultKind.LATENCY, 20, 60.0, "ads", 1.0, null), 4);
    List<String> labels =
        new HypothesisSpace(SHOP).prune(observed, healthy).stream().map(Hypothesis::label).toList();
    assertThat(labels).contains("TRAFFIC_SURGE *");
  }
}
