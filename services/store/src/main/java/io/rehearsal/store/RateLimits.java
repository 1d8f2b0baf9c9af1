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
 * RateLimit#window()} refilled evenly. Here they are read ({@link #peek}); a token is taken by the
 * write that needs it ({@link Take}, in the decision journal's script), from several buckets at
 * once, all or nothing, so every gateway replica sees one budget, a refused action costs nothing,
 * and a decision and its token land together or neither does.
 *
 * <p>The time is the caller's ({@code now}), so tests and replays are deterministic; replicas'
 * clocks should agree within a small part of a window (a clock that runs behind refills nothing).
 */
public final class RateLimits {

  private static final LuaScript SCRIPT = LuaScript.load("rate_limit.lua", "buckets.lua");

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

  /** Whether every limit has a token now; takes nothing (the buckets are a {@link Take}'s). */
  public Budget peek(List<RateLimit> limits, Instant now) {
    return Reads.await(peekAsync(limits, now));
  }

  /** {@link #peek} without waiting, to read it together with other records ({@link Reads}). */
  public CompletableFuture<Budget> peekAsync(List<RateLimit> limits, Instant now) {
    if (limits.isEmpty()) {
      return Reads.done(new Budget(true, Optional.empty(), Duration.ZERO));
    }
    Take take = new Take(limits, now);
    return SCRIPT
        .runAsync(redis.getStatefulConnection().async(), take.bucketKeys(keys), take.args())
        .thenApply(
            reply ->
                "ok".equals(Replies.textAt(reply, 0))
                    ? new Budget(true, Optional.empty(), Duration.ZERO)
                    : take.refused(reply, 1));
  }

  /**
   * One token from each of {@code limits} at {@code now}, taken by the write that needs it (a
   * decision's: {@link DecisionJournal#createAsync}) in the same script, so the token and the write
   * land together or neither does; a create that finds its record already there takes nothing.
   *
   * @param limits the buckets, checked in this order (the first empty one is the one reported)
   * @param now the caller's clock
   */
  public record Take(List<RateLimit> limits, Instant now) {

    /** Validates; copies the list. */
    public Take {
      if (limits == null || limits.isEmpty()) {
        throw new IllegalArgumentException("a take needs at least one limit");
      }
      limits = List.copyOf(limits);
      Objects.requireNonNull(now, "now must not be null");
    }

    /** The bucket keys, in order. */
    byte[][] bucketKeys(Keys keys) {
      byte[][] bucketKeys = new byte[limits.size()][];
      for (int i = 0; i < limits.size(); i++) {
        bucketKeys[i] = keys.rateBucket(limits.get(i).scope());
      }
      return bucketKeys;
    }

    /** Now, then each bucket's capacity and ms to refill one token (buckets.lua). */
    byte[][] args() {
      byte[][] args = new byte[1 + 2 * limits.size()][];
      args[0] = Keys.utf8(Long.toString(now.toEpochMilli()));
      for (int i = 0; i < limits.size(); i++) {
        RateLimit limit = limits.get(i);
        args[1 + 2 * i] = Keys.utf8(Integer.toString(limit.burst()));
        args[2 + 2 * i] = Keys.utf8(Long.toString(limit.refillMillis()));
      }
      return args;
    }

    /** The budget a script's "bucket i empty for ms" reply ({@code reply[at]}, {@code [at+1]}). */
    Budget refused(List<Object> reply, int at) {
      int index = (int) Replies.longAt(reply, at) - 1;
      return new Budget(
          false, Optional.of(limits.get(index)), Duration.ofMillis(Replies.longAt(reply, at + 1)));
    }
  }
}
