package io.rehearsal.calibration.fidelity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.rehearsal.calibration.Calibration;
import io.rehearsal.calibration.CalibrationOptions;
import io.rehearsal.calibration.Overlay;
import io.rehearsal.calibration.WarmUp;
import io.rehearsal.otlp.Dataset;
import io.rehearsal.otlp.RecordingOptions;
import io.rehearsal.telemetry.Recording;
import io.rehearsal.twin.spec.TwinSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The acceptance check on the real reference shop: a twin calibrated on the baseline
 * recording predicts the recording at twice the load, which it never saw, within the targets. The
 * same steps as {@code rehearsal twin calibrate --skip 75} then {@code rehearsal twin fidelity}
 * with their defaults. Skipped when the recordings are absent (see
 * examples/reference-shop/record-all.sh).
 */
class ReferenceShopFidelityTest {
  private static final Dataset DATA = Dataset.at(Path.of("../../ml-models/data/reference-shop"));
  private static final String LOAD_2X = "load2x.otlp.jsonl.gz";

  /**
   * The baseline recording's first half is still warming up (JIT): median latencies fall by about a
   * fifth across it, and calibration flags the drift. Its second half is calibrated on.
   */
  private static final RecordingOptions WARMED_UP = RecordingOptions.defaults().skip(75);

  @Test
  void shouldPredictTwiceTheLoadWithinTheTargetsWhenCalibratedOnTheBaseline() throws IOException {
    assertWithinTargets(DATA.baseline(WARMED_UP), "--skip 75");
  }

  /** Without --skip: MSER-5 finds the warm-up itself, and the targets hold all the same. */
  @Test
  void shouldFindTheWarmUpAndMeetTheTargetsWhenNoSkipIsGiven() throws IOException {
    assumeTrue(Files.exists(DATA.dir().resolve(Dataset.BASELINE)), "recordings absent");
    Recording whole = DATA.baseline(RecordingOptions.defaults());
    WarmUp warmUp = WarmUp.detect(whole);
    assertThat(warmUp.droppedSeconds()).as("%s", warmUp).isBetween(20.0, 100.0);
    assertWithinTargets(warmUp.apply(whole), warmUp.toString());
  }

  private static void assertWithinTargets(Recording baseline, String how) throws IOException {
    assumeTrue(
        Files.exists(DATA.dir().resolve(Dataset.BASELINE))
            && Files.exists(DATA.dir().resolve(LOAD_2X)),
        "reference-shop recordings absent");
    Overlay overlay = Overlay.read(DATA.overlay().orElseThrow());
    TwinSpec twin =
        Calibration.calibrate(baseline, overlay, CalibrationOptions.named("baseline")).spec();

    FidelitySummary summary =
        Fidelity.evaluate(
                twin,
                DATA.recording(LOAD_2X, RecordingOptions.defaults()),
                FidelityOptions.defaults().withReplications(5, 2))
            .summary();

    assertThat(summary.endpoints()).as("%s after %s", summary, how).isEqualTo(10);
    assertThat(summary.p50Mape()).as("%s after %s", summary, how).isLessThanOrEqualTo(0.10);
    assertThat(summary.p99Mape()).as("%s after %s", summary, how).isLessThanOrEqualTo(0.25);
    assertThat(summary.throughputMape()).as("%s after %s", summary, how).isLessThanOrEqualTo(0.05);
    assertThat(summary.errorRateAbsDiff())
        .as("%s after %s", summary, how)
        .isLessThanOrEqualTo(0.01);
  }
}
