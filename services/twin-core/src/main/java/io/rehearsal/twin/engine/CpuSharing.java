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
