package io.rehearsal.calibration.fidelity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rehearsal.calibration.Calibration;
import io.rehearsal.calibration.CalibrationOptions;
import io.rehearsal.calibration.Overlay;
import io.rehearsal.calibration.SyntheticRecordings;
import io.rehearsal.telemetry.Recording;
import io.rehearsal.twin.spec.Distribution;
import io.rehearsal.twin.spec.EndpointSpec;
import io.rehearsal.twin.spec.ServiceSpec;
import io.rehearsal.twin.spec.TwinSpec;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FidelityTest {
  private static TwinSpec twin;
  private static Recording doubled;

  @BeforeAll
  static void calibrate() {
    Recording baseline = SyntheticRecordings.shop(1, 200, 1.0);
    twin = Calibration.calibrate(baseline, Overlay.EMPTY, CalibrationOptions.named("t")).spec();
    doubled = SyntheticRecordings.shop(2, 120, 2.0);
  }

  @Test
  void shouldPredictAnUnseenLoadWhenTheTwinWasCalibratedOnTheSameSystem() {
    FidelityReport report = Fidelity.evaluate(twin, doubled, FidelityOptions.defaults());
    String text = report.toText();
    assertThat(report.summary().endpoints()).as("%s", text).isEqualTo(6);
    assertThat(report.summary().p50Mape()).as("p50_mape in%n%s", text).isLessThan(0.05);
    assertThat(report.summary().p99Mape()).as("p99_mape in%n%s", text).isLessThan(0.15);
    assertThat(report.summary().throughputMape())
        .as("throughput_mape in%n%s", text)
        .isLessThan(0.05);
    assertThat(report.summary().errorRateAbsDiff())
        .as("error_rate_abs_diff in%n%s", text)
        .isLessThan(0.02);
    assertThat(report.endpoint("front/GET /page").throughput().observed())
        .as("front/GET /page observed throughput in%n%s", text)
        .isBetween(48.0, 56.0);
  }

  @Test
  void shouldReportLargeErrorsWhenTheTwinIsWrong() {
    TwinSpec slow = withSelfTime(twin, "catalog", new Distribution.Constant(0.05));
    FidelityReport report = Fidelity.evaluate(slow, doubled, FidelityOptions.defaults());
    assertThat(report.endpoint("catalog/GET /items").p50().relativeError()).isGreaterThan(1.0);
    assertThat(report.summary().p50Mape()).isGreaterThan(0.3);
  }

  @Test
  void shouldWriteSummaryKeysInSnakeCaseWhenAskedForJson() {
    FidelityReport report =
        Fidelity.evaluate(twin, doubled, FidelityOptions.defaults().withReplications(1, 1));
    assertThat(report.toJson())
        .contains("\"p50_mape\"", "\"p99_mape\"", "\"throughput_mape\"", "\"error_rate_abs_diff\"");
  }

  @Test
  void shouldRefuseWhenTheRecordingHasEntriesTheTwinLacks() {
    TwinSpec other = SyntheticRecordings.renamedEntry(twin);
    assertThatThrownBy(() -> Fidelity.evaluate(other, doubled, FidelityOptions.defaults()))
        .hasMessageContaining("front/GET /page");
  }

  private static TwinSpec withSelfTime(TwinSpec spec, String service, Distribution self) {
    List<ServiceSpec> services =
        spec.services().stream()
            .map(s -> s.name().equals(service) ? withSelf(s, self) : s)
            .toList();
    return new TwinSpec(
        spec.name(),
        spec.version(),
        spec.hosts(),
        spec.regions(),
        spec.links(),
        services,
        spec.dependencies(),
        spec.caches(),
        spec.databases(),
        spec.traffic(),
        spec.sessions(),
        spec.slos());
  }

  private static ServiceSpec withSelf(ServiceSpec s, Distribution self) {
    List<EndpointSpec> endpoints =
        s.endpoints().stream()
            .map(
                e ->
                    new EndpointSpec(
                        e.name(),
                        self,
                        e.cpuFraction(),
                        e.errorProbability(),
                        e.blocking(),
                        e.calls()))
            .toList();
    return new ServiceSpec(
        s.name(),
        s.version(),
        s.replicas(),
        s.workers(),
        s.queueLimit(),
        s.startup(),
        s.placement(),
        s.autoscaler(),
        endpoints);
  }
}
