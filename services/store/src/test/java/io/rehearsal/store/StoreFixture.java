package io.rehearsal.store;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * A {@link RedisStore} over its own embedded redis-server in a temp directory, plus a raw
 * connection for reaching behind the store's back (tampering, inspecting keys).
 */
final class StoreFixture implements AutoCloseable {

  /** The audit key of every fixture's store: known bytes, so tests can compute expected hashes. */
  static final byte[] AUDIT_KEY_BYTES = "rehearsal-store-tests-audit-key-32+bytes".getBytes();

  static final AuditKey AUDIT_KEY = AuditKey.of(AUDIT_KEY_BYTES);

  final RedisStore store;
  private final RedisClient rawClient;
  private final StatefulRedisConnection<byte[], byte[]> rawConnection;

  private StoreFixture(RedisStore store) {
    this.store = store;
    this.rawClient = RedisClient.create();
    this.rawConnection = rawClient.connect(ByteArrayCodec.INSTANCE, RedisURI.create(store.uri()));
  }

  static StoreFixture open(Path dir) {
    return open(dir, config -> config);
  }

  static StoreFixture open(Path dir, UnaryOperator<StoreConfig> tweak) {
    StoreConfig config =
        tweak.apply(
            StoreConfig.defaults()
                .withDataDir(dir)
                .withCommandTimeout(Duration.ofSeconds(10))
                .withAuditKey(AUDIT_KEY));
    return new StoreFixture(RedisStore.connect(config));
  }

  RedisCommands<byte[], byte[]> raw() {
    return rawConnection.sync();
  }

  static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    rawConnection.close();
    rawClient.shutdown();
    store.close();
  }
}
