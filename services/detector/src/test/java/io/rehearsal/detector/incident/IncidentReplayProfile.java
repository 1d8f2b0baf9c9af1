package io.rehearsal.detector.incident;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;
import java.util.UUID;

/**
 * A detector of its own for incident replays: detection on event time (so recordings replay faster
 * than real time), the reference shop's SLOs, and a fresh Redis data directory, so the incidents
 * seen are this run's only.
 */
public class IncidentReplayProfile implements QuarkusTestProfile {

  @Override
  public Map<String, String> getConfigOverrides() {
    return Map.of(
        "rehearsal.detector.incidents.clock", "event",
        "rehearsal.detector.incidents.slos",
            "frontend/GET /browse=200@99:0.99,frontend/POST /cart=100@99:0.99,"
                + "frontend/POST /checkout=300@99:0.98",
        "rehearsal.redis.data-dir", "target/redis-incidents-" + UUID.randomUUID());
  }
}
