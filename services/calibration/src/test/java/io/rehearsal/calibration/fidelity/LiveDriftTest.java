package io.rehearsal.calibration.fidelity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.rehearsal.calibration.KnownSpecs;
import io.rehearsal.calibration.SyntheticRecordings;
import io.rehearsal.telemetry.ClosedWindow;
import io.rehearsal.telemetry.Recording;
import io.rehearsal.telemetry.Span;
import io.rehearsal.telemetry.WindowAggregator;
import io.rehearsal.telemetry.WindowConfig;
import io.rehearsal.twin.spec.TwinSpec;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Live windows of a system that behaves like its twin show little drift; the same system three
 * times slower shows a lot. The windows come from the real {@link WindowAggregator} fed with traces
 * the known shop spec would produce.
 */
class LiveDriftTest {
  private static final TwinSpec TWIN = KnownSpecs.shop();
  private static final DriftOptions OPTIONS = new DriftOptions(60, 10, 2, 7, 30);

  @Test
  void shouldShowLittleDriftWhenTheSystemBehavesLikeTheTwin() {
    DriftReport report =
        LiveDrift.measure(TWIN, windows(UnaryOperator.identity()), OPTIONS).orElseThrow();

    assertThat(report.value("p50_mape")).as("live drift, matching: p50_mape").isLessThan(0.15);
    assertThat(report.value("p99_mape")).as("live drift, matching: p99_mape").isLessThan(0.35);
    assertThat(report.value("throughput_mape"))
        .as("live drift, matching: throughput_mape")
        .isLessThan(0.10);
    assertThat(report.summary().endpoints()).isGreaterThanOrEqualTo(4);
    assertThat(report.unpredicted()).isEmpty();
  }

  @Test
  void shouldShowLargeDriftWhenTheSystemIsThreeTimesSlower() {
    DriftReport report =
        LiveDrift.measure(TWIN, windows(LiveDriftTest::threeTimesSlower), OPTIONS).orElseThrow();

    // |predicted - observed| / observed = |1 - 3| / 3 when the twin is right about the old system.
    assertThat(report.value("p50_mape")).as("live drift, 3x slower: p50_mape").isGreaterThan(0.6);
    assertThat(report.value("p99_mape")).as("live drift, 3x slower: p99_mape").isGreaterThan(0.6);
  }

  @Test
  void shouldDriveOnlyEntryEndpointsAtTheirObservedRatesWhenOthersAreCalledInternally() {
    DriftReport report =
        LiveDrift.measure(TWIN, windows(UnaryOperator.identity()), OPTIONS).orElseThrow();

    assertThat(report.entryRates()).containsOnlyKeys("front/GET /page", "front/POST /buy");
    assertThat(report.entryRates().get("front/GET /page")).isCloseTo(30, within(3.0));
    assertThat(report.entryRates().get("front/POST /buy")).isCloseTo(8, within(1.5));
  }

  @Test
  void shouldGiveTheSameReportWhenMeasuredTwice() {
    List<ClosedWindow> windows = windows(UnaryOperator.identity());

    assertThat(LiveDrift.measure(TWIN, windows, OPTIONS))
        .isEqualTo(LiveDrift.measure(TWIN, windows, OPTIONS));
  }

  @Test
  void shouldBeEmptyWhenNoEntryOfTheTwinHadRequests() {
    List<ClosedWindow> windows = windows(UnaryOperator.identity());
    TwinSpec renamed = SyntheticRecordings.renamedEntry(TWIN);

    assertThat(LiveDrift.measure(renamed, windows, OPTIONS)).isEmpty();
    assertThat(LiveDrift.measure(TWIN, List.of(), OPTIONS)).isEmpty();
  }

  @Test
  void shouldListObservedEndpointsTheTwinLacksWhenItsServicesServeMore() {
    TwinSpec withOwnTraffic =
        new TwinSpec(
            TWIN.name(),
            TWIN.version(),
            TWIN.hosts(),
            TWIN.regions(),
            TWIN.links(),
            SyntheticRecordings.renamedEntry(TWIN).services(),
            TWIN.dependencies(),
            TWIN.caches(),
            TWIN.databases(),
            TWIN.traffic().subList(1, 2),
            List.of(),
            TWIN.slos());

    Optional<DriftReport> report =
        LiveDrift.measure(withOwnTraffic, windows(UnaryOperator.identity()), OPTIONS);

    assertThat(report.orElseThrow().unpredicted()).containsExactly("front/GET /page");
  }

  @Test
  void shouldRefuseAnUnknownMetricWhenAskedForItsValue() {
    DriftReport report =
        LiveDrift.measure(TWIN, windows(UnaryOperator.identity()), OPTIONS).orElseThrow();

    assertThatThrownBy(() -> report.value("p95_mape"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'p95_mape'");
  }

  @Test
  void shouldRejectOptionsWhenReplicationsAreNotPositive() {
    assertThatThrownBy(() -> new DriftOptions(60, 10, 0, 1, 30))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("replications must be >= 1, but was 0");
  }

  /** 60 s of the known shop's traces, each span changed by {@code change}, cut into windows. */
  private static List<ClosedWindow> windows(UnaryOperator<Span> change) {
    Recording recording = SyntheticRecordings.of(TWIN, 11, 60);
    WindowAggregator aggregator = new WindowAggregator(WindowConfig.defaults());
    recording.spans().stream().map(change).forEach(aggregator::add);
    return aggregator.flush();
  }

  private static Span threeTimesSlower(Span s) {
    long start = s.startNanos();
    return new Span(
        s.traceIdHigh(),
        s.traceIdLow(),
        s.spanId(),
        s.parentSpanId(),
        s.service(),
        s.name(),
        s.endpoint(),
        s.kind(),
        start,
        start + 3 * s.durationNanos(),
        s.error(),
        s.httpStatus(),
        s.peer());
  }
}
