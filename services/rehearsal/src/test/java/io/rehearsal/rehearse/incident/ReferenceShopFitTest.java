package io.rehearsal.rehearse.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.rehearsal.calibration.Calibration;
import io.rehearsal.calibration.CalibrationOptions;
import io.rehearsal.calibration.Overlay;
import io.rehearsal.otlp.Dataset;
import io.rehearsal.otlp.RecordingOptions;
import io.rehearsal.rehearse.fitting.FitConfig;
import io.rehearsal.twin.spec.TwinSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Fault fitting on the real reference shop: a twin calibrated on the baseline recording fits every
 * labelled incident recording (20) with {@code rehearsal sandbox fit-eval}'s default search budget,
 * and the top hypothesis names the injected fault's kind and target in at least 9 of 10 (the
 * issue's target). The fitting is seeded, so the figure is the same on every machine. Skipped when
 * the recordings are absent (see examples/reference-shop/record-incidents.sh).
 */
class ReferenceShopFitTest {
  private static final Dataset DATA = Dataset.at(Path.of("../../ml-models/data/reference-shop"));

  /** fit-eval's defaults: warm-up, seed, refine, evaluations, threads, replications. */
  private static final FitConfig CONFIG = new FitConfig(30, 7, 3, 5, 2, 3);

  /** fit-eval's defaults: symptoms for 24 s after the onset in 2 s buckets, 20 s of baseline. */
  private static final double WINDOW = 24;

  private static final double BUCKET = 2;
  private static final double BASELINE = 20;

  @Test
  void shouldNameTheInjectedFaultFirstWhenFittingTheReferenceShopIncidents() throws IOException {
    assumeTrue(
        Files.exists(DATA.dir().resolve(Dataset.INCIDENTS)), "reference-shop recordings absent");
    TwinSpec twin = calibrated();
    List<Incident> incidents = new ArrayList<>();
    for (RecordedIncident r : RecordedIncident.read(DATA.incidents())) {
      incidents.add(extract(r));
    }

    FitReport report = FitEvaluation.evaluate(twin, incidents, CONFIG);

    assertThat(report.outcomes()).hasSizeGreaterThanOrEqualTo(20);
    assertThat(report.top1Accuracy())
        .as("missed: %s", report.outcomes().stream().filter(o -> !o.correct()).toList())
        .isGreaterThanOrEqualTo(0.9);
  }

  /** As fit-eval calibrates: the baseline without its 75 s of warm-up, with the overlay. */
  private static TwinSpec calibrated() throws IOException {
    Overlay overlay = Overlay.read(DATA.overlay().orElseThrow());
    return Calibration.calibrate(
            DATA.baseline(RecordingOptions.defaults().skip(75)),
            overlay,
            CalibrationOptions.named("baseline"))
        .spec();
  }

  private static Incident extract(RecordedIncident r) throws IOException {
    return r.extract(
        DATA.recording(r.recording(), RecordingOptions.defaults()),
        r.kind() + " on " + r.target(),
        WINDOW,
        BUCKET,
        BASELINE);
  }
}
