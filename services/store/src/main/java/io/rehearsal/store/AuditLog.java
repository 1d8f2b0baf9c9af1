package io.rehearsal.store;

import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.sync.RedisCommands;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The append-only, hash-chained audit log: a Redis Stream whose entries each carry the hash of the
 * previous entry and their own hash, {@code HMAC-SHA256(key, prev hash bytes || payload)}, so
 * removing, reordering or altering an entry breaks the chain at that point ({@link
 * #verifyChain()}), and nobody without the {@link AuditKey} can write a replacement chain that
 * verifies.
 *
 * <p>An append runs as one Lua script that checks the caller chained onto the current head and that
 * its idempotency key is new, then adds the entry and moves the head. A re-sent append (after a
 * reconnect, or a caller's retry) finds its key and returns the existing entry instead of adding a
 * duplicate; an append that lost a race for the head is recomputed on the new head and retried.
 */
public final class AuditLog {

  /** The previous-hash of the first entry: 64 zeros. */
  public static final String GENESIS_HASH = "0".repeat(64);

  private static final LuaScript APPEND = LuaScript.load("audit_append.lua");
  private static final int MAX_ATTEMPTS = 1_000;
  private static final int PAGE = 500;

  private final RedisCommands<byte[], byte[]> redis;
  private final Keys keys;
  private final Supplier<AuditKey> keySource;
  private volatile AuditKey key;
  private volatile String knownHead;
  private final Object appendLock = new Object();

  /**
   * @param keySource called once, on the first append or verification, so a process that never
   *     touches the audit log never needs (or creates) the key
   */
  AuditLog(RedisCommands<byte[], byte[]> redis, Keys keys, Supplier<AuditKey> keySource) {
    this.redis = redis;
    this.keys = keys;
    this.keySource = keySource;
  }

  /**
   * Appends {@code payload} under idempotency key {@code key} and returns the entry. If an entry
   * with this key exists, returns it and appends nothing.
   *
   * @throws IllegalArgumentException if {@code key} was used before for different bytes
   */
  public AuditEntry append(String key, byte[] payload) {
    Ids.require("key", key);
    Objects.requireNonNull(payload, "payload must not be null");
    synchronized (appendLock) {
      return appendChained(key, payload);
    }
  }

  /**
   * One append, chained onto the head. Appends of one process take turns ({@code appendLock}): the
   * chain is one sequence anyway, and letting a process's own threads race for the head made each
   * of them lose to the others over and over under load (a gateway bench at 300 Submits/s saw "lost
   * the race for the head 1000 times"); only other processes' appends can now move the head.
   */
  private AuditEntry appendChained(String key, byte[] payload) {
    String prev = knownHead != null ? knownHead : head().orElse(GENESIS_HASH);
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      String hash = chainHash(prev, payload);
      List<Object> reply =
          APPEND.run(redis, streamKeys(), args(key, payload, prev, hash, key().fingerprint()));
      String outcome = Replies.textAt(reply, 0);
      String value = Replies.textAt(reply, 1);
      switch (outcome) {
        case "ok" -> {
          knownHead = hash;
          return new AuditEntry(value, key, payload, prev, hash);
        }
        case "dup" -> {
          return existing(key, value, payload);
        }
        case "race" -> prev = value;
        case "key" -> throw new StoreIntegrityException(wrongKey(value));
        default -> throw new StoreIntegrityException("unexpected audit append reply " + outcome);
      }
    }
    throw new IllegalStateException(
        "audit append of key " + key + " lost the race for the head " + MAX_ATTEMPTS + " times");
  }

  /** The entry appended with idempotency key {@code key}, if any: "did my append land?" */
  public Optional<AuditEntry> find(String key) {
    byte[] id = redis.hget(keys.auditKeys(), Keys.utf8(Ids.require("key", key)));
    return id == null ? Optional.empty() : entry(Keys.text(id));
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
    return Optional.ofNullable(redis.hget(keys.auditHead(), Keys.utf8("hash"))).map(Keys::text);
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

  private Optional<AuditEntry> entry(String id) {
    List<StreamMessage<byte[], byte[]>> found = range(Range.create(id, id), 1);
    return found.isEmpty() ? Optional.empty() : Optional.of(parse(found.get(0)));
  }

  private AuditEntry existing(String key, String id, byte[] payload) {
    AuditEntry entry =
        entry(id)
            .orElseThrow(
                () ->
                    new StoreIntegrityException(
                        "audit key "
                            + key
                            + " names entry "
                            + id
                            + ", which is not in the stream"));
    if (!Arrays.equals(entry.payload(), payload)) {
      throw new IllegalArgumentException(
          "audit key " + key + " was already used for different bytes (entry " + id + ")");
    }
    return entry;
  }

  private byte[][] streamKeys() {
    return new byte[][] {keys.auditStream(), keys.auditHead(), keys.auditKeys()};
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

  private static byte[][] args(
      String key, byte[] payload, String prev, String hash, String fingerprint) {
    return new byte[][] {
      Keys.utf8(key), payload, Keys.utf8(prev), Keys.utf8(hash), Keys.utf8(fingerprint)
    };
  }
}
