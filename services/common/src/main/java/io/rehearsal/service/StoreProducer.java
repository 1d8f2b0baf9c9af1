package io.rehearsal.service;

import io.quarkus.runtime.StartupEvent;
import io.rehearsal.store.AuditKey;
import io.rehearsal.store.RedisStore;
import io.rehearsal.store.StoreConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/** Makes the one {@link RedisStore} of a service process and closes it on shutdown. */
@ApplicationScoped
class StoreProducer {

  private static final Logger LOG = Logger.getLogger(StoreProducer.class);

  @Produces
  @Singleton
  RedisStore redisStore(RedisConfig config) {
    StoreConfig storeConfig =
        StoreConfig.defaults()
            .withRedisUrl(config.url())
            .withDataDir(config.dataDir())
            .withAuditKey(config.auditKey().map(AuditKey::fromBase64));
    RedisStore store = RedisStore.connect(storeConfig);
    LOG.infof(
        "Redis store at %s (%s)",
        store.uri(),
        config.url().isPresent() ? "configured" : "embedded, data in " + config.dataDir());
    return store;
  }

  void close(@Disposes RedisStore store) {
    store.close();
  }

  /** Connects at start-up, so a bad URL or a busy data directory stops the service at once. */
  void connectAtStartup(@Observes StartupEvent event, RedisStore store) {
    LOG.debugf("Redis store ready: %s", store.ping());
  }
}
