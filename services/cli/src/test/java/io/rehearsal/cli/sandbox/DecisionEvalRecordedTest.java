package io.rehearsal.cli.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The twin's ranking against what really happened, on two of the recorded incidents in
 * ml-models/data/reference-shop/decisions (each candidate applied for real in the running shop).
 * Scaled down for the default suite (fewer replications, two incidents); the full set is `rehearsal
 * sandbox decision-eval` (10 incidents: top1_agreement 0.90, kendall_tau 0.67 on 2026-12-07).
 * Tolerance: the twin's best must be one of reality's best (arms whose real utility is not
 * distinguishable from the best), and its order must agree with reality's on these two.
 */
class DecisionEvalRecordedTest {

  private static final Path DATA = Path.of("../../ml-models/data/reference-shop/decisions");

  @Test
  void shouldPickARealBestAndOrderLikeRealityWhenRehearsingRecordedIncidents() throws Exception {
    SandboxRun run =
        new SandboxRun(
            "sandbox",
            "decision-eval",
            "--data",
            DATA.toString(),
            "--incident",
            "incident-latency",
            "--incident",
            "incident-slow-dependency",
            "--min-replications",
            "6",
            "--max-replications",
            "20",
            "--threads",
            "2",
            "--json");

    assertThat(run.code).as(run.err.toString()).isZero();
    JsonNode report = new ObjectMapper().readTree(run.out.toString());
    assertThat(report.path("incidents").asInt()).isEqualTo(2);
    assertThat(report.path("top1_agreement").asDouble()).isEqualTo(1.0);
    assertThat(report.path("kendall_tau").asDouble()).isGreaterThanOrEqualTo(0.6);
  }
}
