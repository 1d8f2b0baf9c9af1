package io.rehearsal.cli.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rehearsal.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code rehearsal gateway bench} with nothing running: it starts an embedded redis-server (AOF,
 * {@code appendfsync always}) and the packaged gateway with the bench policy, warms it up, measures
 * 100 Submits per second for 3 s over real gRPC, and stops both. Every measured Submit must be
 * decided, and allowed by the policy (the automatic path: budget token, outbox, audit).
 */
class GatewayBenchCommandIT {

  @Test
  void shouldStartRedisAndTheGatewayAndMeasureDurableDecisionsWhenNoTargetIsGiven()
      throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));

    int code =
        cli.execute(
            "gateway",
            "bench",
            "--json",
            "--rate",
            "100",
            "--duration",
            "PT3S",
            "--warmup",
            "PT2S");

    assertThat(code).as(err.toString()).isZero();
    JsonNode f = new ObjectMapper().readTree(out.toString());
    assertThat(f.get("gateway").asText()).startsWith("started by the bench");
    assertThat(f.get("redis_appendfsync").asText()).isEqualTo("always");
    assertThat(f.get("sent").asInt()).isEqualTo(300);
    assertThat(f.get("errors").asInt()).as(f.toString()).isZero();
    assertThat(f.get("decisions").asInt()).isEqualTo(300);
    assertThat(f.get("states").get("DECISION_STATE_APPROVED").asInt())
        .as(f.toString())
        .isEqualTo(300);
    assertThat(f.get("p50_ms").asDouble())
        .isPositive()
        .isLessThanOrEqualTo(f.get("p99_ms").asDouble());
    assertThat(f.get("shed_overloaded").asInt()).isZero();
    // the dispatcher kept up: of the 500 approvals (warm-up and run) at most a second's are left
    assertThat(f.get("outbox_pending_at_end").asInt()).isBetween(0, 100);
    // CPU per decision of the three processes over the measured run, as the OS counted it.
    assertThat(f.get("gateway_cpu_ms_per_decision").asDouble()).isPositive();
    assertThat(f.get("redis_cpu_ms_per_decision").asDouble()).isPositive();
    assertThat(f.get("bench_client_cpu_ms_per_decision").asDouble()).isPositive();
    // a 3-s run at 100/s grows no AOF worth rewriting: Redis' forks are reported, and small
    assertThat(f.get("redis_forks_cpu_ms_per_decision").asDouble()).isBetween(0.0, 1.0);
  }
}
