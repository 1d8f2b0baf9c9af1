package io.rehearsal.detector.ingest;

import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAddArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.rehearsal.twin.telemetry.ClosedWindow;
import io.rehearsal.twin.telemetry.WindowCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Closed windows in a Redis stream, one entry per window with the id {@code <start ms>-0} and
 * fields {@code start}, {@code length} (nanoseconds) and {@code window} (the {@link WindowCodec}
 * JSON). The window start as entry id makes a re-sent write (Lettuce re-sends commands in flight
 * across a reconnect) a detectable duplicate, and lets readers XRANGE by time; MAXLEN bounds
 * retention. Uses its own connection to the store's Redis, so a slow window write never queues
 * behind the store's commands.
 */
final class RedisTelemetryWindows implements TelemetryWindows, AutoCloseable {

  private static final byte[] START = bytes("start");
  private static final byte[] LENGTH = bytes("length");
  private static final byte[] WINDOW = bytes("window");

  private final RedisClient client;
  private final StatefulRedisConnection<byte[], byte[]> connection;
  private final RedisCommands<byte[], byte[]> redis;
  private final byte[] key;
  private final int retained;

  RedisTelemetryWindows(String uri, String streamKey, int retained, Duration timeout) {
    if (retained < 1) {
      throw new IllegalArgumentException("retained must be >= 1, but was " + retained);
    }
    RedisURI redisUri = RedisURI.create(uri);
    redisUri.setTimeout(timeout);
    this.client = RedisClient.create(redisUri);
    this.connection = client.connect(ByteArrayCodec.INSTANCE);
    this.redis = connection.sync();
    this.key = bytes(streamKey);
    this.retained = retained;
  }

  @Override
  public Write write(ClosedWindow window) {
    Map<byte[], byte[]> fields = new LinkedHashMap<>();
    fields.put(START, bytes(Long.toString(window.startNanos())));
    fields.put(LENGTH, bytes(Long.toString(window.lengthNanos())));
    fields.put(WINDOW, WindowCodec.encode(window));
    XAddArgs args =
        new XAddArgs().id(Math.floorDiv(window.startNanos(), 1_000_000L) + "-0").maxlen(retained);
    try {
      redis.xadd(key, args, fields);
      return Write.WRITTEN;
    } catch (RedisCommandExecutionException e) {
      if (e.getMessage() != null && e.getMessage().contains("equal or smaller")) {
        return Write.DUPLICATE;
      }
      throw e;
    }
  }

  @Override
  public List<ClosedWindow> recent(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("count must be >= 1, but was " + count);
    }
    List<StreamMessage<byte[], byte[]>> entries =
        redis.xrevrange(key, Range.unbounded(), Limit.from(count));
    return entries.stream().map(RedisTelemetryWindows::window).toList();
  }

  @Override
  public void close() {
    connection.close();
    client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
  }

  private static ClosedWindow window(StreamMessage<byte[], byte[]> entry) {
    for (Map.Entry<byte[], byte[]> field : entry.getBody().entrySet()) {
      if (java.util.Arrays.equals(field.getKey(), WINDOW)) {
        return WindowCodec.decode(field.getValue());
      }
    }
    throw new IllegalStateException("stream entry " + entry.getId() + " has no window field");
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
