package io.rehearsal.cli.twin;

import static org.assertj.core.api.Assertions.assertThat;

import io.rehearsal.twin.spec.TwinSpec;
import io.rehearsal.twin.spec.TwinSpecs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CalibrateCommandTest {
  @TempDir static Path dir;
  private static Path recording;

  private static Path segments;

  @BeforeAll
  static void record() throws IOException {
    recording = CalibrateFixtures.recording(dir, "steady", 20, 60, 1);
    segments = CalibrateFixtures.segments(recording, dir.resolve("telemetry"));
  }

  @Test
  void shouldWriteAValidSpecWithOverlayFactsWhenGivenARecordingAndAnOverlay() throws IOException {
    Path overlay = dir.resolve("overlay.yaml");
    Files.writeString(
        overlay,
        "host: {cores: 2}\nservices:\n  back: {replicas: 2, workers: 4, queueLimit: 10}\n"
            + "calls:\n  - {from: front, to: back, timeoutMs: 500, retries: 1, backoffMs: 10}\n");
    Path out = dir.resolve("twin.yaml");
    CalibrateRun run =
        new CalibrateRun(
            new TwinCalibrateCommand(),
            "--from",
            recording.toString(),
            "--overlay",
            overlay.toString(),
            "-o",
            out.toString());
    assertThat(run.code).as(run.err.toString()).isZero();
    TwinSpec spec = TwinSpecs.read(out);
    assertThat(spec.name()).isEqualTo("steady");
    assertThat(spec.services()).extracting(s -> s.name()).containsExactly("back", "front");
    assertThat(spec.services().get(0).workers()).isEqualTo(4);
    assertThat(spec.services().get(0).replicas()).isEqualTo(2);
    assertThat(spec.services().get(1).endpoints().get(0).calls().get(0).to())
        .isEqualTo("back/GET /data");
    assertThat(spec.traffic())
        .singleElement()
        .satisfies(t -> assertThat(t.endpoint()).isEqualTo("front/GET /home"));
    assertThat(run.out.toString()).contains("calibrated 2 services, 2 endpoints", "back/GET /data");
  }

  @Test
  void shouldWriteJsonWhenTheOutputEndsInJson() {
    Path out = dir.resolve("twin.json");
    CalibrateRun run =
        new CalibrateRun(
            new TwinCalibrateCommand(), "--from", recording.toString(), "-o", out.toString());
    assertThat(run.code).isZero();
    assertThat(TwinSpecs.read(out).services()).hasSize(2);
  }

  @Test
  void shouldFailNamingThePathWhenTheOverlayNamesAnUnknownService() throws IOException {
    Path overlay = dir.resolve("bad-overlay.yaml");
    Files.writeString(overlay, "services:\n  backend: {workers: 4}\n");
    CalibrateRun run =
        new CalibrateRun(
            new TwinCalibrateCommand(),
            "--from",
            recording.toString(),
            "--overlay",
            overlay.toString(),
            "-o",
            dir.resolve("x.yaml").toString());
    assertThat(run.code).isEqualTo(1);
    assertThat(run.err.toString()).contains("services.backend: unknown service 'backend'");
    assertThat(dir.resolve("x.yaml")).doesNotExist();
  }

  @Test
  void shouldFailWhenTheRecordingDoesNotExist() {
    CalibrateRun run =
        new CalibrateRun(
            new TwinCalibrateCommand(),
            "--from",
            dir.resolve("none.gz").toString(),
            "-o",
            dir.resolve("y.yaml").toString());
    assertThat(run.code).isEqualTo(1);
    assertThat(run.err.toString()).contains("none.gz does not exist");
  }

  @Test
  void shouldBeAUsageErrorWhenTheOutputIsMissing() {
    CalibrateRun run = new CalibrateRun(new TwinCalibrateCommand(), "--from", recording.toString());
    assertThat(run.code).isEqualTo(2);
    assertThat(run.err.toString()).contains("--output");
  }

  @Test
  void shouldCalibrateTheSameTwinAndSayWhatWasSkippedWhenGivenTheSegmentDirectory()
      throws IOException {
    Path fromDir = dir.resolve("dir.yaml");
    Path fromFile = dir.resolve("file.yaml");

    CalibrateRun a =
        calibrate("--from", segments.toString(), "--name", "t", "-o", fromDir.toString());
    CalibrateRun b =
        calibrate("--from", recording.toString(), "--name", "t", "-o", fromFile.toString());

    assertThat(a.code).as(a.err.toString()).isZero();
    assertThat(b.code).as(b.err.toString()).isZero();
    assertThat(Files.readString(fromDir)).isEqualTo(Files.readString(fromFile));
    assertThat(a.err.toString())
        .isEqualTo(
            segments.resolve("otlp-20261126T101000.000Z-0000.jsonl")
                + ": skipped 1 bad lines and 0 invalid spans"
                + System.lineSeparator());
  }

  @Test
  void shouldCalibrateOnTheLastTracesOnlyWhenLastIsGiven() {
    CalibrateRun run =
        calibrate(
            "--from", segments.toString(), "--last", "20s", "-o", dir.resolve("l.yaml").toString());

    assertThat(run.code).as(run.err.toString()).isZero();
    assertThat(run.out.toString()).contains("over 20 s");
  }

  @Test
  void shouldFailNamingTheDirectoryWhenItHoldsNoRecording() throws IOException {
    Path empty = Files.createDirectories(dir.resolve("empty"));

    CalibrateRun run =
        calibrate("--from", empty.toString(), "-o", dir.resolve("x.yaml").toString());

    assertThat(run.code).isEqualTo(1);
    assertThat(run.err.toString()).contains(empty + " holds no OTLP JSON-lines file");
  }

  @Test
  void shouldBeAUsageErrorWhenLastIsZero() {
    CalibrateRun run =
        calibrate(
            "--from", recording.toString(), "--last", "0s", "-o", dir.resolve("x.yaml").toString());

    assertThat(run.code).isEqualTo(2);
    assertThat(run.err.toString()).contains("--last must be a positive duration");
  }

  @Test
  void shouldBeAUsageErrorWhenSkipIsNegative() {
    CalibrateRun run =
        calibrate(
            "--from", recording.toString(), "--skip", "-1", "-o", dir.resolve("x.yaml").toString());

    assertThat(run.code).isEqualTo(2);
    assertThat(run.err.toString()).contains("--skip must be >= 0 seconds, but was -1.0");
  }

  private static CalibrateRun calibrate(String... args) {
    return new CalibrateRun(new TwinCalibrateCommand(), args);
  }
}
