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
  private final int[] nextPick;
  private final int regions;
  private final int[][] regionMembers;
  private final int[] regionCount;
  private final int[] regionNext;
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

  /** Replicas of {@code services} services, each placed in one of {@code regions} regions. */
  Replicas(int services, int regions) {
    members = new int[services][8];
    memberCount = new int[services];
    nextPick = new int[services];
    this.regions = regions;
    regionMembers = new int[services * regions][4];
    regionCount = new int[services * regions];
    regionNext = new int[services * regions];
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
    if (regionIndex >= 0) {
      int k = s * regions + regionIndex;
      if (regionCount[k] == regionMembers[k].length) {
        regionMembers[k] = Arrays.copyOf(regionMembers[k], regionCount[k] * 2);
      }
      regionMembers[k][regionCount[k]++] = r;
    }
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
    memberCount[s] = remove(members[s], memberCount[s], r);
    if (region[r] >= 0) {
      int k = s * regions + region[r];
      regionCount[k] = remove(regionMembers[k], regionCount[k], r);
    }
  }

  /** Removes {@code r} from the first {@code n} entries of {@code list}; the new count. */
  private static int remove(int[] list, int n, int r) {
    for (int i = 0; i < n; i++) {
      if (list[i] == r) {
        list[i] = list[n - 1];
        return n - 1;
      }
    }
    return n;
  }

  boolean idle(int r) {
    return busy[r] == 0 && queueLength[r] == 0;
  }

  /**
   * Round-robin choice of a ready replica of service {@code s}: among those in {@code region} (a
   * cursor per service and region, as a zone-aware load balancer keeps one per zone), else, or for
   * region -1, among all of them (a cursor per service); -1 if none is ready.
   */
  int pick(int s, int region) {
    if (region >= 0) {
      int k = s * regions + region;
      int r = next(regionMembers[k], regionCount[k], regionNext, k);
      if (r >= 0) {
        return r;
      }
    }
    return next(members[s], memberCount[s], nextPick, s);
  }

  /**
   * The first ready replica of {@code list[0, n)} from {@code cursor[k]} on, moving the cursor past
   * it; -1 if none is ready.
   */
  private int next(int[] list, int n, int[] cursor, int k) {
    if (n == 0) {
      return -1;
    }
    int i = cursor[k];
    if (i >= n) {
      i = i == n ? 0 : i % n; // a division only when the list shrank under the cursor
    }
    for (int left = n; left > 0; left--) {
      int r = list[i];
      i = i + 1 == n ? 0 : i + 1;
      if (state[r] == READY) {
        cursor[k] = i;
        return r;
      }
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
