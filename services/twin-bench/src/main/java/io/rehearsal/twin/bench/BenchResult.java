package io.rehearsal.twin.bench;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The figures of one benchmark run, written as one JSON object with snake_case keys.
 *
 * @param requestsPerSec entry requests simulated per wall second by the full engine on the spec,
 *     one core
 * @param leanRequestsPerSec the same for the lean network of queues ({@link LeanNetwork})
 * @param engineVsLean {@code requestsPerSec / leanRequestsPerSec}
 * @param simSpeedup1000rps simulated seconds per wall second on the spec scaled ({@link
 *     SpecScaling}) to the target rate (1,000 requests per second by default), one core
 * @param eventsPerSec engine events per wall second on the spec
 * @param leanEventsPerSec lean events per wall second
 * @param allocatedBytesPerEvent heap bytes the measuring thread allocated per engine event on the
 *     spec, set-up and results of each run included (-1 if unknown)
 * @param scaledAllocatedBytesPerEvent the same on the scaled spec
 * @param eventsPerRequest engine events per entry request
 * @param leanVisitsPerRequest station visits per request in the lean runs
 * @param expectedVisitsPerRequest station visits per request expected from the call graph
 * @param scaleFactor the factor the spec was scaled by
 * @param scaledRequestRate the simulated entry request rate of the scaled spec, per second
 * @param scaledEventsPerSec engine events per wall second on the scaled spec
 * @param engineRuns measured engine runs on the spec
 * @param leanRuns measured lean runs
 * @param scaledRuns measured engine runs on the scaled spec
 * @param runSeconds simulated seconds per run
 * @param warmupSeconds wall seconds of warm-up per phase
 * @param measureSeconds wall seconds measured per phase (configured; a phase lasts at least one
 *     run)
 * @param targetEngineVsLean the target for {@code engineVsLean}
 * @param targetSimSpeedup1000rps the target for {@code simSpeedup1000rps}
 * @param targetsMet whether both targets were met
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder({
  "requests_per_sec",
  "lean_requests_per_sec",
  "engine_vs_lean",
  "sim_speedup_1000rps",
  "events_per_sec",
  "lean_events_per_sec",
  "allocated_bytes_per_event"
})
public record BenchResult(
    double requestsPerSec,
    double leanRequestsPerSec,
    double engineVsLean,
    @JsonProperty("sim_speedup_1000rps") double simSpeedup1000rps,
    double eventsPerSec,
    double leanEventsPerSec,
    double allocatedBytesPerEvent,
    double scaledAllocatedBytesPerEvent,
    double eventsPerRequest,
    double leanVisitsPerRequest,
    double expectedVisitsPerRequest,
    double scaleFactor,
    double scaledRequestRate,
    double scaledEventsPerSec,
    int engineRuns,
    int leanRuns,
    int scaledRuns,
    double runSeconds,
    double warmupSeconds,
    double measureSeconds,
    double targetEngineVsLean,
    @JsonProperty("target_sim_speedup_1000rps") double targetSimSpeedup1000rps,
    boolean targetsMet) {
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  /** This result as one line of JSON. */
  public String toJson() {
    try {
      return JSON.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the bench result as JSON", e);
    }
  }
}
