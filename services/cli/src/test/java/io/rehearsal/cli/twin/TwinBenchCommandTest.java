package io.rehearsal.cli.twin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Only the shape of the output: speed is measured by the benchmark, not asserted by tests. */
class TwinBenchCommandTest {

  @Test
  void shouldPrintOneJsonObjectWithTheFiguresWhenAskedForJson() throws IOException {
    TwinRun run =
        new TwinRun(
            "twin", "bench", "--json", "--warmup", "0", "--measure", "0", "--run-seconds", "5");

    assertThat(run.code).as(run.err.toString()).isZero();
    List<String> lines = run.out.toString().lines().toList();
    assertThat(lines).hasSize(1);
    JsonNode json = new ObjectMapper().readTree(lines.get(0));
    for (String key :
        List.of(
            "requests_per_sec",
            "lean_requests_per_sec",
            "engine_vs_lean",
            "sim_speedup_1000rps",
            "events_per_sec",
            "allocated_bytes_per_event",
            "warmup_seconds",
            "measure_seconds")) {
      assertThat(json.has(key)).as(key).isTrue();
    }
    assertThat(json.get("engine_vs_lean").asDouble())
        .isCloseTo(
            json.get("requests_per_sec").asDouble() / json.get("lean_requests_per_sec").asDouble(),
            within(1e-9));
    assertThat(json.get("scaled_request_rate").asDouble()).isCloseTo(1000, within(100.0));
  }

  @Test
  void shouldExitWithUsageErrorWhenTheRunLengthIsOutOfRange() {
    TwinRun run = new TwinRun("twin", "bench", "--run-seconds", "0");

    assertThat(run.code).isEqualTo(2);
    assertThat(run.err.toString()).contains("runSeconds must be in (0, 3600], but was 0.0");
  }
}
