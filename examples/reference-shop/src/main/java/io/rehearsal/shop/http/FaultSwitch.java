package io.rehearsal.shop.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ThreadPoolExecutor;

/**
 * Runtime fault switches of one process, driven by {@code POST /admin/fault}:
 *
 * <ul>
 *   <li>{@code {"kind":"latency","addedMs":50}} — every request sleeps 50 ms more on its worker;
 *   <li>{@code {"kind":"error","rate":0.2}} — 20 % of requests fail at once with 500;
 *   <li>{@code {"kind":"workers","workers":1}} — the worker pool shrinks to 1 thread;
 *   <li>{@code {"kind":"none"}} or {@code DELETE /admin/fault} — back to normal.
 * </ul>
 *
 * Switches of different kinds combine. Killing a replica is not a switch: the orchestrator kills
 * the process.
 */
public final class FaultSwitch {

  /**
   * The active faults.
   *
   * @param addedLatencyMs sleep added to every request
   * @param errorRate probability that a request fails with 500
   * @param workers current worker threads
   */
  public record State(long addedLatencyMs, double errorRate, int workers) {}

  private final ThreadPoolExecutor pool;
  private final int configuredWorkers;
  private final Random random;
  private volatile State state;

  FaultSwitch(ThreadPoolExecutor pool, long seed) {
    this.pool = pool;
    this.configuredWorkers = pool.getMaximumPoolSize();
    this.random = new Random(seed);
    this.state = new State(0, 0, configuredWorkers);
  }

  /** The active faults. */
  public State state() {
    return state;
  }

  /** Applies one switch from its JSON form; a malformed switch is a bad request. */
  public synchronized State apply(JsonNode body) {
    String kind = body.path("kind").asText("");
    State s = state;
    switch (kind) {
      case "latency" -> s = new State(nonNegative(body, "addedMs"), s.errorRate(), s.workers());
      case "error" -> s = new State(s.addedLatencyMs(), probability(body), s.workers());
      case "workers" -> s = new State(s.addedLatencyMs(), s.errorRate(), resize(workers(body)));
      case "none" -> s = clear();
      default ->
          throw new Request.BadRequestException(
              "kind must be latency, error, workers or none, but was '" + kind + "'");
    }
    state = s;
    return s;
  }

  /** Removes every fault and restores the configured pool. */
  public synchronized State clear() {
    state = new State(0, 0, resize(configuredWorkers));
    return state;
  }

  /** Runs before a handler: sleeps the added latency, maybe returns an injected failure. */
  Optional<Reply> inject() throws InterruptedException {
    State s = state;
    if (s.addedLatencyMs() > 0) {
      Thread.sleep(s.addedLatencyMs());
    }
    if (s.errorRate() > 0 && random.nextDouble() < s.errorRate()) {
      return Optional.of(Reply.error(500, "injected fault"));
    }
    return Optional.empty();
  }

  private int resize(int workers) {
    if (workers < pool.getCorePoolSize()) {
      pool.setCorePoolSize(workers);
      pool.setMaximumPoolSize(workers);
    } else {
      pool.setMaximumPoolSize(workers);
      pool.setCorePoolSize(workers);
    }
    return workers;
  }

  private static long nonNegative(JsonNode body, String field) {
    long value = body.path(field).asLong(-1);
    if (value < 0) {
      throw new Request.BadRequestException(field + " must be >= 0, but was " + body.get(field));
    }
    return value;
  }

  private static double probability(JsonNode body) {
    double rate = body.path("rate").asDouble(-1);
    if (rate < 0 || rate > 1) {
      throw new Request.BadRequestException("rate must be in [0, 1], but was " + body.get("rate"));
    }
    return rate;
  }

  private static int workers(JsonNode body) {
    int workers = body.path("workers").asInt(0);
    if (workers < 1 || workers > 1024) {
      throw new Request.BadRequestException(
          "workers must be in [1, 1024], but was " + body.get("workers"));
    }
    return workers;
  }
}
