package io.rehearsal.detector.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.opentelemetry.proto.collector.metrics.v1.MetricsServiceGrpc;
import io.opentelemetry.proto.collector.trace.v1.TraceServiceGrpc;
import io.quarkus.test.junit.QuarkusTest;
import io.rehearsal.calibration.Calibration;
import io.rehearsal.calibration.CalibrationOptions;
import io.rehearsal.calibration.CalibrationResult;
import io.rehearsal.calibration.EndpointCalibration;
import io.rehearsal.calibration.Overlay;
import io.rehearsal.calibration.fidelity.Fidelity;
import io.rehearsal.calibration.fidelity.FidelityOptions;
import io.rehearsal.calibration.fidelity.FidelitySummary;
import io.rehearsal.otlp.JsonLinesOptions;
import io.rehearsal.otlp.OtlpJsonLines;
import io.rehearsal.otlp.OtlpLine;
import io.rehearsal.otlp.RecordingOptions;
import io.rehearsal.otlp.Recordings;
import io.rehearsal.service.testing.ServiceProbe;
import io.rehearsal.telemetry.Recording;
import io.rehearsal.twin.spec.TwinSpec;
import io.rehearsal.twin.spec.TwinSpecs;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The newcomer path with real OTLP over the wire: the reference shop's baseline recording is
 * exported line by line to the running detector over OTLP/gRPC, the detector's rolling recording
 * keeps it, and a twin calibrated from what the detector kept is the twin calibrated from the file;
 * it predicts the load2x recording within the targets.
 */
@QuarkusTest
class RecordingReplayTest {

  private static final Path DATA = Path.of("../../ml-models/data/reference-shop");

  /**
   * The baseline's first 75 s are still warming up (see ReferenceShopFidelityTest in calibration);
   * both recordings are read without them, the detector's from its directory of segments.
   */
  private static final RecordingOptions WARMED_UP = RecordingOptions.defaults().skip(75);

  @Inject RecordingBeans beans;

  @Test
  void shouldCalibrateTheSameTwinFromTheDetectorsRecordingAsFromTheFile(@TempDir Path dir)
      throws Exception {
    Path baseline = DATA.resolve("baseline.otlp.jsonl.gz");
    Path load2x = DATA.resolve("load2x.otlp.jsonl.gz");
    assumeTrue(Files.exists(baseline) && Files.exists(load2x), "reference-shop recordings absent");
    RollingRecording recording = beans.recording().orElseThrow();
    recording.rotate();
    Set<Path> before = new HashSet<>(recording.segments());
    long written = recording.written();

    long sent = replay(baseline, recording);
    awaitWritten(recording, written + sent);
    recording.rotate();
    List<Path> kept = recording.segments().stream().filter(p -> !before.contains(p)).toList();

    Recording fromDetector = Recordings.read(copy(kept, dir), WARMED_UP);
    Recording fromFile = Recordings.read(baseline, WARMED_UP);
    assertThat(fromDetector.spans()).hasSameSizeAs(fromFile.spans());
    assertThat(fromDetector.metrics()).hasSameSizeAs(fromFile.metrics());
    Overlay overlay = Overlay.read(DATA.resolve("overlay.yaml"));
    CalibrationResult viaDetector = calibrate(fromDetector, overlay);
    CalibrationResult viaFile = calibrate(fromFile, overlay);
    Map<String, Double> rates = rates(viaDetector);
    String recorded =
        String.format(
            Locale.ROOT,
            "RECORDING %d requests in %d segments; %d spans; twin identical to the file's: %s",
            sent,
            kept.size(),
            fromDetector.spans().size(),
            TwinSpecs.toYaml(viaDetector.spec()).equals(TwinSpecs.toYaml(viaFile.spec())));
    assertThat(rates.keySet()).as("%s", recorded).isEqualTo(rates(viaFile).keySet());
    rates(viaFile)
        .forEach(
            (e, r) ->
                assertThat(rates.get(e)).as("%s; %s", e, recorded).isCloseTo(r, within(0.01 * r)));
    assertThat(viaDetector.spec().services())
        .as("%s", recorded)
        .isEqualTo(viaFile.spec().services());

    FidelitySummary fidelity =
        fidelity(viaDetector.spec(), Recordings.read(load2x, RecordingOptions.defaults()));
    String described = "FIDELITY detector-recorded baseline -> load2x %s";
    assertThat(fidelity.endpoints()).as(described, fidelity).isEqualTo(10);
    assertThat(fidelity.p50Mape()).as(described, fidelity).isLessThanOrEqualTo(0.10);
    assertThat(fidelity.p99Mape()).as(described, fidelity).isLessThanOrEqualTo(0.25);
    assertThat(fidelity.throughputMape()).as(described, fidelity).isLessThanOrEqualTo(0.05);
  }

  /**
   * Exports every line of {@code file} to the detector over OTLP/gRPC; returns how many. Waits
   * while the recording's queue is more than half full: this test is about what is kept, not about
   * overload (a full queue drops, see RollingRecordingTest).
   */
  private static long replay(Path file, RollingRecording recording)
      throws IOException, InterruptedException {
    int port = ConfigProvider.getConfig().getValue("quarkus.grpc.server.test-port", Integer.class);
    long sent = 0;
    try (ServiceProbe probe = ServiceProbe.onPort(port);
        OtlpJsonLines lines = OtlpJsonLines.open(file, JsonLinesOptions.defaults())) {
      TraceServiceGrpc.TraceServiceBlockingStub traces =
          TraceServiceGrpc.newBlockingStub(probe.channel());
      MetricsServiceGrpc.MetricsServiceBlockingStub metrics =
          MetricsServiceGrpc.newBlockingStub(probe.channel());
      for (Optional<OtlpLine> line = lines.next(); line.isPresent(); line = lines.next()) {
        OtlpLine l = line.get();
        while (recording.queuedBytes() > 2 << 20) {
          Thread.sleep(10);
        }
        export(
            () -> {
              if (l instanceof OtlpLine.Traces t) {
                traces.export(t.request());
              } else {
                metrics.export(((OtlpLine.Metrics) l).request());
              }
            });
        sent++;
      }
    }
    return sent;
  }

  /** Exports once, retrying while the detector is overloaded (as an OTLP exporter does). */
  private static void export(Runnable call) throws InterruptedException {
    for (int attempt = 0; ; attempt++) {
      try {
        call.run();
        return;
      } catch (StatusRuntimeException e) {
        if (e.getStatus().getCode() != Status.Code.RESOURCE_EXHAUSTED || attempt > 50) {
          throw e;
        }
        Thread.sleep(100);
      }
    }
  }

  private static void awaitWritten(RollingRecording recording, long n) throws InterruptedException {
    for (int i = 0; i < 600 && recording.written() < n; i++) {
      Thread.sleep(100);
    }
    assertThat(recording.written())
        .as("requests recorded (dropped: %d)", recording.dropped())
        .isEqualTo(n);
  }

  /** The segments in a directory of their own, as the reader finds a recording directory. */
  private static Path copy(List<Path> segments, Path dir) throws IOException {
    Path copied = Files.createDirectories(dir.resolve("segments"));
    for (Path segment : segments) {
      Files.copy(segment, copied.resolve(segment.getFileName()));
    }
    return copied;
  }

  private static CalibrationResult calibrate(Recording recording, Overlay overlay) {
    return Calibration.calibrate(recording, overlay, CalibrationOptions.named("shop"));
  }

  private static Map<String, Double> rates(CalibrationResult result) {
    return result.endpoints().stream()
        .collect(Collectors.toMap(EndpointCalibration::endpoint, EndpointCalibration::arrivalRate));
  }

  private static FidelitySummary fidelity(TwinSpec twin, Recording against) {
    return Fidelity.evaluate(twin, against, FidelityOptions.defaults().withReplications(5, 2))
        .summary();
  }
}
