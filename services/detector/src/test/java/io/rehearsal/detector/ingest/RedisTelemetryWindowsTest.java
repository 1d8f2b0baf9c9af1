package io.rehearsal.detector.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.rehearsal.store.EmbeddedRedis;
import io.rehearsal.twin.telemetry.ClosedWindow;
import io.rehearsal.twin.telemetry.EndpointWindow;
import io.rehearsal.twin.telemetry.LatencyHistogram;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RedisTelemetryWindowsTest {

  private static final long SECOND = 1_000_000_000L;
  private static final long T0 = 1_700_000_000L * SECOND;

  @TempDir static Path dataDir;
  private static EmbeddedRedis redis;

  @BeforeAll
  static void startRedis() {
    redis = EmbeddedRedis.start(dataDir);
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

  private static RedisTelemetryWindows store(String key, int retained) {
    return new RedisTelemetryWindows(redis.uri(), key, retained, Duration.ofSeconds(5));
  }

  @Test
  void shouldReturnNewestFirstWhenReadingRecentWindows() {
    try (RedisTelemetryWindows windows = store("t:{a}:windows", 10)) {
      windows.write(window(T0, 1));
      windows.write(window(T0 + SECOND, 2));

      assertThat(windows.recent(5)).containsExactly(window(T0 + SECOND, 2), window(T0, 1));
    }
  }

  @Test
  void shouldKeepOnlyRetainedWindowsWhenMoreAreWritten() {
    try (RedisTelemetryWindows windows = store("t:{b}:windows", 3)) {
      for (int i = 0; i < 10; i++) {
        windows.write(window(T0 + i * SECOND, i + 1));
      }

      assertThat(windows.recent(100))
          .extracting(ClosedWindow::startNanos)
          .containsExactly(T0 + 9 * SECOND, T0 + 8 * SECOND, T0 + 7 * SECOND);
    }
  }

  @Test
  void shouldReportDuplicateWhenWindowStartWasStoredBefore() {
    try (RedisTelemetryWindows windows = store("t:{c}:windows", 10)) {
      assertThat(windows.write(window(T0, 1))).isEqualTo(TelemetryWindows.Write.WRITTEN);
      assertThat(windows.write(window(T0, 7))).isEqualTo(TelemetryWindows.Write.DUPLICATE);

      assertThat(windows.recent(10)).containsExactly(window(T0, 1));
    }
  }
}
