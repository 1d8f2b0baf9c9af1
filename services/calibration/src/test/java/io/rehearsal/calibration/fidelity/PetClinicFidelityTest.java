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
 * throughput and p99 targets (<= 0.05, <= 0.25; the twin reaches about 0.14) over the entry
 * endpoints, the p99 target at r450 (<= 0.30), and the knee of {@code twin capacity --slo-p99 0.1}
 * within 10 % of the recorded one. The p50 targets (r340 <= 0.10; r450-r575) and r530/r575 are NOT
 * met; examples/petclinic/README.md shows per endpoint what is missing and why.
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
  void shouldMeetTheThroughputAndP99TargetsAtTwiceTheRateWhenCalibratedOnR170() throws IOException {
    assumeData();
    FidelityReport report = replay("r340");
    assertThat(report.summary().throughputMape()).as(report.toText()).isLessThanOrEqualTo(0.05);
    assertThat(report.summary().p99Mape()).as(report.toText()).isLessThanOrEqualTo(0.20);
    // NOT the 0.10: the twin's host is busier than the real one at r340 (see the README)
    assertThat(report.summary().p50Mape()).as(report.toText()).isLessThanOrEqualTo(0.32);
  }

  @Test
  void shouldMeetTheP99TargetAtR450WhenCalibratedOnR170() throws IOException {
    assumeData();
    FidelityReport report = replay("r450");
    assertThat(report.summary().p99Mape()).as(report.toText()).isLessThanOrEqualTo(0.30);
  }

  @Test
  void shouldFindTheKneeWithinTenPercentOfTheRecordedOneWhenCalibratedOnR170() {
    assumeData();
    // the recorded gateway p99 crosses 100 ms between r530 (76.5 ms) and r575 (175.3 ms): 545/s
    Capacity c = Capacity.sweep(twin.spec(), 0.1, 2.6, 3.4, 5, 20, 5, 1, 7);
    assertThat(c.maxRateMeetingSlo()).as(c.toString()).isBetween(0.9 * 545, 1.1 * 545);
    assertThat(c.bottleneck()).isEqualTo("host CPU (host)");
  }

  private static FidelityReport replay(String rate) throws IOException {
    return Fidelity.evaluate(
        twin.spec(),
        read(rate),
        FidelityOptions.defaults().withReplications(2, 2).withEntryOnly(true));
  }
}
