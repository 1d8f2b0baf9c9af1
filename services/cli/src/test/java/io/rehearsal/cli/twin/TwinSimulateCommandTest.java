package io.rehearsal.cli.twin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rehearsal.report.SimulationReport;
import io.rehearsal.twin.Simulation;
import io.rehearsal.twin.run.EndpointResult;
import io.rehearsal.twin.run.RunResult;
import io.rehearsal.twin.run.SimulationConfig;
import io.rehearsal.twin.spec.Scenario;
import io.rehearsal.twin.spec.TwinSpec;
import io.rehearsal.twin.spec.TwinSpecs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TwinSimulateCommandTest {
  private static final String SMALL =
      """
      name: small
      services:
        - name: front
          replicas: 2
          workers: 4
          endpoints:
            - name: GET /
              selfTime: {type: lognormal, p50: 0.004, p99: 0.03}
              calls: [{to: back/GET /data, timeout: 0.5}]
        - name: back
          replicas: 1
          workers: 8
          endpoints:
            - name: GET /data
              selfTime: {type: exponential, mean: 0.01}
              errorProbability: 0.01
      traffic:
        - {endpoint: front/GET /, arrivals: {type: poisson, rate: 40}}
      slos:
        - {endpoint: front/GET /, percentile: 99, latency: 0.2, availability: 0.95}
      """;
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;
  private static Path file;

  @BeforeAll
  static void write() throws IOException {
    file = dir.resolve("small.yaml");
    Files.writeString(file, SMALL);
  }

  private static TwinRun simulate(String... extra) {
    String[] base = {
      "twin", "simulate", file.toString(), "--seed", "7", "--duration", "2m", "--warmup", "10s"
    };
    String[] args = new String[base.length + extra.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(extra, 0, args, base.length, extra.length);
    return new TwinRun(args);
  }

  @Test
  void shouldPrintIdenticalJsonWhenTheSeedIsTheSameWhateverTheThreads() {
    TwinRun one = simulate("--replications", "3", "--json", "--threads", "1");
    TwinRun two = simulate("--replications", "3", "--json", "--threads", "3");

    assertThat(one.code).as(one.err.toString()).isZero();
    assertThat(two.code).as(two.err.toString()).isZero();
    assertThat(one.out.toString()).isEqualTo(two.out.toString()).endsWith("}\n");
  }

  @Test
  void shouldReportWhatTheEngineApiComputesWhenOneRunIsSimulated() throws IOException {
    TwinRun run = simulate("--json");
    JsonNode json = JSON.readTree(run.out.toString());
    RunResult direct =
        new Simulation(
                TwinSpecs.read(file), Scenario.NONE, SimulationConfig.of(120).withWarmup(10), 7)
            .run(0);

    JsonNode front = json.get("endpoints").get(0);
    EndpointResult expected = direct.endpoint("front/GET /");
    assertThat(front.get("endpoint").asText()).isEqualTo("front/GET /");
    assertThat(front.get("ok").asLong()).isEqualTo(expected.ok());
    assertThat(front.get("p50").asDouble()).isEqualTo(expected.p50());
    assertThat(front.get("p99").asDouble()).isEqualTo(expected.p99());
    assertThat(front.get("throughput").asDouble()).isEqualTo(expected.throughput());
    assertThat(json.get("endpoints").get(1).get("error_rate").asDouble())
        .isEqualTo(direct.endpoint("back/GET /data").errorRate());
    JsonNode slo = json.get("slos").get(0);
    assertThat(slo.get("met").asBoolean()).isEqualTo(direct.slos().get(0).met());
    assertThat(slo.get("latency").asDouble()).isEqualTo(direct.slos().get(0).latency());
    assertThat(json.get("arrival_rate").asDouble()).isEqualTo(direct.arrivalRate());
  }

  @Test
  void shouldPoolReplicationsWhenSeveralRun() throws IOException {
    JsonNode json = JSON.readTree(simulate("--replications", "2", "--json").out.toString());
    TwinSpec spec = TwinSpecs.read(file);
    List<RunResult> runs =
        new Simulation(spec, Scenario.NONE, SimulationConfig.of(120).withWarmup(10), 7)
            .runReplications(2, 1);

    JsonNode front = json.get("endpoints").get(0);
    long ok = runs.stream().mapToLong(r -> r.endpoint("front/GET /").ok()).sum();
    assertThat(front.get("ok").asLong()).isEqualTo(ok);
    assertThat(front.get("throughput").asDouble()).isCloseTo(ok / 110.0 / 2, within(1e-9));
    assertThat(front.get("p99").asDouble())
        .isEqualTo(SimulationReport.percentile(SimulationReport.pooled(runs, 0), 99));
    assertThat(json.get("slos").get(0).get("runs").asInt()).isEqualTo(2);
  }

  @Test
  void shouldPrintATableAndSloVerdictsWhenNotAskedForJson() {
    TwinRun run = simulate();

    assertThat(run.code).as(run.err.toString()).isZero();
    assertThat(run.out.toString())
        .contains("endpoint", "p50 ms", "p95 ms", "p99 ms", "error %", "ok/s")
        .contains("front/GET /", "back/GET /data")
        .containsPattern("(MET|BREACHED) +front/GET /: p99 <= 200\\.0 ms");
    assertThat(run.err.toString()).doesNotContain("[#");
  }

  @Test
  void shouldDrawTheProgressBarOnStderrWhenAskedTo() {
    TwinRun run = simulate("--replications", "2", "--progress", "--json");

    assertThat(run.code).isZero();
    assertThat(run.err.toString()).contains("] 2/2 runs");
    assertThat(run.out.toString()).doesNotContain("runs ").startsWith("{");
  }

  @Test
  void shouldExitWithUsageErrorWhenTheWarmupIsNotShorterThanTheRun() {
    TwinRun run =
        new TwinRun("twin", "simulate", file.toString(), "--duration", "2m", "--warmup", "3m");

    assertThat(run.code).isEqualTo(2);
    assertThat(run.err.toString()).contains("--warmup must be in [0, --duration), but was 180.0");
  }
}
