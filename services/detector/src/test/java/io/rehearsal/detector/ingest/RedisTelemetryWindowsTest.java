package io.rehearsal.detector.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.rehearsal.store.RedisStore;
import io.rehearsal.store.StoreConfig;
import io.rehearsal.telemetry.ClosedWindow;
import io.rehearsal.telemetry.EndpointWindow;
import io.rehearsal.telemetry.LatencyHistogram;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RedisTelemetryWindowsTest {

  private static final long SECOND = 1_000_000_000L;
  private static final long T0 = 1_700_000_000L * SECOND;

  @TempDir static Path dataDir;
  private static RedisStore redis;

  @BeforeAll
  static void startRedis() {
    redis = RedisStore.connect(StoreConfig.defaults().withDataDir(dataDir));
  }

  @AfterAll
  static void stopRedis() {
    redis.close();
  }

  private static ClosedWindow window(long start, long requests) {
    long[] durations = new long[(int) requests];
    java.util.Arrays.fill(durations, 2_000_000);
    EndpointWindow endpoint =
        new EndpointWindow(
            "cart",
            "GET /cart",
            SECOND,
            requests,
            0,
            requests * 2_000_000,
            LatencyHistogram.ofNanos(2, durations));
    return new ClosedWindow(start, SECOND, List.of(endpoint), List.of(), List.of());
  }

  /** Each test gets its own key prefix, so the windows of one never meet another's. */
  private static RedisTelemetryWindows store(String prefix, int retained) {
    RedisStore store =
        RedisStore.connect(StoreConfig.defaults().withRedisUrl(redis.uri()).withKeyPrefix(prefix));
    STORES.add(store);
    return new RedisTelemetryWindows(store.telemetryWindows(), retained);
  }

  private static final List<RedisStore> STORES = new java.util.ArrayList<>();

  @org.junit.jupiter.api.AfterEach
  void closeStores() {
    STORES.forEach(RedisStore::close);
    STORES.clear();
  }

  @Test
  void shouldReturnNewestFirstWhenReadingRecentWindows() {
    RedisTelemetryWindows windows = store("ta:", 10);
    windows.write(window(T0, 1));
    windows.write(window(T0 + SECOND, 2));

    assertThat(windows.recent(5)).containsExactly(window(T0 + SECOND, 2), window(T0, 1));
  }

  @Test
  void shouldKeepOnlyRetainedWindowsWhenMoreAreWritten() {
    RedisTelemetryWindows windows = store("tb:", 3);
    for (int i = 0; i < 10; i++) {
      windows.write(window(T0 + i * SECOND, i + 1));
    }

    assertThat(windows.recent(100))
        .extracting(ClosedWindow::startNanos)
        .containsExactly(T0 + 9 * SECOND, T0 + 8 * SECOND, T0 + 7 * SECOND);
  }

  @Test
  void shouldReportDuplicateWhenWindowStartWasStoredBefore() {
    RedisTelemetryWindows windows = store("tc:", 10);
    assertThat(windows.write(window(T0, 1))).isEqualTo(TelemetryWindows.Write.WRITTEN);
    assertThat(windows.write(window(T0, 7))).isEqualTo(TelemetryWindows.Write.DUPLICATE);

    assertThat(windows.recent(10)).containsExactly(window(T0, 1));
  }
}
