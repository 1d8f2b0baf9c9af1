package io.rehearsal.detector.incident;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
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
}
