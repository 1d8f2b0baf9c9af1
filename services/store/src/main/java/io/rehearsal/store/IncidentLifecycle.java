package io.rehearsal.store;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.KeyValue;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * Incidents with a lifecycle — open → mitigating → resolved, and back to open — each change applied
 * atomically by a Lua script with compare-and-set on a revision, and a timeline of stage changes
 * the store keeps itself. Beside {@link Incidents} (write-once bytes), for the detector.
 *
 * <p>{@link #open} is where incidents get their ids and where flapping is suppressed: it names the
 * incident's scopes (e.g. its services); if one of them belongs to a live incident, the caller
 * joins that one; if one belongs to an incident resolved less than the flap window ago, that one
 * re-opens; only otherwise is a new incident created, with the id {@code inc-YYYYMMDD-NNNN} from a
 * per-day counter in Redis (unique per installation, i.e. per Redis and key prefix). Because the
 * decision is made inside Redis, it holds across detector restarts and between replicas.
 *
 * <p>Idempotency: an open carries a token (random per call unless the caller gives one), kept for a
 * day, so Lettuce's re-send of an open answers the incident it made instead of creating another.
 * Other writes are compare-and-set: a re-sent one answers {@link IncidentWrite.Conflict}, and the
 * caller's re-read shows it applied.
 *
 * <p>Holds a connection of its own. All keys share the hash tag {@code {incident-life}}:
 *
 * <pre>
 * PREFIX {incident-life}:rec:ID        hash: rev, stage, data, opened, changed, resolved, reopened
 * PREFIX {incident-life}:timeline:ID   list: "stage|ms|reason", oldest first
 * PREFIX {incident-life}:live          set: ids of open or mitigating incidents
 * PREFIX {incident-life}:index         sorted set: id by opened ms (newest {@code retained} kept,
 *                                      live ones always)
 * PREFIX {incident-life}:scope:SCOPE   id of the latest incident touching SCOPE
 * PREFIX {incident-life}:seq:YYYYMMDD  that day's id counter (expires after 3 days)
 * PREFIX {incident-life}:token:TOKEN   id an open with this token gave (expires after a day)
 * </pre>
 */
public final class IncidentLifecycle implements AutoCloseable {

  /** Incidents kept by default; beyond it the oldest resolved ones are deleted. */
  public static final int DEFAULT_RETAINED = 10_000;

  private static final LuaScript OPEN = LuaScript.load("incident_open.lua");
  private static final LuaScript WRITE = LuaScript.load("incident_write.lua");
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("uuuuMMdd", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final long TOKEN_TTL_MILLIS = Duration.ofDays(1).toMillis();
  private static final byte[][] FIELDS =
      java.util.stream.Stream.of(
              "rev", "stage", "data", "opened", "changed", "resolved", "reopened")
          .map(Keys::utf8)
          .toArray(byte[][]::new);

  private final RedisClient client;
  private final StatefulRedisConnection<byte[], byte[]> connection;
  private final RedisCommands<byte[], byte[]> redis;
  private final String prefix;
  private final int retained;

  /** Where an incident is in its life. */
  public enum Stage {
    /** Symptoms are active; nobody acts yet. */
    OPEN,
    /** A remediation is under way. */
    MITIGATING,
    /** Over; may re-open within the flap window. */
    RESOLVED;

    /** Whether the incident is still live (open or mitigating). */
    public boolean live() {
      return this != RESOLVED;
    }

    String wire() {
      return name().toLowerCase(Locale.ROOT);
    }

    static Stage ofWire(String text) {
      return valueOf(text.toUpperCase(Locale.ROOT));
    }
  }

  /** How {@link #open} placed the caller's incident. */
  public enum How {
    /** A new incident with a new id. */
    CREATED,
    /** An incident that is still live shares a scope: the caller's symptoms belong to it. */
    JOINED,
    /** An incident resolved within the flap window shares a scope: it is open again. */
    REOPENED,
    /** This token opened an incident before (a re-send or retry); nothing changed. */
    ALREADY_APPLIED
  }

  /**
   * The incident an {@link #open} landed in.
   *
   * @param id its id
   * @param revision its revision now
   * @param how created, joined, re-opened, or a repeat
   */
  public record Opened(String id, long revision, How how) {}

  private IncidentLifecycle(
      RedisClient client,
      StatefulRedisConnection<byte[], byte[]> connection,
      String prefix,
      int retained) {
    this.client = client;
    this.connection = connection;
    this.redis = connection.sync();
    this.prefix = prefix + "{incident-life}:";
    this.retained = retained;
  }

  /**
   * Connects to the Redis at {@code uri} (e.g. {@link RedisStore#uri()}) with the store's key
   * prefix (e.g. {@code StoreConfig.defaults().keyPrefix()}), keeping at most {@code retained}
   * incidents.
   */
  public static IncidentLifecycle connect(
      String uri, String keyPrefix, Duration commandTimeout, int retained) {
    Objects.requireNonNull(keyPrefix, "keyPrefix must not be null");
    if (retained < 1) {
      throw new IllegalArgumentException("retained must be at least 1, but was " + retained);
    }
    RedisURI redisUri = RedisURI.create(uri);
    redisUri.setTimeout(commandTimeout);
    RedisClient client = RedisClient.create();
    client.setOptions(
        ClientOptions.builder()
            .autoReconnect(true)
            .timeoutOptions(TimeoutOptions.enabled(commandTimeout))
            .build());
    try {
      return new IncidentLifecycle(
          client, client.connect(ByteArrayCodec.INSTANCE, redisUri), keyPrefix, retained);
    } catch (RuntimeException e) {
      client.shutdown();
      throw e;
    }
  }

  /**
   * Opens an incident touching {@code scopes} at {@code atMillis}, or joins the live incident that
   * touches one of them, or re-opens the one resolved at most {@code flapWindow} before; see the
   * class comment. {@code payload} is stored only when a new incident is created; after a join or
   * re-open, merge and {@link #write} it.
   *
   * @param token makes retries safe: the same token answers the same incident ({@link
   *     How#ALREADY_APPLIED}) for a day
   */
  public Opened open(
      List<String> scopes,
      byte[] payload,
      long atMillis,
      Duration flapWindow,
      String reason,
      String token) {
    Objects.requireNonNull(payload, "payload must not be null");
    Objects.requireNonNull(reason, "reason must not be null");
    if (scopes.isEmpty() || flapWindow.isNegative()) {
      throw new IllegalArgumentException(
          "open needs at least one scope and a flap window >= 0, but had "
              + scopes
              + " and "
              + flapWindow);
    }
    List<byte[]> keys = new ArrayList<>();
    keys.add(key("index"));
    keys.add(key("live"));
    String day = DAY.format(Instant.ofEpochMilli(atMillis));
    keys.add(key("seq:" + day));
    keys.add(key("token:" + Ids.require("token", token)));
    scopes.forEach(s -> keys.add(key("scope:" + Ids.require("scope", s))));
    List<Object> reply =
        OPEN.run(
            redis,
            keys.toArray(byte[][]::new),
            Keys.utf8(prefix),
            Keys.utf8(day),
            payload,
            Keys.utf8(Long.toString(atMillis)),
            Keys.utf8(Long.toString(flapWindow.toMillis())),
            Keys.utf8(reason),
            Keys.utf8(Integer.toString(retained)),
            Keys.utf8(Long.toString(TOKEN_TTL_MILLIS)));
    How how = How.values()[(int) Replies.longAt(reply, 0) - 1];
    return new Opened(Replies.textAt(reply, 1), Replies.longAt(reply, 2), how);
  }

  /** {@link #open} with a random token (safe against Lettuce's re-sends, not caller retries). */
  public Opened open(
      List<String> scopes, byte[] payload, long atMillis, Duration flapWindow, String reason) {
    return open(scopes, payload, atMillis, flapWindow, reason, UUID.randomUUID().toString());
  }

  /**
   * Moves incident {@code id} from {@code expectedRevision} to {@code stage} (the same stage only
   * bumps the revision), replacing its bytes when {@code payload} is present. Legal changes of
   * stage: open → mitigating | resolved, mitigating → resolved | open, resolved → open; each is
   * appended to the timeline with {@code reason}.
   */
  public IncidentWrite write(
      String id,
      long expectedRevision,
      Stage stage,
      Optional<byte[]> payload,
      long atMillis,
      String reason) {
    Ids.require("id", id);
    Objects.requireNonNull(stage, "stage must not be null");
    Objects.requireNonNull(reason, "reason must not be null");
    byte[][] keys = {key("rec:" + id), key("timeline:" + id), key("live")};
    List<Object> reply =
        WRITE.run(
            redis,
            keys,
            Keys.utf8(Long.toString(expectedRevision)),
            Keys.utf8(stage.wire()),
            Keys.utf8(payload.isPresent() ? "1" : "0"),
            payload.orElse(new byte[0]),
            Keys.utf8(Long.toString(atMillis)),
            Keys.utf8(reason),
            Keys.utf8(id));
    long revision = Replies.longAt(reply, 1);
    return switch ((int) Replies.longAt(reply, 0)) {
      case 1 -> new IncidentWrite.Ok(revision);
      case 3 -> new IncidentWrite.Conflict(revision, Stage.ofWire(Replies.textAt(reply, 2)));
      case 4 -> new IncidentWrite.NotFound();
      case 5 -> new IncidentWrite.Illegal(Stage.ofWire(Replies.textAt(reply, 2)));
      default -> throw new StoreIntegrityException("unexpected incident write reply " + reply);
    };
  }

  /** Incident {@code id}, or empty if there is none (or it is no longer retained). */
  public Optional<IncidentRecord> get(String id) {
    List<KeyValue<byte[], byte[]>> f = redis.hmget(key("rec:" + Ids.require("id", id)), FIELDS);
    if (f.get(0).isEmpty()) {
      return Optional.empty();
    }
    List<IncidentRecord.Change> timeline = new ArrayList<>();
    for (byte[] entry : redis.lrange(key("timeline:" + id), 0, -1)) {
      String[] parts = Keys.text(entry).split("\\|", 3);
      timeline.add(
          new IncidentRecord.Change(Stage.ofWire(parts[0]), Long.parseLong(parts[1]), parts[2]));
    }
    String resolved = text(f.get(5));
    return Optional.of(
        new IncidentRecord(
            id,
            Long.parseLong(text(f.get(0))),
            Stage.ofWire(text(f.get(1))),
            Long.parseLong(text(f.get(3))),
            Long.parseLong(text(f.get(4))),
            resolved.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(resolved)),
            Integer.parseInt(text(f.get(6))),
            f.get(2).getValueOrElse(new byte[0]),
            timeline));
  }

  /** The live (open or mitigating) incidents, oldest opened first. */
  public List<IncidentRecord> live() {
    return redis.smembers(key("live")).stream()
        .map(id -> get(Keys.text(id)))
        .flatMap(Optional::stream)
        .sorted(java.util.Comparator.comparingLong(IncidentRecord::openedMillis))
        .toList();
  }

  /** At most {@code limit} incidents, most recently opened first. */
  public List<IncidentRecord> recent(int limit) {
    if (limit < 1) {
      return List.of();
    }
    return redis.zrevrange(key("index"), 0, limit - 1L).stream()
        .map(id -> get(Keys.text(id)))
        .flatMap(Optional::stream)
        .toList();
  }

  /** Closes this repository's connection. */
  @Override
  public void close() {
    connection.close();
    client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
  }

  private static String text(KeyValue<byte[], byte[]> field) {
    return field.hasValue() ? Keys.text(field.getValue()) : "";
  }

  private byte[] key(String suffix) {
    return Keys.utf8(prefix + suffix);
  }
}
