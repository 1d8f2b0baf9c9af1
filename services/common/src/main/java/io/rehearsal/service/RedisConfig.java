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
}
