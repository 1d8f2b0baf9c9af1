package io.rehearsal.twin.engine;

import io.rehearsal.twin.random.RandomStream;
import io.rehearsal.twin.spec.CacheSpec;
import io.rehearsal.twin.spec.DatabaseSpec;
import io.rehearsal.twin.spec.DependencySpec;
import java.util.Arrays;

/**
 * Calls to things outside the modelled services: external dependencies (latency, token bucket
 * answering 429, error rate), caches (hit or miss, a miss queries the backing database) and
 * databases (a connection pool with a FIFO of waiting queries). Answers arrive as events.
 */
final class Backends {
  private final Sim sim;
  private final Knobs knobs;
  private final Sampler[] depLatency;
  private final double[] depError;
  private final RandomStream[] depStream;
  private final Sampler[] hit;
  private final Sampler[] miss;
  private final int[] cacheDatabase;
  private final RandomStream[] cacheStream;
  private final Sampler[] query;
  private final int[] connections;
  private final int[] busy;
  private final RandomStream[] dbStream;
  private int[][] waitingSlot;
  private int[][] waitingToken;
  private final int[] waitingHead;
  private final int[] waitingCount;

  Backends(Sim sim) {
    this.sim = sim;
    this.knobs = sim.knobs;
    var deps = sim.model.spec.dependencies();
    depLatency = deps.stream().map(d -> Sampler.of(d.latency())).toArray(Sampler[]::new);
    depError = deps.stream().mapToDouble(DependencySpec::errorRate).toArray();
    depStream =
        deps.stream()
            .map(d -> sim.streams.stream("dependency:" + d.name()))
            .toArray(RandomStream[]::new);
    var caches = sim.model.spec.caches();
    hit = caches.stream().map(c -> Sampler.of(c.hit())).toArray(Sampler[]::new);
    miss = caches.stream().map(c -> Sampler.of(c.miss())).toArray(Sampler[]::new);
    cacheDatabase = caches.stream().mapToInt(c -> databaseIndex(sim.model, c)).toArray();
    cacheStream =
        caches.stream()
            .map(c -> sim.streams.stream("cache:" + c.name()))
            .toArray(RandomStream[]::new);
    var dbs = sim.model.spec.databases();
    query = dbs.stream().map(d -> Sampler.of(d.query())).toArray(Sampler[]::new);
    connections = dbs.stream().mapToInt(DatabaseSpec::connections).toArray();
    busy = new int[dbs.size()];
    dbStream =
        dbs.stream()
            .map(d -> sim.streams.stream("database:" + d.name()))
            .toArray(RandomStream[]::new);
    waitingSlot = new int[dbs.size()][64];
    waitingToken = new int[dbs.size()][64];
    waitingHead = new int[dbs.size()];
    waitingCount = new int[dbs.size()];
  }

  private static int databaseIndex(Model model, CacheSpec cache) {
    return cache.database() == null ? -1 : model.index.target(cache.database()).index();
  }

  /** A call to dependency {@code d} whose caller gives up after {@code timeout} (0: never). */
  void callDependency(int slot, int token, int d, double timeout) {
    double now = sim.now();
    RandomStream random = depStream[d];
    double latency = depLatency[d].sample(random) * knobs.depFactor[d] + knobs.depDelay[d];
    boolean error = random.nextDouble() < depError[d] || knobs.depOutage[d];
    boolean limited = knobs.depRate[d] > 0 && !admit(d, now);
    sim.recorder.dependencyCall(d, limited, error && !limited, latency, timeout, now);
    if (limited) {
      sim.schedule(now, Sim.RESPONSE, slot, token, Status.REJECTED);
    } else {
      sim.schedule(now + latency, Sim.RESPONSE, slot, token, error ? Status.ERROR : Status.OK);
    }
  }

  private boolean admit(int d, double now) {
    return Knobs.take(
        knobs.depTokens, knobs.depLastRefill, d, knobs.depRate[d], knobs.depBurst[d], now);
  }

  void callCache(int slot, int token, int c) {
    RandomStream random = cacheStream[c];
    boolean isHit = random.nextDouble() < knobs.hitRatio[c];
    double hitLatency = hit[c].sample(random);
    double missLatency = miss[c].sample(random);
    double now = sim.now();
    if (isHit) {
      sim.schedule(now + hitLatency, Sim.RESPONSE, slot, token, Status.OK);
    } else if (cacheDatabase[c] < 0) {
      sim.schedule(now + missLatency, Sim.RESPONSE, slot, token, Status.OK);
    } else {
      sim.schedule(now + missLatency, Sim.CACHE_MISS, slot, token, cacheDatabase[c]);
    }
  }

  void onCacheMiss(int slot, int token, int db) {
    if (sim.requests.slotToken[slot] == token) {
      callDatabase(slot, token, db);
    }
  }

  void callDatabase(int slot, int token, int db) {
    double now = sim.now();
    if (knobs.dbOutage[db] || now < knobs.dbDownUntil[db]) {
      sim.schedule(now, Sim.RESPONSE, slot, token, Status.ERROR);
    } else if (busy[db] < connections[db]) {
      startQuery(slot, token, db);
    } else {
      wait(slot, token, db);
    }
  }

  private void startQuery(int slot, int token, int db) {
    busy[db]++;
    double latency = query[db].sample(dbStream[db]) * knobs.dbFactor[db] + knobs.dbDelay[db];
    sim.schedule(sim.now() + latency, Sim.DB_DONE, slot, token, db);
  }

  void onDatabaseDone(int slot, int token, int db) {
    busy[db]--;
    sim.calls.resolve(slot, token, Status.OK);
    while (waitingCount[db] > 0 && busy[db] < connections[db]) {
      int i = waitingHead[db];
      int nextSlot = waitingSlot[db][i];
      int nextToken = waitingToken[db][i];
      waitingHead[db] = (i + 1) % waitingSlot[db].length;
      waitingCount[db]--;
      if (sim.requests.slotToken[nextSlot] == nextToken) {
        startQuery(nextSlot, nextToken, db);
      }
    }
  }

  private void wait(int slot, int token, int db) {
    int capacity = waitingSlot[db].length;
    if (waitingCount[db] == capacity) {
      waitingSlot[db] = unroll(waitingSlot[db], waitingHead[db]);
      waitingToken[db] = unroll(waitingToken[db], waitingHead[db]);
      waitingHead[db] = 0;
      capacity *= 2;
    }
    int tail = (waitingHead[db] + waitingCount[db]) % capacity;
    waitingSlot[db][tail] = slot;
    waitingToken[db][tail] = token;
    waitingCount[db]++;
  }

  private static int[] unroll(int[] ring, int head) {
    int[] out = Arrays.copyOf(ring, ring.length * 2);
    for (int i = 0; i < ring.length; i++) {
      out[i] = ring[(head + i) % ring.length];
    }
    return out;
  }
}
