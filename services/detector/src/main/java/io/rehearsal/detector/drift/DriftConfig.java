package io.rehearsal.detector.drift;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;

/** The drift check between live windows and the current twin: {@code rehearsal.drift.*}. */
@ConfigMapping(prefix = "rehearsal.drift")
public interface DriftConfig {

  /** Whether the check runs at all. */
  @WithDefault("true")
  boolean enabled();

  /** How often the latest windows are compared with the twin. */
  @WithDefault("60s")
  Duration period();

  /** The windows compared: those that started at most this long ago. */
  @WithDefault("5m")
  Duration lookback();

  /** The measure the bound applies to: p50_mape, p99_mape, throughput_mape, error_rate_abs_diff. */
  @WithDefault("p99_mape")
  String metric();

  /**
   * Above this, the twin is marked stale. 0.4 on p99_mape: production's p99 latency is 40% away
   * from the twin's on average over endpoints (a system twice as slow as its twin scores 0.5).
   */
  @WithDefault("0.4")
  double bound();

  /**
   * Windows from this long before an incident opened (its detection delay) until it resolved are
   * left out of the check: they show the fault, not the twin's fidelity.
   */
  @WithDefault("1m")
  Duration incidentMargin();

  /** Bound on windows read per check. */
  @WithDefault("1000")
  int maxWindows();

  /** Simulated seconds per twin run (after the warm-up). */
  @WithDefault("120s")
  Duration simulated();

  /** Simulated warm-up seconds per twin run. */
  @WithDefault("20s")
  Duration warmup();

  /** Twin runs pooled per check. */
  @WithDefault("2")
  int replications();

  /** Master seed of the twin runs. */
  @WithDefault("1")
  long seed();

  /**
   * Endpoints with fewer requests in the windows are left out of the summary (a 99th percentile of
   * fewer requests is mostly noise); without any endpoint in the summary there is no verdict.
   */
  @WithDefault("100")
  int minRequests();

  /**
   * A twin spec file (YAML or JSON), e.g. written by {@code rehearsal twin calibrate -o}: when it
   * exists and whenever it changes, it is stored as a snapshot and made the current twin. Absent:
   * the current twin is whatever was set in the store.
   */
  @WithDefault("${user.home}/.rehearsal/twin.yaml")
  Path twinFile();
}
