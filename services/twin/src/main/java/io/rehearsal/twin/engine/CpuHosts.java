package io.rehearsal.twin.engine;

import java.util.Arrays;

/**
 * Processor sharing of each host's cores among the CPU demand of the requests running on it. Each
 * request uses at most one core, each replica at most its CPU limit; the cores are shared equally
 * per request (water-filling) among replicas that are not held back by their limit. When the set of
 * jobs on a host changes, remaining work is brought up to date and the next completion is
 * rescheduled; a per-host token discards stale completion events.
 */
final class CpuHosts {
  private static final double DONE = 1e-9;
  private final double[] cores;
  private final int[][] jobs;
  private final int[] jobCount;
  private final double[] lastUpdate;
  private final Requests requests;
  private final Replicas replicas;
  private final double[] serviceLimit;
  private final EventQueue events;
  private final Timers timers;
  private int[] perReplica = new int[16];
  private double[] allocation = new double[16];
  private int[] distinct = new int[16];
  private final int[] done;
  int doneCount;

  CpuHosts(Model model, Requests requests, Replicas replicas, EventQueue events, Timers timers) {
    this.cores = model.hostCores;
    int hosts = cores.length;
    this.jobs = new int[hosts][16];
    this.jobCount = new int[hosts];
    this.lastUpdate = new double[hosts];
    this.requests = requests;
    this.replicas = replicas;
    this.serviceLimit = model.cpuLimit;
    this.events = events;
    this.timers = timers;
    this.done = new int[1024];
  }

  void add(int host, int h, double work, double now) {
    advance(host, now);
    requests.cpuLeft[h] = work;
    if (jobCount[host] == jobs[host].length) {
      jobs[host] = Arrays.copyOf(jobs[host], jobCount[host] * 2);
    }
    jobs[host][jobCount[host]++] = h;
    reschedule(host, now);
  }

  void remove(int host, int h, double now) {
    advance(host, now);
    int[] list = jobs[host];
    for (int i = 0; i < jobCount[host]; i++) {
      if (list[i] == h) {
        list[i] = list[--jobCount[host]];
        break;
      }
    }
    reschedule(host, now);
  }

  /**
   * Handles the host's completion timer (whose id is the host index); finished handles are left in
   * {@link #finished(int)} for {@code i < doneCount}.
   */
  void complete(int host, double now) {
    doneCount = 0;
    advance(host, now);
    int[] list = jobs[host];
    for (int i = 0; i < jobCount[host]; ) {
      int h = list[i];
      if (requests.cpuLeft[h] <= DONE && doneCount < done.length) {
        done[doneCount++] = h;
        list[i] = list[--jobCount[host]];
      } else {
        i++;
      }
    }
    reschedule(host, now);
  }

  int finished(int i) {
    return done[i];
  }

  int jobs(int host) {
    return jobCount[host];
  }

  private void advance(int host, double now) {
    double dt = now - lastUpdate[host];
    lastUpdate[host] = now;
    if (dt <= 0) {
      return;
    }
    int[] list = jobs[host];
    for (int i = 0; i < jobCount[host]; i++) {
      int h = list[i];
      requests.cpuLeft[h] -= requests.cpuRate[h] * dt;
    }
  }

  private void reschedule(int host, double now) {
    int n = jobCount[host];
    if (n == 0) {
      timers.remove(host);
      return;
    }
    share(host);
    double next = Double.POSITIVE_INFINITY;
    int[] list = jobs[host];
    for (int i = 0; i < n; i++) {
      int h = list[i];
      double t = Math.max(0, requests.cpuLeft[h]) / requests.cpuRate[h];
      next = Math.min(next, t);
    }
    timers.set(host, now + next, events.nextOrder(Sim.PRIORITY_NORMAL));
  }

  /** Water-filling: sets each job's rate given per-replica demand caps and the host's cores. */
  private void share(int host) {
    int[] list = jobs[host];
    int n = jobCount[host];
    ensure(replicas.count);
    int kinds = 0;
    for (int i = 0; i < n; i++) {
      int r = requests.replica[list[i]];
      if (perReplica[r]++ == 0) {
        distinct[kinds++] = r;
      }
    }
    fill(host, kinds, n);
    for (int i = 0; i < n; i++) {
      int r = requests.replica[list[i]];
      requests.cpuRate[list[i]] = allocation[r] / perReplica[r];
    }
    for (int k = 0; k < kinds; k++) {
      perReplica[distinct[k]] = 0;
    }
  }

  private void fill(int host, int kinds, int jobsLeft) {
    double capacity = cores[host];
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
