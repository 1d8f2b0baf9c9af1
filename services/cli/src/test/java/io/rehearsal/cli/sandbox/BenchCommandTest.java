package io.rehearsal.cli.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs the bench on a tiny version of the standard case: keys and consistency, no speed asserted.
 */
class BenchCommandTest {
  @Test
  void shouldPrintTheFiguresWithStableNamesWhenAskedForJson() throws IOException {
    SandboxRun run =
        new SandboxRun(
            "sandbox",
            "bench",
            "--json",
            "--rate",
            "60",
            "--horizon",
            "30",
            "--warmup",
            "20",
            "--detect",
            "10",
            "--seeds",
            "2",
            "--min-replications",
            "2",
            "--max-replications",
            "2");

    assertThat(run.code).as(run.err.toString()).isZero();
    JsonNode json = new ObjectMapper().readTree(run.out.toString());
    assertThat(json.fieldNames())
        .toIterable()
        .contains(
            "seconds_to_decision_1_worker",
            "seconds_to_decision_2_workers",
            "replications_used",
            "best_candidate",
            "top1_agreement");
    assertThat(json.path("seconds_to_decision_2_workers").asDouble()).isPositive();
    assertThat(json.path("replications_used").asInt()).isEqualTo(9 * 2);
    assertThat(json.path("candidates").asInt()).isEqualTo(8);
    assertThat(json.path("identical_across_workers").asBoolean()).isTrue();
    assertThat(json.path("best_candidate_per_seed")).hasSize(2);
    assertThat(json.path("top1_agreement").asDouble()).isIn(0.5, 1.0);
    assertThat(json.path("rate_rps").asDouble()).isEqualTo(60.0);
  }

  @Test
  void shouldCountTheMostOftenPickedBestWhenMeasuringAgreement() {
    assertThat(Bench.agreement(List.of("a", "a", "b", "a", "c"))).isEqualTo(0.6);
    assertThat(Bench.agreement(java.util.Arrays.asList(null, null, "a"))).isEqualTo(2.0 / 3);
    assertThat(Bench.agreement(List.of("a"))).isEqualTo(1.0);
  }

  @Test
  void shouldExitWithUsageErrorWhenTheRateIsNotPositive() {
    SandboxRun run = new SandboxRun("sandbox", "bench", "--rate", "0");
    assertThat(run.code).isEqualTo(2);
    assertThat(run.err.toString()).contains("--rate and --horizon must be > 0");
  }
}
