package io.rehearsal.cli.twin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acceptance check on the real reference shop: a twin calibrated on the baseline
 * recording predicts the recording at twice the load, which it never saw, through the same verbs a
 * user runs. Skipped when the recordings are absent (see examples/reference-shop/record-all.sh).
 */
class FidelityReferenceShopTest {
  private static final Path DATA = Path.of("../../ml-models/data/reference-shop");

  /**
   * The baseline recording's first half is still warming up (JIT): median latencies fall by about a
   * fifth across it, and calibration flags the drift. Its second half is calibrated on.
   */
  private static final String WARM_UP_SKIP = "75";

  @TempDir Path dir;

  @Test
  void shouldPredictTwiceTheLoadWithinTheTargetsWhenCalibratedOnTheBaseline() throws IOException {
    Path baseline = DATA.resolve("baseline.otlp.jsonl.gz");
    Path load2x = DATA.resolve("load2x.otlp.jsonl.gz");
    assumeTrue(Files.exists(baseline) && Files.exists(load2x), "reference-shop recordings absent");
    Path twin = dir.resolve("twin.yaml");
    CalibrateRun calibrate =
        new CalibrateRun(
            new TwinCalibrateCommand(),
            "--from",
            baseline.toString(),
            "--overlay",
            DATA.resolve("overlay.yaml").toString(),
            "--skip",
            WARM_UP_SKIP,
            "-o",
            twin.toString());
    assertThat(calibrate.code).as(calibrate.err.toString()).isZero();
    System.out.print(calibrate.out);

    CalibrateRun fidelity =
        new CalibrateRun(
            new TwinFidelityCommand(),
            "--twin",
            twin.toString(),
            "--against",
            load2x.toString(),
            "--json");
    assertThat(fidelity.code).as(fidelity.err.toString()).isZero();
    JsonNode summary = new ObjectMapper().readTree(fidelity.out.toString()).path("summary");
    System.out.println("FIDELITY baseline -> load2x " + summary);
    assertThat(summary.path("endpoints").asInt()).isEqualTo(10);
    assertThat(summary.path("p50_mape").asDouble()).isLessThanOrEqualTo(0.10);
    assertThat(summary.path("p99_mape").asDouble()).isLessThanOrEqualTo(0.25);
    assertThat(summary.path("throughput_mape").asDouble()).isLessThanOrEqualTo(0.05);
    assertThat(summary.path("error_rate_abs_diff").asDouble()).isLessThanOrEqualTo(0.01);
  }
}
