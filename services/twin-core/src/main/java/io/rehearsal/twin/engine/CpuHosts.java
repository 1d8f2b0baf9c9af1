package io.rehearsal.twin.engine;

import java.util.Arrays;

/**
 * Processor sharing of each host's cores among the CPU demand of the requests running on it. Each
 * request uses at most one core, each replica at most its CPU limit; the cores are shared equally
 * per request (water-filling) among replicas that are not held back by their limit.
 *
 * <p>The exact sharing is kept cheap by doing only as much of it as the situation needs:
 *
 * <ul>
 *   <li>While a host has no more jobs than cores, replicas do not compete: a replica within its
 *       limit runs each job at full speed, so the job's CPU ends at start + demand and the end of
 *       its self time is scheduled at once (one event, no bookkeeping; these <em>free</em> jobs are
 *       dropped from the lists lazily once they have ended).
 *   <li>A replica with more jobs than its limit is <em>capped</em>: its jobs share the limit
 *       equally, under a per-replica completion {@link Timers timer}.
 *   <li>A host with more jobs than cores is <em>saturated</em>: full water-filling over all its
 *       jobs, under the host's timer.
 * </ul>
 *
 * Moving a job into sharing revokes its scheduled end (the request's CPU epoch moves on) and turns
 * the rest of it into remaining work; leaving sharing schedules the end from the remaining work.
 * {@link CpuSharing} holds the water-filling. On a first-come ({@code FIFO}) host a saturated host
 * instead runs its jobs in the order their CPU phases arrived, each on a core of its own (within
 * its replica's limit), and the others wait.
 */
final class CpuHosts {
  private static final double DONE = 1e-9;
  private final double[] cores;
  private long arrivals;
  private final boolean[] fifo;
  private final int[][] jobs;
  private final int[] jobCount;
  private final boolean[] saturated;
  private final double[] lastUpdate;
  private final Requests q;
  private final Replicas replicas;
  private final double[] serviceLimit;
  private final EventQueue events;
  private final Timers timers;
  private final int replicaTimerBase;
  private final CpuSharing sharing;
  private int[][] replicaJobs = new int[16][];
  private int[] replicaCount = new int[16];
  private boolean[] capped = new boolean[16];
  private double[] replicaUpdate = new double[16];
  private final int[] done = new int[1024];
  int doneCount;

  CpuHosts(
      Model model,
      Requests requests,
      Replicas replicas,
      EventQueue events,
      Timers timers,
      int replicaTimerBase) {
    this.cores = model.hostCores;
    this.fifo = model.hostFifo;
    int hosts = cores.length;
    this.jobs = new int[hosts][16];
    this.jobCount = new int[hosts];
    this.saturated = new boolean[hosts];
    this.lastUpdate = new double[hosts];
    this.q = requests;
    this.replicas = replicas;
    this.serviceLimit = model.cpuLimit;
    this.events = events;
    this.timers = timers;
    this.replicaTimerBase = replicaTimerBase;
    this.sharing = new CpuSharing(model.cpuLimit, requests, replicas);
  }

  /**
   * Starts {@code work} CPU-seconds of request {@code h} (already admitted to its replica) on
   * {@code host}; after it the request waits {@code Requests.waitAfterCpu[h]}, then its self time
   * ends (a SELF_DONE event).
   */
  void add(int host, int h, double work, double now) {
    int r = q.replica[h];
    ensure(replicas.count);
    q.cpuOrder[h] = ++arrivals;
    if (saturated[host]) {
      advanceHost(host, now);
      link(host, h);
      q.cpuLeft[h] = work;
      rescheduleHost(host, now);
      return;
    }
    purge(host, now);
    if (capped[r]) {
      advanceReplica(r, now);
    }
    link(host, h);
    q.cpuLeft[h] = work;
    if (jobCount[host] > cores[host]) {
      saturate(host, now, h);
    } else if (capped[r]) {
      rescheduleReplica(r, now);
    } else if (replicaCount[r] > limit(r)) {
      cap(r, now, h);
    } else {
      q.cpuEnd[h] = now + work;
      scheduleEnd(h);
    }
  }

  /** Takes request {@code h} off its host (its replica was killed). */
  void remove(int host, int h, double now) {
    if (q.cpuIndex[h] < 0) {
      return;
    }
    int r = q.replica[h];
    if (saturated[host]) {
      advanceHost(host, now);
      unlink(host, h);
      rescheduleHost(host, now);
    } else if (capped[r]) {
      advanceReplica(r, now);
      unlink(host, h);
      rescheduleReplica(r, now);
    } else {
      unlink(host, h);
    }
  }

  /**
   * The self time of {@code h} ended: if its CPU ran free and has not been purged yet, it leaves
   * the lists now, before the handle can be reused.
   */
  void leave(int host, int h) {
    if (q.cpuIndex[h] >= 0 && !saturated[host] && !capped[q.replica[h]]) {
      unlink(host, h);
    }
  }

  /** Whether timer {@code id} is one of this class's (a host's or a replica's). */
  boolean owns(int id) {
    return id < cores.length || id >= replicaTimerBase;
  }

  /**
   * Handles a completion timer; finished handles are left in {@link #finished(int)} for {@code i <
   * doneCount}.
   */
  void onTimer(int id, double now) {
    doneCount = 0;
    if (id < cores.length) {
      advanceHost(id, now);
      collect(id, jobs[id], jobCount[id]);
      rescheduleHost(id, now);
    } else {
      int r = id - replicaTimerBase;
      advanceReplica(r, now);
      collect(replicas.host[r], replicaJobs[r], replicaCount[r]);
      rescheduleReplica(r, now);
    }
  }

  int finished(int i) {
    return done[i];
  }

  private void collect(int host, int[] list, int count) {
    for (int i = count - 1; i >= 0; i--) {
      int h = list[i];
      if (q.cpuLeft[h] <= DONE && doneCount < done.length) {
        done[doneCount++] = h;
        unlink(host, h);
      }
    }
  }

  private double limit(int r) {
    return serviceLimit[replicas.service[r]];
  }

  /** Free jobs whose CPU has ended by {@code now} leave the lists. */
  private void purge(int host, double now) {
    int[] list = jobs[host];
    for (int i = jobCount[host] - 1; i >= 0; i--) {
      int h = list[i];
      if (q.cpuEnd[h] <= now && !capped[q.replica[h]]) {
        unlink(host, h);
      }
    }
  }

  private void scheduleEnd(int h) {
    q.cpuTicket[h] =
        events.push(selfEnd(h), Sim.PRIORITY_NORMAL, Sim.SELF_DONE, h, q.gen[h], q.cpuEpoch[h]);
  }

  /** When the self time of a job running free ends: its CPU end, then its wait. */
  private double selfEnd(int h) {
    return q.cpuEnd[h] + Math.max(0, q.waitAfterCpu[h]);
  }

  /**
   * A free job enters sharing: its scheduled end is taken back (or, if the queue cannot, left to be
   * ignored as stale: the CPU epoch moves on), the rest becomes remaining work.
   */
  private void revoke(int h, double now) {
    events.withdraw(q.cpuTicket[h], selfEnd(h), Sim.SELF_DONE, h, q.gen[h], q.cpuEpoch[h]);
    q.cpuEpoch[h]++;
    q.cpuLeft[h] = q.cpuEnd[h] - now;
  }

  /** Sharing ends for job {@code h}: its end is scheduled from its remaining work. */
  private void release(int h, double now) {
    q.cpuEnd[h] = now + Math.max(0, q.cpuLeft[h]);
    scheduleEnd(h);
  }

  // Capped replicas: their jobs share the replica's limit equally.

  private void cap(int r, double now, int added) {
    capped[r] = true;
    replicaUpdate[r] = now;
    int[] list = replicaJobs[r];
    for (int i = 0; i < replicaCount[r]; i++) {
      if (list[i] != added) {
        revoke(list[i], now);
      }
    }
    rescheduleReplica(r, now);
  }

  private void advanceReplica(int r, double now) {
    double dt = now - replicaUpdate[r];
    replicaUpdate[r] = now;
    if (dt <= 0 || replicaCount[r] == 0) {
      return;
    }
    double used = limit(r) / replicaCount[r] * dt;
    int[] list = replicaJobs[r];
    for (int i = 0; i < replicaCount[r]; i++) {
      q.cpuLeft[list[i]] -= used;
    }
  }

  private void rescheduleReplica(int r, double now) {
    int n = replicaCount[r];
    int[] list = replicaJobs[r];
    if (n <= limit(r)) {
      capped[r] = false;
      timers.remove(replicaTimerBase + r);
      for (int i = 0; i < n; i++) {
        release(list[i], now);
      }
      return;
    }
    double least = Double.POSITIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      least = Math.min(least, q.cpuLeft[list[i]]);
    }
    double rate = limit(r) / n;
    timers.set(
        replicaTimerBase + r,
        now + Math.max(0, least) / rate,
        events.nextOrder(Sim.PRIORITY_NORMAL));
  }

  // Saturated hosts: water-filling over all jobs.

  private void saturate(int host, double now, int added) {
    saturated[host] = true;
    lastUpdate[host] = now;
    int[] list = jobs[host];
    for (int i = 0; i < jobCount[host]; i++) {
      int h = list[i];
      int r = q.replica[h];
      if (capped[r]) {
        advanceReplica(r, now);
      } else if (h != added) {
        revoke(h, now);
      }
    }
    for (int i = 0; i < jobCount[host]; i++) {
      int r = q.replica[list[i]];
      if (capped[r]) {
        capped[r] = false;
        timers.remove(replicaTimerBase + r);
      }
    }
    rescheduleHost(host, now);
  }

  private void advanceHost(int host, double now) {
    double dt = now - lastUpdate[host];
    lastUpdate[host] = now;
    if (dt > 0) {
      int[] list = jobs[host];
      for (int i = 0; i < jobCount[host]; i++) {
        q.cpuLeft[list[i]] -= q.cpuRate[list[i]] * dt;
      }
    }
  }

  private void rescheduleHost(int host, double now) {
    int n = jobCount[host];
    int[] list = jobs[host];
    if (n <= cores[host]) {
      desaturate(host, now);
      return;
    }
    if (fifo[host]) {
      sharing.firstCome(list, n, cores[host]);
    } else {
      sharing.share(list, n, cores[host]);
    }
    double next = Double.POSITIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      int h = list[i];
      if (q.cpuRate[h] > 0) {
        next = Math.min(next, Math.max(0, q.cpuLeft[h]) / q.cpuRate[h]);
      }
    }
    timers.set(host, now + next, events.nextOrder(Sim.PRIORITY_NORMAL));
  }

  /** The host has cores enough again: each replica's jobs go free or capped. */
  private void desaturate(int host, double now) {
    saturated[host] = false;
    timers.remove(host);
    int[] list = jobs[host];
    for (int i = 0; i < jobCount[host]; i++) {
      int r = q.replica[list[i]];
      if (replicaCount[r] > limit(r) && !capped[r]) {
        capped[r] = true;
        replicaUpdate[r] = now;
        rescheduleReplica(r, now);
      }
    }
    for (int i = 0; i < jobCount[host]; i++) {
      int h = list[i];
      if (!capped[q.replica[h]]) {
        release(h, now);
      }
    }
  }

  // Lists: each job is in its host's list and its replica's list (swap-remove, O(1)).

  private void link(int host, int h) {
    if (jobCount[host] == jobs[host].length) {
      jobs[host] = Arrays.copyOf(jobs[host], jobCount[host] * 2);
    }
    q.cpuIndex[h] = jobCount[host];
    jobs[host][jobCount[host]++] = h;
    int r = q.replica[h];
    if (replicaJobs[r] == null) {
      replicaJobs[r] = new int[4];
    } else if (replicaCount[r] == replicaJobs[r].length) {
      replicaJobs[r] = Arrays.copyOf(replicaJobs[r], replicaCount[r] * 2);
    }
    q.cpuReplicaIndex[h] = replicaCount[r];
    replicaJobs[r][replicaCount[r]++] = h;
  }

  private void unlink(int host, int h) {
    int i = q.cpuIndex[h];
    int moved = jobs[host][--jobCount[host]];
    jobs[host][i] = moved;
    q.cpuIndex[moved] = i;
    q.cpuIndex[h] = Requests.NONE;
    int r = q.replica[h];
    int k = q.cpuReplicaIndex[h];
    int other = replicaJobs[r][--replicaCount[r]];
    replicaJobs[r][k] = other;
    q.cpuReplicaIndex[other] = k;
  }

  private void ensure(int replicaTotal) {
    if (replicaCount.length < replicaTotal) {
      int n = Math.max(replicaTotal, replicaCount.length * 2);
      replicaJobs = Arrays.copyOf(replicaJobs, n);
      replicaCount = Arrays.copyOf(replicaCount, n);
      capped = Arrays.copyOf(capped, n);
      replicaUpdate = Arrays.copyOf(replicaUpdate, n);
      timers.ensure(replicaTimerBase + n);
    }
  }
}
