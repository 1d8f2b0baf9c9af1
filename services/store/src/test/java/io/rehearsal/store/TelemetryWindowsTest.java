package io.rehearsal.store;

import static io.rehearsal.store.StoreFixture.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TelemetryWindowsTest {

  private static final long T0 = 1_700_000_000_000L;

  @TempDir Path dir;
  private StoreFixture fixture;
  private TelemetryWindows windows;

  @BeforeEach
  void open() {
    fixture = StoreFixture.open(dir, config -> config);
    windows = fixture.store.telemetryWindows();
  }

  @AfterEach
  void close() {
    fixture.close();
  }

  @Test
  void shouldReturnNewestFirstWhenWindowsWereAppended() {
    windows.append(T0, bytes("w0"), 10);
    windows.append(T0 + 10_000, bytes("w1"), 10);

    assertThat(windows.recent(5)).containsExactly(bytes("w1"), bytes("w0"));
  }

  @Test
  void shouldAnswerDuplicateAndKeepFirstWhenSameStartIsAppendedAgain() {
    assertThat(windows.append(T0, bytes("first"), 10)).isEqualTo(TelemetryWindows.Append.WRITTEN);

    assertThat(windows.append(T0, bytes("replayed"), 10))
        .isEqualTo(TelemetryWindows.Append.DUPLICATE);
    assertThat(windows.recent(10)).containsExactly(bytes("first"));
  }

  @Test
  void shouldKeepOnlyTheNewestWhenMoreThanRetainedAreAppended() {
    for (int i = 0; i < 10; i++) {
      windows.append(T0 + i * 1_000L, bytes("w" + i), 3);
    }

    assertThat(windows.recent(100)).containsExactly(bytes("w9"), bytes("w8"), bytes("w7"));
  }

  @Test
  void shouldRejectNonPositiveStartWhenAppending() {
    assertThatThrownBy(() -> windows.append(0, bytes("w"), 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("startMillis must be positive, but was 0");
  }
}
