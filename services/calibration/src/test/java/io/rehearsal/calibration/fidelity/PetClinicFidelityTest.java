package io.rehearsal.calibration.fidelity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rehearsal.calibration.Calibration;
import io.rehearsal.calibration.CalibrationOptions;
import io.rehearsal.calibration.CalibrationResult;
import io.rehearsal.calibration.EndpointCalibration;
import io.rehearsal.calibration.Overlay;
import io.rehearsal.calibration.WarmUp;
import io.rehearsal.otlp.RecordingOptions;
import io.rehearsal.otlp.Recordings;
import io.rehearsal.telemetry.Recording;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Spring PetClinic Microservices, a system nobody here wrote (../shared/data/petclinic from the
 * repository root; skipped when absent): calibrated on r170 only, as {@code twin calibrate --from
 * r170 --overlay examples/petclinic/overlay.yaml} does, then replayed against r340 with 2
 * replications instead of 5 to keep the test near a minute. It asserts what the twin reaches: rates
 * and throughput from the complete request metrics despite the 15 % trace sample, the host's cores
 * and busy CPU and the load generator's CPU from the host metrics, the databases, and at r340 the
 * throughput target (<= 0.05) with p50 <= 0.20 and p99 <= 0.45 over the entry endpoints. The
 * issue's latency targets (r340 p50 <= 0.10, p99 <= 0.25; r450-r575) are NOT met;
 * examples/petclinic/ README.md shows per endpoint what is missing and why.
 */
class PetClinicFidelityTest {
  private static final Path DATA = Path.of("../../../shared/data/petclinic");
  private static CalibrationResult twin;

  @BeforeAll
  static void calibrate() throws IOException {
    if (!Files.isDirectory(DATA.resolve("r170"))) {
      return;
    }
    Recording r170 = read("r170");
    r170 = WarmUp.detect(r170).apply(r170);
    twin =
        Calibration.calibrate(
            r170,
            Overlay.read(Path.of("../../examples/petclinic/overlay.yaml")),
            CalibrationOptions.named("petclinic"));
  }

  private static Recording read(String rate) throws IOException {
    return Recordings.read(DATA.resolve(rate), RecordingOptions.defaults());
  }

  private static void assumeData() {
    assumeTrue(twin != null, "PetClinic recordings absent at " + DATA.toAbsolutePath());
  }

  @Test
  void shouldTakeEntryRatesFromRequestMetricsWhenTracesAreSampled() throws IOException {
    assumeData();
    double entry = twin.endpoints().stream().mapToDouble(EndpointCalibration::arrivalRate).sum();
    double achieved =
        new ObjectMapper()
            .readTree(DATA.resolve("r170/summary.json").toFile())
            .get("achieved_rate")
            .asDouble();
    assertThat(entry).isCloseTo(achieved, org.assertj.core.data.Percentage.withPercentage(5));
    assertThat(twin.sampling().kept("api-gateway")).isBetween(0.14, 0.16);
  }

  @Test
  void shouldModelTheSharedHostAndItsUntracedProcessesWhenHostMetricsArePresent() {
    assumeData();
    assertThat(twin.host().cores()).isEqualTo(2);
    assertThat(twin.host().busyCores()).isBetween(0.6, 0.8);
    assertThat(twin.host().background()).anySatisfy(b -> assertThat(b.name()).isEqualTo("python"));
    assertThat(twin.spec().hosts()).hasSize(1);
    assertThat(twin.spec().databases()).hasSize(2);
  }

  @Test
  void shouldMeetTheThroughputTargetAtTwiceTheRateWhenCalibratedOnR170() throws IOException {
    assumeData();
    FidelityReport report =
        Fidelity.evaluate(
            twin.spec(),
            read("r340"),
            FidelityOptions.defaults().withReplications(2, 2).withEntryOnly(true));
    assertThat(report.summary().throughputMape()).as(report.toText()).isLessThanOrEqualTo(0.05);
    assertThat(report.summary().p50Mape()).as(report.toText()).isLessThanOrEqualTo(0.20);
    assertThat(report.summary().p99Mape()).as(report.toText()).isLessThanOrEqualTo(0.45);
  }
}
