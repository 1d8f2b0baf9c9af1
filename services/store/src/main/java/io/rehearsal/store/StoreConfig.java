package io.rehearsal.store;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * How {@link RedisStore} reaches Redis. Immutable and validated on construction.
 *
 * @param redisUrl the Redis to use, e.g. {@code redis://host:6379}; when empty, an {@link
 *     EmbeddedRedis} is started on {@code dataDir} and owned by the store
 * @param dataDir where the embedded server keeps its append-only file (ignored with a url)
 * @param commandTimeout how long a command may take before the caller gets a timeout
 * @param connectTimeout how long opening a TCP connection may take
 * @param keyPrefix prepended to every key, so several deployments can share one Redis
 * @param recentLimit how many evaluations are retained (the newest by caller-given timestamp);
 *     older ones are deleted as new ones arrive
 * @param auditKey the key of the audit chain; when empty, the key in {@link #auditKeyFile()},
 *     created there on first use (one machine: every process using that data directory agrees)
 */
public record StoreConfig(
    Optional<String> redisUrl,
    Path dataDir,
    Duration commandTimeout,
    Duration connectTimeout,
    String keyPrefix,
    int recentLimit,
    Optional<AuditKey> auditKey) {

  /** System property naming the Redis to use instead of an embedded one. */
  public static final String URL_PROPERTY = "rehearsal.redis.url";

  /** Environment variable naming the Redis to use; the system property wins over it. */
  public static final String URL_ENV = "REHEARSAL_REDIS_URL";

  /** System property holding the audit key (base64). */
  public static final String AUDIT_KEY_PROPERTY = "rehearsal.redis.audit-key";

  /** Environment variable holding the audit key (base64); the system property wins over it. */
  public static final String AUDIT_KEY_ENV = "REHEARSAL_REDIS_AUDIT_KEY";

  /** Validates every field; messages name the field and the bad value. */
  public StoreConfig {
    Objects.requireNonNull(redisUrl, "redisUrl must not be null (use Optional.empty())");
    redisUrl.ifPresent(StoreConfig::requireRedisUrl);
    Objects.requireNonNull(dataDir, "dataDir must not be null");
    requirePositive("commandTimeout", commandTimeout);
    requirePositive("connectTimeout", connectTimeout);
    Objects.requireNonNull(keyPrefix, "keyPrefix must not be null");
    if (keyPrefix.contains("{") || keyPrefix.contains("}") || keyPrefix.contains(" ")) {
      throw new IllegalArgumentException(
          "keyPrefix must not contain '{', '}' or spaces, but was '" + keyPrefix + "'");
    }
    if (recentLimit < 1) {
      throw new IllegalArgumentException("recentLimit must be at least 1, but was " + recentLimit);
    }
    Objects.requireNonNull(auditKey, "auditKey must not be null (use Optional.empty())");
  }

  /**
   * Embedded Redis in {@code ~/.rehearsal/redis}, 5 s command and connect timeouts, prefix {@code
   * rehearsal:}, 10,000 recent evaluations.
   */
  public static StoreConfig defaults() {
    return new StoreConfig(
        Optional.empty(),
        EmbeddedRedis.defaultDataDir(),
        Duration.ofSeconds(5),
        Duration.ofSeconds(5),
        "rehearsal:",
        10_000,
        Optional.empty());
  }

  /**
   * {@link #defaults()} with the url taken from the {@value #URL_PROPERTY} property, else the
   * {@value #URL_ENV} variable, and the audit key from {@value #AUDIT_KEY_PROPERTY}, else {@value
   * #AUDIT_KEY_ENV}, when set and not blank. Pass {@code System.getenv()} and {@code
   * System.getProperties()}.
   */
  public static StoreConfig fromEnvironment(Map<String, String> env, Properties properties) {
    String url = properties.getProperty(URL_PROPERTY, env.getOrDefault(URL_ENV, ""));
    String key = properties.getProperty(AUDIT_KEY_PROPERTY, env.getOrDefault(AUDIT_KEY_ENV, ""));
    StoreConfig config = url.isBlank() ? defaults() : defaults().withRedisUrl(url.trim());
    return key.isBlank() ? config : config.withAuditKey(AuditKey.fromBase64(key));
  }

  /** Where the audit key is kept when none is configured: {@code audit.key} in the data dir. */
  public Path auditKeyFile() {
    return dataDir.resolve("audit.key");
  }

  /** This config chaining the audit log with {@code key}. */
  public StoreConfig withAuditKey(AuditKey key) {
    return withAuditKey(Optional.of(key));
  }

  /** This config chaining the audit log with {@code key}, or the key file's when empty. */
  public StoreConfig withAuditKey(Optional<AuditKey> key) {
    return new StoreConfig(
        redisUrl, dataDir, commandTimeout, connectTimeout, keyPrefix, recentLimit, key);
  }

  /** This config using the Redis at {@code url}. */
  public StoreConfig withRedisUrl(String url) {
    return withRedisUrl(Optional.of(url));
  }

  /** This config using the Redis at {@code url}, or an embedded one when empty. */
  public StoreConfig withRedisUrl(Optional<String> url) {
    return new StoreConfig(
        url, dataDir, commandTimeout, connectTimeout, keyPrefix, recentLimit, auditKey);
  }

  /** This config with the embedded server's data in {@code dir}. */
  public StoreConfig withDataDir(Path dir) {
    return new StoreConfig(
        redisUrl, dir, commandTimeout, connectTimeout, keyPrefix, recentLimit, auditKey);
  }

  /** This config with another command timeout. */
  public StoreConfig withCommandTimeout(Duration timeout) {
    return new StoreConfig(
        redisUrl, dataDir, timeout, connectTimeout, keyPrefix, recentLimit, auditKey);
  }

  /** This config with another connect timeout. */
  public StoreConfig withConnectTimeout(Duration timeout) {
    return new StoreConfig(
        redisUrl, dataDir, commandTimeout, timeout, keyPrefix, recentLimit, auditKey);
  }

  /** This config with another key prefix. */
  public StoreConfig withKeyPrefix(String prefix) {
    return new StoreConfig(
        redisUrl, dataDir, commandTimeout, connectTimeout, prefix, recentLimit, auditKey);
  }

  /** This config retaining {@code limit} incidents and {@code limit} evaluations. */
  public StoreConfig withRecentLimit(int limit) {
    return new StoreConfig(
        redisUrl, dataDir, commandTimeout, connectTimeout, keyPrefix, limit, auditKey);
  }

  private static void requireRedisUrl(String url) {
    if (!url.startsWith("redis://") && !url.startsWith("rediss://")) {
      throw new IllegalArgumentException(
          "redisUrl must start with redis:// or rediss://, but was '" + url + "'");
    }
  }

  private static void requirePositive(String name, Duration value) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, but was " + value);
    }
  }
}
