package io.rehearsal.store;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.Range;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

/**
 * Decision writes that also append a change event and keep the hook outbox, in one atomic script
 * ({@code journal_write.lua}): the same records as {@link Decisions} (same keys, revisions and
 * write tokens), plus the stream of decision events a watcher resumes from, plus the {@link
 * DispatchOutbox} entry of an approved decision. So a change is never visible without its event,
 * and an approval never without the delivery that must follow it, whatever crashes.
 *
 * <p>A process uses the one on its store's connection ({@link RedisStore#journal()}), so its
 * decision reads and journaled writes share one connection and one set of I/O threads; {@link
 * #connect} opens a journal with a connection of its own (auto-reconnecting), for tools and tests
 * that play another process. Its scripts touch keys in several hash slots, so it needs a single
 * Redis node (the embedded server or a primary), not a cluster.
 *
 * <pre>
 * PREFIX {decision-events}:stream   stream: decision, event; entry id = the watch cursor
 * PREFIX {dispatch}:due             sorted set: decision id by due time (ms), leases included
 * PREFIX {dispatch}:attempts        hash: decision id to attempts made
 * PREFIX {dispatch}:errors          hash: decision id to the last attempt's error
 * PREFIX {dispatch}:dead            sorted set: dead-lettered decision ids by time (ms)
 * PREFIX {ledger:NAME}:entries      hash: id to bytes ({@link Ledger})
 * PREFIX {ledger:NAME}:index        sorted set: id by first-write time (ms)
 * PREFIX {history}:TARGET           sorted set: actions taken on a target by time (ms), {@link ActionHistory}
 * </pre>
 */
public final class DecisionJournal implements AutoCloseable {

  /** Events kept in the stream (approximately); a watch cursor older than them is out of range. */
  public static final long EVENTS_RETAINED = 100_000;

  private static final LuaScript WRITE = LuaScript.load("journal_write.lua", "buckets.lua");
  private static final Pattern CURSOR = Pattern.compile("\\d{1,19}-\\d{1,19}");

  private final RedisClient client; // null: the connection is the store's, closed with it
  private final StatefulRedisConnection<byte[], byte[]> connection;
  private final RedisCommands<byte[], byte[]> redis;
  private final Keys keys;
  private final String prefix;
  private final DispatchOutbox outbox;
  private final ActionHistory history;

  private DecisionJournal(
      RedisClient client, StatefulRedisConnection<byte[], byte[]> connection, String prefix) {
    this.client = client;
    this.connection = connection;
    this.redis = connection.sync();
    this.prefix = prefix;
    this.keys = new Keys(prefix);
    this.outbox = new DispatchOutbox(redis, this::key);
    this.history = new ActionHistory(redis, this::key);
  }

  /** The journal on a store's connection, with the store's key prefix. */
  static DecisionJournal on(StatefulRedisConnection<byte[], byte[]> connection, String prefix) {
    return new DecisionJournal(null, connection, prefix);
  }

  /**
   * Connects to the Redis at {@code uri} (e.g. {@link RedisStore#uri()}) with the store's key
   * prefix (e.g. {@code StoreConfig.defaults().keyPrefix()}).
   */
  public static DecisionJournal connect(String uri, String keyPrefix, Duration commandTimeout) {
    Objects.requireNonNull(keyPrefix, "keyPrefix must not be null");
    RedisURI redisUri = RedisURI.create(uri);
    redisUri.setTimeout(commandTimeout);
    RedisClient client = RedisClient.create();
    client.setOptions(
        ClientOptions.builder()
            .autoReconnect(true)
            .timeoutOptions(TimeoutOptions.enabled(commandTimeout))
            .build());
    try {
      return new DecisionJournal(
          client, client.connect(ByteArrayCodec.INSTANCE, redisUri), keyPrefix);
    } catch (RuntimeException e) {
      client.shutdown();
      throw e;
    }
  }

  /** What a journaled write does to the outbox besides writing the decision. */
  public enum OutboxOp {
    /** Leave it. */
    NONE,
    /** Add the decision, due at once (an approval): it must be delivered. */
    ENQUEUE,
    /** Remove the decision's entry, live or dead (it left APPROVED). */
    DONE
  }

  /** A journaled write's result and, when applied now, the cursor of its event. */
  public record Written(WriteResult result, Optional<String> cursor) {}

  /**
   * Creates decision {@code id} at revision 1 with its event; see {@link Decisions#create(String,
   * byte[], String)} for the results.
   */
  public Written create(String id, byte[] payload, byte[] event, OutboxOp op, long dueMillis) {
    return create(id, payload, event, op, dueMillis, ActionHistory.Change.NONE);
  }

  /**
   * As {@link #create(String, byte[], byte[], OutboxOp, long)}, changing a target's history too.
   */
  public Written create(
      String id,
      byte[] payload,
      byte[] event,
      OutboxOp op,
      long dueMillis,
      ActionHistory.Change change) {
    return Reads.await(createAsync(id, payload, event, op, dueMillis, change, Optional.empty()));
  }

  /**
   * {@link #create(String, byte[], byte[], OutboxOp, long, ActionHistory.Change)} without waiting,
   * taking a token from each bucket of {@code take} in the same script when there is one: then the
   * result is {@link WriteResult.OverBudget} (nothing written) when a bucket is empty, and a create
   * that finds the decision already there takes nothing. The future completes on the Redis client's
   * I/O thread.
   */
  public CompletableFuture<Written> createAsync(
      String id,
      byte[] payload,
      byte[] event,
      OutboxOp op,
      long dueMillis,
      ActionHistory.Change change,
      Optional<RateLimits.Take> take) {
    return write(id, "create", 0, payload, event, op, dueMillis, change, take, newToken());
  }

  /** A journaled write's result and the audit entry written with it, if it was applied. */
  public record Audited(Written written, Optional<AuditEntry> entry) {}

  /**
   * {@link #createAsync} and the audit entry of the created decision in one round trip: the entry
   * is sent right behind the create (same connection, so Redis runs both before its next fsync) and
   * is appended only if this create was applied. The entry is empty when it was not (a conflict, a
   * bucket empty), and also in the rare case that the create reached Redis after the entry's batch
   * (a script re-sent after Redis lost its script cache): then append it again.
   *
   * @param audit the log, on this journal's connection (on another, the entry may be checked before
   *     the create arrives: correct, but then it is skipped and needs the second append)
   */
  public CompletableFuture<Audited> createAuditedAsync(
      String id,
      byte[] payload,
      byte[] event,
      OutboxOp op,
      long dueMillis,
      ActionHistory.Change change,
      Optional<RateLimits.Take> take,
      AuditLog audit,
      String auditKey,
      byte[] auditPayload) {
    String token = newToken();
    CompletableFuture<Written> written =
        write(id, "create", 0, payload, event, op, dueMillis, change, take, token);
    CompletableFuture<Optional<AuditEntry>> entry =
        audit.appendIfAppliedAsync(auditKey, auditPayload, keys.decisionWrites(id), token);
    return written.thenCombine(entry, Audited::new);
  }

  /**
   * Compare-and-sets decision {@code id} from {@code expectedRevision} with its event; see {@link
   * Decisions#compareAndSet(String, long, byte[])} for the results.
   */
  public Written compareAndSet(
      String id, long expectedRevision, byte[] payload, byte[] event, OutboxOp op, long dueMillis) {
    return compareAndSet(
        id, expectedRevision, payload, event, op, dueMillis, ActionHistory.Change.NONE);
  }

  /**
   * As {@link #compareAndSet(String, long, byte[], byte[], OutboxOp, long)}, changing a target's
   * history too.
   */
  public Written compareAndSet(
      String id,
      long expectedRevision,
      byte[] payload,
      byte[] event,
      OutboxOp op,
      long dueMillis,
      ActionHistory.Change change) {
    if (expectedRevision < 1) {
      throw new IllegalArgumentException(
          "expectedRevision must be at least 1, but was " + expectedRevision);
    }
    return Reads.await(
        write(
            id,
            "cas",
            expectedRevision,
            payload,
            event,
            op,
            dueMillis,
            change,
            Optional.empty(),
            newToken()));
  }

  /**
   * Up to {@code limit} events after {@code cursor} (exclusive; empty = from the oldest retained),
   * oldest first.
   *
   * @throws IllegalArgumentException when the cursor is not a stream id ({@code ms-seq})
   */
  public List<JournalEvent> after(Optional<String> cursor, int limit) {
    Range.Boundary<String> lower =
        cursor
            .map(c -> Range.Boundary.excluding(requireCursor(c)))
            .orElse(Range.Boundary.<String>unbounded());
    List<StreamMessage<byte[], byte[]>> messages =
        redis.xrange(
            events(),
            Range.from(lower, Range.Boundary.<String>unbounded()),
            io.lettuce.core.Limit.from(limit));
    return messages.stream().map(DecisionJournal::event).toList();
  }

  /** The cursor of the oldest retained event, if any. */
  public Optional<String> oldest() {
    List<StreamMessage<byte[], byte[]>> first =
        redis.xrange(events(), Range.unbounded(), io.lettuce.core.Limit.from(1));
    return first.stream().findFirst().map(StreamMessage::getId);
  }

  /** Whether {@code a} is an earlier cursor than {@code b}. */
  public static boolean before(String a, String b) {
    long[] x = parts(requireCursor(a));
    long[] y = parts(requireCursor(b));
    return x[0] != y[0]
        ? Long.compareUnsigned(x[0], y[0]) < 0
        : Long.compareUnsigned(x[1], y[1]) < 0;
  }

  /** Checks a cursor's form ({@code ms-seq}). */
  public static String requireCursor(String cursor) {
    if (cursor == null || !CURSOR.matcher(cursor).matches()) {
      throw new IllegalArgumentException(
          "cursor must be a stream position like 1700000000000-0, but was '" + cursor + "'");
    }
    return cursor;
  }

  /** The hook outbox the writes here enqueue into. */
  public DispatchOutbox outbox() {
    return outbox;
  }

  /** The per-target action history the writes here change. */
  public ActionHistory history() {
    return history;
  }

  /** The ledger named {@code name} (e.g. {@code shadow}, {@code outcomes}). */
  public Ledger ledger(String name) {
    Ids.require("ledger name", name);
    return new Ledger(
        redis, key("{ledger:" + name + "}:entries"), key("{ledger:" + name + "}:index"));
  }

  /** Closes this journal's own connection; one on a store's connection closes with the store. */
  @Override
  public void close() {
    if (client != null) {
      connection.close();
      client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
  }

  private CompletableFuture<Written> write(
      String id,
      String mode,
      long expected,
      byte[] payload,
      byte[] event,
      OutboxOp op,
      long due,
      ActionHistory.Change change,
      Optional<RateLimits.Take> take,
      String token) {
    Ids.require("id", id);
    Objects.requireNonNull(change, "change must not be null");
    Objects.requireNonNull(payload, "payload must not be null");
    Objects.requireNonNull(event, "event must not be null");
    byte[][] written = {
      keys.decision(id),
      keys.decisionWrites(id),
      events(),
      outbox.due(),
      outbox.attempts(),
      outbox.errors(),
      outbox.dead(),
      history.key(change.target())
    };
    byte[][] buckets = take.map(t -> t.bucketKeys(keys)).orElse(new byte[0][]);
    byte[][] takeArgs = take.map(RateLimits.Take::args).orElse(new byte[][] {Keys.utf8("")});
    byte[][] writeArgs = {
      Keys.utf8(mode),
      Keys.utf8(Long.toString(expected)),
      payload,
      Keys.utf8(token),
      Keys.utf8(Integer.toString(Decisions.REMEMBERED_WRITES)),
      event,
      Keys.utf8(Long.toString(EVENTS_RETAINED)),
      Keys.utf8(op.name().toLowerCase(java.util.Locale.ROOT)),
      Keys.utf8(id),
      Keys.utf8(Long.toString(due)),
      Keys.utf8(change.opName()),
      Keys.utf8(change.member()),
      Keys.utf8(Long.toString(change.atMillis())),
      Keys.utf8(Long.toString(change.keepAfterMillis())),
      Keys.utf8(Integer.toString(ActionHistory.KEPT_PER_TARGET))
    };
    return WRITE
        .runAsync(
            redis.getStatefulConnection().async(),
            concat(written, buckets),
            concat(writeArgs, takeArgs))
        .thenApply(
            reply -> {
              if (Replies.longAt(reply, 0) == 5) {
                return new Written(
                    new WriteResult.OverBudget(take.orElseThrow().refused(reply, 1)),
                    Optional.empty());
              }
              String cursor = Replies.textAt(reply, 2);
              return new Written(
                  result(reply), cursor.isEmpty() ? Optional.empty() : Optional.of(cursor));
            });
  }

  /** A write's token: how the script recognises a write it applied before (re-sent). */
  private static String newToken() {
    return UUID.randomUUID().toString();
  }

  private static byte[][] concat(byte[][] first, byte[][] second) {
    byte[][] all = Arrays.copyOf(first, first.length + second.length);
    System.arraycopy(second, 0, all, first.length, second.length);
    return all;
  }

  private static WriteResult result(List<Object> reply) {
    long revision = Replies.longAt(reply, 1);
    return switch ((int) Replies.longAt(reply, 0)) {
      case 1 -> new WriteResult.Ok(revision);
      case 2 -> new WriteResult.AlreadyApplied(revision);
      case 3 -> new WriteResult.Conflict(revision);
      case 4 -> new WriteResult.NotFound();
      default -> throw new StoreIntegrityException("unexpected journal write reply " + reply);
    };
  }

  private static JournalEvent event(StreamMessage<byte[], byte[]> message) {
    byte[] decision = null;
    byte[] event = null;
    for (var field : message.getBody().entrySet()) {
      String name = Keys.text(field.getKey());
      if (name.equals("decision")) {
        decision = field.getValue();
      } else if (name.equals("event")) {
        event = field.getValue();
      }
    }
    if (decision == null || event == null) {
      throw new StoreIntegrityException("decision event " + message.getId() + " lacks fields");
    }
    return new JournalEvent(message.getId(), Keys.text(decision), event);
  }

  private static long[] parts(String cursor) {
    int dash = cursor.indexOf('-');
    return new long[] {
      Long.parseUnsignedLong(cursor.substring(0, dash)),
      Long.parseUnsignedLong(cursor.substring(dash + 1))
    };
  }

  private byte[] events() {
    return key("{decision-events}:stream");
  }

  private byte[] key(String suffix) {
    return Keys.utf8(prefix + suffix);
  }
}
