package io.rehearsal.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.rehearsal.telemetry.MetricKind;
import io.rehearsal.telemetry.MetricPoint;
import io.rehearsal.telemetry.Recording;
import io.rehearsal.twin.spec.ArrivalPattern;
import io.rehearsal.twin.spec.Distribution;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CpuRegressionTest {
  private static Map<String, ServiceCpu> fit;
  private static List<ServedRequest> requests;

  @BeforeAll
  static void generate() {
    // The two entries' rates vary independently, so each endpoint's demand is identifiable.
    ArrivalPattern page = new ArrivalPattern.Replay(20, List.of(10.0, 40.0, 25.0, 5.0, 30.0, 15.0));
    ArrivalPattern buy =
        new ArrivalPattern.Replay(15, List.of(2.0, 10.0, 6.0, 1.0, 12.0, 4.0, 8.0, 3.0));
    Recording recording =
        new SyntheticTraces(KnownSpecs.shop(page, buy), 21).withCpu(0.02, 0.002).generate(120);
    requests = TraceIndex.of(recording).requests();
    fit = new CpuRegression(2).fit(recording.metrics(), requests);
  }

  @Test
  void shouldRecoverKnownDemandsWhenLoadVaries() {
    double page = 0.5 * new Distribution.LogNormal(0.002, 0.008).mean();
    assertThat(fit.get("catalog").demand("GET /items")).isCloseTo(0.8 * 0.005, within(0.0004));
    assertThat(fit.get("front").demand("GET /page")).isCloseTo(page, within(0.15 * page));
    assertThat(fit.get("front").demand("POST /buy")).isCloseTo(0.0005, within(0.0004));
    assertThat(fit.get("inventory").demand("GET /stock")).isCloseTo(0.0005, within(0.0001));
    assertThat(fit.get("catalog").backgroundCores()).isCloseTo(0.02, within(0.01));
    assertThat(fit.get("catalog").rSquared()).isGreaterThan(0.9);
  }

  @Test
  void shouldNeverReturnNegativeDemandsWhenNoiseDominates() {
    fit.values()
        .forEach(
            s -> {
              assertThat(s.backgroundCores()).isGreaterThanOrEqualTo(0);
              s.demands().values().forEach(d -> assertThat(d).isGreaterThanOrEqualTo(0));
            });
  }

  @Test
  void shouldSumProcessesOfOneServiceWhenEachReportsItsOwnSeries() {
    // Two processes of "solo", each burning 0.25 cores, reported every 2 s with different starts.
    List<MetricPoint> points = new ArrayList<>();
    for (int process = 0; process < 2; process++) {
      long start = SyntheticTraces.T0 - 1_000_000_000L * (process + 1);
      for (int i = 0; i <= 60; i++) {
        double t = 2 * i + 0.5 * process;
        points.add(
            new MetricPoint(
                "solo",
                "process.cpu.time",
                "s",
                Map.of(),
                MetricKind.SUM,
                true,
                start,
                SyntheticTraces.nanos(t),
                0.25 * t,
                0));
      }
    }
    List<ServedRequest> solo = List.of(request(0), request(110));
    ServiceCpu cpu = new CpuRegression(10).fit(points, solo).get("solo");
    assertThat(cpu.meanCores()).isCloseTo(0.5, within(0.01));
    assertThat(cpu.backgroundCores()).isCloseTo(0.5, within(0.02));
  }

  @Test
  void shouldReportNoWindowsWhenTheServiceHasNoCpuMetrics() {
    ServiceCpu cpu = new CpuRegression(10).fit(List.of(), requests).get("catalog");
    assertThat(cpu.windows()).isZero();
    assertThat(cpu.demand("GET /items")).isZero();
  }

  private static ServedRequest request(double at) {
    return new ServedRequest(
        new io.rehearsal.telemetry.Span(
            0,
            (long) at + 1,
            1,
            0,
            "solo",
            "x",
            "x",
            io.rehearsal.telemetry.SpanKind.SERVER,
            SyntheticTraces.nanos(at),
            SyntheticTraces.nanos(at + 0.01),
            false,
            200,
            ""),
        "solo/x",
        List.of());
  }
}
