package io.rehearsal.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.util.Optional;

/** Where a service finds Redis: {@code rehearsal.redis.*}, or {@code REHEARSAL_REDIS_*}. */
@ConfigMapping(prefix = "rehearsal.redis")
public interface RedisConfig {

  /**
   * URL of an existing Redis ({@code redis://host:port}). When absent, the service starts an
   * embedded redis-server on a free loopback port: fine for one process on a laptop, never for more
   * than one replica.
   */
  Optional<String> url();

  /** Data directory of the embedded server (AOF, fsync on every write). */
  @WithDefault("${user.home}/.rehearsal/redis")
  Path dataDir();

  /**
   * The key of the audit chain, base64 of at least 32 bytes ({@code REHEARSAL_REDIS_AUDIT_KEY},
   * from a secret). Every process writing to one Redis must have the same key. When absent, the key
   * in {@code audit.key} of {@link #dataDir()} is used, created there on first use: right for one
   * machine, where every service shares that directory.
   */
  Optional<String> auditKey();
}
