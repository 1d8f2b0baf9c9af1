package io.rehearsal.cli.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rehearsal.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code rehearsal gateway chaos --cycles 3}: the packaged gateway over a real redis-server that is
 * killed with SIGKILL in each cycle of a Submit load over real gRPC, and restarted on the same
 * directory. The full campaign is {@code --cycles 20} (docs/gateway.md).
 */
class GatewayChaosCommandIT {

  @TempDir Path work;

  @Test
  void shouldLoseAndDuplicateNothingWhenRedisIsKilledThreeTimesUnderLoad() throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));

    int code =
        cli.execute("gateway", "chaos", "--cycles", "3", "--json", "--work-dir", work.toString());

    assertThat(code).as(err.toString()).isZero();
    JsonNode f = new ObjectMapper().readTree(out.toString());
    assertThat(f.get("per_cycle")).hasSize(3);
    assertThat(f.get("sent").asInt()).isEqualTo(900);
    assertThat(f.get("unacknowledged_after_retries").asInt()).isZero();
    assertThat(f.get("lost_acknowledged_decisions").asInt()).isZero();
    assertThat(f.get("lost_audit_entries").asInt()).isZero();
    assertThat(f.get("lost_creation_events").asInt()).isZero();
    assertThat(f.get("duplicate_creations").asInt()).isZero();
    assertThat(f.get("duplicate_creation_events").asInt()).isZero();
    assertThat(f.get("duplicate_audit_keys").asInt()).isZero();
    // every request became exactly one audited decision, and the chain over them verifies
    assertThat(f.get("audit_entries").asInt()).isEqualTo(900);
    assertThat(f.get("audit_chain").asText()).startsWith("Intact[entries=900");
    assertThat(f.get("passed").asBoolean()).isTrue();
  }
}
