package io.rehearsal.report.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rehearsal.report.Golden;
import io.rehearsal.report.SampleReports;
import io.rehearsal.report.SimulationReport;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class SimulationJsonTest {
  private final SimulationReport report = SampleReports.simulation();
  private final String json = SimulationJson.render(report);

  @Test
  void shouldWriteTheGoldenBytesWhenRenderingTheSample() {
    Golden.assertMatches("simulation.json", json + "\n");
  }

  @Test
  void shouldWriteIntegralNumbersWithoutAFractionWhenTheyAreWhole() {
    assertThat(json)
        .startsWith("{\"spec\":\"shop\",\"scenario\":\"payment slowdown\",\"seed\":7,")
        .contains("\"replications\":2,\"duration\":600,\"warmup\":60,\"arrival_rate\":10,")
        .contains("\"cost_replica_seconds\":1080.5")
        .contains("\"percentile\":99,\"latency_target\":0.3");
  }

  @Test
  void shouldWriteNullWhenTheRunsNeverRecovered() throws IOException {
    JsonNode root = new ObjectMapper().readTree(json);

    assertThat(root.get("time_to_recover").isNull()).isTrue();
    assertThat(root.path("slos").get(0).path("met").asBoolean()).isFalse();
    assertThat(root.path("endpoints").get(0).path("requests").asLong())
        .isEqualTo(report.endpoints().get(0).requests());
  }

  @Test
  void shouldEscapeQuotesAndNewlinesWhenANameHoldsThem() {
    SimulationReport odd =
        new SimulationReport(
            "a \"quoted\"\nspec",
            report.scenario(),
            report.seed(),
            report.duration(),
            report.warmup(),
            report.runs(),
            report.endpoints(),
            report.slos());

    assertThat(SimulationJson.render(odd)).startsWith("{\"spec\":\"a \\\"quoted\\\"\\nspec\",");
  }

  @Test
  void shouldPrintLargeWholeNumbersAsDoublesWhenBeyondExactLongs() {
    assertThat(Numbers.compact(1e15).toString()).isEqualTo("1.0E15");
    assertThat(Numbers.compact(999.0).toString()).isEqualTo("999");
    assertThat(Numbers.compact(-0.5).toString()).isEqualTo("-0.5");
    assertThat(Numbers.compact(Double.POSITIVE_INFINITY).isNull()).isTrue();
  }
}
