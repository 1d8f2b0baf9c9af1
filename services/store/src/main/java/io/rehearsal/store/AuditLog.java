package io.rehearsal.store;

import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The append-only, hash-chained audit log: a Redis Stream whose entries each carry the hash of the
 * previous entry and their own hash, {@code HMAC-SHA256(key, prev hash bytes || payload)}, so
 * removing, reordering or altering an entry breaks the chain at that point ({@link
 * #verifyChain()}), and nobody without the {@link AuditKey} can write a replacement chain that
 * verifies.
 *
 * <p>Appends are group-committed ({@link AuditGroupCommit}): the appends waiting while a batch is
 * written are chained in order and written together by one Lua script that checks every idempotency
 * key is new and the batch chained onto the current head, then adds the entries and moves the head
 * — one round trip and one AOF fsync per batch, not per entry. A re-sent append (after a reconnect,
 * or a caller's retry) finds its key and returns the existing entry instead of adding a duplicate;
 * an append that lost a race for the head is recomputed on the new head and retried.
 */
public final class AuditLog {

  /** The previous-hash of the first entry: 64 zeros. */
  public static final String GENESIS_HASH = "0".repeat(64);

  private static final LuaScript APPEND = LuaScript.load("audit_append.lua");
  private static final int MAX_ATTEMPTS = 1_000;
  private static final int PAGE = 500;

  private final RedisCommands<byte[], byte[]> redis;
  private final RedisAsyncCommands<byte[], byte[]> async;
  private final Keys keys;
  private final Supplier<AuditKey> keySource;
  private volatile AuditKey key;
  private volatile String knownHead;
  private final AuditGroupCommit commits = new AuditGroupCommit(this::writeBatch);

  /**
   * @param keySource called once, on the first append or verification, so a process that never
   *     touches the audit log never needs (or creates) the key
   */
  AuditLog(RedisCommands<byte[], byte[]> redis, Keys keys, Supplier<AuditKey> keySource) {
    this.redis = redis;
    this.async = redis.getStatefulConnection().async();
    this.keys = keys;
    this.keySource = keySource;
  }

  /**
   * Appends {@code payload} under idempotency key {@code key} and returns the entry. If an entry
   * with this key exists, returns it and appends nothing. Returns only once the entry is written
   * (with its batch: see {@link AuditGroupCommit}).
   *
   * @throws IllegalArgumentException if {@code key} was used before for different bytes
   */
  public AuditEntry append(String key, byte[] payload) {
    return Reads.await(appendAsync(key, payload));
  }

  /**
   * {@link #append} without waiting: the entry once its batch is written. The future completes on
   * the Redis client's I/O thread; continue from it without blocking.
   */
  public CompletableFuture<AuditEntry> appendAsync(String key, byte[] payload) {
    Ids.require("key", key);
    Objects.requireNonNull(payload, "payload must not be null");
    return commits
        .submit(new PendingAppend(key, payload))
        .thenApply(entry -> entry.orElseThrow()); // an unconditional append is never skipped
  }

  /**
   * {@link #appendAsync}, but only if the write with {@code token} was applied to the record whose
   * write-token list is {@code writes} (see {@code journal_write.lua}); empty, and nothing
   * appended, if it was not. Sent right behind that write on the same connection, both are done in
   * one round trip (and one AOF fsync): the entry is checked after the write, by Redis.
   */
  CompletableFuture<Optional<AuditEntry>> appendIfAppliedAsync(
      String key, byte[] payload, byte[] writes, String token) {
    Ids.require("key", key);
    Objects.requireNonNull(payload, "payload must not be null");
    return commits.submit(
        new PendingAppend(key, payload, Optional.of(new PendingAppend.Condition(writes, token))));
  }

  /**
   * Writes one batch of appends, chained in order onto the head, with one script call. Appends of
   * one process go through one batch at a time ({@link AuditGroupCommit}): the chain is one
   * sequence anyway, and letting a process's own appends race for the head made each of them lose
   * to the others over and over under load; only other processes' appends can move the head. An
   * append whose key is already in the log is answered with that entry (or refused, for other
   * bytes) and the rest are re-chained without it; nothing of a batch is stored unless all of it
   * is.
   */
  private CompletableFuture<Void> writeBatch(List<PendingAppend> batch) {
    List<PendingAppend> open = new ArrayList<>(batch);
    String known = knownHead;
    CompletableFuture<String> prev =
        known != null
            ? Reads.done(known)
            : headAsync().thenApply(head -> head.orElse(GENESIS_HASH));
    return prev.thenCompose(p -> attempt(open, p, 0))
        .whenComplete(
            (done, failure) -> {
              if (failure != null) {
                knownHead = null; // the batch may or may not have landed: read the head again
              }
            });
  }

  /**
   * One try at chaining {@code open} onto {@code prev}; the next one after a race or duplicates.
   */
  private CompletableFuture<Void> attempt(List<PendingAppend> open, String prev, int attempt) {
    if (attempt == MAX_ATTEMPTS) {
      return CompletableFuture.failedFuture(
          new IllegalStateException(
              "audit append of "
                  + open.size()
                  + " entries (first key "
                  + open.get(0).key
                  + ") lost the race for the head "
                  + MAX_ATTEMPTS
                  + " times"));
    }
    String[] hashes = chain(prev, open);
    List<byte[]> conditions = new ArrayList<>();
    byte[][] args = args(prev, open, hashes, conditions);
    return APPEND
        .runAsync(async, streamKeys(conditions), args)
        .thenCompose(
            reply -> {
              String outcome = Replies.textAt(reply, 0);
              switch (outcome) {
                case "ok" -> {
                  for (int i = 0; i < open.size(); i++) {
                    PendingAppend pending = open.get(i);
                    pending.succeed(
                        new AuditEntry(
                            Replies.textAt(reply, i + 1),
                            pending.key,
                            pending.payload,
                            i == 0 ? prev : hashes[i - 1],
                            hashes[i]));
                  }
                  knownHead = hashes[hashes.length - 1];
                  return Reads.<Void>done(null);
                }
                case "skip" -> {
                  for (int i = reply.size() - 1; i >= 1; i--) {
                    open.remove((int) Replies.longAt(reply, i) - 1).skip();
                  }
                  return open.isEmpty() ? Reads.<Void>done(null) : attempt(open, prev, attempt + 1);
                }
                case "dup" -> {
                  return answerDuplicates(open, reply)
                      .thenCompose(
                          answered ->
                              open.isEmpty()
                                  ? Reads.<Void>done(null)
                                  : attempt(open, prev, attempt + 1));
                }
                case "race" -> {
                  return attempt(open, Replies.textAt(reply, 1), attempt + 1);
                }
                case "key" -> {
                  StoreIntegrityException wrong =
                      new StoreIntegrityException(wrongKey(Replies.textAt(reply, 1)));
                  open.forEach(pending -> pending.fail(wrong));
                  return Reads.<Void>done(null);
                }
                default ->
                    throw new StoreIntegrityException("unexpected audit append reply " + outcome);
              }
            });
  }

  private String[] chain(String prev, List<PendingAppend> appends) {
    String[] hashes = new String[appends.size()];
    String link = prev;
    for (int i = 0; i < hashes.length; i++) {
      link = chainHash(link, appends.get(i).payload);
      hashes[i] = link;
    }
    return hashes;
  }

  /**
   * Answers the appends a {@code dup} reply names with their existing entries, and drops them from
   * {@code open}.
   */
  private CompletableFuture<Void> answerDuplicates(List<PendingAppend> open, List<Object> reply) {
    List<PendingAppend> answered = new ArrayList<>();
    List<CompletableFuture<?>> lookups = new ArrayList<>();
    for (int i = 1; i + 1 < reply.size(); i += 2) {
      PendingAppend pending = open.get((int) Replies.longAt(reply, i) - 1);
      lookups.add(
          existing(pending.key, Replies.textAt(reply, i + 1), pending.payload)
              .whenComplete(
                  (entry, failure) -> {
                    if (failure != null) {
                      pending.fail(Reads.cause(failure));
                    } else {
                      pending.succeed(entry);
                    }
                  }));
      answered.add(pending);
    }
    if (answered.isEmpty()) {
      throw new StoreIntegrityException("unexpected audit append reply " + reply);
    }
    open.removeAll(answered);
    return CompletableFuture.allOf(lookups.toArray(CompletableFuture[]::new))
        .exceptionally(failure -> null); // each lookup answered its own append
  }

  /** The entry appended with idempotency key {@code key}, if any: "did my append land?" */
  public Optional<AuditEntry> find(String key) {
    return Reads.await(findAsync(key));
  }

  /** {@link #find} without waiting. */
  public CompletableFuture<Optional<AuditEntry>> findAsync(String key) {
    return async
        .hget(keys.auditKeys(), Keys.utf8(Ids.require("key", key)))
        .toCompletableFuture()
        .thenCompose(id -> id == null ? Reads.done(Optional.empty()) : entry(Keys.text(id)));
  }

  /**
   * Whether an entry was appended with idempotency key {@code key} (one lookup, without reading the
   * entry): "is this change audited?"
   */
  public CompletableFuture<Boolean> containsAsync(String key) {
    return async
        .hexists(keys.auditKeys(), Keys.utf8(Ids.require("key", key)))
        .toCompletableFuture();
  }

  /**
   * Up to {@code count} entries in order, starting at stream id {@code fromId} inclusive ({@code
   * "-"} for the first entry). To page, pass the last id read with a {@code "("} prefix.
   */
  public List<AuditEntry> read(String fromId, int count) {
    Objects.requireNonNull(fromId, "fromId must not be null");
    if (count < 1) {
      throw new IllegalArgumentException("count must be at least 1, but was " + count);
    }
    return range(Range.create(fromId, "+"), count).stream().map(AuditLog::parse).toList();
  }

  /** How many entries the log holds. */
  public long size() {
    return redis.xlen(keys.auditStream());
  }

  /** The hash of the last entry, or empty when nothing was appended yet. */
  public Optional<String> head() {
    return Reads.await(headAsync());
  }

  private CompletableFuture<Optional<String>> headAsync() {
    return async
        .hget(keys.auditHead(), Keys.utf8("hash"))
        .toCompletableFuture()
        .thenApply(hash -> Optional.ofNullable(hash).map(Keys::text));
  }

  /**
   * Walks the whole stream and checks each link: the entry's previous-hash equals the hash of the
   * entry before it (the genesis hash for the first), its hash is {@code HMAC-SHA256(key, prev ||
   * payload)}, and the stored head is the last entry. Returns the first broken link as a value, or
   * {@link ChainVerification.WrongKey} when the log says it was chained with another key.
   */
  public ChainVerification verifyChain() {
    Optional<String> chainedWith =
        Optional.ofNullable(redis.hget(keys.auditHead(), Keys.utf8("key"))).map(Keys::text);
    if (chainedWith.isPresent() && !chainedWith.get().equals(key().fingerprint())) {
      return new ChainVerification.WrongKey(chainedWith.get(), key().fingerprint());
    }
    return new ChainWalk(this, key()).run();
  }

  /** Which key this log chains with: its fingerprint, never the key. */
  public String keyFingerprint() {
    return key().fingerprint();
  }

  private String chainHash(String prevHash, byte[] payload) {
    return key().chainHash(prevHash, payload);
  }

  private AuditKey key() {
    AuditKey k = key;
    if (k == null) {
      synchronized (this) {
        if (key == null) {
          key = Objects.requireNonNull(keySource.get(), "the audit key source gave null");
        }
        k = key;
      }
    }
    return k;
  }

  List<StreamMessage<byte[], byte[]>> range(Range<String> range, int count) {
    return redis.xrange(keys.auditStream(), range, Limit.from(count));
  }

  /** The stored head: the last entry's hash and id. */
  record Head(String hash, String id) {}

  /** The stored head, or empty. */
  Optional<Head> storedHead() {
    Map<byte[], byte[]> fields = redis.hgetall(keys.auditHead());
    Map<String, String> named = new HashMap<>();
    fields.forEach((k, v) -> named.put(Keys.text(k), Keys.text(v)));
    if (!named.containsKey("hash") || !named.containsKey("id")) {
      return Optional.empty();
    }
    return Optional.of(new Head(named.get("hash"), named.get("id")));
  }

  static int pageSize() {
    return PAGE;
  }

  /**
   * Reads a stream message as an entry.
   *
   * @throws StoreIntegrityException if a field is missing
   */
  static AuditEntry parse(StreamMessage<byte[], byte[]> message) {
    Map<String, byte[]> fields = new HashMap<>();
    message.getBody().forEach((k, v) -> fields.put(Keys.text(k), v));
    for (String name : List.of("key", "payload", "prev", "hash")) {
      if (!fields.containsKey(name)) {
        throw new StoreIntegrityException(
            "audit entry " + message.getId() + " has no '" + name + "' field");
      }
    }
    return new AuditEntry(
        message.getId(),
        Keys.text(fields.get("key")),
        fields.get("payload"),
        Keys.text(fields.get("prev")),
        Keys.text(fields.get("hash")));
  }

  private CompletableFuture<Optional<AuditEntry>> entry(String id) {
    return async
        .xrange(keys.auditStream(), Range.create(id, id), Limit.from(1))
        .toCompletableFuture()
        .thenApply(found -> found.isEmpty() ? Optional.empty() : Optional.of(parse(found.get(0))));
  }

  private CompletableFuture<AuditEntry> existing(String key, String id, byte[] payload) {
    return entry(id).thenApply(found -> matching(found, key, id, payload));
  }

  private static AuditEntry matching(
      Optional<AuditEntry> found, String key, String id, byte[] payload) {
    AuditEntry entry =
        found.orElseThrow(
            () ->
                new StoreIntegrityException(
                    "audit key " + key + " names entry " + id + ", which is not in the stream"));
    if (!Arrays.equals(entry.payload(), payload)) {
      throw new IllegalArgumentException(
          "audit key " + key + " was already used for different bytes (entry " + id + ")");
    }
    return entry;
  }

  private byte[][] streamKeys(List<byte[]> conditions) {
    byte[][] all = new byte[3 + conditions.size()][];
    all[0] = keys.auditStream();
    all[1] = keys.auditHead();
    all[2] = keys.auditKeys();
    for (int i = 0; i < conditions.size(); i++) {
      all[3 + i] = conditions.get(i);
    }
    return all;
  }

  private String wrongKey(String logFingerprint) {
    return "the audit log is chained with key "
        + logFingerprint
        + " but this process has key "
        + key().fingerprint()
        + ": give every process the same audit key ("
        + StoreConfig.AUDIT_KEY_ENV
        + "); nothing was appended";
  }

  /**
   * The script's arguments for {@code appends}; the write-token lists their conditions name are
   * added to {@code conditions} (the script's keys after the log's three).
   */
  private byte[][] args(
      String prev, List<PendingAppend> appends, String[] hashes, List<byte[]> conditions) {
    byte[][] args = new byte[2 + 5 * appends.size()][];
    args[0] = Keys.utf8(key().fingerprint());
    args[1] = Keys.utf8(prev);
    for (int i = 0; i < hashes.length; i++) {
      PendingAppend pending = appends.get(i);
      args[2 + 5 * i] = Keys.utf8(pending.key);
      args[3 + 5 * i] = pending.payload;
      args[4 + 5 * i] = Keys.utf8(hashes[i]);
      if (pending.condition.isPresent()) {
        conditions.add(pending.condition.get().writes());
        args[5 + 5 * i] = Keys.utf8(Integer.toString(conditions.size()));
        args[6 + 5 * i] = Keys.utf8(pending.condition.get().token());
      } else {
        args[5 + 5 * i] = Keys.utf8("0");
        args[6 + 5 * i] = Keys.utf8("");
      }
    }
    return args;
  }
}
