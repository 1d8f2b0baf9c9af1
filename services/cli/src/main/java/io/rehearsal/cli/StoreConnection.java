package io.rehearsal.cli;

import io.rehearsal.store.RedisStore;
import io.rehearsal.store.StoreConfig;
import java.nio.file.Path;
import java.util.Map;

/**
 * How the read-only verbs ({@code audit verify}, {@code gateway ledger}) reach the services' Redis:
 * {@code --redis-url}, else {@code REHEARSAL_REDIS_URL}, else the embedded Redis's data directory
 * (which must not be in use), with one clear message when it cannot be opened.
 */
public final class StoreConnection {

  private StoreConnection() {}

  /** The store configuration for these options; a blank or absent url means the data directory. */
  public static StoreConfig config(
      String redisUrl, Map<String, String> environment, Path dataDir, String keyPrefix) {
    StoreConfig config = StoreConfig.defaults().withDataDir(dataDir).withKeyPrefix(keyPrefix);
    String url = redisUrl != null ? redisUrl : environment.get(StoreConfig.URL_ENV);
    return url == null || url.isBlank() ? config : config.withRedisUrl(url.trim());
  }

  /**
   * Opens the store.
   *
   * @throws CommandFailure naming the Redis and, for the embedded one, how to reach a running stack
   */
  public static RedisStore open(StoreConfig config) {
    try {
      return RedisStore.connect(config);
    } catch (RuntimeException e) {
      String where = config.redisUrl().orElse("the embedded Redis in " + config.dataDir());
      throw new CommandFailure(
          "cannot open "
              + where
              + ": "
              + e.getMessage()
              + (config.redisUrl().isEmpty()
                  ? " (if `rehearsal up` is running, pass --redis-url with the URL it printed)"
                  : ""),
          e);
    }
  }
}
