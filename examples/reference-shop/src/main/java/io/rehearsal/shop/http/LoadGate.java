package io.rehearsal.shop.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.LongSupplier;

/**
 * Admission in front of a process's worker pool, set at run time by the admin surface: {@code POST
 * /admin/shed} drops a share of one route's requests ({@code SHED_LOAD}; route {@code *}: all),
 * {@code POST /admin/rate-limit} admits at most a rate into the process ({@code RATE_LIMIT}, a
 * token bucket with one second of burst). A dropped request is answered 503, a limited one 429,
 * before it takes a worker; both are counted in {@code rehearsal.shop.requests.rejected} with their
 * reason.
 */
public final class LoadGate {

  /** Why a request was turned away. */
  public enum Reason {
    SHED,
    RATE_LIMITED
  }

  private final Random random;
  private final LongSupplier nanoClock;
  private volatile Map<String, Double> shed = Map.of();
  private volatile Bucket bucket;

  /** A gate that admits everything; {@code nanoClock} drives the token bucket. */
  public LoadGate(long seed, LongSupplier nanoClock) {
    this.random = new Random(seed);
    this.nanoClock = nanoClock;
  }

  /** The reason to turn {@code route} (e.g. {@code GET /browse}) away, or empty to admit it. */
  public Optional<Reason> admit(String route) {
    Map<String, Double> shares = shed;
    double share = shares.getOrDefault(route, shares.getOrDefault("*", 0.0));
    if (share > 0 && draw() < share) {
      return Optional.of(Reason.SHED);
    }
    Bucket b = bucket;
    return b == null || b.tryAcquire() ? Optional.empty() : Optional.of(Reason.RATE_LIMITED);
  }

  /** Applies {@code {"route":"GET /browse","share":0.3}}; share 0 stops shedding that route. */
  public synchronized Map<String, Object> shed(JsonNode body) {
    String route = body.path("route").asText("");
    double share = body.path("share").asDouble(-1);
    if (route.isBlank() || !(share >= 0 && share <= 1)) {
      throw new Request.BadRequestException(
          "shed needs a route and a share in [0, 1], but was " + body);
    }
    Map<String, Double> next = new TreeMap<>(shed);
    next.put(route, share);
    next.values().removeIf(v -> v == 0);
    shed = Map.copyOf(next);
    return state();
  }

  /** Applies {@code {"ratePerSecond":20}}; 0 removes the limit. */
  public synchronized Map<String, Object> rateLimit(JsonNode body) {
    double rate = body.path("ratePerSecond").asDouble(-1);
    if (!(rate >= 0) || Double.isInfinite(rate)) {
      throw new Request.BadRequestException(
          "ratePerSecond must be >= 0, but was " + body.get("ratePerSecond"));
    }
    bucket = rate == 0 ? null : new Bucket(rate, nanoClock);
    return state();
  }

  /** Admits everything again. */
  public synchronized Map<String, Object> reset() {
    shed = Map.of();
    bucket = null;
    return state();
  }

  /** The shed shares by route and the rate limit (0: none). */
  public Map<String, Object> state() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("shed", new TreeMap<>(shed));
    Bucket b = bucket;
    out.put("ratePerSecond", b == null ? 0.0 : b.ratePerSecond);
    return out;
  }

  private double draw() {
    synchronized (random) {
      return random.nextDouble();
    }
  }

  /** A token bucket holding one second of tokens (at least one), full at the start. */
  private static final class Bucket {
    private final double ratePerSecond;
    private final double capacity;
    private final LongSupplier nanoClock;
    private double tokens;
    private long last;

    Bucket(double ratePerSecond, LongSupplier nanoClock) {
      this.ratePerSecond = ratePerSecond;
      this.capacity = Math.max(1, ratePerSecond);
      this.nanoClock = nanoClock;
      this.tokens = capacity;
      this.last = nanoClock.getAsLong();
    }

    synchronized boolean tryAcquire() {
      long now = nanoClock.getAsLong();
      tokens = Math.min(capacity, tokens + (now - last) / 1e9 * ratePerSecond);
      last = now;
      if (tokens >= 1) {
        tokens -= 1;
        return true;
      }
      return false;
    }
  }
}
