package io.rehearsal.gateway.slack;

import io.lettuce.core.SetArgs;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;

/**
 * The replay cache in Redis: one {@code SET key NX EX ttl} per accepted request, so every gateway
 * replica sharing the Redis refuses a replay, and a restart forgets nothing.
 */
public final class RedisReplayCache implements ReplayCache {

  /**
   * How long a claim is kept: a timestamp is acceptable from {@code WINDOW} before it to {@code
   * WINDOW} after it, so twice the window, plus a minute for clock differences between replicas.
   */
  public static final Duration TTL = SignatureVerifier.WINDOW.multipliedBy(2).plusMinutes(1);

  private final RedisCommands<String, String> redis;
  private final String prefix;

  /**
   * @param redis a connection to the gateway's Redis
   * @param prefix the key prefix, e.g. {@code rehearsal:slack:}
   */
  public RedisReplayCache(RedisCommands<String, String> redis, String prefix) {
    this.redis = redis;
    this.prefix = prefix;
  }

  @Override
  public boolean claim(String timestamp, String signature) {
    String key = prefix + "replay:" + timestamp + ":" + signature;
    return "OK".equals(redis.set(key, "1", SetArgs.Builder.nx().ex(TTL)));
  }
}
