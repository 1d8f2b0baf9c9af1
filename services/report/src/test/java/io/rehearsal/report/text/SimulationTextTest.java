package io.rehearsal.report.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.rehearsal.report.Golden;
import io.rehearsal.report.SampleReports;
import org.junit.jupiter.api.Test;

class SimulationTextTest {
  private final String text = SimulationText.render(SampleReports.simulation());

  @Test
  void shouldPrintTheGoldenTableWhenRenderingTheSample() {
    Golden.assertMatches("simulation.txt", text.replace(System.lineSeparator(), "\n"));
  }

  @Test
  void shouldGiveTheVerdictAndTheRunsThatMetItWhenAnSloIsBreachedOnce() {
    assertThat(text)
        .contains(
            "shop, scenario payment slowdown, seed 7: 2 runs of 600 s (first 60 s not measured)")
        .containsPattern("BREACHED +front/GET /: p99 <= 300\\.0 ms .* \\(1/2 runs met\\)")
        .contains("time to recover never s");
  }
}
