package io.rehearsal.twin.engine;

import java.util.Arrays;

/**
 * Rolling replacement of a service's replicas (rollback, restart) with a surge of one: start a new
 * replica; when it is ready, drain one old replica; repeat until every old one is replaced.
 */
final class Rolling {
  private final Sim sim;
  private final Control control;
  private final int[][] old;
  private final int[] next;
  private final int[] mask;
  private final int[] replacement;

  Rolling(Sim sim, Control control) {
    this.sim = sim;
    this.control = control;
    int s = sim.model.services;
    old = new int[s][];
    next = new int[s];
    mask = new int[s];
    replacement = new int[s];
    Arrays.fill(replacement, -1);
  }

  void start(int s, int immunity) {
    Replicas reps = sim.replicas;
    int[] members = Arrays.copyOf(reps.members[s], reps.memberCount[s]);
    old[s] = Arrays.stream(members).filter(r -> reps.state[r] != Replicas.DRAINING).toArray();
    next[s] = 0;
    mask[s] = immunity;
    step(s);
  }

  private void step(int s) {
    if (old[s] == null || next[s] >= old[s].length) {
      old[s] = null;
      replacement[s] = -1;
      return;
    }
    replacement[s] = control.launch(s, mask[s]);
  }

  void onReady(int r) {
    int s = sim.replicas.service[r];
    if (replacement[s] != r) {
      return;
    }
    int victim = old[s][next[s]++];
    int state = sim.replicas.state[victim];
    if (state == Replicas.READY || state == Replicas.STARTING) {
      control.drain(victim);
    }
    step(s);
  }
}
