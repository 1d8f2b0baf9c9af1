package io.rehearsal.twin.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReplicasTest {

  @Test
  void shouldIntegrateCapacityOncePerConstantStretchHoweverOftenTheLoadChanges() {
    Replicas reps = new Replicas(1);
    for (int i = 0; i < 3; i++) {
      reps.setReady(reps.add(0, -1, 0, 0, 0), 0);
    }
    double now = 0;
    for (int i = 1; i <= 600_000; i++) { // a load change every millisecond for 600 s
      now = i * 0.001;
      reps.integrateLoad(0, now);
      reps.serviceBusy[0] = i % 3;
    }
    reps.integrate(0, now);
    // one product per stretch gives exactly 1800 replica-seconds; 600,000 slices of 3 x 0.001,
    // summed at every load change, gave 1800.000000007894
    assertThat(reps.readyIntegral[0]).isEqualTo(3 * now);
    assertThat(reps.liveIntegral[0]).isEqualTo(3 * now);
    assertThat(reps.busyIntegral[0]).isCloseTo(600, org.assertj.core.data.Offset.offset(0.01));
  }

  @Test
  void shouldIntegrateCapacityPiecewiseWhenReplicasComeAndGo() {
    Replicas reps = new Replicas(1);
    int a = reps.add(0, -1, 0, 0, 0);
    reps.setReady(a, 2); // starting 0..2, ready from 2
    int b = reps.add(0, -1, 0, 0, 5);
    reps.setReady(b, 7);
    reps.integrateLoad(0, 8);
    reps.drain(a, 9); // a no longer ready from 9
    reps.stop(a, 10); // a no longer live from 10
    reps.integrate(0, 12);
    assertThat(reps.readyIntegral[0]).isEqualTo((9 - 2) + (12 - 7));
    assertThat(reps.liveIntegral[0]).isEqualTo((10 - 0) + (12 - 5));
  }
}
