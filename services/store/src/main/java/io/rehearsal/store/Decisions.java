package io.rehearsal.store;

import io.lettuce.core.KeyValue;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Versioned decision records: created once, then changed only by compare-and-set on the revision,
 * each write applied atomically by a Lua script.
 *
 * <p>Every write carries a token, and the store remembers the tokens of a record's last {@value
 * #REMEMBERED_WRITES} writes. Lettuce re-sends commands that were in flight when a connection
 * dropped, and a caller may retry after a timeout; such a repeat carries the same token and is
 * answered {@link WriteResult.AlreadyApplied} instead of being applied twice or being mistaken for
 * a conflict. Pass your own token to make your retries (across timeouts, even restarts) safe; the
 * overloads without one use a random token per call, which covers Lettuce's re-sends.
 */
public final class Decisions {

  /** How many recent write tokens are remembered per record. */
  public static final int REMEMBERED_WRITES = 32;

  private static final LuaScript WRITE = LuaScript.load("decision_write.lua");
  private static final byte[] REV = Keys.utf8("rev");
  private static final byte[] DATA = Keys.utf8("data");

  private final RedisCommands<byte[], byte[]> redis;
  private final RedisAsyncCommands<byte[], byte[]> async;
  private final Keys keys;

  Decisions(RedisCommands<byte[], byte[]> redis, Keys keys) {
    this.redis = redis;
    this.async = redis.getStatefulConnection().async();
    this.keys = keys;
  }

  /** Creates record {@code id} at revision 1; {@link WriteResult.Conflict} if it exists. */
  public WriteResult create(String id, byte[] payload) {
    return Reads.await(createAsync(id, payload));
  }

  /** {@link #create(String, byte[])} without waiting. */
  public CompletableFuture<WriteResult> createAsync(String id, byte[] payload) {
    return write(id, "create", 0, payload, newToken());
  }

  /**
   * Creates record {@code id} at revision 1 with a caller-chosen write token: {@link
   * WriteResult.Ok}, {@link WriteResult.AlreadyApplied} if this token created it, else {@link
   * WriteResult.Conflict}.
   */
  public WriteResult create(String id, byte[] payload, String token) {
    return Reads.await(write(id, "create", 0, payload, token));
  }

  /**
   * Replaces record {@code id}'s bytes if it is at {@code expectedRevision}: {@link WriteResult.Ok}
   * with the new revision, {@link WriteResult.Conflict} with the current one, or {@link
   * WriteResult.NotFound}.
   */
  public WriteResult compareAndSet(String id, long expectedRevision, byte[] payload) {
    return compareAndSet(id, expectedRevision, payload, newToken());
  }

  /**
   * {@link #compareAndSet(String, long, byte[])} with a caller-chosen write token; a repeat of a
   * write that was applied answers {@link WriteResult.AlreadyApplied} with the revision it made.
   */
  public WriteResult compareAndSet(String id, long expectedRevision, byte[] payload, String token) {
    if (expectedRevision < 1) {
      throw new IllegalArgumentException(
          "expectedRevision must be at least 1, but was " + expectedRevision);
    }
    return Reads.await(write(id, "cas", expectedRevision, payload, token));
  }

  /** Record {@code id} at its current revision, or empty. */
  public Optional<Versioned> get(String id) {
    return Reads.await(getAsync(id));
  }

  /** {@link #get} without waiting, to read it together with other records ({@link Reads}). */
  public CompletableFuture<Optional<Versioned>> getAsync(String id) {
    byte[] key = keys.decision(Ids.require("id", id));
    return async.hmget(key, REV, DATA).toCompletableFuture().thenApply(Decisions::versioned);
  }

  private static Optional<Versioned> versioned(List<KeyValue<byte[], byte[]>> fields) {
    if (fields.get(0).isEmpty() || fields.get(1).isEmpty()) {
      return Optional.empty();
    }
    long revision = Long.parseLong(Keys.text(fields.get(0).getValue()));
    return Optional.of(new Versioned(revision, fields.get(1).getValue()));
  }

  private CompletableFuture<WriteResult> write(
      String id, String mode, long expected, byte[] payload, String token) {
    Ids.require("id", id);
    Ids.require("token", token);
    Objects.requireNonNull(payload, "payload must not be null");
    byte[][] keyArgs = {keys.decision(id), keys.decisionWrites(id)};
    return WRITE
        .runAsync(
            async,
            keyArgs,
            Keys.utf8(mode),
            Keys.utf8(Long.toString(expected)),
            payload,
            Keys.utf8(token),
            Keys.utf8(Integer.toString(REMEMBERED_WRITES)))
        .thenApply(Decisions::toResult);
  }

  private static WriteResult toResult(List<Object> reply) {
    long revision = Replies.longAt(reply, 1);
    return switch ((int) Replies.longAt(reply, 0)) {
      case 1 -> new WriteResult.Ok(revision);
      case 2 -> new WriteResult.AlreadyApplied(revision);
      case 3 -> new WriteResult.Conflict(revision);
      case 4 -> new WriteResult.NotFound();
      default -> throw new StoreIntegrityException("unexpected decision write reply " + reply);
    };
  }

  private static String newToken() {
    return UUID.randomUUID().toString();
  }
}
