package io.rehearsal.store;

import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Token buckets in Redis that ration automatic actions: one bucket per scope (a target, or the
 * whole deployment), {@link RateLimit#burst()} actions at once and the same number per {@link
 * RateLimit#window()} refilled evenly. Several buckets are checked and taken in one script, all or
 * nothing, so every gateway replica sees one budget and a refused action costs nothing.
 *
 * <p>The time is the caller's ({@code now}), so tests and replays are deterministic; replicas'
 * clocks should agree within a small part of a window (a clock that runs behind refills nothing).
 */
public final class RateLimits {

  private static final LuaScript SCRIPT = LuaScript.load("rate_limit.lua");

  private final RedisCommands<byte[], byte[]> redis;
  private final Keys keys;

  RateLimits(RedisCommands<byte[], byte[]> redis, Keys keys) {
    this.redis = redis;
    this.keys = keys;
  }

  /**
   * At most {@code burst} actions per {@code window} in {@code scope}.
   *
   * @param scope what the bucket rations, e.g. {@code target:PRODUCTION/payment} or {@code global}
   */
  public record RateLimit(String scope, int burst, Duration window) {

    /** Validates; messages name the field and the bad value. */
    public RateLimit {
      Ids.require("scope", scope);
      if (burst < 1) {
        throw new IllegalArgumentException("burst must be at least 1, but was " + burst);
      }
      if (window == null || window.isNegative() || window.toMillis() < burst) {
        throw new IllegalArgumentException(
            "window must be at least 1 ms per action (" + burst + " ms), but was " + window);
      }
    }

    long refillMillis() {
      return window.toMillis() / burst;
    }
  }

  /**
   * What a check found.
   *
   * @param available whether every bucket had a token (and, for {@link #take}, gave one)
   * @param exhausted the limit with no token left (the first one checked), if any
   * @param retryAfter how long until that bucket has a token again; zero when available
   */
  public record Budget(boolean available, Optional<RateLimit> exhausted, Duration retryAfter) {

    /** Validates. */
    public Budget {
      Objects.requireNonNull(exhausted, "exhausted");
      Objects.requireNonNull(retryAfter, "retryAfter");
    }
  }

  /** Whether every limit has a token now; takes nothing. */
  public Budget peek(List<RateLimit> limits, Instant now) {
    return Reads.await(peekAsync(limits, now));
  }

  /** {@link #peek} without waiting, to read it together with other records ({@link Reads}). */
  public CompletableFuture<Budget> peekAsync(List<RateLimit> limits, Instant now) {
    return run("peek", limits, now, Optional.empty());
  }

  /**
   * Takes one token from every limit for {@code taker} (e.g. a decision id), or from none if any is
   * empty. A taker granted before (within the longest window) is granted again without spending:
   * concurrent or repeated attempts of one taker cost one token.
   */
  public Budget take(List<RateLimit> limits, Instant now, String taker) {
    return Reads.await(takeAsync(limits, now, taker));
  }

  /** {@link #take} without waiting. */
  public CompletableFuture<Budget> takeAsync(List<RateLimit> limits, Instant now, String taker) {
    return run("take", limits, now, Optional.of(Ids.require("taker", taker)));
  }

  private CompletableFuture<Budget> run(
      String mode, List<RateLimit> limits, Instant now, Optional<String> taker) {
    if (limits.isEmpty()) {
      return Reads.done(new Budget(true, Optional.empty(), Duration.ZERO));
    }
    byte[][] bucketKeys = new byte[limits.size() + (taker.isPresent() ? 1 : 0)][];
    taker.ifPresent(t -> bucketKeys[limits.size()] = keys.rateTaker(t));
    byte[][] args = new byte[2 + 2 * limits.size()][];
    args[0] = Keys.utf8(mode);
    args[1] = Keys.utf8(Long.toString(now.toEpochMilli()));
    for (int i = 0; i < limits.size(); i++) {
      RateLimit limit = limits.get(i);
      bucketKeys[i] = keys.rateBucket(limit.scope());
      args[2 + 2 * i] = Keys.utf8(Integer.toString(limit.burst()));
      args[3 + 2 * i] = Keys.utf8(Long.toString(limit.refillMillis()));
    }
    return SCRIPT
        .runAsync(redis.getStatefulConnection().async(), bucketKeys, args)
        .thenApply(reply -> budget(limits, reply));
  }

  private static Budget budget(List<RateLimit> limits, List<Object> reply) {
    if ("ok".equals(Replies.textAt(reply, 0))) {
      return new Budget(true, Optional.empty(), Duration.ZERO);
    }
    int index = (int) Replies.longAt(reply, 1) - 1;
    return new Budget(
        false, Optional.of(limits.get(index)), Duration.ofMillis(Replies.longAt(reply, 2)));
  }
}
