package io.rehearsal.detector.loop;

import static org.assertj.core.api.Assertions.assertThat;

import io.rehearsal.ml.rca.RcaInput;
import io.rehearsal.ml.rca.ServiceState;
import io.rehearsal.twin.spec.TwinSpec;
import io.rehearsal.twin.spec.TwinSpecs;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Replica counts for proposals come from the twin, not from spans without instance ids. */
class CurrentTwinTest {

  @Test
  void shouldTakeEveryServicesReplicasFromTheTwinWhenTheSpansReportNone() {
    TwinSpec spec = TwinSpecs.read(Path.of("../../examples/twin/shop.yaml"));
    CurrentTwin twin = CurrentTwin.of("ab".repeat(32), spec);
    ServiceState seen =
        new ServiceState(
            "frontend", 0, 0, 16, 16, Double.NaN, Double.NaN, Set.of("1"), Set.of("2"), "", 0);
    RcaInput input = new RcaInput("inc-1", List.of(), List.of(), List.of(), List.of(seen));

    RcaInput withReplicas = twin.withReplicas(input);

    assertThat(twin.replicas()).containsEntry("frontend", 4).hasSize(spec.services().size());
    assertThat(withReplicas.services()).hasSize(spec.services().size());
    for (ServiceState s : withReplicas.services()) {
      assertThat(s.instancesBefore()).as(s.service()).isEqualTo(twin.replicas().get(s.service()));
    }
    ServiceState frontend = withReplicas.services().get(0);
    assertThat(frontend.service()).isEqualTo("frontend");
    assertThat(frontend.workersBefore()).isEqualTo(16);
    assertThat(frontend.versionChanged()).isTrue();
  }

  @Test
  void shouldLeaveTheInputAsItIsWhenTheTwinHasNoCounts() {
    RcaInput input = new RcaInput("inc-1", List.of(), List.of(), List.of(), List.of());

    assertThat(new CurrentTwin("ab".repeat(32), java.util.Map.of()).withReplicas(input))
        .isSameAs(input);
  }
}
