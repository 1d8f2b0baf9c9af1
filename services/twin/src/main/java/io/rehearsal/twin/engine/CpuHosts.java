package io.rehearsal.twin.engine;

import java.util.Arrays;

/**
 * Processor sharing of each host's cores among the CPU demand of the requests running on it. Each
 * request uses at most one core, each replica at most its CPU limit; the cores are shared equally
 * per request (water-filling) among replicas that are not held back by their limit.
 *
 * <p>A host is in one of two modes. While it is <em>free</em> — no more jobs than cores and no
 * replica above its limit — every job runs at full speed, so its CPU ends at start + demand: the
 * end of its self time is scheduled at once (one event, no bookkeeping). When a new job makes the
 * host <em>shared</em>, the free jobs' remaining demand is taken over by exact processor sharing:
 * their scheduled ends are revoked (the request's CPU epoch moves on), remaining work is brought up
 * to date whenever the set of jobs changes, and the host's completion {@link Timers timer} is moved
 * to the next completion. When completions leave the host uncontended again it returns to free
 * mode, scheduling each job's end from its remaining demand.
 */
final class CpuHosts {
  private static final double DONE = 1e-9;
  private final double[] cores;
  private final int[][] jobs;
  private final int[] jobCount;
  private final boolean[] shared;
  private final int[] overLimit;
  private final double[] lastUpdate;
  private final Requests requests;
  private final Replicas replicas;
  private final double[] serviceLimit;
  private final EventQueue events;
  private final Timers timers;
  private int[] replicaJobs = new int[16];
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
    this.shared = new boolean[hosts];
    this.overLimit = new int[hosts];
    this.lastUpdate = new double[hosts];
    this.requests = requests;
    this.replicas = replicas;
    this.serviceLimit = model.cpuLimit;
    this.events = events;
    this.timers = timers;
    this.done = new int[1024];
  }

  /**
   * Starts {@code work} CPU-seconds of request {@code h} on {@code host}; after it, the request
   * waits {@code Requests.waitAfterCpu[h]} and its self time ends (a SELF_DONE event).
   */
  void add(int host, int h, double work, double now) {
    ensure(replicas.count);
    if (!shared[host]) {
      purge(host, now);
    } else {
      advance(host, now);
    }
    append(host, h);
    if (shared[host]) {
      requests.cpuLeft[h] = work;
      reschedule(host, now);
    } else if (uncontended(host)) {
      requests.cpuEnd[h] = now + work;
      scheduleEnd(h);
    } else {
      toShared(host, now);
      requests.cpuLeft[h] = work;
      reschedule(host, now);
    }
  }

  /** Takes request {@code h} off the host (its replica was killed). */
  void remove(int host, int h, double now) {
    if (requests.cpuIndex[h] < 0) {
      return;
    }
    if (shared[host]) {
      advance(host, now);
    }
    drop(host, requests.cpuIndex[h]);
    if (shared[host]) {
      reschedule(host, now);
    }
  }

  /**
   * The self time of {@code h} ended: if its CPU ran in free mode and has not been purged yet, it
   * leaves the host's list now, before the handle can be reused.
   */
  void leave(int host, int h) {
    if (requests.cpuIndex[h] >= 0 && !shared[host]) {
      drop(host, requests.cpuIndex[h]);
    }
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
        drop(host, i);
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

  private boolean uncontended(int host) {
    return jobCount[host] <= cores[host] && overLimit[host] == 0;
  }

  private void append(int host, int h) {
    if (jobCount[host] == jobs[host].length) {
      jobs[host] = Arrays.copyOf(jobs[host], jobCount[host] * 2);
    }
    requests.cpuIndex[h] = jobCount[host];
    jobs[host][jobCount[host]++] = h;
    int r = requests.replica[h];
    if (++replicaJobs[r] - 1 <= limit(r) && replicaJobs[r] > limit(r)) {
      overLimit[host]++;
    }
  }

  private void drop(int host, int i) {
    int[] list = jobs[host];
    int h = list[i];
    int r = requests.replica[h];
    int moved = list[--jobCount[host]];
    list[i] = moved;
    requests.cpuIndex[moved] = i;
    requests.cpuIndex[h] = Requests.NONE;
    if (--replicaJobs[r] + 1 > limit(r) && replicaJobs[r] <= limit(r)) {
      overLimit[host]--;
    }
  }

  private double limit(int r) {
    return serviceLimit[replicas.service[r]];
  }

  /** Free mode: forgets the jobs whose CPU has ended by {@code now}. */
  private void purge(int host, double now) {
    int[] list = jobs[host];
    for (int i = 0; i < jobCount[host]; ) {
      if (requests.cpuEnd[list[i]] <= now) {
        drop(host, i);
      } else {
        i++;
      }
    }
  }

  private void scheduleEnd(int h) {
    double wait = requests.waitAfterCpu[h];
    double end = requests.cpuEnd[h] + Math.max(0, wait);
    events.push(end, Sim.PRIORITY_NORMAL, Sim.SELF_DONE, h, requests.gen[h], requests.cpuEpoch[h]);
  }

  /** Revokes the scheduled ends of the jobs already on the host (all but the last, just added). */
  private void toShared(int host, double now) {
    shared[host] = true;
    lastUpdate[host] = now;
    int[] list = jobs[host];
    for (int i = 0; i < jobCount[host] - 1; i++) {
      int h = list[i];
      requests.cpuEpoch[h]++;
      requests.cpuLeft[h] = requests.cpuEnd[h] - now;
    }
  }

  private void toFree(int host, double now) {
    shared[host] = false;
    timers.remove(host);
    int[] list = jobs[host];
    for (int i = 0; i < jobCount[host]; i++) {
      int h = list[i];
      requests.cpuEnd[h] = now + Math.max(0, requests.cpuLeft[h]);
      scheduleEnd(h);
    }
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
    if (uncontended(host)) {
      toFree(host, now);
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
      replicaJobs = Arrays.copyOf(replicaJobs, n);
      perReplica = Arrays.copyOf(perReplica, n);
      allocation = Arrays.copyOf(allocation, n);
      distinct = Arrays.copyOf(distinct, n);
    }
  }
}
