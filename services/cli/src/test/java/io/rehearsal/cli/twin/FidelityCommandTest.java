package io.rehearsal.cli.twin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FidelityCommandTest {
  @TempDir static Path dir;
  private static Path twin;
  private static Path doubled;

  @BeforeAll
  static void calibrate() throws IOException {
    Path baseline = CalibrateFixtures.recording(dir, "baseline", 20, 60, 1);
    doubled = CalibrateFixtures.recording(dir, "doubled", 40, 60, 2);
    twin = dir.resolve("twin.yaml");
    CalibrateRun run =
        new CalibrateRun(
            new TwinCalibrateCommand(), "--from", baseline.toString(), "-o", twin.toString());
    assertThat(run.code).as(run.err.toString()).isZero();
  }

  @Test
  void shouldPrintTheSummaryAsJsonWhenAskedForJson() throws IOException {
    CalibrateRun run =
        new CalibrateRun(
            new TwinFidelityCommand(),
            "--twin",
            twin.toString(),
            "--against",
            doubled.toString(),
            "--json",
            "--replications",
            "3");
    assertThat(run.code).as(run.err.toString()).isZero();
    JsonNode report = new ObjectMapper().readTree(run.out.toString());
    JsonNode summary = report.path("summary");
    assertThat(summary.path("endpoints").asInt()).isEqualTo(2);
    assertThat(summary.path("p50_mape").asDouble()).isLessThan(0.1);
    assertThat(summary.path("throughput_mape").asDouble()).isLessThan(0.05);
    assertThat(summary.has("p99_mape") && summary.has("error_rate_abs_diff")).isTrue();
    assertThat(report.path("endpoints")).hasSize(2);
  }

  @Test
  void shouldPrintATableWhenNotAskedForJson() {
    CalibrateRun run =
        new CalibrateRun(
            new TwinFidelityCommand(),
            "--twin",
            twin.toString(),
            "--against",
            doubled.toString(),
            "--replications",
            "1");
    assertThat(run.code).isZero();
    assertThat(run.out.toString()).contains("front/GET /home", "back/GET /data", "p50_mape");
  }

  @Test
  void shouldFailWhenTheTwinFileIsInvalid() throws IOException {
    Path bad = dir.resolve("bad.yaml");
    java.nio.file.Files.writeString(
        bad, "name: x\nservices: [{name: a, workers: 0, endpoints: []}]\n");
    CalibrateRun run =
        new CalibrateRun(
            new TwinFidelityCommand(), "--twin", bad.toString(), "--against", doubled.toString());
    assertThat(run.code).isEqualTo(1);
    assertThat(run.err.toString()).contains("bad.yaml", "services[0]");
  }

  @Test
  void shouldBeAUsageErrorWhenReplicationsIsNotPositive() {
    CalibrateRun run =
        new CalibrateRun(
            new TwinFidelityCommand(),
            "--twin",
            twin.toString(),
            "--against",
            doubled.toString(),
            "--replications",
            "0");
    assertThat(run.code).isEqualTo(2);
  }

  @Test
  void shouldBeAUsageErrorWhenSkipIsNegative() {
    CalibrateRun run =
        new CalibrateRun(
            new TwinFidelityCommand(),
            "--twin",
            twin.toString(),
            "--against",
            doubled.toString(),
            "--skip",
            "-5");
    assertThat(run.code).isEqualTo(2);
    assertThat(run.err.toString()).contains("--skip must be >= 0 seconds, but was -5.0");
  }

  @Test
  void shouldFailNamingTheRecordingWhenItDoesNotExist() {
    CalibrateRun run =
        new CalibrateRun(
            new TwinFidelityCommand(),
            "--twin",
            twin.toString(),
            "--against",
            dir.resolve("none.jsonl.gz").toString());
    assertThat(run.code).isEqualTo(1);
    assertThat(run.err.toString())
        .contains(dir.resolve("none.jsonl.gz") + " does not exist or cannot be read");
  }
}
