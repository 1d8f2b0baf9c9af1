package io.rehearsal.twin.bench;

import io.rehearsal.twin.random.RandomStream;
import io.rehearsal.twin.spec.TwinSpec;
import java.util.Arrays;

/**
 * The yardstick of the benchmark: a minimal open network of FIFO multi-server queues with the same
 * station visits per request as a spec's call graph (every endpoint, dependency, cache and database
 * a request reaches, with call and cache-miss probabilities), exponential service times with the
 * spec's means, and nothing else — no parallel calls, timeouts, retries, CPU sharing, faults or
 * histograms. Its event list is a 4-ary heap of {@code long}s encoding (time in nanoseconds in the
 * high 44 bits, request id in the low 20). What it achieves is a practical upper bound for a
 * request-level simulator of the same topology on this machine.
 *
 * <p>Events: one Poisson arrival stream (all entry endpoints and session steps, by mean rate) and
 * one service completion per visit; a completion starts the next waiting request of its station and
 * moves the request on to its next visit. Not thread-safe; a run builds its own state.
 */
public final class LeanNetwork {
  private static final int ID_BITS = 20;
  private static final long ID_MASK = (1L << ID_BITS) - 1;
  private static final int ARRIVAL = (int) ID_MASK;
  private static final double MAX_SECONDS = (Long.MAX_VALUE >>> ID_BITS) / 1e9;
  private final LeanRoutes routes;
  private final double[] cumulativeRate;
  private final double totalRate;

  /** Flattens the spec's call graph into stations and routes. */
  public LeanNetwork(TwinSpec spec) {
    this.routes = new LeanRoutes(spec);
    cumulativeRate = routes.routeRate.clone();
    Arrays.parallelPrefix(cumulativeRate, Double::sum);
    totalRate = cumulativeRate.length == 0 ? 0 : cumulativeRate[cumulativeRate.length - 1];
    if (!(totalRate > 0)) {
      throw new IllegalArgumentException("spec '" + spec.name() + "' has no traffic");
    }
  }

  /** Expected station visits per request, from the call graph and its probabilities. */
  public double expectedVisitsPerRequest() {
    return routes.expectedVisits();
  }

  /**
   * Simulates {@code seconds} of traffic.
   *
   * @param seconds simulated seconds, in (0, 8796] (times are nanoseconds in 44 bits)
   * @param seed seed of the run's single random stream
   */
  public LeanRun run(double seconds, long seed) {
    if (!(seconds > 0 && seconds <= MAX_SECONDS)) {
      throw new IllegalArgumentException(
          "seconds must be in (0, " + (long) MAX_SECONDS + "], but was " + seconds);
    }
    return new Run(routes, cumulativeRate, totalRate, new RandomStream(seed)).run(seconds);
  }

  /**
   * What a lean run did.
   *
   * @param requests requests that completed all their visits
   * @param events events processed (arrivals and completions)
   * @param visits station visits started
   * @param meanLatency mean time from arrival to the end of the last visit, in seconds
   */
  public record LeanRun(long requests, long events, long visits, double meanLatency) {}

  /** The state of one run. */
  private static final class Run {
    private final LeanRoutes r;
    private final double[] cumulativeRate;
    private final double meanGapNanos;
    private final RandomStream random;
    private final LongHeap4 heap = new LongHeap4(1024);
    private final int[] busy;
    private final int[][] queue;
    private final int[] queueHead;
    private final int[] queueCount;
    private int[] position = new int[1024];
    private int[] end = new int[1024];
    private long[] arrival = new long[1024];
    private int[] free = new int[0];
    private int freeCount;
    private long requests;
    private long events;
    private long visits;
    private long latencyNanos;

    Run(LeanRoutes routes, double[] cumulativeRate, double totalRate, RandomStream random) {
      this.r = routes;
      this.cumulativeRate = cumulativeRate;
      this.meanGapNanos = 1e9 / totalRate;
      this.random = random;
      int stations = routes.servers.length;
      busy = new int[stations];
      queue = new int[stations][16];
      queueHead = new int[stations];
      queueCount = new int[stations];
      growRequests(0, 1024);
    }

    LeanRun run(double seconds) {
      long endNanos = (long) (seconds * 1e9);
      heap.push(encode(exponential(meanGapNanos), ARRIVAL));
      while (!heap.isEmpty()) {
        long event = heap.pop();
        long now = event >>> ID_BITS;
        if (now >= endNanos) {
          break;
        }
        events++;
        int id = (int) (event & ID_MASK);
        if (id == ARRIVAL) {
          arrive(now);
        } else {
          depart(id, now);
        }
      }
      return new LeanRun(
          requests, events, visits, requests == 0 ? 0 : latencyNanos / 1e9 / requests);
    }

    private void arrive(long now) {
      heap.push(encode(now + exponential(meanGapNanos), ARRIVAL));
      int route = route(random.nextDouble() * cumulativeRate[cumulativeRate.length - 1]);
      int id = allocate();
      position[id] = r.routeStart[route];
      end[id] = r.routeEnd[route];
      arrival[id] = now;
      enter(id, now);
    }

    private int route(double u) {
      int i = 0;
      while (i < cumulativeRate.length - 1 && u >= cumulativeRate[i]) {
        i++;
      }
      return i;
    }

    /** Moves request {@code id} into the first visit at or after its position that happens. */
    private void enter(int id, long now) {
      int p = position[id];
      int last = end[id];
      while (p < last && r.probability[p] < 1 && random.nextDouble() >= r.probability[p]) {
        p = r.skip[p];
      }
      if (p == last) {
        requests++;
        latencyNanos += now - arrival[id];
        free[freeCount++] = id;
        return;
      }
      position[id] = p;
      visits++;
      int s = r.station[p];
      if (busy[s] < r.servers[s]) {
        busy[s]++;
        serve(id, p, now);
      } else {
        enqueue(s, id);
      }
    }

    private void serve(int id, int p, long now) {
      heap.push(encode(now + exponential(r.mean[p] * 1e9), id));
    }

    private void depart(int id, long now) {
      int s = r.station[position[id]];
      if (queueCount[s] > 0) {
        int next = dequeue(s);
        serve(next, position[next], now);
      } else {
        busy[s]--;
      }
      position[id]++;
      enter(id, now);
    }

    private long exponential(double meanNanos) {
      return (long) (-meanNanos * Math.log(random.nextOpenDouble()));
    }

    private static long encode(long nanos, int id) {
      return (nanos << ID_BITS) | id;
    }

    private int allocate() {
      if (freeCount == 0) {
        growRequests(position.length, position.length * 2);
      }
      return free[--freeCount];
    }

    private void growRequests(int old, int capacity) {
      if (capacity > ARRIVAL) {
        throw new IllegalStateException("more than " + ARRIVAL + " requests in flight");
      }
      position = Arrays.copyOf(position, capacity);
      end = Arrays.copyOf(end, capacity);
      arrival = Arrays.copyOf(arrival, capacity);
      free = Arrays.copyOf(free, capacity);
      for (int i = capacity - 1; i >= old; i--) {
        free[freeCount++] = i;
      }
    }

    private void enqueue(int s, int id) {
      int capacity = queue[s].length;
      if (queueCount[s] == capacity) {
        int[] grown = new int[capacity * 2];
        for (int i = 0; i < capacity; i++) {
          grown[i] = queue[s][(queueHead[s] + i) & (capacity - 1)];
        }
        queue[s] = grown;
        queueHead[s] = 0;
        capacity *= 2;
      }
      queue[s][(queueHead[s] + queueCount[s]++) & (capacity - 1)] = id;
    }

    private int dequeue(int s) {
      int id = queue[s][queueHead[s]];
      queueHead[s] = (queueHead[s] + 1) & (queue[s].length - 1);
      queueCount[s]--;
      return id;
    }
  }
}
