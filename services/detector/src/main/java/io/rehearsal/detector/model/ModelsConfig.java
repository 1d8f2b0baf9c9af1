package io.rehearsal.detector.model;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;

/** The trained latency model: {@code rehearsal.models.*}. */
@ConfigMapping(prefix = "rehearsal.models")
public interface ModelsConfig {

  /** Whether models are trained and scored at all. */
  @WithDefault("true")
  boolean enabled();

  /** Where the versioned artifacts are kept (one file per version). */
  Path dir();

  /** How often a new version is trained from the latest windows. */
  @WithDefault("1h")
  Duration retrainEvery();

  /** How often new windows are scored with the version in use. */
  @WithDefault("10s")
  Duration scoreEvery();

  /** Windows trained on: the newest this many (8,640 = a day of 10-s windows). */
  @WithDefault("8640")
  int trainingWindows();

  /** Windows an endpoint needs in the training data to be trained on. */
  @WithDefault("60")
  int minPoints();

  /** The lowest alarm threshold a trained version may have, in [0, 1]. */
  @WithDefault("0.9")
  double minAlarm();

  /**
   * How long CAD OSE stays quiet after a high score: 150 windows of 10 s (NAB's defaults rest 12.5
   * hours, 150 rows of its 5-minute series; telemetry windows are 30 times shorter).
   */
  @WithDefault("25m")
  Duration contextRest();

  /** How long the combination stays quiet after a spatial anomaly: 100 windows of 10 s. */
  @WithDefault("1000s")
  Duration combinationRest();

  /** Versions kept on disk; older ones are deleted after a new one is written. */
  @WithDefault("10")
  int keptVersions();
}
