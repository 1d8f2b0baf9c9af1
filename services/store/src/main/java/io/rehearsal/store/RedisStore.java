package io.rehearsal.store;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The one way Rehearsal talks to Redis: a Lettuce client with a single auto-reconnecting
 * connection, and the typed repositories on top of it. Payloads are bytes in the callers' canonical
 * encodings; the store knows ids, revisions and hashes, not domain types.
 *
 * <p>With no url configured it starts an {@link EmbeddedRedis} on the configured data directory and
 * stops it on {@link #close()}.
 *
 * <p>Lettuce re-sends commands that were in flight when a connection dropped (at-least-once), so
 * every write here is idempotent: immutable puts compare bytes, versioned writes and audit appends
 * carry tokens and keys checked inside Lua scripts.
 *
 * <pre>{@code
 * try (RedisStore store = RedisStore.connect(StoreConfig.defaults())) {
 *   SnapshotId id = store.twinSnapshots().put(specBytes);
 *   store.audit().append("snapshot:" + id, specBytes);
 * }
 * }</pre>
 */
public final class RedisStore implements AutoCloseable {

  private static final Delay RECONNECT_DELAY =
      Delay.exponential(Duration.ofMillis(10), Duration.ofSeconds(2), 2, TimeUnit.MILLISECONDS);

  private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(2);

  private final Optional<EmbeddedRedis> embedded;
  private final String uri;
  private final ClientResources resources;
  private final RedisClient client;
  private final StatefulRedisConnection<byte[], byte[]> connection;
  private final TwinSnapshots twinSnapshots;
  private final Evaluations evaluations;
  private final Decisions decisions;
  private final AuditLog audit;
  private final RateLimits rateLimits;
  private final TelemetryWindows telemetryWindows;
  private final DecisionJournal journal;
  private final Keys keys;
  private final RedisURI redisUri;

  private RedisStore(
      StoreConfig config,
      Optional<EmbeddedRedis> embedded,
      String uri,
      ClientResources resources,
      RedisClient client,
      StatefulRedisConnection<byte[], byte[]> connection,
      RedisURI redisUri) {
    this.embedded = embedded;
    this.redisUri = redisUri;
    this.uri = uri;
    this.resources = resources;
    this.client = client;
    this.connection = connection;
    RedisCommands<byte[], byte[]> redis = connection.sync();
    Keys keys = new Keys(config.keyPrefix());
    this.keys = keys;
    this.journal = DecisionJournal.on(connection, config.keyPrefix());
    this.twinSnapshots = new TwinSnapshots(redis, keys);
    int limit = config.recentLimit();
    this.evaluations = new Evaluations(new RecentRecords(redis, keys, "evaluations", limit));
    this.decisions = new Decisions(redis, keys);
    this.audit =
        new AuditLog(
            redis,
            keys,
            () -> config.auditKey().orElseGet(() -> AuditKey.loadOrCreate(config.auditKeyFile())));
    this.telemetryWindows = new TelemetryWindows(redis, keys);
    this.rateLimits = new RateLimits(redis, keys);
  }

  /**
   * Connects to the configured Redis, or starts an embedded one when no url is configured.
   *
   * @throws IllegalStateException if the embedded server cannot start (e.g. its data directory is
   *     in use by another process)
   * @throws io.lettuce.core.RedisConnectionException if Redis cannot be reached
   */
  public static RedisStore connect(StoreConfig config) {
    Objects.requireNonNull(config, "config must not be null");
    Optional<EmbeddedRedis> embedded =
        config.redisUrl().isPresent()
            ? Optional.empty()
            : Optional.of(EmbeddedRedis.start(config.dataDir()));
    String uri = config.redisUrl().orElseGet(() -> embedded.orElseThrow().uri());
    ClientResources resources = ClientResources.builder().reconnectDelay(RECONNECT_DELAY).build();
    try {
      RedisClient client = RedisClient.create(resources);
      client.setOptions(clientOptions(config));
      RedisURI redisUri = redisUri(uri, config);
      StatefulRedisConnection<byte[], byte[]> connection =
          client.connect(ByteArrayCodec.INSTANCE, redisUri);
      return new RedisStore(config, embedded, uri, resources, client, connection, redisUri);
    } catch (RuntimeException e) {
      resources.shutdown();
      embedded.ifPresent(EmbeddedRedis::close);
      throw e;
    }
  }

  /**
   * Answers a readiness probe with a PING; never throws. A dropped connection (while Lettuce
   * reconnects) is reported down at once, without waiting for the command timeout.
   */
  public Health ping() {
    long start = System.nanoTime();
    if (!connection.isOpen()) {
      return Health.down("disconnected from " + uri + ", reconnecting", since(start));
    }
    try {
      return Health.up(connection.sync().ping(), since(start));
    } catch (RuntimeException e) {
      return Health.down(e.getClass().getSimpleName() + ": " + e.getMessage(), since(start));
    }
  }

  /** Content-addressed twin snapshots. */
  public TwinSnapshots twinSnapshots() {
    return twinSnapshots;
  }

  /**
   * Journaled decision writes (events, hook outbox, action history, ledgers) on this store's
   * connection; closed with the store.
   */
  public DecisionJournal journal() {
    return journal;
  }

  /** Write-once evaluations, newest retained. */
  public Evaluations evaluations() {
    return evaluations;
  }

  /** Versioned decision records with compare-and-set. */
  public Decisions decisions() {
    return decisions;
  }

  /** The hash-chained audit log, keyed by the configured {@link AuditKey}. */
  public AuditLog audit() {
    return audit;
  }

  /** Token buckets rationing automatic actions, shared by every gateway replica. */
  public RateLimits rateLimits() {
    return rateLimits;
  }

  /** Closed telemetry windows, in a stream ordered by window start with bounded retention. */
  public TelemetryWindows telemetryWindows() {
    return telemetryWindows;
  }

  /**
   * A work queue on a Redis Stream consumer group, shared by every process that opens the same
   * {@code name}; batch data expires after {@code retention}. Its blocking reads use connections of
   * their own, opened per {@link JobBatch} and {@link JobConsumer}.
   */
  public JobQueue jobQueue(String name, Duration retention) {
    return new JobQueue(
        connection.sync(),
        keys,
        name,
        retention,
        () -> client.connect(ByteArrayCodec.INSTANCE, redisUri));
  }

  /** The Redis this store talks to, e.g. {@code redis://127.0.0.1:6380}. */
  public String uri() {
    return uri;
  }

  /** The embedded server this store started and owns, if it started one. */
  public Optional<EmbeddedRedis> embedded() {
    return embedded;
  }

  /** Closes the connection and client, then stops the embedded server if this store owns one. */
  @Override
  public void close() {
    try {
      connection.close();
      client.shutdown(Duration.ZERO, SHUTDOWN_TIMEOUT);
      resources
          .shutdown(0, SHUTDOWN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
          .awaitUninterruptibly();
    } finally {
      embedded.ifPresent(EmbeddedRedis::close);
    }
  }

  private static ClientOptions clientOptions(StoreConfig config) {
    return ClientOptions.builder()
        .autoReconnect(true)
        .socketOptions(SocketOptions.builder().connectTimeout(config.connectTimeout()).build())
        .timeoutOptions(TimeoutOptions.enabled(config.commandTimeout()))
        .build();
  }

  private static RedisURI redisUri(String uri, StoreConfig config) {
    RedisURI redisUri = RedisURI.create(uri);
    redisUri.setTimeout(config.commandTimeout());
    return redisUri;
  }

  private static Duration since(long startNanos) {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }
}
