package io.rehearsal.detector.incident;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Incident detection: {@code rehearsal.detector.incidents.*}. */
@ConfigMapping(prefix = "rehearsal.detector.incidents")
public interface IncidentsConfig {

  /** Whether received spans are watched for incidents. */
  @WithDefault("true")
  boolean enabled();

  /**
   * SLOs as {@code SERVICE/ENDPOINT=MS@PCT:AVAIL}, e.g. {@code frontend/GET /browse=200@99:0.99};
   * endpoints without one get baseline anomaly detection only.
   */
  Optional<List<String>> slos();

  /**
   * Flap suppression in Redis: an incident whose services fire again at most this long after it was
   * resolved re-opens (same id) instead of a new incident. Holds across detector restarts.
   */
  @WithDefault("10m")
  Duration flapWindow();

  /**
   * After a start, live incidents found in Redis are resumed: one that no new detection joins
   * within this much detection time is resolved ("no symptom after the restart").
   */
  @WithDefault("2m")
  Duration resumeGrace();

  /** Incidents kept in Redis; beyond it the oldest resolved ones are deleted. */
  @WithDefault("10000")
  int retained();

  /**
   * Which time detection runs on: {@code wall} (the detector's clock: production) or {@code event}
   * (the latest span end received: replays of recordings through the running detector, faster than
   * real time; never for live traffic, where one skewed client would move detection time).
   */
  @WithDefault("wall")
  DetectionClock clock();

  /**
   * With {@code clock=event}: a span batch that starts more than this after the latest span end
   * received starts a new replay session — a fresh engine, and the previous session's live
   * incidents resolved ("replay session ended") — so recordings replayed one after another, this
   * far apart in event time, are judged as a freshly started detector would judge each.
   */
  @WithDefault("10m")
  Duration sessionGap();

  /** The time incident detection runs on. */
  enum DetectionClock {
    /** The detector's clock. */
    WALL,
    /** The latest span end received. */
    EVENT
  }
}
