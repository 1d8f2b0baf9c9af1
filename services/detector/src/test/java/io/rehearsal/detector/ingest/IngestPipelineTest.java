package io.rehearsal.detector.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.rehearsal.telemetry.ClosedWindow;
import io.rehearsal.telemetry.Span;
import io.rehearsal.telemetry.SpanKind;
import io.rehearsal.telemetry.WindowAggregator;
import io.rehearsal.telemetry.WindowConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class IngestPipelineTest {

  private static final long T0 = 1_700_000_000_000_000_000L;
  private static final Clock CLOCK =
      Clock.fixed(Instant.ofEpochSecond(1_700_000_100), ZoneOffset.UTC);

  /** Keeps what it is given, or fails every write. */
  private static final class Windows implements TelemetryWindows {
    final List<ClosedWindow> kept = new CopyOnWriteArrayList<>();
    final boolean failing;

    Windows(boolean failing) {
      this.failing = failing;
    }

    @Override
    public Write write(ClosedWindow window) {
      if (failing) {
        throw new IllegalStateException("redis is down");
      }
      kept.add(window);
      return Write.WRITTEN;
    }

    @Override
    public List<ClosedWindow> recent(int count) {
      return kept;
    }
  }

  private static List<Span> spans(int n) {
    List<Span> spans = new ArrayList<>();
    LongStream.rangeClosed(1, n)
        .forEach(
            i ->
                spans.add(
                    new Span(
                        0,
                        i,
                        1,
                        0,
                        "cart",
                        "GET /cart",
                        "GET /cart",
                        SpanKind.SERVER,
                        T0,
                        T0 + 1_000_000,
                        false,
                        200,
                        "")));
    return spans;
  }

  private static IngestPipeline pipeline(int capacity, TelemetryWindows windows) {
    WindowConfig config = WindowConfig.defaults().withLength(Duration.ofSeconds(1));
    return new IngestPipeline(
        capacity, new WindowAggregator(config), windows, CLOCK, Duration.ofMillis(10));
  }

  @Test
  void shouldThrottleWithoutQueueingWhenPermitsAreTaken() {
    IngestPipeline pipeline = pipeline(10, new Windows(false));

    assertThat(pipeline.offerSpans(spans(6))).isEqualTo(Admission.ACCEPTED);
    assertThat(pipeline.offerSpans(spans(5))).isEqualTo(Admission.THROTTLED);
    assertThat(pipeline.offerSpans(spans(4))).isEqualTo(Admission.ACCEPTED);
    assertThat(pipeline.saturated()).isTrue();
    assertThat(pipeline.pending()).isEqualTo(10);
    assertThat(pipeline.offerSpans(List.of())).isEqualTo(Admission.ACCEPTED);
  }

  @Test
  void shouldRefuseForeverWhenBatchExceedsCapacity() {
    IngestPipeline pipeline = pipeline(10, new Windows(false));

    assertThat(pipeline.offerSpans(spans(11))).isEqualTo(Admission.NEVER_FITS);
    assertThat(pipeline.pending()).isZero();
  }

  @Test
  void shouldAggregateEveryAdmittedSpanAndFlushWhenClosed() {
    Windows windows = new Windows(false);
    IngestPipeline pipeline = pipeline(100, windows);
    pipeline.start();

    pipeline.offerSpans(spans(40));
    pipeline.offerSpans(spans(60));
    pipeline.close();

    assertThat(pipeline.aggregated()).isEqualTo(100);
    assertThat(pipeline.pending()).isZero();
    assertThat(windows.kept).extracting(ClosedWindow::totalRequests).containsExactly(100L);
    assertThat(pipeline.windowsWritten()).isEqualTo(1);
    assertThat(pipeline.offerSpans(spans(1))).isEqualTo(Admission.THROTTLED);
  }

  @Test
  void shouldCountFailedWritesAndGoOnWhenStoreFails() {
    IngestPipeline pipeline = pipeline(100, new Windows(true));
    pipeline.start();

    pipeline.offerSpans(spans(5));
    pipeline.close();

    assertThat(pipeline.windowsFailed()).isEqualTo(1);
    assertThat(pipeline.aggregated()).isEqualTo(5);
  }

  @Test
  void shouldCloseWindowsByClockWhenTicking() throws InterruptedException {
    Windows windows = new Windows(false);
    Clock ticking =
        Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), CLOCK.instant()));
    IngestPipeline pipeline =
        new IngestPipeline(
            100,
            new WindowAggregator(WindowConfig.defaults().withLength(Duration.ofSeconds(1))),
            windows,
            ticking,
            Duration.ofMillis(10));
    pipeline.offerSpans(spans(3));
    pipeline.start();
    for (int i = 0; i < 500 && windows.kept.isEmpty(); i++) {
      Thread.sleep(10);
    }

    assertThat(windows.kept).hasSize(1);
    assertThat(pipeline.stats().spans()).isEqualTo(3);
    pipeline.close();
  }
}
