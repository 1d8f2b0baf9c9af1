package io.rehearsal.twin.engine;

import java.util.Arrays;

/**
 * Replicas of all services: state, busy workers, an intrusive FIFO queue of waiting requests
 * (linked through {@link Requests#nextInQueue}), and per-service time integrals of busy workers,
 * requests present and ready and live replicas (for utilisation, autoscaling and cost).
 *
 * <p>The load integrals (busy, present) change with nearly every event and are brought up to date
 * at every change ({@link #integrateLoad}); the capacity integrals (ready, live) change only when a
 * replica starts, becomes ready, drains or stops, so they are brought up to date only then and
 * before they are read ({@link #integrate}), one product per constant stretch.
 */
final class Replicas {
  static final int STARTING = 0;
  static final int READY = 1;
  static final int DRAINING = 2;
  static final int STOPPED = 3;

  int[] service = new int[16];
  int[] state = new int[16];
  int[] busy = new int[16];
  int[] queueHead = new int[16];
  int[] queueTail = new int[16];
  int[] queueLength = new int[16];
  int[] host = new int[16];
  int[] region = new int[16];
  int[] gen = new int[16];
  int[] immune = new int[16];
  int count;

  final int[][] members;
  final int[] memberCount;
  final int[] nextPick;
  final int[] ordinals;
  final int[] ready;
  final int[] live;
  final int[] serviceBusy;
  final int[] servicePresent;
  final double[] busyIntegral;
  final double[] presentIntegral;
  final double[] readyIntegral;
  final double[] liveIntegral;
  final long[] arrivals;
  private final double[] lastUpdate;
  private final double[] lastCapacityUpdate;

  Replicas(int services) {
    members = new int[services][8];
    memberCount = new int[services];
    nextPick = new int[services];
    ordinals = new int[services];
    ready = new int[services];
    live = new int[services];
    serviceBusy = new int[services];
    servicePresent = new int[services];
    busyIntegral = new double[services];
    presentIntegral = new double[services];
    readyIntegral = new double[services];
    liveIntegral = new double[services];
    arrivals = new long[services];
    lastUpdate = new double[services];
    lastCapacityUpdate = new double[services];
  }

  /**
   * Brings all the service's time integrals up to {@code now}; call before changing its replicas or
   * reading the integrals.
   */
  void integrate(int s, double now) {
    integrateLoad(s, now);
    double dt = now - lastCapacityUpdate[s];
    if (dt > 0) {
      readyIntegral[s] += ready[s] * dt;
      liveIntegral[s] += live[s] * dt;
      lastCapacityUpdate[s] = now;
    }
  }

  /** Brings the busy and present integrals up to {@code now}; call before changing those counts. */
  void integrateLoad(int s, double now) {
    double dt = now - lastUpdate[s];
    if (dt > 0) {
      busyIntegral[s] += serviceBusy[s] * dt;
      presentIntegral[s] += servicePresent[s] * dt;
      lastUpdate[s] = now;
    }
  }

  int add(int s, int hostIndex, int regionIndex, int immunity, double now) {
    integrate(s, now);
    if (count == service.length) {
      grow();
    }
    int r = count++;
    service[r] = s;
    state[r] = STARTING;
    host[r] = hostIndex;
    region[r] = regionIndex;
    immune[r] = immunity;
    busy[r] = 0;
    queueLength[r] = 0;
    queueHead[r] = Requests.NONE;
    queueTail[r] = Requests.NONE;
    if (memberCount[s] == members[s].length) {
      members[s] = Arrays.copyOf(members[s], memberCount[s] * 2);
    }
    members[s][memberCount[s]++] = r;
    ordinals[s]++;
    live[s]++;
    return r;
  }

  void setReady(int r, double now) {
    integrate(service[r], now);
    state[r] = READY;
    ready[service[r]]++;
  }

  /** Stops taking new requests; the caller stops it once it is idle. */
  void drain(int r, double now) {
    integrate(service[r], now);
    if (state[r] == READY) {
      ready[service[r]]--;
    }
    state[r] = DRAINING;
  }

  void stop(int r, double now) {
    int s = service[r];
    integrate(s, now);
    if (state[r] == READY) {
      ready[s]--;
    }
    state[r] = STOPPED;
    gen[r]++;
    live[s]--;
    removeMember(s, r);
  }

  private void removeMember(int s, int r) {
    int[] list = members[s];
    for (int i = 0; i < memberCount[s]; i++) {
      if (list[i] == r) {
        list[i] = list[--memberCount[s]];
        return;
      }
    }
  }

  boolean idle(int r) {
    return busy[r] == 0 && queueLength[r] == 0;
  }

  /** Round-robin choice of a ready replica, preferring {@code region}; -1 if none is ready. */
  int pick(int s, int preferredRegion) {
    int n = memberCount[s];
    if (n == 0) {
      return -1;
    }
    int fallback = -1;
    int i = nextPick[s];
    if (i >= n) {
      i = i == n ? 0 : i % n; // a division only when the list shrank under the cursor
    }
    int[] list = members[s];
    for (int k = 0; k < n; k++, i = i + 1 == n ? 0 : i + 1) {
      int r = list[i];
      if (state[r] != READY) {
        continue;
      }
      if (preferredRegion < 0 || region[r] == preferredRegion) {
        nextPick[s] = i + 1;
        return r;
      }
      if (fallback < 0) {
        fallback = i;
      }
    }
    if (fallback >= 0) {
      nextPick[s] = fallback + 1;
      return members[s][fallback];
    }
    return -1;
  }

  private void grow() {
    int n = service.length * 2;
    service = Arrays.copyOf(service, n);
    state = Arrays.copyOf(state, n);
    busy = Arrays.copyOf(busy, n);
    queueHead = Arrays.copyOf(queueHead, n);
    queueTail = Arrays.copyOf(queueTail, n);
    queueLength = Arrays.copyOf(queueLength, n);
    host = Arrays.copyOf(host, n);
    region = Arrays.copyOf(region, n);
    gen = Arrays.copyOf(gen, n);
    immune = Arrays.copyOf(immune, n);
  }
}
