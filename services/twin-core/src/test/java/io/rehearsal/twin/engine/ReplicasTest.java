package io.rehearsal.twin.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReplicasTest {

  @Test
  void shouldIntegrateCapacityOncePerConstantStretchHoweverOftenTheLoadChanges() {
    Replicas reps = new Replicas(1, 1);
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
    Replicas reps = new Replicas(1, 1);
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

  @Test
  void shouldRoundRobinWithinTheCallersRegionWhateverTheOtherRegionPicks() {
    Replicas reps = new Replicas(1, 2);
    int eu1 = ready(reps, 0);
    int us1 = ready(reps, 1);
    int eu2 = ready(reps, 0);
    int us2 = ready(reps, 1);
    // callers from both regions interleave; each region's picks still alternate evenly
    assertThat(new int[] {reps.pick(0, 0), reps.pick(0, 1), reps.pick(0, 0), reps.pick(0, 0)})
        .containsExactly(eu1, us1, eu2, eu1);
    assertThat(new int[] {reps.pick(0, 1), reps.pick(0, 1)}).containsExactly(us2, us1);
  }

  @Test
  void shouldFallBackToAnyRegionWhenNoReplicaOfTheCallersRegionIsReady() {
    Replicas reps = new Replicas(1, 2);
    int eu1 = ready(reps, 0);
    int us1 = ready(reps, 1);
    int us2 = ready(reps, 1);
    reps.drain(eu1, 1);
    assertThat(new int[] {reps.pick(0, 0), reps.pick(0, 0), reps.pick(0, 0)})
        .containsExactly(us1, us2, us1);
    reps.stop(eu1, 2);
    reps.stop(us1, 2);
    assertThat(new int[] {reps.pick(0, 0), reps.pick(0, 1), reps.pick(0, -1)})
        .containsExactly(us2, us2, us2);
    reps.stop(us2, 3); // every list empty, cursors past their ends
    assertThat(new int[] {reps.pick(0, 0), reps.pick(0, 1), reps.pick(0, -1)})
        .containsExactly(-1, -1, -1);
  }

  private static int ready(Replicas reps, int region) {
    int r = reps.add(0, -1, region, 0, 0);
    reps.setReady(r, 0);
    return r;
  }
}
