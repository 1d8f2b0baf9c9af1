package io.rehearsal.twin.engine;

import java.util.Arrays;

/**
 * Water-filling of a saturated host's cores: each job gets at most one core, each replica at most
 * its CPU limit, and what is left is shared equally per job among the replicas not held back by
 * their limit. Sets {@link Requests#cpuRate} of every job; scratch arrays are reused.
 */
final class CpuSharing {
  private final double[] serviceLimit;
  private final Requests q;
  private final Replicas replicas;
  private int[] perReplica = new int[16];
  private double[] allocation = new double[16];
  private int[] distinct = new int[16];
  private static final int POSITION_BITS = 23;
  private static final long MAX_ORDER = (1L << 40) - 1;
  private long[] order = new long[16];
  private int kindsUsed;

  CpuSharing(double[] serviceLimit, Requests requests, Replicas replicas) {
    this.serviceLimit = serviceLimit;
    this.q = requests;
    this.replicas = replicas;
  }

  /** Sets the rates of the {@code n} jobs in {@code list} sharing {@code cores}. */
  void share(int[] list, int n, double cores) {
    ensure(replicas.count);
    int kinds = 0;
    for (int i = 0; i < n; i++) {
      int r = q.replica[list[i]];
      if (perReplica[r]++ == 0) {
        distinct[kinds++] = r;
      }
    }
    fill(cores, kinds, n);
    for (int i = 0; i < n; i++) {
      int r = q.replica[list[i]];
      q.cpuRate[list[i]] = allocation[r] / perReplica[r];
    }
    for (int k = 0; k < kinds; k++) {
      perReplica[distinct[k]] = 0;
    }
  }

  /**
   * Sets the rates of the {@code n} jobs in {@code list} on {@code cores} first come, first served:
   * in the order of {@link Requests#cpuOrder} each job gets a core (the last a fraction of one),
   * within what its replica's limit leaves, and the rest wait at rate 0.
   */
  void firstCome(int[] list, int n, double cores) {
    ensure(replicas.count);
    if (order.length < n) {
      order = new long[Math.max(n, order.length * 2)];
    }
    // arrival order (40 bits) above the position in the list (23 bits): one primitive sort
    for (int i = 0; i < n; i++) {
      order[i] = ((q.cpuOrder[list[i]] & MAX_ORDER) << POSITION_BITS) | i;
    }
    Arrays.sort(order, 0, n);
    double left = cores;
    for (int k = 0; k < n; k++) {
      int h = list[(int) (order[k] & ((1L << POSITION_BITS) - 1))];
      int r = q.replica[h];
      if (perReplica[r] == 0) {
        allocation[r] = 0;
        distinct[kindsUsed++] = r;
      }
      perReplica[r]++;
      double rate = Math.max(0, Math.min(Math.min(1.0, left), limitOf(r) - allocation[r]));
      q.cpuRate[h] = rate;
      allocation[r] += rate;
      left -= rate;
    }
    for (int k = 0; k < kindsUsed; k++) {
      perReplica[distinct[k]] = 0;
    }
    kindsUsed = 0;
  }

  private double limitOf(int r) {
    return serviceLimit[replicas.service[r]];
  }

  private void fill(double cores, int kinds, int jobsLeft) {
    double capacity = cores;
    for (int k = 0; k < kinds; k++) {
      allocation[distinct[k]] = -1;
    }
    boolean changed = true;
    while (changed && jobsLeft > 0) {
      changed = false;
      double perJob = Math.min(1.0, capacity / jobsLeft);
      for (int k = 0; k < kinds; k++) {
        int r = distinct[k];
        double demand = Math.min(perReplica[r], serviceLimit[replicas.service[r]]);
        if (allocation[r] < 0 && demand <= perReplica[r] * perJob) {
          allocation[r] = demand;
          capacity -= demand;
          jobsLeft -= perReplica[r];
          changed = true;
        }
      }
    }
    double perJob = jobsLeft > 0 ? Math.min(1.0, capacity / jobsLeft) : 0;
    for (int k = 0; k < kinds; k++) {
      int r = distinct[k];
      if (allocation[r] < 0) {
        allocation[r] = perReplica[r] * perJob;
      }
    }
  }

  private void ensure(int replicaCount) {
    if (perReplica.length < replicaCount) {
      int n = Math.max(replicaCount, perReplica.length * 2);
      perReplica = Arrays.copyOf(perReplica, n);
      allocation = Arrays.copyOf(allocation, n);
      distinct = Arrays.copyOf(distinct, n);
    }
  }
}
