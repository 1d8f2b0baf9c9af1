package io.rehearsal.cli.demo;

import io.rehearsal.calibration.Calibration;
import io.rehearsal.calibration.CalibrationOptions;
import io.rehearsal.calibration.CalibrationResult;
import io.rehearsal.calibration.Overlay;
import io.rehearsal.calibration.WarmUp;
import io.rehearsal.cli.CommandFailure;
import io.rehearsal.cli.twin.RecordingInput;
import io.rehearsal.otlp.RecordingOptions;
import io.rehearsal.otlp.Recordings;
import io.rehearsal.store.RedisStore;
import io.rehearsal.store.SnapshotId;
import io.rehearsal.store.StoreConfig;
import io.rehearsal.store.TwinFidelityRecord;
import io.rehearsal.telemetry.Recording;
import io.rehearsal.twin.spec.TwinSpecs;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Calibrates the twin from what the detector recorded, as {@code rehearsal twin calibrate --from
 * <recording dir> --overlay overlay.yaml} does, and hands it over the way the detector reads a
 * twin: written (atomically) to the file {@code rehearsal.drift.twin-file} names, which the
 * detector's drift check stores as a snapshot and makes current; the sandbox and the gateway read
 * the current snapshot from the store.
 */
final class TwinHandOff {

  /** What one calibration produced, for the timeline. */
  record Calibrated(int services, int endpoints, double periodSeconds, double warmUpSeconds) {
    String describe(Path twinFile) {
      return String.format(
          Locale.ROOT,
          "twin calibrated from %.0f s of recorded telemetry (warm-up %.0f s left out): %d services,"
              + " %d endpoints; handed to the detector as %s",
          periodSeconds,
          warmUpSeconds,
          services,
          endpoints,
          twinFile);
    }
  }

  private TwinHandOff() {}

  /**
   * Calibrates from the recording without its warm-up: what MSER-5 finds, but at least {@code
   * coldStart} after the first request (the shop's JVMs had just started; MSER-5 needs 50 busy
   * seconds per endpoint to take part, more than a short baseline has).
   */
  static Calibrated calibrate(
      Path recordingDir, Path overlayFile, Path twinFile, Duration coldStart) {
    Path snapshot = snapshot(recordingDir, twinFile.resolveSibling("calibrated-from"));
    StringWriter skipped = new StringWriter();
    RecordingOptions options = RecordingInput.skippingBadLines(new PrintWriter(skipped));
    Recording recording = RecordingInput.read(() -> Recordings.read(snapshot, options));
    WarmUp warmUp = WarmUp.detect(recording);
    Recording steady = warmUp.apply(recording);
    double dropped = warmUp.droppedSeconds();
    if (dropped < coldStart.toSeconds()) {
      steady =
          recording.slice(recording.firstRootStartNanos() + coldStart.toNanos(), Long.MAX_VALUE);
      dropped = coldStart.toSeconds();
    }
    CalibrationResult result;
    try {
      result =
          Calibration.calibrate(
              steady, Overlay.read(overlayFile), CalibrationOptions.named("reference-shop-demo"));
    } catch (RuntimeException e) {
      throw new CommandFailure(
          "calibrating from " + recordingDir + " failed: " + e.getMessage(), e);
    }
    write(TwinSpecs.toYaml(result.spec()), twinFile);
    return new Calibrated(
        result.spec().services().size(),
        result.endpoints().size(),
        result.periodSeconds(),
        dropped);
  }

  /**
   * Waits until the detector has stored the twin file as a snapshot and made it current (its drift
   * check looks at the file once a period); the loop is off while no twin is current.
   *
   * @return the current snapshot's id, or empty if none became current within {@code timeout}
   */
  static Optional<String> awaitCurrent(String redisUri, Duration timeout)
      throws InterruptedException {
    try (RedisStore store = RedisStore.connect(StoreConfig.defaults().withRedisUrl(redisUri))) {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (System.nanoTime() < deadline) {
        Optional<SnapshotId> current = store.twinSnapshots().current();
        if (current.isPresent()) {
          return current.map(SnapshotId::hex);
        }
        Thread.sleep(500);
      }
      return Optional.empty();
    }
  }

  /**
   * Waits for the detector's first drift check of the current twin on live traffic, the fidelity
   * the gateway's policy reads ({@code twin.p99_mape}); the fault waits for it, so the twin is
   * judged on the healthy shop.
   *
   * @return the measured fidelity, or empty if none was recorded within {@code timeout}
   */
  static Optional<TwinFidelityRecord> awaitFidelity(String redisUri, Duration timeout)
      throws InterruptedException {
    try (RedisStore store = RedisStore.connect(StoreConfig.defaults().withRedisUrl(redisUri))) {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (System.nanoTime() < deadline) {
        Optional<TwinFidelityRecord> measured =
            store.twinSnapshots().current().flatMap(store.twinSnapshots()::fidelity);
        if (measured.isPresent()) {
          return measured;
        }
        Thread.sleep(500);
      }
      return Optional.empty();
    }
  }

  /**
   * Copies the detector's segments as they are now: the detector closes (gzips and renames) a
   * segment while it is being read, so a file that vanishes between listing and copying is left
   * out, and its closed successor taken if it is there by then.
   */
  static Path snapshot(Path recordingDir, Path into) {
    try {
      Files.createDirectories(into);
      for (int pass = 0; pass < 2; pass++) {
        try (Stream<Path> files = Files.list(recordingDir)) {
          for (Path file : files.sorted().toList()) {
            copyIfStillThere(file, into.resolve(file.getFileName().toString()));
          }
        }
      }
      return into;
    } catch (IOException e) {
      throw new CommandFailure(
          "cannot read the detector's recording " + recordingDir + ": " + e.getMessage(), e);
    }
  }

  private static void copyIfStillThere(Path file, Path target) throws IOException {
    String name = file.getFileName().toString();
    boolean closedTwin = Files.exists(target.resolveSibling(name + ".gz"));
    if (closedTwin || (Files.exists(target) && name.endsWith(".gz"))) {
      return;
    }
    try {
      Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
      if (name.endsWith(".gz")) {
        Files.deleteIfExists(target.resolveSibling(name.substring(0, name.length() - 3)));
      }
    } catch (NoSuchFileException e) {
      // closed and renamed meanwhile: the second pass takes the closed file
    }
  }

  /** Write then rename, so the detector never reads half a spec. */
  private static void write(String text, Path twinFile) {
    try {
      Path next = twinFile.resolveSibling(twinFile.getFileName() + ".new");
      Files.writeString(next, text);
      Files.move(
          next, twinFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new CommandFailure("cannot write the twin " + twinFile + ": " + e.getMessage(), e);
    }
  }
}
