package io.rehearsal.store;

import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAddArgs;
import io.lettuce.core.api.sync.RedisCommands;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Closed telemetry windows (the caller's encoding) in one Redis stream whose entry id is the
 * window's start in milliseconds. That id makes a re-sent append (Lettuce re-sends commands in
 * flight across a reconnect) a detectable duplicate instead of a second copy, and lets readers
 * range by time; {@code MAXLEN} bounds retention.
 */
public final class TelemetryWindows {

  /** Outcome of one append. */
  public enum Append {
    /** The window was appended. */
    WRITTEN,
    /** A window with the same or a later start is already there: nothing was written. */
    DUPLICATE
  }

  private static final byte[] WINDOW = "window".getBytes(java.nio.charset.StandardCharsets.UTF_8);

  private final RedisCommands<byte[], byte[]> redis;
  private final byte[] key;

  TelemetryWindows(RedisCommands<byte[], byte[]> redis, Keys keys) {
    this.redis = redis;
    this.key = keys.telemetryWindows();
  }

  /**
   * Appends the window that starts at {@code startMillis}, keeping at most {@code retained}
   * windows.
   */
  public Append append(long startMillis, byte[] window, int retained) {
    if (startMillis < 1) {
      throw new IllegalArgumentException("startMillis must be positive, but was " + startMillis);
    }
    if (retained < 1) {
      throw new IllegalArgumentException("retained must be at least 1, but was " + retained);
    }
    XAddArgs args = new XAddArgs().id(startMillis + "-0").maxlen(retained);
    try {
      redis.xadd(key, args, Map.of(WINDOW, window));
      return Append.WRITTEN;
    } catch (RedisCommandExecutionException e) {
      if (e.getMessage() != null && e.getMessage().contains("equal or smaller")) {
        return Append.DUPLICATE;
      }
      throw e;
    }
  }

  /** The newest {@code count} windows, newest first. */
  public List<byte[]> recent(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("count must be at least 1, but was " + count);
    }
    List<StreamMessage<byte[], byte[]>> entries =
        redis.xrevrange(key, Range.unbounded(), Limit.from(count));
    return entries.stream().map(TelemetryWindows::window).toList();
  }

  private static byte[] window(StreamMessage<byte[], byte[]> entry) {
    return entry.getBody().entrySet().stream()
        .filter(field -> Arrays.equals(field.getKey(), WINDOW))
        .map(Map.Entry::getValue)
        .findFirst()
        .orElseThrow(
            () ->
                new StoreIntegrityException("telemetry window " + entry.getId() + " has no data"));
  }
}
